package ciment.devkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
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

class MotoServerTest {

    @Test
    void aClientStoppingHalfwayThroughItsRequest_holdsUpNoOtherRequest() throws Exception {
        URI endpoint = MotoServer.shared().endpoint();
        try (Socket stalled = new Socket(endpoint.getHost(), endpoint.getPort());
             DynamoDbClient dynamo = DynamoDbClient.builder()
                     .endpointOverride(endpoint)
                     .region(Region.US_EAST_1)
                     .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                     .httpClient(UrlConnectionHttpClient.builder().socketTimeout(Duration.ofSeconds(5)).build())
                     .overrideConfiguration(c -> c.retryStrategy(b -> b.maxAttempts(1)))
                     .build()) {
            // Headers that promise a body which never comes, as from a thread interrupted mid-request.
            stalled.getOutputStream().write(("POST / HTTP/1.1\r\nHost: " + endpoint.getAuthority()
                    + "\r\nX-Amz-Target: DynamoDB_20120810.ListTables\r\nContent-Type: application/x-amz-json-1.0"
                    + "\r\nContent-Length: 100\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
            stalled.getOutputStream().flush();
            Thread.sleep(300); // the stalled request is in its handler first

            assertNotNull(dynamo.listTables().tableNames(), "answered while the other request waits for its body");
        }
    }

    @Test
    void writesMadeWhileAnotherTransactionIsCancelled_areKept() throws Exception {
        try (DynamoDbClient dynamo = DynamoDbClient.builder()
                .endpointOverride(MotoServer.shared().endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
             ExecutorService pool = Executors.newFixedThreadPool(4)) {
            TemplateTable.fromClasspath().create(dynamo, "moto-isolation");
            dynamo.putItem(b -> b.tableName("moto-isolation").item(key("taken")));
            AtomicInteger cancelled = new AtomicInteger();
            int puts = 200;

            Future<?> writer = pool.submit(() -> {
                for (int i = 0; i < puts; i++) {
                    String id = "item-" + i;
                    dynamo.putItem(b -> b.tableName("moto-isolation").item(key(id)));
                }
            });
            Future<?> canceller = pool.submit(() -> {
                while (!writer.isDone()) {
                    try {
                        dynamo.transactWriteItems(b -> b.transactItems(TransactWriteItem.builder().put(Put.builder()
                                .tableName("moto-isolation").item(key("taken"))
                                .conditionExpression("attribute_not_exists(pk)").build()).build()));
                    } catch (TransactionCanceledException expected) {
                        cancelled.incrementAndGet();
                    }
                }
            });
            writer.get();
            canceller.get();

            int kept = dynamo.scan(b -> b.tableName("moto-isolation")).count();
            assertEquals(puts + 1, kept, "items lost to " + cancelled.get() + " cancelled transactions");
        }
    }

    private static Map<String, AttributeValue> key(String id) {
        return Map.of("pk", AttributeValue.fromS(id), "sk", AttributeValue.fromS("X"));
    }
}
