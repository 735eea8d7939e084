package ciment.functions.costs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.core.config.Settings;
import ciment.devkit.ApiGateway;
import ciment.devkit.MotoServer;
import ciment.devkit.TemplateTable;
import ciment.infra.aws.DynamoClients;
import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The deployable jar on its own, nothing from the build's classpath, as Lambda loads it: within 20 MB, no
 * signature files, the price tables inside, and the handler template.yaml names answers GET /costs on moto.
 */
class ShadedJarIT {
    private static final Path JAR = Path.of("target", "ciment-costs.jar");
    private static final String HANDLER = "ciment.functions.costs.CostsFunction";
    private static URLClassLoader lambda;
    private static Map<String, String> settings;

    @BeforeAll
    static void start() throws Exception {
        settings = MotoServer.tableSettings("costs-shaded");
        String table = settings.get("CIMENT_TABLE");
        try (DynamoDbClient dynamo = DynamoClients.create(Settings.of(settings))) {
            TemplateTable.fromClasspath().create(dynamo, table);
        }
        lambda = new URLClassLoader(new URL[] {JAR.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
    }

    @AfterAll
    static void stop() throws Exception {
        lambda.close();
    }

    @Test
    void jar_isWithin20MB_withoutSignatureFiles_withTheHandlerAndThePriceTables() throws Exception {
        long size = Files.size(JAR);
        assertTrue(size <= 20_000_000, "ciment-costs.jar is " + size + " bytes");
        try (ZipFile zip = new ZipFile(new File(JAR.toString()))) {
            assertTrue(zip.stream().noneMatch(e -> e.getName().matches("META-INF/[^/]+\\.(SF|DSA|RSA|EC)")));
            assertNotNull(zip.getEntry(HANDLER.replace('.', '/') + ".class"));
            assertNotNull(zip.getEntry("ciment/prices/us-east-1.prices"));
        }
    }

    @Test
    void handlerFromTheJarAlone_answersGetCosts() throws Exception {
        ClassLoader testLoader = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(lambda);
        try {
            Class<?> settingsClass = lambda.loadClass("ciment.core.config.Settings");
            Object functionSettings = settingsClass.getMethod("of", Map.class).invoke(null, settings);
            Object function = lambda.loadClass(HANDLER).getConstructor(settingsClass).newInstance(functionSettings);
            ApiGateway.Request request = new ApiGateway.Request("GET", "/costs", "month=2026-11&format=csv", Map.of(),
                    new byte[0], "127.0.0.1");

            ApiGateway.Answer answer = ApiGateway.Answer.read(ApiGateway.invokeLoadedApart(function,
                    ApiGateway.payloadV2(request)));

            assertEquals(200, answer.status(), answer.bodyText());
            assertTrue(answer.bodyText().startsWith("BillingPeriodStart,"), answer.bodyText());
        } finally {
            Thread.currentThread().setContextClassLoader(testLoader);
        }
    }
}
