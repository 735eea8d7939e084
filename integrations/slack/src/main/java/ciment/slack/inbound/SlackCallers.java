package ciment.slack.inbound;

import ciment.core.Ciment;
import ciment.core.i18n.Catalogue;
import ciment.core.i18n.Message;
import ciment.core.model.Caller;
import ciment.core.model.Channel;
import ciment.core.model.ChatAccount;
import ciment.core.model.Platform;
import ciment.core.model.Recipient;
import ciment.core.reply.Answer;
import ciment.core.reply.Reply;
import ciment.slack.auth.SlackSignatureCheck;
import ciment.slack.outbound.SlackDirectory;
import ciment.slack.outbound.SlackIntroductions;
import ciment.slack.outbound.SlackOrigin;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link Caller} of a click, a shortcut, a modal or the Home tab, built as a slash command's is:
 * the sender's account in the workspace the request came from, asked about (users.info) only if Ciment
 * has not met them, and where later answers go; and the words of Slack's own sentences to them, in their language.
 *
 * @param deployment the deployment's language (CIMENT_DEFAULT_LANGUAGE), for whom Ciment cannot place
 */
record SlackCallers(SlackIntroductions introductions, Clock clock, Catalogue deployment) {

    private static final Logger LOG = LoggerFactory.getLogger(SlackCallers.class);

    /**
     * @param userName  the name to keep when Slack cannot be asked (no bot token)
     * @param requestId Slack's id for the request (a trigger id), or null
     * @param at        when Slack sent it ({@link #sentAt})
     * @param channelId where later answers go (a steward's answer to a request): null means the app's
     *                  direct messages with the user, as for a click in the Home tab
     */
    Caller caller(String teamId, String enterpriseId, String userId, String userName, String requestId,
            Instant at, String channelId) {
        return caller(teamId, enterpriseId, userId, userName, requestId, at, channelId, null);
    }

    /** As {@link #caller(String, String, String, String, String, Instant, String)}, the channel named as Slack named it. */
    Caller caller(String teamId, String enterpriseId, String userId, String userName, String requestId,
            Instant at, String channelId, String channelName) {
        SlackIntroductions.ForCommand lookups = introductions.forCommand(new SlackOrigin(teamId, enterpriseId));
        ChatAccount sender = new ChatAccount(Platform.SLACK, teamId, userId);
        String name = userName == null || userName.isBlank() ? userId : userName;
        return new Caller(sender, () -> lookups.sender(userId, name), requestId, at, new SlackDirectory(lookups),
                new Recipient(sender, channelId, null), channelOf(teamId, channelId, channelName));
    }

    /** Who clicked a button or chose in a menu; {@code channelId} as for {@link #caller}. */
    Caller ofClick(BlockActionRequest request, String channelId) {
        BlockActionPayload payload = request.getPayload();
        return caller(teamOf(payload), payload.getEnterprise() != null ? payload.getEnterprise().getId() : null,
                payload.getUser().getId(), firstNonBlank(payload.getUser().getUsername(), payload.getUser().getName()),
                payload.getTriggerId(), sentAt(request.getHeaders()), channelId);
    }

    /** Who sent a modal; {@code channelId} as for {@link #caller}. */
    Caller ofSubmission(ViewSubmissionRequest request, String channelId) {
        ViewSubmissionPayload payload = request.getPayload();
        String teamId = payload.getTeam() != null ? payload.getTeam().getId() : payload.getUser().getTeamId();
        return caller(teamId, payload.getEnterprise() != null ? payload.getEnterprise().getId() : null,
                payload.getUser().getId(), firstNonBlank(payload.getUser().getUsername(), payload.getUser().getName()),
                payload.getTriggerId(), sentAt(request.getHeaders()), channelId);
    }

    /** The workspace the click came from (the user's own for a Slack Connect colleague is in user.team_id). */
    static String teamOf(BlockActionPayload payload) {
        return payload.getTeam() != null && payload.getTeam().getId() != null ? payload.getTeam().getId()
                : payload.getUser().getTeamId();
    }

    /** Whether the click was in the Home tab, which has no channel to answer in. */
    static boolean inHome(BlockActionPayload payload) {
        return payload.getView() != null && "home".equals(payload.getView().getType());
    }

    /** Where later answers to a click go: its message's channel; null (the app's DMs) from the Home tab. */
    static String answeredIn(BlockActionPayload payload) {
        return inHome(payload) || payload.getChannel() == null ? null : payload.getChannel().getId();
    }

    /**
     * The channel a request was made in, when it is one many read (a public {@code C…} or private {@code G…}
     * channel); null in a direct message ({@code D…}) or when Slack names none.
     */
    static Channel channelOf(String teamId, String channelId, String channelName) {
        if (teamId == null || channelId == null || !(channelId.startsWith("C") || channelId.startsWith("G"))) {
            return null;
        }
        return new Channel(Platform.SLACK, teamId, channelId, channelName, null);
    }

    /**
     * The caller's language, for what is drawn without a command (a modal, a refusal of Slack's own); the
     * deployment's when Ciment cannot say (no caller, or its store failing).
     */
    Catalogue words(Supplier<Ciment> ciment, Caller caller) {
        if (caller == null) {
            return deployment;
        }
        try {
            return ciment.get().words(caller);
        } catch (RuntimeException e) {
            LOG.warn("the language of {} is not known just now ({})", caller.account().userId(), e.toString());
            return deployment;
        }
    }

    /** A refusal of Slack's own (a stale button), in the caller's language. */
    Answer refused(Supplier<Ciment> ciment, Caller caller, Message why) {
        return new Answer(new Reply.Refused(why), words(ciment, caller));
    }

    /** "Ciment could not answer just now: please {@code again} again in a minute.", in the caller's language. */
    Answer tryAgain(Supplier<Ciment> ciment, Caller caller, String again) {
        return refused(ciment, caller, tryAgain(again));
    }

    /** @param again the key of what to do again ("slack.tryAgain.click") */
    static Message tryAgain(String again) {
        return Message.of("slack.tryAgain", Message.of(again));
    }

    /** The time of an event Slack dated (event_time), else now. */
    Instant at(Integer epochSecond) {
        return epochSecond != null && epochSecond > 0 ? Instant.ofEpochSecond(epochSecond) : clock.instant();
    }

    /** When Slack says it sent the request (already checked to be within five minutes of now). */
    Instant sentAt(RequestHeaders headers) {
        String timestamp = headers == null ? null : headers.getFirstValue(SlackSignatureCheck.TIMESTAMP_HEADER);
        if (timestamp != null && !timestamp.isEmpty() && timestamp.length() <= 12
                && timestamp.chars().allMatch(Character::isDigit)) {
            return Instant.ofEpochSecond(Long.parseLong(timestamp));
        }
        return clock.instant();
    }

    static String firstNonBlank(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }
}
