package ciment.devkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

class TemplateTableTest {

    @Test
    void tableCreatedOnMoto_hasTheTemplatesKeysIndexStreamAndTtl() {
        URI endpoint = MotoServer.shared().endpoint();
        try (DynamoDbClient dynamo = DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .build()) {
            TemplateTable.fromClasspath().create(dynamo, "template-test");
            TableDescription table = dynamo.describeTable(b -> b.tableName("template-test")).table();

            assertEquals(List.of("pk", "sk"), table.keySchema().stream().map(KeySchemaElement::attributeName).toList());
            assertEquals("gsi1", table.globalSecondaryIndexes().get(0).indexName());
            assertEquals(List.of("gsi1pk", "gsi1sk"),
                    table.globalSecondaryIndexes().get(0).keySchema().stream().map(KeySchemaElement::attributeName).toList());
            assertEquals(StreamViewType.NEW_AND_OLD_IMAGES, table.streamSpecification().streamViewType());
            assertEquals("expiresAt", dynamo.describeTimeToLive(b -> b.tableName("template-test"))
                    .timeToLiveDescription().attributeName());
        }
    }
}
