package ciment.slack.inbound;

import ciment.core.model.Caller;
import ciment.core.model.Channel;
import ciment.core.model.ChatAccount;
import ciment.core.model.Platform;
import ciment.core.model.Recipient;
import ciment.slack.auth.SlackSignatureCheck;
import ciment.slack.outbound.SlackDirectory;
import ciment.slack.outbound.SlackIntroductions;
import ciment.slack.outbound.SlackOrigin;
import com.slack.api.bolt.request.RequestHeaders;
import java.time.Clock;
import java.time.Instant;

/**
 * The {@link Caller} of a click, a shortcut, a modal or the Home tab, built as a slash command's is:
 * the sender's account in the workspace the request came from, asked about (users.info) only if Ciment
 * has not met them, and where later answers go.
 */
final class SlackCallers {
    private final SlackIntroductions introductions;
    private final Clock clock;

    SlackCallers(SlackIntroductions introductions, Clock clock) {
        this.introductions = introductions;
        this.clock = clock;
    }

    /**
     * @param userName  the name to keep when Slack cannot be asked (no bot token)
     * @param requestId Slack's id for the request (a trigger id), or null
     * @param at        when Slack sent it ({@link #sentAt})
     * @param channelId where later answers go (a steward's answer to a request): null means the app's
     *                  direct messages with the user, as for a click in the Home tab
     */
    Caller caller(String teamId, String enterpriseId, String userId, String userName, String requestId,
            Instant at, String channelId) {
        SlackIntroductions.ForCommand lookups = introductions.forCommand(new SlackOrigin(teamId, enterpriseId));
        ChatAccount sender = new ChatAccount(Platform.SLACK, teamId, userId);
        String name = userName == null || userName.isBlank() ? userId : userName;
        return new Caller(sender, () -> lookups.sender(userId, name), requestId, at,
                new SlackDirectory(lookups), new Recipient(sender, channelId, null), channelOf(teamId, channelId, null));
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
