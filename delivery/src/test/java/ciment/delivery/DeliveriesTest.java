package ciment.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.core.config.Settings;
import ciment.core.model.ChatAccount;
import ciment.core.model.Notice;
import ciment.core.model.Platform;
import ciment.core.model.Recipient;
import ciment.core.port.NoticeSender;
import ciment.core.port.Outbox.Claim;
import ciment.core.port.Pacing;
import ciment.core.port.Refused;
import ciment.core.port.Senders;
import ciment.core.service.Delivery;
import ciment.devkit.MotoServer;
import ciment.devkit.MutableClock;
import ciment.devkit.TemplateTable;
import ciment.devkit.stream.StreamEvents;
import ciment.devkit.stream.TableStream;
import ciment.infra.aws.DynamoClients;
import ciment.infra.dynamo.DynamoMirrors;
import ciment.infra.dynamo.Outbox;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** What Deliveries does with the table's own stream records on moto, with a sender that records or fails. */
class DeliveriesTest {
    private static final ChatAccount BOB = new ChatAccount(Platform.SLACK, "T0TEAM", "U0BOB");
    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

    private final Settings settings = Settings.of(MotoServer.tableSettings("deliveries"));
    private final DynamoDbClient dynamo = DynamoClients.create(settings);
    private final TableStream stream;
    private final Outbox outbox = Outbox.fromSettings(settings);
    private final List<String> sent = new ArrayList<>();
    private int failuresLeft;
    private Exception refusal;
    /** The dead letters kept: reason, then the record's JSON as the queue would hold it. */
    private final List<String> deadLetters = new ArrayList<>();
    private boolean queueDown;
    private final MutableClock clock = new MutableClock(NOW);
    private final NoticeSender slack = new NoticeSender() {
        @Override
        public Platform platform() {
            return Platform.SLACK;
        }

        @Override
        public void send(Notice notice) throws Exception {
            if (refusal != null) {
                throw refusal;
            }
            if (failuresLeft > 0) {
                failuresLeft--;
                throw new java.io.IOException("Slack answered 503");
            }
            sent.add(notice.id());
        }
    };
    private final Deliveries deliveries = new Deliveries(new Delivery(outbox, null, null,
            new Senders(slack, null, Pacing.NONE), clock), Outbox::notice, DynamoMirrors::post, (reason, record) -> {
        if (queueDown) {
            throw new java.io.IOException("SQS answered 500");
        }
        deadLetters.add(reason + " | " + record.json("ciment-slack-delivery", reason));
    });

    DeliveriesTest() {
        TemplateTable.fromClasspath().create(dynamo, settings.table());
        stream = TableStream.fromLatest(MotoServer.shared().endpoint(), "us-east-1", settings.table());
    }

    @AfterEach
    void close() {
        stream.close();
        dynamo.close();
    }

    private List<DynamodbStreamRecord> written(String... ids) {
        for (String id : ids) {
            outbox.send(new Notice(id, Recipient.direct(BOB, null), "Welcome to data-guild.", NOW));
        }
        return stream.poll();
    }

    private List<String> failed(List<DynamodbStreamRecord> records) {
        StreamsEventResponse response = deliveries.handle(StreamEvents.event(records));
        return response.getBatchItemFailures().stream().map(StreamsEventResponse.BatchItemFailure::getItemIdentifier).toList();
    }

    private static String sequence(DynamodbStreamRecord record) {
        return record.getDynamodb().getSequenceNumber();
    }

    @Test
    void noticeToAWorkspaceNoLongerServed_isNeitherSentNorClaimed_norADeadLetter_norRetried() {
        deliveries.servingOnly(workspace -> !workspace.equals(BOB.workspace()));
        List<DynamodbStreamRecord> records = written("01REMOVED");

        assertEquals(List.of(), failed(records));

        assertEquals(List.of(), sent);
        assertEquals(List.of(), deadLetters);
        assertEquals(Claim.CLAIMED, outbox.claim("01REMOVED", NOW), "nobody had claimed it");
    }

    @Test
    void noticeClaimedByAnotherAttemptJustNow_isReportedForALaterRetry_andNotSent() {
        List<DynamodbStreamRecord> records = written("01BUSY");
        outbox.claim("01BUSY", NOW);

        assertEquals(List.of(sequence(records.get(0))), failed(records));
        assertEquals(List.of(), sent);
    }

    @Test
    void claimLeftByAnAttemptThatCrashed_isTakenOverOnceItLapses_andTheNoticeSent() {
        List<DynamodbStreamRecord> records = written("01CRASHED");
        outbox.claim("01CRASHED", NOW);
        clock.set(NOW.plus(Outbox.CLAIM_LASTS).plus(Duration.ofSeconds(1)));

        assertEquals(List.of(), failed(records));
        assertEquals(List.of("01CRASHED"), sent);
    }

    @Test
    void failedSend_releasesItsClaim_soThatTheNextRetryAtOnceSendsIt() {
        failuresLeft = 1;
        List<DynamodbStreamRecord> records = written("01RETRY");

        assertEquals(List.of(sequence(records.get(0))), failed(records));
        assertEquals(List.of(), failed(records));

        assertEquals(List.of("01RETRY"), sent);
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(settings.table()).consistentRead(true)
                .key(Map.of("pk", AttributeValue.fromS("OUT#01RETRY"), "sk", AttributeValue.fromS("OUT")))).item();
        assertEquals("2", item.get("attempts").n());
        assertEquals(true, item.get("lastError").s().contains("Slack answered 503"));
    }

    private List<DynamodbStreamRecord> poisonThen(String... ids) {
        Map<String, AttributeValue> poison = new HashMap<>(Map.of("pk", AttributeValue.fromS("OUT#01POISON"),
                "sk", AttributeValue.fromS("OUT"), "platform", AttributeValue.fromS("slack")));
        dynamo.putItem(b -> b.tableName(settings.table()).item(poison));
        List<DynamodbStreamRecord> records = new ArrayList<>(stream.poll());
        records.addAll(written(ids));
        return records;
    }

    @Test
    void outboxItemThatCannotBeRead_goesToTheDeadLetterQueueWithItsReason_andTheRestOfTheBatchIsSent() {
        List<DynamodbStreamRecord> records = poisonThen("01FINE");

        assertEquals(List.of(), failed(records));
        assertEquals(List.of("01FINE"), sent);
        assertEquals(1, deadLetters.size(), deadLetters.toString());
        String letter = deadLetters.getFirst();
        assertTrue(letter.startsWith("the outbox item cannot be read: "), letter);
        assertTrue(letter.contains("\"keys\":{\"pk\":\"OUT#01POISON\",\"sk\":\"OUT\"}"), letter);
        assertTrue(letter.contains("\"sequenceNumber\":\"" + sequence(records.get(0)) + "\""), letter);
        assertTrue(letter.contains("\"eventName\":\"INSERT\"") && letter.contains("\"function\":\"ciment-slack-delivery\""),
                letter);
    }

    @Test
    void outboxItemThatCannotBeRead_whenTheDeadLetterQueueFails_isAFailure_forLambdaToRetry() {
        queueDown = true;
        List<DynamodbStreamRecord> records = poisonThen("01FINE");

        assertEquals(List.of(sequence(records.get(0))), failed(records));
        assertEquals(List.of("01FINE"), sent);
        assertEquals(List.of(), deadLetters);
    }

    @Test
    void noticeRefusedForGood_goesToTheDeadLetterQueue_notRetried() {
        refusal = new Refused("Slack answered account_inactive to chat.postMessage");
        List<DynamodbStreamRecord> records = written("01INACTIVE");

        assertEquals(List.of(), failed(records));
        assertEquals(1, deadLetters.size(), deadLetters.toString());
        assertTrue(deadLetters.getFirst().startsWith("notice 01INACTIVE: Slack answered account_inactive"),
                deadLetters.getFirst());
    }

    @Test
    void sendFailingForNow_staysAFailureForLambdaToRetry_notADeadLetter() {
        failuresLeft = 1;
        List<DynamodbStreamRecord> records = written("01LATER");

        assertEquals(List.of(sequence(records.get(0))), failed(records));
        assertEquals(List.of(), deadLetters);
    }

    @Test
    void noticeGoneBeforeItsTurn_expiredOrNeverWritten_isNothingToDo() {
        List<DynamodbStreamRecord> records = written("01GONE");
        dynamo.deleteItem(b -> b.tableName(settings.table())
                .key(Map.of("pk", AttributeValue.fromS("OUT#01GONE"), "sk", AttributeValue.fromS("OUT"))));
        stream.poll();

        assertEquals(List.of(), failed(records));
        assertEquals(List.of(), sent);
    }

    @Test
    void updatesAndRemovalsOfOutboxItems_areNotDeliveries() {
        List<DynamodbStreamRecord> records = new ArrayList<>(written("01ONCE"));
        failed(records);
        records = stream.poll(); // the claim and the delivered mark: two MODIFY records
        dynamo.deleteItem(b -> b.tableName(settings.table())
                .key(Map.of("pk", AttributeValue.fromS("OUT#01ONCE"), "sk", AttributeValue.fromS("OUT"))));
        records.addAll(stream.poll());

        assertEquals(List.of("MODIFY", "MODIFY", "REMOVE"), records.stream().map(DynamodbStreamRecord::getEventName).toList());
        assertEquals(List.of(), failed(records));
        assertEquals(List.of("01ONCE"), sent);
    }
}
