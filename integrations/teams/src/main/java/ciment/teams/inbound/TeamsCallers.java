package ciment.teams.inbound;

import ciment.core.i18n.Message;
import ciment.core.model.Caller;
import ciment.core.model.ChatAccount;
import ciment.core.model.Directory;
import ciment.core.model.Introduction;
import ciment.core.model.Platform;
import ciment.core.model.Recipient;
import ciment.core.model.Refusal;
import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.ConversationAccount;
import com.microsoft.bot.schema.Serialization;
import com.microsoft.bot.schema.teams.TeamsChannelAccount;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link Caller} of an activity (a message, a click, a reaction, a search): the sender's AAD object id
 * in the conversation's tenant, where later answers go, and how Ciment meets them. Their email address and
 * guest status come from the Bot Connector's member lookup, asked only when Ciment meets them and on whoami.
 */
public final class TeamsCallers {
    private static final Logger LOG = LoggerFactory.getLogger(TeamsCallers.class);
    private static final Function<String, Optional<TeamsChannelAccount>> NO_MEMBERS = memberId -> Optional.empty();

    private final TeamsIntroduction introductions;
    private final Clock clock;

    public TeamsCallers(TeamsIntroduction introductions, Clock clock) {
        this.introductions = introductions;
        this.clock = clock;
    }

    /** The sender, introduced by their name alone (no Bot Connector to ask). */
    public Caller caller(Activity activity) {
        return caller(activity, Directory.NONE, NO_MEMBERS);
    }

    /** The sender of a turn that names nobody else (a click, a reaction, an edit): the Bot Connector asked about them. */
    Caller caller(TurnContext turnContext) {
        return caller(turnContext.getActivity(), Directory.NONE, memberId -> TeamsDirectory.member(turnContext, memberId));
    }

    /**
     * The sender: their AAD object id (the Teams user id when there is none) in the conversation's tenant.
     *
     * @param members the Bot Connector's member lookup, asked (once) only if Ciment asks who the sender is
     */
    Caller caller(Activity activity, Directory directory, Function<String, Optional<TeamsChannelAccount>> members) {
        ChannelAccount from = activity.getFrom();
        String userId = from == null ? null : firstText(from.getAadObjectId(), from.getId());
        if (userId == null) {
            throw new IllegalArgumentException("the activity names no sender (from.id)");
        }
        String tenant = tenantOf(activity);
        ChatAccount account = new ChatAccount(Platform.TEAMS, tenant, userId);
        Supplier<Introduction> introduction = once(() -> introduce(activity, tenant, members).speaking(activity.getLocale()));
        return new Caller(account, introduction, requestIdOf(activity), timeOf(activity), directory,
                replyTo(account, activity), TeamsChannelMessages.channelOf(activity, tenant), activity.getLocale());
    }

    /**
     * The person searching, as Ciment already knows them: meeting someone new needs the Bot Connector's
     * member lookup (guest or not), which has no place in a 5-second search, so a stranger is told to say
     * hello to the bot first.
     */
    Caller searcher(Activity activity) {
        Caller caller = caller(activity);
        return new Caller(caller.account(), () -> {
            throw new Refusal(Message.of("core.search.unknownAsker"));
        }, caller.requestId(), caller.at(), Directory.NONE, caller.replyTo(), null, caller.locale());
    }

    /**
     * Where a later answer goes: the conversation the command came from (a personal chat, a group chat, or
     * the channel thread it was sent in), through the Bot Connector that brought it.
     */
    private static Recipient replyTo(ChatAccount sender, Activity activity) {
        ConversationAccount conversation = activity.getConversation();
        String conversationId = conversation == null ? null : firstText(conversation.getId(), null);
        return new Recipient(sender, conversationId, firstText(activity.getServiceUrl(), null));
    }

    /**
     * The sender as the member lookup describes them. Only Teams has that lookup (not the Emulator, whose
     * senders are met by name); when it fails, the command is refused and nothing is written.
     */
    private Introduction introduce(Activity activity, String tenant, Function<String, Optional<TeamsChannelAccount>> members) {
        ChannelAccount from = activity.getFrom();
        String name = from.getName();
        if (!"msteams".equals(activity.getChannelId()) || from.getId() == null || from.getId().isBlank()) {
            return introductions.withoutLookup(name, tenant);
        }
        try {
            return members.apply(from.getId())
                    .map(member -> introductions.of(name, member, tenant))
                    .orElseGet(() -> introductions.withoutLookup(name, tenant));
        } catch (RuntimeException failed) {
            // Meeting a guest as an employee would show them every community: refuse rather than guess.
            LOG.warn("Member lookup of the sender of activity {} failed: {}", activity.getId(), failed.toString());
            throw new Refusal(Message.of("teams.introduction.failed"));
        }
    }

    /** Asks at most once, however often Ciment calls it in one command (first contact, then whoami). */
    private static <T> Supplier<T> once(Supplier<T> supplier) {
        return new Supplier<>() {
            private T value;
            private boolean asked;

            @Override
            public T get() {
                if (!asked) {
                    value = supplier.get();
                    asked = true;
                }
                return value;
            }
        };
    }

    static String tenantOf(Activity activity) {
        ConversationAccount conversation = activity.getConversation();
        String inConversation = conversation == null ? null : conversation.getTenantId();
        String inChannelData = null;
        if (activity.getChannelData() != null) {
            JsonNode channelData = Serialization.objectToTree(activity.getChannelData());
            JsonNode id = channelData == null ? null : channelData.path("tenant").path("id");
            inChannelData = id != null && id.isTextual() ? id.asText() : null;
        }
        String tenant = firstText(inConversation, inChannelData);
        return tenant == null ? CimentBot.NO_TENANT : tenant;
    }

    static String conversationIdOf(Activity activity) {
        return activity.getConversation() == null ? null : activity.getConversation().getId();
    }

    /** The Bot Connector may deliver an activity again: its conversation and id name it for good. */
    static String requestIdOf(Activity activity) {
        ConversationAccount conversation = activity.getConversation();
        if (conversation == null || conversation.getId() == null || activity.getId() == null) {
            return null;
        }
        return conversation.getId() + "|" + activity.getId();
    }

    private Instant timeOf(Activity activity) {
        OffsetDateTime timestamp = activity.getTimestamp();
        return timestamp == null ? clock.instant() : timestamp.toInstant();
    }

    private static String firstText(String first, String second) {
        if (first != null && !first.isBlank()) {
            return first;
        }
        return second != null && !second.isBlank() ? second : null;
    }
}
