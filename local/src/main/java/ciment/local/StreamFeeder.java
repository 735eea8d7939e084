package ciment.local;

import ciment.devkit.stream.StreamEvents;
import ciment.devkit.stream.TableStream;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The table's stream fed to the delivery functions, as template.yaml's event source mappings feed them
 * in AWS: every ~200 ms the new records are read (from LATEST at start), each consumer keeps the records
 * its filter lets through (the mappings' FilterCriteria), and hands them over in batches of up to
 * {@link #BATCH_SIZE}, one batch at a time, through the function's containers. A batch that reports
 * failures (batchItemFailures) is retried from its first failed record on, as Lambda does, up to
 * {@link #RETRIES} times with a growing pause; then, as the mapping's OnFailure destination gets it in AWS,
 * Lambda's on-failure record for the records still pending (condition RetryAttemptsExhausted, the batch's
 * sequence numbers; see {@link #onFailureRecord}) goes to the dead-letter queue, and the consumer moves on.
 *
 * <p>Mirroring never stalls silently: a consumer with records waiting that has started and finished no invocation
 * for {@link #STALL_AFTER} (longer than any invocation lasts: the delivery functions' timeout stops them), or whose
 * thread ended, is a stall, said loudly on stderr ("ciment: STALL: ...") and counted ({@link #stalls}); a thread
 * that ended is started again. The stream's reader tells its own stalls the same way ({@link TableStream#onStall}).
 * In AWS, the IteratorAge alarms of template.yaml watch the same thing.
 */
final class StreamFeeder implements AutoCloseable {
    static final int BATCH_SIZE = 10;
    static final int RETRIES = 3;
    /** Longer than the delivery functions' timeout (an invocation lasts no longer) and the longest retry pause. */
    static final Duration STALL_AFTER = LocalRunner.DELIVERY_TIMEOUT.plusSeconds(30);
    private static final long POLL_MILLIS = 200;
    private static final long WATCH_MILLIS = 1000;
    private static final long FIRST_RETRY_MILLIS = 500;

    private final TableStream stream;
    private final List<Consumer> consumers;
    private final long firstRetryMillis;
    private final java.util.function.Consumer<String> onFailure;
    private final long stallAfterNanos;
    private final AtomicInteger stalls = new AtomicInteger();
    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    private volatile boolean running = true;

    /** Not started, records reach the consumers only through {@link #feedNow}; failures only logged (tests). */
    StreamFeeder(TableStream stream, List<Consumer> consumers, long firstRetryMillis) {
        this(stream, consumers, firstRetryMillis, failure -> { });
    }

    /** @param onFailure the OnFailure destination: takes Lambda's on-failure record, as JSON */
    StreamFeeder(TableStream stream, List<Consumer> consumers, long firstRetryMillis,
            java.util.function.Consumer<String> onFailure) {
        this(stream, consumers, firstRetryMillis, onFailure, STALL_AFTER);
    }

    private StreamFeeder(TableStream stream, List<Consumer> consumers, long firstRetryMillis,
            java.util.function.Consumer<String> onFailure, Duration stallAfter) {
        this.stream = stream;
        this.consumers = consumers;
        this.firstRetryMillis = firstRetryMillis;
        this.onFailure = onFailure;
        this.stallAfterNanos = stallAfter.toNanos();
    }

    /**
     * Starts reading the stream (from now on) and feeding the consumers, each on a thread of its own; what
     * exhausts its retries goes to {@code onFailure}.
     */
    static StreamFeeder start(TableStream stream, List<Consumer> consumers, java.util.function.Consumer<String> onFailure) {
        return start(stream, consumers, onFailure, FIRST_RETRY_MILLIS, STALL_AFTER);
    }

    /** As {@link #start(TableStream, List, java.util.function.Consumer)}, with a stall said after {@code stallAfter}. */
    static StreamFeeder start(TableStream stream, List<Consumer> consumers, java.util.function.Consumer<String> onFailure,
            long firstRetryMillis, Duration stallAfter) {
        StreamFeeder feeder = new StreamFeeder(stream, consumers, firstRetryMillis, onFailure, stallAfter);
        if (stream != null) {
            stream.onStall(feeder::stall);
            feeder.threads.add(daemon("ciment-stream", feeder::poll));
        }
        consumers.forEach(feeder::startConsuming);
        feeder.threads.add(daemon("ciment-stream-watch", feeder::watch));
        return feeder;
    }

    /** How many stalls were said since the start: the reader's and the consumers'. */
    int stalls() {
        return stalls.get();
    }

    /** Said loudly, and counted. */
    void stall(String what) {
        stalls.incrementAndGet();
        System.err.println("ciment: STALL: " + what);
    }

    private void startConsuming(Consumer consumer) {
        consumer.thread = daemon("ciment-stream-" + consumer.name, () -> consume(consumer));
        threads.add(consumer.thread);
    }

    /**
     * Every second: a consumer whose thread ended is started again; one with records waiting that has started and
     * finished no invocation for the stall time is stalled (said once until it moves again).
     */
    private void watch() {
        while (running) {
            pause(WATCH_MILLIS);
            long now = System.nanoTime();
            for (Consumer consumer : consumers) {
                if (!running) {
                    return;
                }
                if (!consumer.thread.isAlive()) {
                    stall(consumer.name + "'s feeder thread ended with " + consumer.queue.size()
                            + " records waiting: started again");
                    startConsuming(consumer);
                    continue;
                }
                long still = now - consumer.movedAt;
                boolean waiting = consumer.busy != null || !consumer.queue.isEmpty();
                if (waiting && still > stallAfterNanos && !consumer.stalled) {
                    consumer.stalled = true;
                    stall(consumer.name + " has not moved for " + still / 1_000_000_000 + " s with "
                            + consumer.queue.size() + " records waiting"
                            + (consumer.busy == null ? "" : " and " + consumer.busy));
                }
            }
        }
    }

    /**
     * Hands these records to every consumer whose filter takes them, now, on the calling thread (as when
     * Lambda hands a record over again), and returns once they were handled, retried or dead-lettered.
     */
    void feedNow(List<DynamodbStreamRecord> records) {
        for (Consumer consumer : consumers) {
            List<DynamodbStreamRecord> taken = records.stream().filter(consumer.filter).toList();
            for (int from = 0; from < taken.size(); from += BATCH_SIZE) {
                deliver(consumer, taken.subList(from, Math.min(taken.size(), from + BATCH_SIZE)));
            }
        }
    }

    private void poll() {
        while (running) {
            try {
                List<DynamodbStreamRecord> records = stream.poll();
                for (Consumer consumer : consumers) {
                    consumer.offer(records.stream().filter(consumer.filter).toList());
                }
            } catch (RuntimeException e) {
                if (running) {
                    System.err.println("ciment: reading the table's stream failed (retrying): " + e);
                }
            }
            pause(POLL_MILLIS);
        }
    }

    private void consume(Consumer consumer) {
        while (running) {
            try {
                DynamodbStreamRecord first = consumer.queue.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                List<DynamodbStreamRecord> batch = new ArrayList<>(List.of(first));
                consumer.queue.drainTo(batch, BATCH_SIZE - 1);
                deliver(consumer, batch);
            } catch (InterruptedException e) {
                if (!running) {
                    return;
                }
                // Something left this thread interrupted: the mapping does not end for that.
                System.err.println("ciment: " + consumer.name + "'s feeder was interrupted while running: it goes on");
            } catch (RuntimeException | Error e) {
                System.err.println("ciment: " + consumer.name + "'s feeder failed (" + e + "): it goes on");
            }
        }
    }

    /** One batch, retried from its first failure on while retries last. */
    void deliver(Consumer consumer, List<DynamodbStreamRecord> batch) {
        List<DynamodbStreamRecord> pending = batch;
        for (int attempt = 0; ; attempt++) {
            Set<String> failed;
            String functionError = null;
            consumer.moved("an invocation with a batch of " + pending.size() + " (attempt " + (attempt + 1)
                    + ") running since " + Instant.now());
            try {
                DynamodbEvent event = StreamEvents.event(pending);
                StreamsEventResponse response = consumer.containers.invoke((function, context) ->
                        function.handleRequest(event, context));
                failed = response == null || response.getBatchItemFailures() == null ? Set.of()
                        : response.getBatchItemFailures().stream()
                                .map(StreamsEventResponse.BatchItemFailure::getItemIdentifier).collect(Collectors.toSet());
            } catch (RuntimeException | Error error) {
                // A function error (a container killed or timed out too) fails the whole batch, as in Lambda.
                System.err.println("ciment: " + consumer.name + " failed on a batch of " + pending.size() + ": " + error);
                failed = pending.stream().map(StreamFeeder::sequence).collect(Collectors.toSet());
                functionError = "Unhandled";
            } finally {
                consumer.moved(null);
            }
            int firstFailed = firstFailed(pending, failed);
            if (firstFailed < 0) {
                return;
            }
            pending = pending.subList(firstFailed, pending.size());
            if (!running) {
                // Stopping is not giving up: in AWS the mapping would hand these over again.
                System.err.println("ciment: " + consumer.name + " stopped with " + pending.size() + " records unhandled");
                return;
            }
            if (attempt >= RETRIES) {
                List<String> dead = pending.stream().map(StreamFeeder::sequence).filter(failed::contains).toList();
                System.err.println("ciment: " + consumer.name + " gave up stream records " + dead + " after "
                        + (attempt + 1) + " attempts: their on-failure record goes to the dead-letter queue");
                try {
                    onFailure.accept(onFailureRecord(consumer.name, pending, attempt + 1, functionError));
                } catch (RuntimeException e) {
                    System.err.println("ciment: the dead-letter queue did not take the on-failure record of " + dead
                            + ": " + e);
                }
                return;
            }
            pause(firstRetryMillis << attempt);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The record Lambda sends an event source mapping's OnFailure destination when a batch exhausted its retries
     * (AWS's "invocation record" for a DynamoDB stream): who failed and how, and which records (by sequence
     * number, from the first failed one to the batch's end), not the records themselves. The shard is not in a
     * stream record, so it is named "shardId-local".
     */
    static String onFailureRecord(String function, List<DynamodbStreamRecord> records, int invocations,
            String functionError) {
        DynamodbStreamRecord first = records.getFirst();
        DynamodbStreamRecord last = records.getLast();
        String region = first.getAwsRegion() == null ? "us-east-1" : first.getAwsRegion();
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("requestId", UUID.randomUUID().toString());
        request.put("functionArn", "arn:aws:lambda:" + region + ":000000000000:function:" + function);
        request.put("condition", "RetryAttemptsExhausted");
        request.put("approximateInvokeCount", invocations);
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("statusCode", 200);
        response.put("executedVersion", "$LATEST");
        if (functionError != null) {
            response.put("functionError", functionError);
        }
        Map<String, Object> batch = new LinkedHashMap<>();
        batch.put("shardId", "shardId-local");
        batch.put("startSequenceNumber", sequence(first));
        batch.put("endSequenceNumber", sequence(last));
        batch.put("approximateArrivalOfFirstRecord", arrival(first));
        batch.put("approximateArrivalOfLastRecord", arrival(last));
        batch.put("batchSize", records.size());
        batch.put("streamArn", first.getEventSourceARN());
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("requestContext", request);
        record.put("responseContext", response);
        record.put("version", "1.0");
        record.put("timestamp", Instant.now().toString());
        record.put("DDBStreamBatchInfo", batch);
        try {
            return JSON.writeValueAsString(record);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String arrival(DynamodbStreamRecord record) {
        var created = record.getDynamodb().getApproximateCreationDateTime();
        return created == null ? null : created.toInstant().toString();
    }

    /** Where Lambda retries from: the first record named as failed (or -1: none was). */
    private static int firstFailed(List<DynamodbStreamRecord> batch, Set<String> failed) {
        for (int i = 0; i < batch.size(); i++) {
            if (failed.contains(sequence(batch.get(i)))) {
                return i;
            }
        }
        return -1;
    }

    private static String sequence(DynamodbStreamRecord record) {
        return record.getDynamodb().getSequenceNumber();
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Thread daemon(String name, Runnable loop) {
        Thread thread = new Thread(loop, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    @Override
    public void close() {
        running = false;
        threads.forEach(Thread::interrupt);
        for (Thread thread : threads) {
            try {
                thread.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (stream != null) {
            stream.close();
        }
    }

    /** A delivery function as its event source mapping sees it: a name, a filter and its containers. */
    static final class Consumer {
        final String name;
        final Predicate<DynamodbStreamRecord> filter;
        final Containers<? extends RequestHandler<DynamodbEvent, StreamsEventResponse>> containers;
        final BlockingQueue<DynamodbStreamRecord> queue = new LinkedBlockingQueue<>();
        volatile Thread thread;
        /** When it last started or finished an invocation, or got records while it had none (System.nanoTime). */
        volatile long movedAt = System.nanoTime();
        /** What it is doing now (an invocation running), or null. */
        volatile String busy;
        /** Said stalled, and not moved since. */
        volatile boolean stalled;

        Consumer(String name, Predicate<DynamodbStreamRecord> filter,
                Containers<? extends RequestHandler<DynamodbEvent, StreamsEventResponse>> containers) {
            this.name = name;
            this.filter = filter;
            this.containers = containers;
        }

        /** Records taken for it: when it had none waiting, its wait starts now. */
        void offer(List<DynamodbStreamRecord> records) {
            if (records.isEmpty()) {
                return;
            }
            if (busy == null && queue.isEmpty()) {
                movedAt = System.nanoTime();
            }
            queue.addAll(records);
        }

        /** An invocation started ({@code doing}) or finished (null). */
        void moved(String doing) {
            if (stalled) {
                System.err.println("ciment: " + name + " moves again after its stall");
            }
            stalled = false;
            busy = doing;
            movedAt = System.nanoTime();
        }
    }
}
