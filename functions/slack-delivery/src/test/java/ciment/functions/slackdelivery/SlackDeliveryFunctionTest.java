package ciment.functions.slackdelivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.core.config.Settings;
import ciment.core.model.ChatAccount;
import ciment.core.model.Notice;
import ciment.core.model.Platform;
import ciment.core.model.Recipient;
import ciment.devkit.MotoServer;
import ciment.devkit.TemplateTable;
import ciment.devkit.slack.FakeSlackApi;
import ciment.devkit.stream.StreamEvents;
import ciment.devkit.stream.TableStream;
import ciment.infra.aws.DynamoClients;
import ciment.infra.dynamo.Outbox;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The Slack delivery function on moto and the fake Slack Web API, handed the table's own stream records:
 * notices written to the outbox as core writes them, read back from moto's stream as Lambda reads them.
 */
class SlackDeliveryFunctionTest {
    private static final ChatAccount BOB = new ChatAccount(Platform.SLACK, FakeSlackApi.TEAM_ID, "U0BOB");
    private static final String APPROVED = "Your request to join data-guild was approved by Ada: welcome!";

    private final FakeSlackApi slackApi = FakeSlackApi.start();
    private final Settings settings = Settings.of(MotoServer.tableSettings("slack-delivery"))
            .with(Map.of("CIMENT_SLACK_ALLOWED_WORKSPACES", "*",
                    "SLACK_BOT_TOKEN", "xoxb-delivery", "SLACK_API_URL", slackApi.baseUrl()));
    private final DynamoDbClient dynamo = DynamoClients.create(settings);
    private final TableStream stream;
    private final Outbox outbox = Outbox.fromSettings(settings);
    private final SlackDeliveryFunction function;

    SlackDeliveryFunctionTest() {
        TemplateTable.fromClasspath().create(dynamo, settings.table());
        stream = TableStream.fromLatest(MotoServer.shared().endpoint(), "us-east-1", settings.table());
        function = new SlackDeliveryFunction(settings);
    }

    @AfterEach
    void stop() {
        stream.close();
        dynamo.close();
        slackApi.close();
    }

    private static Notice notice(String id, Recipient to) {
        return new Notice(id, to, APPROVED, Instant.now());
    }

    /** Writes the notices to the outbox and returns the stream's records of them. */
    private List<DynamodbStreamRecord> written(Notice... notices) {
        for (Notice notice : notices) {
            outbox.send(notice);
        }
        List<DynamodbStreamRecord> records = stream.poll();
        assertEquals(notices.length, records.size(), records.toString());
        return records;
    }

    private StreamsEventResponse handle(List<DynamodbStreamRecord> records) {
        return function.handleRequest(StreamEvents.event(records), null);
    }

    private List<String> failed(StreamsEventResponse response) {
        return response.getBatchItemFailures().stream().map(StreamsEventResponse.BatchItemFailure::getItemIdentifier).toList();
    }

    private boolean delivered(String noticeId) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(settings.table()).consistentRead(true)
                .key(Map.of("pk", AttributeValue.fromS("OUT#" + noticeId), "sk", AttributeValue.fromS("OUT")))).item();
        return item.containsKey("deliveredAt");
    }

    @Test
    void newNoticeInAChannel_isToldEphemerallyThere_toThatUser_andMarkedDelivered() {
        StreamsEventResponse response = handle(written(notice("01ASKED", new Recipient(BOB, "C0ASKED", null))));

        assertEquals(List.of(), failed(response));
        FakeSlackApi.Call call = slackApi.calls("chat.postEphemeral").getFirst();
        assertEquals("C0ASKED", call.param("channel"));
        assertEquals("U0BOB", call.param("user"));
        assertEquals(APPROVED, call.param("text"));
        assertEquals("xoxb-delivery", call.token());
        assertTrue(delivered("01ASKED"));
    }

    @Test
    void directNotice_isADirectMessageToTheUser() {
        handle(written(notice("01INVITE", Recipient.direct(BOB, null))));

        assertEquals(List.of("chat.postMessage"), slackApi.calls().stream().map(FakeSlackApi.Call::method).toList());
        assertEquals("U0BOB", slackApi.calls("chat.postMessage").getFirst().param("channel"));
    }

    @Test
    void recordHandedOverAgain_aRetriedBatch_isNotSentTwice() {
        List<DynamodbStreamRecord> records = written(notice("01TWICE", new Recipient(BOB, "C0ASKED", null)));

        StreamsEventResponse first = handle(records);
        StreamsEventResponse again = handle(records);

        assertEquals(List.of(), failed(first));
        assertEquals(List.of(), failed(again));
        assertEquals(1, slackApi.calls("chat.postEphemeral").size());
    }

    @Test
    void failingSend_isReportedAsABatchItemFailure_theRestOfTheBatchIsSent_andTheRetrySendsIt() {
        slackApi.failNext("chat.postEphemeral", 503, 1);
        List<DynamodbStreamRecord> records = written(notice("01BUSY", new Recipient(BOB, "C0BUSY", null)),
                notice("01NEXT", new Recipient(BOB, "C0NEXT", null)));

        StreamsEventResponse response = handle(records);

        assertEquals(List.of(records.get(0).getDynamodb().getSequenceNumber()), failed(response));
        assertTrue(delivered("01NEXT"));
        assertEquals(List.of("C0BUSY", "C0NEXT"), channels());

        // Lambda retries from the failed record on: the rest was delivered, so only the failed one is sent.
        StreamsEventResponse retry = handle(records);

        assertEquals(List.of(), failed(retry));
        assertEquals(List.of("C0BUSY", "C0NEXT", "C0BUSY"), channels());
        assertTrue(delivered("01BUSY"));
    }

    @Test
    void teamsNoticesAndOtherItems_areLeftAlone() {
        List<DynamodbStreamRecord> records = new ArrayList<>(written(notice("01TEAMS", Recipient.direct(
                new ChatAccount(Platform.TEAMS, "tenant", "aad-theo"), null))));
        dynamo.putItem(b -> b.tableName(settings.table()).item(Map.of(
                "pk", AttributeValue.fromS("C#01OTHER"), "sk", AttributeValue.fromS("META"))));
        records.addAll(stream.poll());

        StreamsEventResponse response = handle(records);

        assertEquals(2, records.size());
        assertEquals(List.of(), failed(response));
        assertEquals(List.of(), slackApi.calls());
        assertEquals(false, delivered("01TEAMS"));
    }

    @Test
    void emptyEvent_answersNoFailures() {
        assertEquals(List.of(), failed(function.handleRequest(new DynamodbEvent(), null)));
    }

    @Test
    void withoutAllowedWorkspaces_theFunctionRefusesToStart() {
        for (String empty : new String[] {"", " , "}) {
            IllegalStateException refused = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                    () -> new SlackDeliveryFunction(settings.with("CIMENT_SLACK_ALLOWED_WORKSPACES", empty)));
            assertTrue(refused.getMessage().startsWith("CIMENT_SLACK_ALLOWED_WORKSPACES is empty"),
                    refused.getMessage());
        }
    }

    @Test
    void noticeToAWorkspaceOffTheList_isNotSent_norRetried() {
        SlackDeliveryFunction listed = new SlackDeliveryFunction(settings.with("CIMENT_SLACK_ALLOWED_WORKSPACES",
                "T0ANOTHER1"));

        StreamsEventResponse response = listed.handleRequest(StreamEvents.event(written(notice("01OFFLIST",
                new Recipient(BOB, "C0ASKED", null)))), null);

        assertEquals(List.of(), failed(response));
        assertEquals(List.of(), slackApi.calls("chat.postEphemeral"));
        assertTrue(!delivered("01OFFLIST"));
    }

    private List<String> channels() {
        return slackApi.calls("chat.postEphemeral").stream().map(call -> call.param("channel")).toList();
    }
}
