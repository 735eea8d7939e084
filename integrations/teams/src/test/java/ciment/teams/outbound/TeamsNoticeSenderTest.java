package ciment.teams.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.core.config.Settings;
import ciment.core.model.ChatAccount;
import ciment.core.model.Notice;
import ciment.core.model.Platform;
import ciment.core.model.Recipient;
import ciment.devkit.teams.FakeBotFramework;
import ciment.teams.auth.ClientCredentials;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Notices told through the Bot Framework SDK's own connector client to the fake Bot Connector. */
class TeamsNoticeSenderTest {
    private static final String TENANT = "tenant-notices";
    private static final String CHANNEL_THREAD = "19:asked-here@thread.tacv2;messageid=1700000000000";
    private static final String DECLINED = "Your request to join data-guild was declined by Ada.";

    private final FakeBotFramework fake = FakeBotFramework.start();
    private final FakeBotFramework.Member theo = fake.addMember(FakeBotFramework.Member.of(
            "29:theo", "aad-theo", "Theo", "theo@example.com", "theo@example.com", TENANT));
    private final ChatAccount theoAccount = new ChatAccount(Platform.TEAMS, TENANT, theo.aadObjectId());
    private final TeamsNoticeSender sender = new TeamsNoticeSender(
            new ClientCredentials(fake.appId(), fake.appPassword(), URI.create(fake.oauthTokenUrl()), Clock.systemUTC()),
            fake.serviceUrl());

    @AfterEach
    void stop() {
        fake.close();
    }

    private static Notice notice(Recipient to) {
        return new Notice("01NOTICE", to, DECLINED, Instant.parse("2026-11-27T10:00:00Z"));
    }

    private Notice inConversation(String conversationId) {
        return notice(new Recipient(theoAccount, conversationId, fake.serviceUrl()));
    }

    private Notice direct() {
        return notice(Recipient.direct(theoAccount, fake.serviceUrl()));
    }

    @Test
    void noticeInAConversation_isAPlainMessageThere_withTheBotsToken() throws Exception {
        sender.send(inConversation(CHANNEL_THREAD));

        List<FakeBotFramework.SentActivity> sent = fake.sentTo(CHANNEL_THREAD);
        assertEquals(1, fake.sent().size(), fake.sent().toString());
        assertEquals(1, sent.size());
        assertEquals(DECLINED, sent.get(0).text());
        assertEquals("message", sent.get(0).activity().get("type"));
        assertEquals("plain", sent.get(0).activity().get("textFormat"));
        assertEquals(List.of(), fake.createdConversations(), "the conversation exists: nothing is created");
        assertEquals("Bearer " + fake.issuedAccessTokens().get(0), sent.get(0).authorization());
    }

    @Test
    void directNotice_createsThePersonalChatInTheirTenant_thenSendsThere() throws Exception {
        sender.send(direct());

        FakeBotFramework.CreatedConversation created = fake.createdConversations().get(0);
        assertEquals(List.of("aad-theo"), created.memberIds());
        assertEquals(TENANT, created.tenantId());
        assertEquals(fake.botId(), created.botId());
        assertEquals(false, created.isGroup());
        assertEquals("Bearer " + fake.issuedAccessTokens().get(0), created.authorization());
        String chat = fake.personalChatWith(theo).orElseThrow();
        assertEquals(List.of(DECLINED), fake.sentTo(chat).stream().map(FakeBotFramework.SentActivity::text).toList());
    }

    @Test
    void twoDirectNotices_reachTheSamePersonalChat() throws Exception {
        sender.send(direct());
        sender.send(direct());

        String chat = fake.personalChatWith(theo).orElseThrow();
        assertEquals(2, fake.sentTo(chat).size());
        assertEquals(2, fake.sent().size());
    }

    @Test
    void noticeWithoutAServiceUrl_goesToTheDefaultBotConnector() throws Exception {
        sender.send(notice(new Recipient(theoAccount, CHANNEL_THREAD, null)));

        assertEquals(1, fake.sentTo(CHANNEL_THREAD).size());
    }

    @ParameterizedTest
    @ValueSource(ints = {429, 500, 502, 503})
    void throttledOrFailingBotConnector_throws_soThatDeliveryRetries_andTheRetryIsSent(int status) throws Exception {
        fake.failConnectorCalls(status, 1);

        IOException failed = assertThrows(IOException.class, () -> sender.send(inConversation(CHANNEL_THREAD)));
        sender.send(inConversation(CHANNEL_THREAD));

        assertTrue(failed.getMessage().contains("answered " + status), failed.getMessage());
        assertEquals(1, fake.failedCalls().size(), "the SDK itself does not retry: delivery decides when");
        assertEquals(1, fake.sentTo(CHANNEL_THREAD).size());
    }

    @Test
    void throttled_saysWhenToRetry() {
        fake.failConnectorCalls(429, 1);

        IOException failed = assertThrows(IOException.class, () -> sender.send(inConversation(CHANNEL_THREAD)));

        assertTrue(failed.getMessage().contains("Retry-After 1"), failed.getMessage());
    }

    @Test
    void throttledWhileCreatingThePersonalChat_throws_andNothingIsSent() {
        fake.failConnectorCalls(429, 1);

        assertThrows(IOException.class, () -> sender.send(direct()));

        assertEquals(List.of(), fake.sent());
        assertTrue(fake.failedCalls().get(0).path().endsWith("/v3/conversations"), fake.failedCalls().toString());
    }

    @ParameterizedTest
    @ValueSource(ints = {403, 404})
    void refusalARetryCannotFix_isDropped_withoutThrowing(int status) throws Exception {
        fake.failConnectorCalls(status, 1);

        sender.send(inConversation(CHANNEL_THREAD));

        assertEquals(1, fake.failedCalls().size());
        assertEquals(List.of(), fake.sent());
    }

    @Test
    void directNotice_toSomeoneWithoutTheBot_isDropped_withoutThrowing() throws Exception {
        ChatAccount stranger = new ChatAccount(Platform.TEAMS, TENANT, "aad-never-installed");

        sender.send(notice(Recipient.direct(stranger, fake.serviceUrl())));

        assertEquals(1, fake.createdConversations().size(), "the Bot Connector answered 403");
        assertEquals(List.of(), fake.sent());
    }

    @Test
    void botConnectorUnreachable_throws() {
        fake.close();

        assertThrows(IOException.class, () -> sender.send(inConversation(CHANNEL_THREAD)));
    }

    @Test
    void tokenEndpointRefusing_throws_andNothingIsSent() {
        TeamsNoticeSender wrongPassword = new TeamsNoticeSender(new ClientCredentials(fake.appId(), "not-the-password",
                URI.create(fake.oauthTokenUrl()), Clock.systemUTC()), fake.serviceUrl());

        assertThrows(Exception.class, () -> wrongPassword.send(inConversation(CHANNEL_THREAD)));
        assertEquals(List.of(), fake.sent());
    }

    @Test
    void withoutAnAppId_theEmulatorsMode_sendsWithoutAToken() throws Exception {
        TeamsNoticeSender emulator = TeamsNoticeSender.fromSettings(Settings.of(Map.of("TEAMS_SERVICE_URL", fake.serviceUrl())),
                ClientCredentials.fromSettings(Settings.of(Map.of()), Clock.systemUTC()));

        emulator.send(notice(new Recipient(theoAccount, CHANNEL_THREAD, null)));

        assertNull(fake.sentTo(CHANNEL_THREAD).get(0).authorization());
        assertEquals(List.of(), fake.tokenRequests());
    }
}
