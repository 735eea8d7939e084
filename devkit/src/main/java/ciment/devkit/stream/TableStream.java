package ciment.devkit.stream;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamDescription;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * A table's stream on an emulator (moto), read as Lambda's event source mapping reads it with
 * StartingPosition LATEST: the shards open now from their latest record, and shards that appear later
 * from their first. Each {@link #poll} returns the records written since the last one, shard after
 * shard, in each shard's order. Not thread-safe: one reader polls.
 *
 * <p>A reader can stall with records waiting (an iterator that fails, or one left on a stream nobody writes to
 * any more: moto did that after a cancelled transaction). Every few polls a fresh iterator looks past the last
 * record read; when it keeps finding records the reader does not get, the stall is told ({@link #onStall}) and
 * the shard is read again from its last record read.
 */
public final class TableStream implements AutoCloseable {
    /** Shards are looked for again every this many polls (and whenever one closes). */
    private static final int DESCRIBE_EVERY = 25;
    /** A fresh iterator looks past the last record read every this many polls. */
    private static final int LOOK_PAST_EVERY = 10;
    /** How long records may stay visible past the last record read before the reader is said to be stalled. */
    static final java.time.Duration BEHIND_FOR = java.time.Duration.ofSeconds(5);

    private final DynamoDbStreamsClient streams;
    private final String streamArn;
    private final Map<String, String> iterators = new LinkedHashMap<>();
    private final Set<String> seenShards = new HashSet<>();
    /** The sequence number of the last record read, by shard. */
    private final Map<String, String> lastRead = new HashMap<>();
    /** Since when a fresh iterator has found records past the last one read, by shard. */
    private final Map<String, Long> behindSince = new HashMap<>();
    private final long behindForNanos;
    private Consumer<String> onStall = stall -> System.err.println("ciment: STALL: " + stall);
    private int polls;

    /** @param behindFor how long records may wait past the last one read before the reader is said stalled */
    TableStream(DynamoDbStreamsClient streams, String streamArn, java.time.Duration behindFor) {
        this.streams = streams;
        this.streamArn = streamArn;
        this.behindForNanos = behindFor.toNanos();
    }

    /** Who is told when the reader stalls (and was read again from its last record); stderr by default. */
    public TableStream onStall(Consumer<String> told) {
        this.onStall = told;
        return this;
    }

    /** The stream of the table, from now on (its table must exist, with a stream). */
    public static TableStream fromLatest(URI endpoint, String region, String tableName) {
        String arn;
        try (DynamoDbClient dynamo = DynamoDbClient.builder().endpointOverride(endpoint).region(Region.of(region))
                .credentialsProvider(credentials()).httpClient(UrlConnectionHttpClient.create()).build()) {
            arn = dynamo.describeTable(b -> b.tableName(tableName)).table().latestStreamArn();
        }
        if (arn == null) {
            throw new IllegalStateException("the table " + tableName + " has no stream: see template.yaml's StreamSpecification");
        }
        DynamoDbStreamsClient streams = DynamoDbStreamsClient.builder().endpointOverride(endpoint).region(Region.of(region))
                .credentialsProvider(credentials()).httpClient(UrlConnectionHttpClient.create()).build();
        TableStream stream = new TableStream(streams, arn, BEHIND_FOR);
        stream.startAtLatest();
        return stream;
    }

    /** The open shards from their latest record, the others only noted (as seen). */
    void startAtLatest() {
        for (Shard shard : shards()) {
            seenShards.add(shard.shardId());
            if (shard.sequenceNumberRange() == null || shard.sequenceNumberRange().endingSequenceNumber() == null) {
                iterators.put(shard.shardId(), iterator(shard.shardId(), ShardIteratorType.LATEST, null));
            }
        }
    }

    public String streamArn() {
        return streamArn;
    }

    /** The records written since the last poll, as a stream-triggered function receives them. */
    public List<DynamodbStreamRecord> poll() {
        if (++polls % DESCRIBE_EVERY == 0) {
            followNewShards();
        }
        List<DynamodbStreamRecord> records = new ArrayList<>();
        boolean closed = false;
        for (String shardId : List.copyOf(iterators.keySet())) {
            GetRecordsResponse read;
            try {
                read = streams.getRecords(b -> b.shardIterator(iterators.get(shardId)));
            } catch (SdkException failed) {
                // An expired or unknown iterator fails every time: the shard is read again from its last record.
                System.err.println("ciment: reading shard " + shardId + " of the table's stream failed ("
                        + failed.getMessage() + "): " + readAgain(shardId));
                continue;
            }
            read.records().forEach(record -> records.add(StreamEvents.record(record, streamArn)));
            if (read.hasRecords() && !read.records().isEmpty()) {
                lastRead.put(shardId, read.records().getLast().dynamodb().sequenceNumber());
                behindSince.remove(shardId);
            }
            if (read.nextShardIterator() == null) {
                iterators.remove(shardId);
                closed = true;
            } else {
                iterators.put(shardId, read.nextShardIterator());
            }
        }
        if (closed) {
            followNewShards();
        }
        if (polls % LOOK_PAST_EVERY == 0) {
            lookPastTheLastRecordRead();
        }
        return records;
    }

    /**
     * A fresh iterator after the last record read, on each open shard: records it finds are the reader's next
     * ones; when the reader has not got them after {@link #BEHIND_FOR}, it is stalled: told, and read again.
     */
    private void lookPastTheLastRecordRead() {
        long now = System.nanoTime();
        for (String shardId : List.copyOf(iterators.keySet())) {
            String last = lastRead.get(shardId);
            if (last == null) {
                continue; // nothing read yet: no place to look from
            }
            boolean waiting;
            try {
                String fresh = iterator(shardId, ShardIteratorType.AFTER_SEQUENCE_NUMBER, last);
                waiting = !streams.getRecords(b -> b.shardIterator(fresh).limit(1)).records().isEmpty();
            } catch (SdkException failed) {
                continue; // the next look tells
            }
            if (!waiting) {
                behindSince.remove(shardId);
                continue;
            }
            long since = behindSince.computeIfAbsent(shardId, shard -> now);
            if (now - since >= behindForNanos) {
                onStall.accept("records of shard " + shardId + " after " + last + " have waited "
                        + (now - since) / 1_000_000_000 + " s while the reader got none: " + readAgain(shardId));
            }
        }
    }

    /** The shard read again after its last record read (its latest when none was read); says how it went. */
    private String readAgain(String shardId) {
        String last = lastRead.get(shardId);
        behindSince.remove(shardId);
        try {
            iterators.put(shardId, last == null ? iterator(shardId, ShardIteratorType.LATEST, null)
                    : iterator(shardId, ShardIteratorType.AFTER_SEQUENCE_NUMBER, last));
            return "read again " + (last == null ? "from its latest record" : "after " + last);
        } catch (SdkException failed) {
            return "not readable yet (" + failed.getMessage() + "), tried again at the next poll";
        }
    }

    /** Shards not seen before (a split, a closed shard's child) are read from their first record. */
    private void followNewShards() {
        for (Shard shard : shards()) {
            if (seenShards.add(shard.shardId())) {
                iterators.put(shard.shardId(), iterator(shard.shardId(), ShardIteratorType.TRIM_HORIZON, null));
            }
        }
    }

    private List<Shard> shards() {
        List<Shard> shards = new ArrayList<>();
        String after = null;
        do {
            String start = after;
            StreamDescription description = streams.describeStream(b -> b.streamArn(streamArn).exclusiveStartShardId(start))
                    .streamDescription();
            shards.addAll(description.shards());
            after = description.lastEvaluatedShardId();
        } while (after != null);
        return shards;
    }

    private String iterator(String shardId, ShardIteratorType type, String sequenceNumber) {
        return streams.getShardIterator(b -> b.streamArn(streamArn).shardId(shardId).shardIteratorType(type)
                .sequenceNumber(sequenceNumber)).shardIterator();
    }

    private static StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));
    }

    @Override
    public void close() {
        streams.close();
    }
}
