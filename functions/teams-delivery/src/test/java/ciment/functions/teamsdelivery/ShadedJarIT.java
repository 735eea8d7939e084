package ciment.functions.teamsdelivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.devkit.JvmRun;
import ciment.devkit.MotoSecrets;
import ciment.devkit.MotoServer;
import ciment.devkit.TemplateTable;
import ciment.devkit.teams.FakeBotFramework;
import ciment.infra.aws.DynamoClients;
import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
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
    private static final Path JAR = Path.of("target", "ciment-teams-delivery.jar");
    private static final String HANDLER = "ciment.functions.teamsdelivery.TeamsDeliveryFunction";

    private static FakeBotFramework botFramework;
    private static URLClassLoader lambda;
    private static Map<String, String> settings;

    @BeforeAll
    static void start() throws Exception {
        botFramework = FakeBotFramework.start();
        Map<String, String> values = new HashMap<>(botFramework.settings());
        values.putAll(MotoServer.tableSettings("teams-delivery-shaded"));
        values.put("CIMENT_TEAMS_ALLOWED_TENANTS", "*");
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
        botFramework.close();
    }

    @Test
    void jar_isWithin20MB_withoutSignatureFiles_withTheHandlerAndMergedServiceFiles() throws Exception {
        long size = Files.size(JAR);
        assertTrue(size <= 20_000_000, "ciment-teams-delivery.jar is " + size + " bytes");
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
            Object function = functionClass.getConstructor(settingsClass, boolean.class).newInstance(functionSettings, false);

            Class<?> eventClass = lambda.loadClass("com.amazonaws.services.lambda.runtime.events.DynamodbEvent");
            Object event = eventClass.getConstructor().newInstance();
            int sentBefore = botFramework.sent().size();
            eventClass.getMethod("setRecords", List.class).invoke(event, List.of());
            Class<?> context = lambda.loadClass("com.amazonaws.services.lambda.runtime.Context");
            Object response = requestHandler.getMethod("handleRequest", Object.class, context).invoke(function, event, null);

            assertEquals(List.of(), response.getClass().getMethod("getBatchItemFailures").invoke(response));
            assertEquals(sentBefore, botFramework.sent().size(), "an empty batch sends nothing");
        } finally {
            Thread.currentThread().setContextClassLoader(testLoader);
        }
    }

    @Test
    void handlerFromTheJarAlone_withoutAnAppId_refusesToStart() throws Exception {
        Class<?> settingsClass = lambda.loadClass("ciment.core.config.Settings");
        Map<String, String> noAppId = new HashMap<>(settings);
        noAppId.remove("MICROSOFT_APP_ID");
        Object functionSettings = settingsClass.getMethod("of", Map.class).invoke(null, noAppId);

        InvocationTargetException refused = assertThrows(InvocationTargetException.class, () -> lambda.loadClass(HANDLER)
                .getConstructor(settingsClass, boolean.class).newInstance(functionSettings, false));
        assertTrue(refused.getCause().getMessage().startsWith("MICROSOFT_APP_ID is not set"), refused.getCause().toString());
    }

    @Test
    void lambdaConstructor_inItsOwnProcess_readsTheAppPasswordNamedByArn_andDeliversANotice() {
        FakeBotFramework.Member nora = botFramework.addMember(FakeBotFramework.Member.of(
                "29:nora", "aad-nora", "Nora", "nora@example.com", "nora@example.com", "tenant-jar"));
        Map<String, String> environment = new HashMap<>(settings);
        environment.remove("MICROSOFT_APP_PASSWORD");
        environment.put("MICROSOFT_APP_PASSWORD_ARN", MotoSecrets.create("ciment-teams-delivery-", botFramework.appPassword()));

        JvmRun run = JvmRun.of(List.of(JAR, Path.of("target", "test-classes")), LambdaInitMain.class.getName(),
                environment, List.of("tenant-jar", "aad-nora", botFramework.serviceUrl()));

        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().contains("failures=0"), run.toString());
        String chat = botFramework.personalChatWith(nora).orElseThrow();
        assertEquals(List.of("From the jar alone."), botFramework.sentTo(chat).stream()
                .map(FakeBotFramework.SentActivity::text).toList());
    }
}
