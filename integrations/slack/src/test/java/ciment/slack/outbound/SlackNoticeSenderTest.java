package ciment.slack.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.core.config.Settings;
import ciment.core.model.ChatAccount;
import ciment.core.model.Notice;
import ciment.core.model.Platform;
import ciment.core.model.Recipient;
import ciment.devkit.slack.FakeSlackApi;
import ciment.slack.auth.SlackSettings;
import com.slack.api.methods.SlackApiException;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Notices told through Slack's real Web API client to the fake Slack Web API. */
class SlackNoticeSenderTest {
    private static final String TOKEN = "xoxb-notices";
    private static final ChatAccount BOB = new ChatAccount(Platform.SLACK, FakeSlackApi.TEAM_ID, "U0BOB");
    private static final String APPROVED = "Your request to join data-guild was approved by Ada: welcome! Post with"
            + " post data-guild <text>.";

    private final FakeSlackApi slackApi = FakeSlackApi.start();
    private final SlackNoticeSender sender = new SlackNoticeSender(Settings.of(Map.of(
            SlackSettings.BOT_TOKEN, TOKEN, SlackSettings.API_URL, slackApi.baseUrl())));

    @AfterEach
    void stop() {
        slackApi.close();
    }

    private static Notice notice(Recipient to) {
        return new Notice("01NOTICE", to, APPROVED, Instant.parse("2026-11-27T10:00:00Z"));
    }

    private static Notice inChannel(String channel) {
        return notice(new Recipient(BOB, channel, null));
    }

    @Test
    void noticeInAConversation_isAnEphemeralMessageThere_toThatUserOnly_withTheBotToken() throws Exception {
        sender.send(inChannel("C0ASKED"));

        FakeSlackApi.Call call = slackApi.calls("chat.postEphemeral").getFirst();
        assertEquals(1, slackApi.calls().size(), slackApi.calls().toString());
        assertEquals("C0ASKED", call.param("channel"));
        assertEquals("U0BOB", call.param("user"));
        assertEquals(TOKEN, call.token());
    }

    @Test
    void text_isEscapedForMrkdwn_soThatAnglesShowAsTyped_andNeverBecomeALink() throws Exception {
        sender.send(inChannel("C0ASKED"));

        String text = slackApi.calls("chat.postEphemeral").getFirst().param("text");
        assertEquals("Your request to join data-guild was approved by Ada: welcome! Post with post data-guild"
                + " &lt;text&gt;.", text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"not_in_channel", "channel_not_found", "user_not_in_channel", "is_archived"})
    void ephemeralRefusedInThatChannel_goesToTheAppsDirectMessagesWithTheUser(String error) throws Exception {
        slackApi.refuse("chat.postEphemeral", "C0OUTSIDE", error);

        sender.send(inChannel("C0OUTSIDE"));

        List<FakeSlackApi.Call> messages = slackApi.calls("chat.postMessage");
        assertEquals(1, messages.size(), slackApi.calls().toString());
        assertEquals("U0BOB", messages.getFirst().param("channel"));
        assertTrue(messages.getFirst().param("text").startsWith("Your request to join data-guild"));
    }

    @Test
    void directNotice_isADirectMessage_withoutTryingAChannel() throws Exception {
        sender.send(notice(Recipient.direct(BOB, null)));

        assertEquals(List.of("chat.postMessage"), slackApi.calls().stream().map(FakeSlackApi.Call::method).toList());
        assertEquals("U0BOB", slackApi.calls("chat.postMessage").getFirst().param("channel"));
    }

    @Test
    void rateLimited_throws_soThatDeliveryRetries_andTheRetryIsDelivered() throws Exception {
        slackApi.failNext("chat.postEphemeral", 429, 1);

        SlackApiException limited = assertThrows(SlackApiException.class, () -> sender.send(inChannel("C0ASKED")));
        sender.send(inChannel("C0ASKED"));

        assertEquals(429, limited.getResponse().code());
        assertEquals(2, slackApi.calls("chat.postEphemeral").size());
        assertEquals(0, slackApi.calls("chat.postMessage").size(), "a busy Slack is no reason for a DM");
    }

    @Test
    void serverError_onTheDirectMessage_throws() {
        slackApi.failNext("chat.postMessage", 503, 1);

        assertThrows(SlackApiException.class, () -> sender.send(notice(Recipient.direct(BOB, null))));
    }

    @Test
    void slacksTransientError_throws() {
        slackApi.refuse("chat.postMessage", "U0BOB", "service_unavailable");

        IOException e = assertThrows(IOException.class, () -> sender.send(notice(Recipient.direct(BOB, null))));
        assertTrue(e.getMessage().contains("service_unavailable"), e.getMessage());
    }

    @Test
    void slackUnreachable_throws() {
        slackApi.close();

        assertThrows(IOException.class, () -> sender.send(inChannel("C0ASKED")));
    }

    @Test
    void errorThatARetryCannotFix_isDropped_withoutThrowing() throws Exception {
        slackApi.refuse("chat.postMessage", "U0BOB", "user_not_found");

        sender.send(notice(Recipient.direct(BOB, null)));

        assertEquals(1, slackApi.calls().size());
    }

    @Test
    void ephemeralRefusedForAnotherReason_isDropped_withoutADirectMessage() throws Exception {
        slackApi.refuse("chat.postEphemeral", "C0ASKED", "invalid_auth");

        sender.send(inChannel("C0ASKED"));

        assertEquals(0, slackApi.calls("chat.postMessage").size());
    }

    @Test
    void httpClientError_isDropped_withoutThrowing() throws Exception {
        slackApi.failNext("chat.postEphemeral", 404, 1);

        sender.send(inChannel("C0ASKED"));

        assertEquals(1, slackApi.calls().size());
    }

    @Test
    void withoutABotToken_itDoesNotStart_namingTheSetting() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new SlackNoticeSender(Settings.of(Map.of(SlackSettings.API_URL, slackApi.baseUrl()))));
        assertTrue(e.getMessage().startsWith("SLACK_BOT_TOKEN"), e.getMessage());
    }
}
