package ciment.slack;

import ciment.core.config.Settings;
import ciment.core.model.Notice;
import ciment.core.model.Platform;
import ciment.core.model.Recipient;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.chat.ChatPostEphemeralResponse;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import java.io.IOException;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells a Slack user a notice (a steward's answer, an invitation). In a conversation it is an ephemeral
 * message there, so only they see it, where they asked; when Slack will not show it there (the app is
 * not in the channel, the channel is gone or archived, the user left it) or the notice is direct, it
 * goes to the app's direct messages with them.
 * <p>
 * What a retry can fix (HTTP 429 and 5xx, Slack's transient errors, the network) is thrown so that
 * delivery tries again; anything else (a revoked token, a deactivated user ...) is logged and dropped,
 * since sending it again would fail again, forever.
 */
public final class SlackNoticeSender {
    private static final Logger LOG = LoggerFactory.getLogger(SlackNoticeSender.class);

    /** chat.postEphemeral's answers that mean "not here": the app's DM with the user still works. */
    static final Set<String> NOT_THERE = Set.of("not_in_channel", "channel_not_found", "user_not_in_channel",
            "is_archived");
    /** Slack's ok:false answers that say to try again later. */
    static final Set<String> TRANSIENT = Set.of("ratelimited", "internal_error", "fatal_error",
            "service_unavailable", "request_timeout");

    private final MethodsClient slack;

    /** With the bot token (SLACK_BOT_TOKEN, required) and Slack's address (SLACK_API_URL), as the Slack function. */
    public SlackNoticeSender(Settings settings) {
        this(client(settings));
    }

    SlackNoticeSender(MethodsClient slack) {
        this.slack = slack;
    }

    private static MethodsClient client(Settings settings) {
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(CimentSlackApp.withTrailingSlash(
                settings.get(CimentSlackApp.API_URL, CimentSlackApp.DEFAULT_API_URL)));
        return Slack.getInstance(config).methods(settings.require(CimentSlackApp.BOT_TOKEN));
    }

    public Platform platform() {
        return Platform.SLACK;
    }

    /**
     * Sends the notice once: returns when Slack took it or refused it for good (logged), throws when a
     * retry may succeed.
     */
    public void send(Notice notice) throws Exception {
        Recipient to = notice.to();
        if (to.account().platform() != Platform.SLACK) {
            LOG.error("notice {} is for a {} account, not Slack: dropped", notice.id(), to.account().platform().label());
            return;
        }
        String user = to.account().userId();
        String text = Mrkdwn.escape(notice.text());
        if (!to.isDirect()) {
            ChatPostEphemeralResponse ephemeral = call(notice, "chat.postEphemeral",
                    () -> slack.chatPostEphemeral(r -> r.channel(to.conversationId()).user(user).text(text)));
            if (ephemeral == null || ephemeral.isOk()) {
                return;
            }
            if (!NOT_THERE.contains(ephemeral.getError())) {
                refused(notice, "chat.postEphemeral", ephemeral.getError());
                return;
            }
            LOG.info("notice {}: Slack cannot show it in {} ({}), so it goes to {}'s direct messages", notice.id(),
                    to.conversationId(), ephemeral.getError(), user);
        }
        // A user id as the channel: the app's direct messages with that user.
        ChatPostMessageResponse message = call(notice, "chat.postMessage",
                () -> slack.chatPostMessage(r -> r.channel(user).text(text)));
        if (message != null && !message.isOk()) {
            refused(notice, "chat.postMessage", message.getError());
        }
    }

    /** Slack's answer, or null when Slack refused at the HTTP level for good (logged). */
    private static <T> T call(Notice notice, String method, SlackCall<T> call) throws IOException, SlackApiException {
        try {
            return call.run();
        } catch (SlackApiException e) {
            int status = e.getResponse().code();
            if (status == 429 || status >= 500) {
                throw e;
            }
            LOG.error("notice {}: {} answered HTTP {}: dropped", notice.id(), method, status);
            return null;
        }
    }

    /** An ok:false answer: thrown when it says to try again, else logged and dropped. */
    private static void refused(Notice notice, String method, String error) throws IOException {
        if (TRANSIENT.contains(error)) {
            throw new IOException("Slack answered " + error + " to " + method + " for notice " + notice.id());
        }
        LOG.error("notice {}: {} answered {}: dropped", notice.id(), method, error);
    }

    @FunctionalInterface
    private interface SlackCall<T> {
        T run() throws IOException, SlackApiException;
    }
}
