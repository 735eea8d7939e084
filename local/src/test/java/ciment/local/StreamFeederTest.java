package ciment.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.core.config.Settings;
import ciment.devkit.MotoServer;
import ciment.infra.aws.SqsDeadLetters;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

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
            DeliveryFilters.newOutboxItemsOf("slack"), new Containers<>("slack-delivery", () -> function, 1))), 1);

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
                DeliveryFilters.newOutboxItemsOf("slack"), new Containers<>("slack-delivery", () -> flaky, 1))), 1);

        crashing.feedNow(List.of(slackNotice("1"), slackNotice("2")));

        assertEquals(List.of(2, 2), calls);
    }

    @Test
    void outboxFilter_matchesTemplatesFilterCriteria() {
        assertTrue(DeliveryFilters.newOutboxItemsOf("teams").test(record("1", "INSERT", "OUT#1", "teams")));
        assertFalse(DeliveryFilters.newOutboxItemsOf("teams").test(record("1", "INSERT", "OUT#1", "slack")));
        assertFalse(DeliveryFilters.newOutboxItemsOf("teams").test(record("1", "REMOVE", "OUT#1", "teams")));
        assertFalse(DeliveryFilters.newOutboxItemsOf("teams").test(record("1", "INSERT", "P#1", "teams")));
    }

    @Test
    void recordThatKeepsFailing_leavesLambdasOnFailureRecord_inTheDeadLetterQueue() throws Exception {
        Settings moto = Settings.of(Map.of("AWS_ENDPOINT_URL", MotoServer.shared().endpoint().toString()));
        String queueUrl = SqsDeadLetters.createQueue(moto, "feeder-" + UUID.randomUUID());
        StreamFeeder withQueue = new StreamFeeder(null, List.of(new StreamFeeder.Consumer("slack-delivery",
                DeliveryFilters.newOutboxItemsOf("slack"), new Containers<>("slack-delivery", () -> function, 1))), 1,
                new SqsDeadLetters(moto, queueUrl, () -> { })::send);
        failures.put("2", Integer.MAX_VALUE);
        List<DynamodbStreamRecord> records = List.of(slackNotice("1"), slackNotice("2"), slackNotice("3"));
        Instant created = Instant.parse("2026-11-27T10:00:00Z");
        records.forEach(r -> {
            r.setAwsRegion("us-east-1");
            r.setEventSourceARN("arn:aws:dynamodb:us-east-1:123456789012:table/ciment/stream/2026-11-27T00:00:00.000");
            r.getDynamodb().setApproximateCreationDateTime(Date.from(created));
        });

        withQueue.feedNow(records);

        List<String> bodies;
        try (SqsClient sqs = SqsDeadLetters.client(moto)) {
            bodies = sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10)).messages().stream()
                    .map(Message::body).toList();
        }
        assertEquals(1, bodies.size(), bodies.toString());
        JsonNode failure = new ObjectMapper().readTree(bodies.getFirst());
        assertEquals("RetryAttemptsExhausted", failure.at("/requestContext/condition").asText());
        assertEquals("arn:aws:lambda:us-east-1:000000000000:function:slack-delivery",
                failure.at("/requestContext/functionArn").asText());
        assertEquals(1 + StreamFeeder.RETRIES, failure.at("/requestContext/approximateInvokeCount").asInt());
        assertEquals(200, failure.at("/responseContext/statusCode").asInt());
        assertEquals("1.0", failure.path("version").asText());
        JsonNode batch = failure.path("DDBStreamBatchInfo");
        assertEquals("2", batch.path("startSequenceNumber").asText(), "from the first failed record");
        assertEquals("3", batch.path("endSequenceNumber").asText(), "to the batch's end");
        assertEquals(2, batch.path("batchSize").asInt());
        assertEquals("2026-11-27T10:00:00Z", batch.path("approximateArrivalOfFirstRecord").asText());
        assertEquals(records.getFirst().getEventSourceARN(), batch.path("streamArn").asText());
    }

    // ---- never stalls silently ----

    /** A feeder started on no stream (records offered by the test), saying stalls after 300 ms. */
    private static StreamFeeder started(StreamFeeder.Consumer consumer) {
        return StreamFeeder.start(null, List.of(consumer), failure -> { }, 1, java.time.Duration.ofMillis(300));
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 10 s: " + what);
            }
            Thread.sleep(20);
        }
    }

    @Test
    void anInvocationThatHangs_withRecordsWaiting_isToldAsAStall_once_andTheFeedingGoesOnAfterIt() throws Exception {
        java.util.concurrent.CountDownLatch hung = new java.util.concurrent.CountDownLatch(1);
        List<String> handled = new java.util.concurrent.CopyOnWriteArrayList<>();
        RequestHandler<DynamodbEvent, StreamsEventResponse> hanging = (event, context) -> {
            event.getRecords().forEach(r -> handled.add(r.getDynamodb().getSequenceNumber()));
            try {
                hung.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return StreamsEventResponse.builder().withBatchItemFailures(List.of()).build();
        };
        StreamFeeder.Consumer consumer = new StreamFeeder.Consumer("slack-delivery", DeliveryFilters.newOutboxItemsOf("slack"),
                new Containers<>("slack-delivery", () -> hanging, 1));
        try (StreamFeeder feeder = started(consumer)) {
            consumer.offer(List.of(slackNotice("1")));
            awaitTrue(() -> handled.contains("1"), "the first batch handed over");
            consumer.offer(List.of(slackNotice("2")));

            awaitTrue(() -> feeder.stalls() == 1, "the stall said");
            Thread.sleep(1500);
            assertEquals(1, feeder.stalls(), "said once while it lasts");

            hung.countDown();
            awaitTrue(() -> handled.contains("2"), "the waiting record handed over after the stall");
        }
    }

    @Test
    void aFunctionThatLeavesTheFeedersThreadInterrupted_doesNotEndTheFeeding() throws Exception {
        List<String> handled = new java.util.concurrent.CopyOnWriteArrayList<>();
        RequestHandler<DynamodbEvent, StreamsEventResponse> interrupting = (event, context) -> {
            event.getRecords().forEach(r -> handled.add(r.getDynamodb().getSequenceNumber()));
            Thread.currentThread().interrupt(); // as a caught InterruptedException, put back, leaves it
            return StreamsEventResponse.builder().withBatchItemFailures(List.of()).build();
        };
        StreamFeeder.Consumer consumer = new StreamFeeder.Consumer("slack-delivery", DeliveryFilters.newOutboxItemsOf("slack"),
                new Containers<>("slack-delivery", () -> interrupting, 1));
        try (StreamFeeder feeder = started(consumer)) {
            consumer.offer(List.of(slackNotice("1")));
            awaitTrue(() -> handled.contains("1"), "the first batch");
            consumer.offer(List.of(slackNotice("2")));

            awaitTrue(() -> handled.contains("2"), "the next batch, on a thread left interrupted");
            assertEquals(0, feeder.stalls());
        }
    }

    @Test
    void aFunctionThatThrowsAnError_failsItsBatch_whichIsRetried_andTheFeedingGoesOn() throws Exception {
        List<String> handled = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        RequestHandler<DynamodbEvent, StreamsEventResponse> failingOnce = (event, context) -> {
            event.getRecords().forEach(r -> handled.add(r.getDynamodb().getSequenceNumber()));
            if (calls.incrementAndGet() == 1) {
                throw new StackOverflowError("the function's own error");
            }
            return StreamsEventResponse.builder().withBatchItemFailures(List.of()).build();
        };
        StreamFeeder.Consumer consumer = new StreamFeeder.Consumer("slack-delivery", DeliveryFilters.newOutboxItemsOf("slack"),
                new Containers<>("slack-delivery", () -> failingOnce, 1));
        try (StreamFeeder feeder = started(consumer)) {
            consumer.offer(List.of(slackNotice("1")));
            consumer.offer(List.of(slackNotice("2")));

            awaitTrue(() -> handled.contains("2") && handled.stream().filter("1"::equals).count() == 2,
                    "the failed batch retried, and the next one handed over");
            assertEquals(0, feeder.stalls());
        }
    }
}
