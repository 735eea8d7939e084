package ciment.infra.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ciment.core.config.Settings;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;

class AwsClientsTest {
    private static final Map<String, String> LAMBDA_ENV = Map.of(
            "AWS_ACCESS_KEY_ID", "ASIAFROMLAMBDA", "AWS_SECRET_ACCESS_KEY", "lambda-secret", "AWS_SESSION_TOKEN", "token");

    @Test
    void credentials_givenInSettingsOnly_areUsedAsGiven() {
        Settings settings = Settings.of(Map.of("AWS_ACCESS_KEY_ID", "AKIALOCAL", "AWS_SECRET_ACCESS_KEY", "local-secret",
                "AWS_SESSION_TOKEN", "session"));

        AwsCredentials credentials = AwsClients.credentials(settings, LAMBDA_ENV).resolveCredentials();

        AwsSessionCredentials session = assertInstanceOf(AwsSessionCredentials.class, credentials);
        assertEquals("AKIALOCAL", session.accessKeyId());
        assertEquals("local-secret", session.secretAccessKey());
        assertEquals("session", session.sessionToken());
    }

    @Test
    void credentials_thatAreTheProcessEnvironments_areReadByTheEnvironmentProvider() {
        assertInstanceOf(EnvironmentVariableCredentialsProvider.class,
                AwsClients.credentials(Settings.of(LAMBDA_ENV), LAMBDA_ENV));
    }

    @Test
    void credentials_absentWithAnEmulator_areDummies() {
        Settings settings = Settings.of(Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:5000"));

        assertEquals("local", AwsClients.credentials(settings, Map.of()).resolveCredentials().accessKeyId());
    }

    @Test
    void credentials_absentOnAws_comeFromTheDefaultChain() {
        assertInstanceOf(DefaultCredentialsProvider.class, AwsClients.credentials(Settings.of(Map.of()), Map.of()));
    }

    @Test
    void credentials_withAnAccessKeyButNoSecret_failNamingTheMissingSetting() {
        Settings settings = Settings.of(Map.of("AWS_ACCESS_KEY_ID", "AKIALOCAL"));

        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> AwsClients.credentials(settings, Map.of()));
        assertEquals(true, failure.getMessage().contains("AWS_SECRET_ACCESS_KEY"));
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
