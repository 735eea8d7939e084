package ciment.devkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
