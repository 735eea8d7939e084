package ciment.infra.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ciment.core.config.Settings;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

class DynamoClientsTest {
    @Test
    void create_setsRegionAndEndpointFromSettings() {
        try (DynamoDbClient client = DynamoClients.create(Settings.of(Map.of(
                "AWS_REGION", "eu-west-3", "AWS_ENDPOINT_URL", "http://127.0.0.1:4566")))) {
            assertEquals(Region.EU_WEST_3, client.serviceClientConfiguration().region());
            assertEquals(Optional.of(URI.create("http://127.0.0.1:4566")), client.serviceClientConfiguration().endpointOverride());
        }
    }

    @Test
    void create_withoutRegion_usesUsEast1() {
        try (DynamoDbClient client = DynamoClients.create(Settings.of(Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:4566")))) {
            assertEquals(Region.US_EAST_1, client.serviceClientConfiguration().region());
        }
    }
}
