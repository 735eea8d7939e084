package ciment.devkit.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.devkit.MotoServer;
import ciment.devkit.TemplateTable;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** moto's DynamoDB Streams, read as the local runner reads them for the delivery functions. */
class TableStreamTest {
    private final URI endpoint = MotoServer.shared().endpoint();
    private final String table = "stream-" + UUID.randomUUID().toString().substring(0, 8);
    private final DynamoDbClient dynamo = DynamoDbClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
            .httpClient(UrlConnectionHttpClient.create()).build();

    @AfterEach
    void close() {
        dynamo.close();
    }

    private void put(String pk, Map<String, AttributeValue> more) {
        Map<String, AttributeValue> item = new java.util.HashMap<>(more);
        item.put("pk", AttributeValue.fromS(pk));
        item.put("sk", AttributeValue.fromS("OUT"));
        dynamo.putItem(b -> b.tableName(table).item(item));
    }

    @Test
    void itemsWrittenBeforeTheStart_areNotRead_laterOnesAreInOrder_asLambdaEventRecords() {
        TemplateTable.fromClasspath().create(dynamo, table);
        put("OUT#before", Map.of());
        try (TableStream stream = TableStream.fromLatest(endpoint, "us-east-1", table)) {
            put("OUT#1", Map.of("platform", AttributeValue.fromS("slack"), "n", AttributeValue.fromN("7"),
                    "tags", AttributeValue.fromSs(List.of("a", "b")), "nested", AttributeValue.fromM(
                            Map.of("flag", AttributeValue.fromBool(true)))));
            put("OUT#2", Map.of());

            List<DynamodbStreamRecord> records = stream.poll();

            assertEquals(List.of("OUT#1", "OUT#2"), records.stream()
                    .map(r -> r.getDynamodb().getKeys().get("pk").getS()).toList());
            DynamodbStreamRecord first = records.get(0);
            assertEquals("INSERT", first.getEventName());
            assertEquals(stream.streamArn(), first.getEventSourceARN());
            assertNull(first.getDynamodb().getOldImage(), "an insert has no old image");
            Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> image =
                    first.getDynamodb().getNewImage();
            assertEquals("slack", image.get("platform").getS());
            assertEquals("7", image.get("n").getN());
            assertEquals(List.of("a", "b"), image.get("tags").getSS());
            assertTrue(image.get("nested").getM().get("flag").getBOOL());
            assertTrue(new java.math.BigInteger(records.get(1).getDynamodb().getSequenceNumber())
                    .compareTo(new java.math.BigInteger(first.getDynamodb().getSequenceNumber())) > 0);
            assertEquals(List.of(), stream.poll(), "each record is read once");
        }
    }

    @Test
    void anUpdate_isAModifyRecord_withBothImages() {
        TemplateTable.fromClasspath().create(dynamo, table);
        try (TableStream stream = TableStream.fromLatest(endpoint, "us-east-1", table)) {
            put("OUT#3", Map.of("text", AttributeValue.fromS("old")));
            put("OUT#3", Map.of("text", AttributeValue.fromS("new")));

            List<DynamodbStreamRecord> records = stream.poll();

            assertEquals(List.of("INSERT", "MODIFY"), records.stream().map(DynamodbStreamRecord::getEventName).toList());
            assertEquals("old", records.get(1).getDynamodb().getOldImage().get("text").getS());
            assertEquals("new", records.get(1).getDynamodb().getNewImage().get("text").getS());
        }
    }

    /**
     * moto restored a copy of the whole table, its stream included, when a transaction was cancelled: the
     * reader then read the original stream for good (nothing more, ever) and had read records of the cancelled
     * writes. The stream is now kept through the restore, without the cancelled writes' records.
     */
    @Test
    void aCancelledTransaction_neitherStopsTheReader_norLeavesRecordsOfItsWrites() {
        TemplateTable.fromClasspath().create(dynamo, table);
        put("OUT#taken", Map.of());
        try (TableStream stream = TableStream.fromLatest(endpoint, "us-east-1", table)) {
            put("OUT#before", Map.of());
            assertEquals(1, stream.poll().size());
            try {
                dynamo.transactWriteItems(b -> b.transactItems(
                        putNew("OUT#never"), putNew("OUT#taken")));
                throw new AssertionError("the transaction should have been cancelled");
            } catch (TransactionCanceledException expected) {
                // the second write's condition failed: neither is written
            }
            put("OUT#after", Map.of());

            assertEquals(List.of("OUT#after"), stream.poll().stream()
                    .map(r -> r.getDynamodb().getKeys().get("pk").getS()).toList());
        }
    }

    private TransactWriteItem putNew(String pk) {
        return TransactWriteItem.builder().put(Put.builder().tableName(table)
                .item(Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS("OUT")))
                .conditionExpression("attribute_not_exists(pk)").build()).build();
    }
}
