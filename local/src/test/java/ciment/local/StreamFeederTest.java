package ciment.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** How the runner hands stream records to a delivery function: filters, batches, retries and dead letters. */
class StreamFeederTest {
    /** Sequence numbers of each batch the function was handed. */
    private final List<List<String>> batches = new ArrayList<>();
    /** How many more times each record (by sequence number) fails. */
    private final Map<String, Integer> failures = new HashMap<>();

    private final RequestHandler<DynamodbEvent, StreamsEventResponse> function = (event, context) -> {
        List<String> batch = event.getRecords().stream().map(r -> r.getDynamodb().getSequenceNumber()).toList();
        batches.add(batch);
        List<StreamsEventResponse.BatchItemFailure> failed = new ArrayList<>();
        for (String sequence : batch) {
            if (failures.getOrDefault(sequence, 0) > 0) {
                failures.merge(sequence, -1, Integer::sum);
                failed.add(StreamsEventResponse.BatchItemFailure.builder().withItemIdentifier(sequence).build());
            }
        }
        return StreamsEventResponse.builder().withBatchItemFailures(failed).build();
    };

    private final StreamFeeder feeder = new StreamFeeder(null, List.of(new StreamFeeder.Consumer("slack-delivery",
            StreamFeeder.newOutboxItemsOf("slack"), new Containers<>("slack-delivery", () -> function, 1))), 1);

    private static DynamodbStreamRecord record(String sequence, String eventName, String pk, String platform) {
        StreamRecord change = new StreamRecord();
        change.setSequenceNumber(sequence);
        change.setKeys(Map.of("pk", new AttributeValue(pk), "sk", new AttributeValue(pk.startsWith("OUT#") ? "OUT" : "META")));
        change.setNewImage(Map.of("pk", new AttributeValue(pk), "platform", new AttributeValue(platform)));
        DynamodbStreamRecord record = new DynamodbStreamRecord();
        record.setEventName(eventName);
        record.setDynamodb(change);
        return record;
    }

    private static DynamodbStreamRecord slackNotice(String sequence) {
        return record(sequence, "INSERT", "OUT#" + sequence, "slack");
    }

    @Test
    void onlyNewOutboxItemsOfTheFunctionsPlatform_reachIt_inBatchesOfTen() {
        List<DynamodbStreamRecord> records = new ArrayList<>();
        IntStream.rangeClosed(1, 12).forEach(i -> records.add(slackNotice(Integer.toString(100 + i))));
        records.add(record("201", "INSERT", "OUT#201", "teams"));
        records.add(record("202", "MODIFY", "OUT#202", "slack"));
        records.add(record("203", "INSERT", "C#203", "slack"));

        feeder.feedNow(records);

        assertEquals(2, batches.size(), batches.toString());
        assertEquals(10, batches.get(0).size());
        assertEquals(List.of("111", "112"), batches.get(1));
    }

    @Test
    void batchWithAFailure_isRetriedFromTheFirstFailedRecordOn_untilItPasses() {
        failures.put("2", 2);

        feeder.feedNow(List.of(slackNotice("1"), slackNotice("2"), slackNotice("3")));

        assertEquals(List.of(List.of("1", "2", "3"), List.of("2", "3"), List.of("2", "3")), batches);
    }

    @Test
    void recordThatKeepsFailing_isRetriedABoundedNumberOfTimes_thenDeadLettered_andTheNextBatchGoesOn() {
        failures.put("1", Integer.MAX_VALUE);

        feeder.feedNow(List.of(slackNotice("1")));
        feeder.feedNow(List.of(slackNotice("2")));

        assertEquals(1 + StreamFeeder.RETRIES, batches.stream().filter(batch -> batch.contains("1")).count());
        assertEquals(List.of("2"), batches.getLast());
    }

    @Test
    void functionThatThrows_failsTheWholeBatch_whichIsRetried() {
        List<Integer> calls = new ArrayList<>();
        RequestHandler<DynamodbEvent, StreamsEventResponse> flaky = (event, context) -> {
            calls.add(event.getRecords().size());
            if (calls.size() == 1) {
                throw new IllegalStateException("the function crashed");
            }
            return StreamsEventResponse.builder().withBatchItemFailures(List.of()).build();
        };
        StreamFeeder crashing = new StreamFeeder(null, List.of(new StreamFeeder.Consumer("slack-delivery",
                StreamFeeder.newOutboxItemsOf("slack"), new Containers<>("slack-delivery", () -> flaky, 1))), 1);

        crashing.feedNow(List.of(slackNotice("1"), slackNotice("2")));

        assertEquals(List.of(2, 2), calls);
    }

    @Test
    void outboxFilter_matchesTemplatesFilterCriteria() {
        assertTrue(StreamFeeder.newOutboxItemsOf("teams").test(record("1", "INSERT", "OUT#1", "teams")));
        assertFalse(StreamFeeder.newOutboxItemsOf("teams").test(record("1", "INSERT", "OUT#1", "slack")));
        assertFalse(StreamFeeder.newOutboxItemsOf("teams").test(record("1", "REMOVE", "OUT#1", "teams")));
        assertFalse(StreamFeeder.newOutboxItemsOf("teams").test(record("1", "INSERT", "P#1", "teams")));
    }
}
