package ciment.devkit.stream;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
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
 */
public final class TableStream implements AutoCloseable {
    /** Shards are looked for again every this many polls (and whenever one closes). */
    private static final int DESCRIBE_EVERY = 25;

    private final DynamoDbStreamsClient streams;
    private final String streamArn;
    private final Map<String, String> iterators = new LinkedHashMap<>();
    private final Set<String> seenShards = new HashSet<>();
    private int polls;

    private TableStream(DynamoDbStreamsClient streams, String streamArn) {
        this.streams = streams;
        this.streamArn = streamArn;
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
        TableStream stream = new TableStream(streams, arn);
        for (Shard shard : stream.shards()) {
            stream.seenShards.add(shard.shardId());
            if (shard.sequenceNumberRange() == null || shard.sequenceNumberRange().endingSequenceNumber() == null) {
                stream.iterators.put(shard.shardId(), stream.iterator(shard.shardId(), ShardIteratorType.LATEST));
            }
        }
        return stream;
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
            GetRecordsResponse read = streams.getRecords(b -> b.shardIterator(iterators.get(shardId)));
            read.records().forEach(record -> records.add(StreamEvents.record(record, streamArn)));
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
        return records;
    }

    /** Shards not seen before (a split, a closed shard's child) are read from their first record. */
    private void followNewShards() {
        for (Shard shard : shards()) {
            if (seenShards.add(shard.shardId())) {
                iterators.put(shard.shardId(), iterator(shard.shardId(), ShardIteratorType.TRIM_HORIZON));
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

    private String iterator(String shardId, ShardIteratorType type) {
        return streams.getShardIterator(b -> b.streamArn(streamArn).shardId(shardId).shardIteratorType(type))
                .shardIterator();
    }

    private static StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));
    }

    @Override
    public void close() {
        streams.close();
    }
}
