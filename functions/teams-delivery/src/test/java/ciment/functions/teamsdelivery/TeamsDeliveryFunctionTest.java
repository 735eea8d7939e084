package ciment.functions.teamsdelivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.core.config.Settings;
import ciment.core.model.ChatAccount;
import ciment.core.model.Notice;
import ciment.core.model.Platform;
import ciment.core.model.Recipient;
import ciment.devkit.MotoServer;
import ciment.devkit.TemplateTable;
import ciment.devkit.stream.StreamEvents;
import ciment.devkit.stream.TableStream;
import ciment.devkit.teams.FakeBotFramework;
import ciment.infra.aws.DynamoClients;
import ciment.infra.dynamo.Outbox;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The Teams delivery function on moto and the fake Bot Framework, handed the table's own stream records:
 * notices written to the outbox as core writes them, read back from moto's stream as Lambda reads them.
 */
class TeamsDeliveryFunctionTest {
    private static final String TENANT = "tenant-delivery";
    private static final String CHANNEL_THREAD = "19:asked@thread.tacv2;messageid=1700000000000";
    private static final String DECLINED = "Your request to join data-guild was declined by Ada.";

    private final FakeBotFramework botFramework = FakeBotFramework.start();
    private final FakeBotFramework.Member theo = botFramework.addMember(FakeBotFramework.Member.of(
            "29:theo", "aad-theo", "Theo", "theo@example.com", "theo@example.com", TENANT));
    private final ChatAccount theoAccount = new ChatAccount(Platform.TEAMS, TENANT, "aad-theo");
    private final Settings settings;
    private final DynamoDbClient dynamo;
    private final TableStream stream;
    private final Outbox outbox;
    private final TeamsDeliveryFunction function;

    TeamsDeliveryFunctionTest() {
        settings = Settings.of(botFramework.settings()).with(MotoServer.tableSettings("teams-delivery"))
                .with("CIMENT_TEAMS_ALLOWED_TENANTS", "*");
        dynamo = DynamoClients.create(settings);
        TemplateTable.fromClasspath().create(dynamo, settings.table());
        stream = TableStream.fromLatest(MotoServer.shared().endpoint(), "us-east-1", settings.table());
        outbox = Outbox.fromSettings(settings);
        function = new TeamsDeliveryFunction(settings, false);
    }

    @AfterEach
    void stop() {
        stream.close();
        dynamo.close();
        botFramework.close();
    }

    private Notice notice(String id, Recipient to) {
        return new Notice(id, to, DECLINED, Instant.now());
    }

    private Recipient inThread(String conversationId) {
        return new Recipient(theoAccount, conversationId, botFramework.serviceUrl());
    }

    private List<DynamodbStreamRecord> written(Notice... notices) {
        for (Notice notice : notices) {
            outbox.send(notice);
        }
        List<DynamodbStreamRecord> records = stream.poll();
        assertEquals(notices.length, records.size(), records.toString());
        return records;
    }

    private List<String> failed(List<DynamodbStreamRecord> records) {
        StreamsEventResponse response = function.handleRequest(StreamEvents.event(records), null);
        return response.getBatchItemFailures().stream().map(StreamsEventResponse.BatchItemFailure::getItemIdentifier).toList();
    }

    private boolean delivered(String noticeId) {
        return dynamo.getItem(b -> b.tableName(settings.table()).consistentRead(true).key(Map.of(
                "pk", AttributeValue.fromS("OUT#" + noticeId), "sk", AttributeValue.fromS("OUT")))).item()
                .containsKey("deliveredAt");
    }

    @Test
    void newNoticeInAConversation_isSentThere_withTheBotsToken_andMarkedDelivered() {
        assertEquals(List.of(), failed(written(notice("01ASKED", inThread(CHANNEL_THREAD)))));

        List<FakeBotFramework.SentActivity> sent = botFramework.sentTo(CHANNEL_THREAD);
        assertEquals(List.of(DECLINED), sent.stream().map(FakeBotFramework.SentActivity::text).toList());
        assertEquals("Bearer " + botFramework.issuedAccessTokens().get(0), sent.get(0).authorization());
        assertTrue(delivered("01ASKED"));
    }

    @Test
    void directNotice_createsThePersonalChat_thenSendsThere() {
        failed(written(notice("01INVITE", Recipient.direct(theoAccount, botFramework.serviceUrl()))));

        assertEquals(List.of("aad-theo"), botFramework.createdConversations().get(0).memberIds());
        String chat = botFramework.personalChatWith(theo).orElseThrow();
        assertEquals(1, botFramework.sentTo(chat).size());
    }

    @Test
    void recordHandedOverAgain_aRetriedBatch_isNotSentTwice() {
        List<DynamodbStreamRecord> records = written(notice("01TWICE", inThread(CHANNEL_THREAD)));

        assertEquals(List.of(), failed(records));
        assertEquals(List.of(), failed(records));

        assertEquals(1, botFramework.sent().size());
    }

    @Test
    void throttledSend_isReportedAsABatchItemFailure_theRestOfTheBatchIsSent_andTheRetrySendsIt() {
        botFramework.failConnectorCalls(429, 1);
        List<DynamodbStreamRecord> records = written(notice("01BUSY", inThread("19:busy@thread.tacv2")),
                notice("01NEXT", inThread("19:next@thread.tacv2")));

        assertEquals(List.of(records.get(0).getDynamodb().getSequenceNumber()), failed(records));
        assertTrue(delivered("01NEXT"));
        assertEquals(1, botFramework.sentTo("19:next@thread.tacv2").size());

        assertEquals(List.of(), failed(records));
        assertEquals(1, botFramework.sentTo("19:busy@thread.tacv2").size());
        assertEquals(1, botFramework.sentTo("19:next@thread.tacv2").size());
        assertTrue(delivered("01BUSY"));
    }

    @Test
    void refusedForGood_isDropped_notRetried() {
        botFramework.failConnectorCalls(403, 1);

        assertEquals(List.of(), failed(written(notice("01BLOCKED", inThread(CHANNEL_THREAD)))));

        assertEquals(List.of(), botFramework.sent());
    }

    @Test
    void slackNotices_areLeftAlone() {
        assertEquals(List.of(), failed(written(notice("01SLACK",
                Recipient.direct(new ChatAccount(Platform.SLACK, "T0TEAM", "U0BOB"), null)))));

        assertEquals(List.of(), botFramework.sent());
        assertEquals(false, delivered("01SLACK"));
    }

    @Test
    void withoutAnAppId_itRefusesToStart_unlessUnauthenticatedIsAllowed() {
        Settings noAppId = Settings.of(Map.of("AWS_ENDPOINT_URL", MotoServer.shared().endpoint().toString(),
                "AWS_REGION", "us-east-1", "CIMENT_TABLE", settings.table(), "CIMENT_TEAMS_ALLOWED_TENANTS", "*"));

        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> new TeamsDeliveryFunction(noAppId, false));
        assertTrue(refused.getMessage().startsWith("MICROSOFT_APP_ID is not set"), refused.getMessage());

        new TeamsDeliveryFunction(noAppId.with("TEAMS_SERVICE_URL", botFramework.serviceUrl()), true)
                .handleRequest(StreamEvents.event(written(notice("01EMULATOR", inThread(CHANNEL_THREAD)))), null);
        assertEquals(null, botFramework.sentTo(CHANNEL_THREAD).get(0).authorization());
    }

    @Test
    void withoutAllowedTenants_theFunctionRefusesToStart() {
        for (String empty : new String[] {"", " , "}) {
            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> new TeamsDeliveryFunction(settings.with("CIMENT_TEAMS_ALLOWED_TENANTS", empty), false));
            assertTrue(refused.getMessage().startsWith("CIMENT_TEAMS_ALLOWED_TENANTS is empty"), refused.getMessage());
        }
    }
}
