package ciment.functions.slackdelivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.core.config.Settings;
import ciment.core.port.SlackInstallations.Installation;
import ciment.devkit.JvmRun;
import ciment.devkit.MotoSecrets;
import ciment.devkit.MotoServer;
import ciment.devkit.TemplateTable;
import ciment.devkit.slack.FakeSlackApi;
import ciment.infra.aws.DynamoClients;
import ciment.infra.aws.TokenSeal;
import ciment.infra.dynamo.CapacityMeter;
import ciment.infra.dynamo.DynamoRepositories;
import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The deployable jar on its own, nothing from the build's classpath, as Lambda loads it: within 20 MB,
 * no signature files, and the handler template.yaml names is a RequestHandler that starts on moto's
 * table and answers a stream batch.
 */
class ShadedJarIT {
    private static final Path JAR = Path.of("target", "ciment-slack-delivery.jar");
    private static final String HANDLER = "ciment.functions.slackdelivery.SlackDeliveryFunction";

    private static FakeSlackApi slackApi;
    private static URLClassLoader lambda;
    private static Map<String, String> settings;

    @BeforeAll
    static void start() throws Exception {
        slackApi = FakeSlackApi.start();
        Map<String, String> values = new HashMap<>(MotoServer.tableSettings("slack-delivery-shaded"));
        values.putAll(Map.of("SLACK_BOT_TOKEN", "xoxb-shaded", "SLACK_API_URL", slackApi.baseUrl(),
                "CIMENT_SLACK_ALLOWED_WORKSPACES", "*"));
        settings = Map.copyOf(values);
        String table = settings.get("CIMENT_TABLE");
        try (DynamoDbClient dynamo = DynamoClients.create(ciment.core.config.Settings.of(settings))) {
            TemplateTable.fromClasspath().create(dynamo, table);
        }
        lambda = new URLClassLoader(new URL[] {JAR.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
    }

    @AfterAll
    static void stop() throws Exception {
        lambda.close();
        slackApi.close();
    }

    @Test
    void jar_isWithin20MB_withoutSignatureFiles_withTheHandlerAndMergedServiceFiles() throws Exception {
        long size = Files.size(JAR);
        assertTrue(size <= 20_000_000, "ciment-slack-delivery.jar is " + size + " bytes");
        try (ZipFile zip = new ZipFile(new File(JAR.toString()))) {
            assertTrue(zip.stream().noneMatch(e -> e.getName().matches("META-INF/[^/]+\\.(SF|DSA|RSA|EC)")));
            assertNotNull(zip.getEntry(HANDLER.replace('.', '/') + ".class"));
            String httpServices = new String(zip.getInputStream(
                    zip.getEntry("META-INF/services/software.amazon.awssdk.http.SdkHttpService")).readAllBytes());
            assertTrue(httpServices.contains("UrlConnectionSdkHttpService"), httpServices);
        }
    }

    @Test
    void handlerFromTheJarAlone_isARequestHandler_startsOnTheTable_andAnswersAnEmptyBatchWithoutFailures()
            throws Exception {
        ClassLoader testLoader = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(lambda);
        try {
            Class<?> settingsClass = lambda.loadClass("ciment.core.config.Settings");
            Object functionSettings = settingsClass.getMethod("of", Map.class).invoke(null, settings);
            Class<?> functionClass = lambda.loadClass(HANDLER);
            Class<?> requestHandler = lambda.loadClass("com.amazonaws.services.lambda.runtime.RequestHandler");
            assertTrue(requestHandler.isAssignableFrom(functionClass), "the stream event source invokes a RequestHandler");
            Object function = functionClass.getConstructor(settingsClass).newInstance(functionSettings);

            Class<?> eventClass = lambda.loadClass("com.amazonaws.services.lambda.runtime.events.DynamodbEvent");
            Object event = eventClass.getConstructor().newInstance();
            int callsBefore = slackApi.calls().size();
            eventClass.getMethod("setRecords", List.class).invoke(event, List.of());
            Class<?> context = lambda.loadClass("com.amazonaws.services.lambda.runtime.Context");
            Object response = requestHandler.getMethod("handleRequest", Object.class, context).invoke(function, event, null);

            assertEquals(List.of(), response.getClass().getMethod("getBatchItemFailures").invoke(response));
            assertEquals(callsBefore, slackApi.calls().size(), "an empty batch sends nothing");
        } finally {
            Thread.currentThread().setContextClassLoader(testLoader);
        }
    }

    @Test
    void lambdaConstructor_inItsOwnProcess_readsTheBotTokenNamedByArn_andDeliversANotice() {
        Map<String, String> environment = new HashMap<>(settings);
        environment.remove("SLACK_BOT_TOKEN");
        environment.put("SLACK_BOT_TOKEN_ARN", MotoSecrets.create("ciment-slack-delivery-", "xoxb-from-secrets-manager"));

        JvmRun run = JvmRun.of(List.of(JAR, Path.of("target", "test-classes")), LambdaInitMain.class.getName(),
                environment, List.of("U0FROMJAR"));

        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().contains("failures=0"), run.toString());
        List<FakeSlackApi.Call> sent = slackApi.calls("chat.postMessage").stream()
                .filter(call -> "U0FROMJAR".equals(call.param("channel"))).toList();
        assertEquals(1, sent.size(), slackApi.calls().toString());
        assertEquals("xoxb-from-secrets-manager", sent.get(0).token());
    }

    @Test
    void lambdaConstructor_inOAuthMode_opensTheWorkspacesSealedTokenWithKms_andDeliversANoticeWithIt() {
        Settings sealing = Settings.of(settings).with(TokenSeal.KMS_KEY, TokenSeal.createKey(Settings.of(settings)));
        // Installed as the Slack function installs: the token sealed in the table.
        DynamoRepositories.create(DynamoClients.create(sealing), sealing.table(), CapacityMeter.forSettings(sealing))
                .slackInstallations(TokenSeal.sealing(sealing)).save(new Installation(null, FakeSlackApi.TEAM_ID,
                        "Ciment test", "A0CIMENT01", FakeSlackApi.BOT_USER_ID, FakeSlackApi.BOT_ID, "xoxb-sealed-in-the-table",
                        "chat:write", Instant.now()));
        Map<String, String> environment = new HashMap<>(settings);
        environment.remove("SLACK_BOT_TOKEN");
        environment.putAll(Map.of("SLACK_CLIENT_ID", "1234.5678", TokenSeal.KMS_KEY, sealing.require(TokenSeal.KMS_KEY)));

        JvmRun run = JvmRun.of(List.of(JAR, Path.of("target", "test-classes")), LambdaInitMain.class.getName(),
                environment, List.of("U0SEALED"));

        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().contains("failures=0"), run.toString());
        assertEquals(List.of("xoxb-sealed-in-the-table"), slackApi.calls("chat.postMessage").stream()
                .filter(call -> "U0SEALED".equals(call.param("channel"))).map(FakeSlackApi.Call::token).toList());
    }
}
