package ciment.devkit.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DescribeStreamRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeStreamResponse;
import software.amazon.awssdk.services.dynamodb.model.ExpiredIteratorException;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsRequest;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.GetShardIteratorRequest;
import software.amazon.awssdk.services.dynamodb.model.GetShardIteratorResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamRecord;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/** A reader that stops getting records while records wait is told as a stall, and reads them after all. */
class TableStreamStallTest {
    private final Streams streams = new Streams();
    private final List<String> stalls = new ArrayList<>();
    private final TableStream stream = new TableStream(streams, "arn:stream", Duration.ZERO).onStall(stalls::add);

    /** Polls as the runner does, until a poll returns records (at most 30 polls). */
    private List<String> pollUntilRead() {
        for (int i = 0; i < 30; i++) {
            List<DynamodbStreamRecord> read = stream.poll();
            if (!read.isEmpty()) {
                return read.stream().map(r -> r.getDynamodb().getKeys().get("pk").getS()).toList();
            }
        }
        return List.of();
    }

    @Test
    void iteratorsLeftOnAStreamNobodyWritesTo_areToldAsAStall_andTheRecordsAreReadAfterAll() {
        stream.startAtLatest();
        streams.write("OUT#1");
        assertEquals(List.of("OUT#1"), pollUntilRead());

        streams.staleFromNow();
        streams.write("OUT#2");

        assertEquals(List.of("OUT#2"), pollUntilRead());
        assertEquals(1, stalls.size(), stalls.toString());
        assertTrue(stalls.getFirst().contains("while the reader got none"), stalls.getFirst());
    }

    @Test
    void anIteratorThatFails_isReplaced_fromTheLastRecordRead() {
        stream.startAtLatest();
        streams.write("OUT#1");
        assertEquals(List.of("OUT#1"), pollUntilRead());

        streams.expireIssuedIterators();
        streams.write("OUT#2");

        assertEquals(List.of("OUT#2"), pollUntilRead());
    }

    /**
     * One open shard over a list of records. An iterator is "generation:position"; after {@link #staleFromNow}
     * the iterators handed out before read nothing more (moto's stream replaced under them); after
     * {@link #expireIssuedIterators} they fail, as expired iterators do.
     */
    private static final class Streams implements DynamoDbStreamsClient {
        private final List<String> keys = new ArrayList<>();
        private final AtomicInteger generation = new AtomicInteger();
        private int staleBefore = -1;
        private int expiredBefore = -1;

        void write(String pk) {
            keys.add(pk);
        }

        void staleFromNow() {
            staleBefore = generation.incrementAndGet();
        }

        void expireIssuedIterators() {
            expiredBefore = generation.incrementAndGet();
        }

        @Override
        public DescribeStreamResponse describeStream(DescribeStreamRequest request) {
            return DescribeStreamResponse.builder().streamDescription(d -> d.shards(Shard.builder().shardId("shard-1")
                    .sequenceNumberRange(r -> r.startingSequenceNumber("0")).build())).build();
        }

        @Override
        public GetShardIteratorResponse getShardIterator(GetShardIteratorRequest request) {
            int position = switch (request.shardIteratorType()) {
                case LATEST -> keys.size();
                case TRIM_HORIZON -> 0;
                case AFTER_SEQUENCE_NUMBER -> Integer.parseInt(request.sequenceNumber()) + 1;
                default -> Integer.parseInt(request.sequenceNumber());
            };
            return GetShardIteratorResponse.builder().shardIterator(generation.get() + ":" + position).build();
        }

        @Override
        public GetRecordsResponse getRecords(GetRecordsRequest request) {
            String[] iterator = request.shardIterator().split(":");
            int issuedIn = Integer.parseInt(iterator[0]);
            int position = Integer.parseInt(iterator[1]);
            if (issuedIn < expiredBefore) {
                throw ExpiredIteratorException.builder().message("Iterator expired").build();
            }
            int end = issuedIn < staleBefore ? position
                    : Math.min(keys.size(), position + (request.limit() == null ? 1000 : request.limit()));
            List<Record> records = new ArrayList<>();
            for (int i = position; i < end; i++) {
                int sequence = i;
                records.add(Record.builder().eventName("INSERT").dynamodb(StreamRecord.builder()
                        .keys(Map.of("pk", AttributeValue.fromS(keys.get(i)))).sequenceNumber(Integer.toString(sequence))
                        .build()).build());
            }
            return GetRecordsResponse.builder().records(records).nextShardIterator(issuedIn + ":" + end).build();
        }

        @Override
        public String serviceName() {
            return "dynamodb";
        }

        @Override
        public void close() {
        }
    }
}
