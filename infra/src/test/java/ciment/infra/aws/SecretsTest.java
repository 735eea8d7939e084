package ciment.infra.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.core.config.Settings;
import ciment.devkit.MotoServer;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/** Secrets named by *_ARN settings, read from moto's Secrets Manager as a function's init reads them. */
class SecretsTest {
    private static Settings moto;
    private static SecretsManagerClient secretsManager;

    @BeforeAll
    static void start() {
        moto = Settings.of(Map.of("AWS_ENDPOINT_URL", MotoServer.shared().endpoint().toString()));
        secretsManager = AwsClients.configure(SecretsManagerClient.builder(), moto).build();
    }

    @AfterAll
    static void stop() {
        secretsManager.close();
    }

    private static String secret(String text) {
        return secretsManager.createSecret(b -> b.name("ciment-test-" + UUID.randomUUID()).secretString(text)).arn();
    }

    /** An ARN of the right form whose secret was never made. */
    private static String missingSecretArn() {
        return "arn:aws:secretsmanager:us-east-1:123456789012:secret:ciment-missing-" + UUID.randomUUID() + "-AbCdEf";
    }

    private static Settings motoWith(Map<String, String> more) {
        return moto.with(more);
    }

    @Test
    void resolve_withArns_setsEachNameToItsSecretsText() {
        Settings settings = motoWith(Map.of(
                "SLACK_SIGNING_SECRET_ARN", secret("signing-secret-from-sm"),
                "SLACK_BOT_TOKEN_ARN", secret("xoxb-from-sm\n"),
                "SLACK_API_URL", "http://127.0.0.1:1/api/"));

        Settings resolved = Secrets.resolve(settings);

        assertEquals("signing-secret-from-sm", resolved.require("SLACK_SIGNING_SECRET"));
        assertEquals("xoxb-from-sm", resolved.require("SLACK_BOT_TOKEN"), "read as any setting: stripped");
        assertEquals("http://127.0.0.1:1/api/", resolved.require("SLACK_API_URL"), "other settings kept");
    }

    @Test
    void resolve_whenTheNameIsSetToo_keepsThePlainValue_andReadsNoSecret() {
        // The ARN names no secret: reading it would fail, so passing proves it was not read.
        Settings settings = motoWith(Map.of(
                "MICROSOFT_APP_PASSWORD", "plain-password",
                "MICROSOFT_APP_PASSWORD_ARN", missingSecretArn()));

        assertEquals("plain-password", Secrets.resolve(settings).require("MICROSOFT_APP_PASSWORD"));
    }

    @Test
    void resolve_withAMissingSecret_failsInOneSentenceNamingTheSettingAndTheArn() {
        String arn = missingSecretArn();
        Settings settings = motoWith(Map.of("SLACK_SIGNING_SECRET_ARN", arn));

        IllegalStateException failure = assertThrows(IllegalStateException.class, () -> Secrets.resolve(settings));

        String message = failure.getMessage();
        assertTrue(message.startsWith("SLACK_SIGNING_SECRET could not be read from the secret " + arn
                + " named by SLACK_SIGNING_SECRET_ARN ("), message);
        assertTrue(message.contains("ResourceNotFoundException"), message);
        assertTrue(message.endsWith(")."), message);
    }

    @Test
    void resolve_whenOneSecretIsMissing_neverShowsTheValueOfAnother() {
        Map<String, String> arns = new HashMap<>();
        arns.put("A_TOKEN_ARN", secret("value-that-must-stay-hidden"));
        arns.put("B_TOKEN_ARN", missingSecretArn());

        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> Secrets.resolve(motoWith(arns)));

        assertTrue(failure.getMessage().startsWith("B_TOKEN could not be read"), failure.getMessage());
        assertFalse(failure.getMessage().contains("value-that-must-stay-hidden"), failure.getMessage());
    }

    @Test
    void resolve_withABinarySecret_failsSayingItHoldsNoText() {
        String arn = secretsManager.createSecret(b -> b.name("ciment-test-" + UUID.randomUUID())
                .secretBinary(SdkBytes.fromUtf8String("binary"))).arn();

        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> Secrets.resolve(motoWith(Map.of("SLACK_BOT_TOKEN_ARN", arn))));

        assertTrue(failure.getMessage().contains("named by SLACK_BOT_TOKEN_ARN (it holds no text"), failure.getMessage());
    }

    @Test
    void resolve_withoutArnsOrWithBlankOnes_returnsTheSameSettings_andLoadsNothingOfSecretsManager() throws Exception {
        try (LoadRecorder loader = new LoadRecorder(location(Secrets.class), location(Settings.class),
                location(SecretsManagerClient.class))) {
            Class<?> settingsClass = loader.loadClass(Settings.class.getName());
            Object settings = settingsClass.getMethod("of", Map.class).invoke(null, Map.of(
                    "SLACK_SIGNING_SECRET", "local-secret", "SLACK_BOT_TOKEN_ARN", " ", "CIMENT_TABLE", "ciment"));

            Object resolved = loader.loadClass(Secrets.class.getName()).getMethod("resolve", settingsClass).invoke(null, settings);

            assertSame(settings, resolved);
            assertFalse(loader.loaded(SecretStrings.class.getName()));
            assertFalse(loader.loaded(SecretsManagerClient.class.getName()));
        }
    }

    private static URL location(Class<?> type) {
        return type.getProtectionDomain().getCodeSource().getLocation();
    }

    /** Loads Ciment's classes itself (not from the test's loader), and tells which it loaded. */
    private static final class LoadRecorder extends URLClassLoader {
        LoadRecorder(URL... urls) {
            super(urls, ClassLoader.getPlatformClassLoader());
        }

        boolean loaded(String name) {
            return findLoadedClass(name) != null;
        }
    }
}
