package ciment.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ciment.core.config.Settings;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

class DynamoClientsTest {
    private static final Map<String, String> LAMBDA_ENV = Map.of(
            "AWS_ACCESS_KEY_ID", "ASIAFROMLAMBDA", "AWS_SECRET_ACCESS_KEY", "lambda-secret", "AWS_SESSION_TOKEN", "token");

    @Test
    void credentials_givenInSettingsOnly_areUsedAsGiven() {
        Settings settings = Settings.of(Map.of("AWS_ACCESS_KEY_ID", "AKIALOCAL", "AWS_SECRET_ACCESS_KEY", "local-secret",
                "AWS_SESSION_TOKEN", "session"));

        AwsCredentials credentials = DynamoClients.credentials(settings, LAMBDA_ENV).resolveCredentials();

        AwsSessionCredentials session = assertInstanceOf(AwsSessionCredentials.class, credentials);
        assertEquals("AKIALOCAL", session.accessKeyId());
        assertEquals("local-secret", session.secretAccessKey());
        assertEquals("session", session.sessionToken());
    }

    @Test
    void credentials_thatAreTheProcessEnvironments_areReadByTheEnvironmentProvider() {
        assertInstanceOf(EnvironmentVariableCredentialsProvider.class,
                DynamoClients.credentials(Settings.of(LAMBDA_ENV), LAMBDA_ENV));
    }

    @Test
    void credentials_absentWithAnEmulator_areDummies() {
        Settings settings = Settings.of(Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:5000"));

        assertEquals("local", DynamoClients.credentials(settings, Map.of()).resolveCredentials().accessKeyId());
    }

    @Test
    void credentials_absentOnAws_comeFromTheDefaultChain() {
        assertInstanceOf(DefaultCredentialsProvider.class, DynamoClients.credentials(Settings.of(Map.of()), Map.of()));
    }

    @Test
    void credentials_withAnAccessKeyButNoSecret_failNamingTheMissingSetting() {
        Settings settings = Settings.of(Map.of("AWS_ACCESS_KEY_ID", "AKIALOCAL"));

        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> DynamoClients.credentials(settings, Map.of()));
        assertEquals(true, failure.getMessage().contains("AWS_SECRET_ACCESS_KEY"));
    }

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

    @Test
    void classpath_holdsNeitherApacheNorNettyHttpClients() {
        for (String absent : new String[] {"software.amazon.awssdk.http.apache5.Apache5HttpClient",
                "software.amazon.awssdk.http.apache.ApacheHttpClient",
                "software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient"}) {
            assertThrows(ClassNotFoundException.class, () -> Class.forName(absent), absent);
        }
    }
}
