package ciment.teams.render;

import ciment.core.i18n.Catalogue;
import ciment.core.i18n.Language;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.bot.builder.Middleware;
import com.microsoft.bot.restclient.serializer.JacksonAdapter;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ActivityTypes;
import com.microsoft.bot.schema.TextFormatTypes;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The size of what Ciment sends Teams, counted as the Bot Connector receives it, and the one check every
 * outgoing activity passes. The SDK's REST client writes a request with its own mapper
 * ({@code JacksonAdapter}, UTF-8, {@code writeValueAsBytes}), which escapes each half of a surrogate pair:
 * an emoji costs 12 bytes on the wire (\uD83D\uDE00), a control character 6, a CJK character 3, while
 * {@code toString()} counts the emoji as 4 bytes. So sizes are measured here with that very mapper.
 *
 * <p>Teams refuses a message of more than about 28 KB (413 MessageSizeTooBig): {@link #LIMIT} is the most
 * a request body may be. A card is drawn within {@link #CARD_BUDGET}, which leaves {@link #ENVELOPE} bytes
 * for the rest of its activity: the summary (cut to {@link #SUMMARY_MAX} characters) and what the adapter
 * adds to a reply (from, recipient and conversation with their ids and names, serviceUrl, replyToId).
 */
public final class TeamsWire {
    /** The most a request body to the Bot Connector may be, in bytes as sent. */
    public static final int LIMIT = 28_000;
    /** Kept free in an activity for everything but its card. */
    static final int ENVELOPE = 4_000;
    /** The most a card may be, in bytes as sent. */
    public static final int CARD_BUDGET = LIMIT - ENVELOPE;
    /** An activity's summary (the notification's line) is cut to this many characters. */
    public static final int SUMMARY_MAX = 120;

    private static final Logger LOG = LoggerFactory.getLogger(TeamsWire.class);
    private static final ObjectMapper SDK = new JacksonAdapter().serializer();

    private TeamsWire() {
    }

    /** The bytes of {@code value} (an activity, a card, an invoke response) as the SDK's REST client sends it. */
    public static int bytes(Object value) {
        try {
            return SDK.writeValueAsBytes(value).length;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not writable as the SDK writes it", e);
        }
    }

    /** As {@link #within(Activity, Catalogue)}, its sentence in English (the senders that do not know the reader's language). */
    public static Activity within(Activity activity) {
        return within(activity, Catalogue.ENGLISH);
    }

    /**
     * The activity if it fits in {@link #LIMIT}; otherwise (a card drawn too large, which is a bug) a plain
     * sentence in its place (teams.tooLarge, said with {@code words}), logged, rather than a message Teams refuses.
     */
    public static Activity within(Activity activity, Catalogue words) {
        if (activity == null || !ActivityTypes.MESSAGE.equals(activity.getType())) {
            return activity;
        }
        int size = bytes(activity);
        if (size <= LIMIT) {
            return activity;
        }
        LOG.error("An activity of {} bytes (more than Teams' {}) was replaced by a sentence; its summary: {}", size,
                LIMIT, activity.getSummary());
        activity.setAttachments(List.of());
        activity.setSummary(null);
        activity.setText(words.say("teams.tooLarge"));
        activity.setTextFormat(TextFormatTypes.PLAIN);
        return activity;
    }

    /** A summary (the line a notification shows) within {@link #SUMMARY_MAX} characters. */
    public static String summary(String sentence) {
        return CardText.cut(sentence, SUMMARY_MAX);
    }

    /**
     * For the adapter: every activity a turn sends or updates passes {@link #within}, once the adapter has
     * added its envelope (the conversation reference is applied before these handlers run). Its sentence is
     * in the language the turn's activity says (its locale).
     */
    public static Middleware middleware() {
        return (turn, next) -> {
            Catalogue words = Catalogue.first(Language.ofTag(turn.getActivity() == null ? null
                    : turn.getActivity().getLocale()));
            turn.onSendActivities((context, activities, send) -> {
                activities.forEach(activity -> within(activity, words));
                return send.get();
            });
            turn.onUpdateActivity((context, activity, update) -> {
                within(activity, words);
                return update.get();
            });
            return next == null ? CompletableFuture.completedFuture(null) : next.next();
        };
    }
}
