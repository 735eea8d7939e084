package ciment.functions.teams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.devkit.ApiGateway;
import ciment.devkit.JvmRun;
import ciment.devkit.MotoSecrets;
import ciment.devkit.teams.FakeBotFramework;
import ciment.devkit.teams.TeamsActivities;
import java.io.File;
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

/**
 * The deployable jar on its own (nothing from the build's classpath), as Lambda loads it: the stream
 * entry named in template.yaml answers a signed activity through the Bot Connector, refuses a forged one, and
 * the jar stays under 20 MB without signature files. Made by its no-arg constructor in a process of its
 * own, with template.yaml's environment, it reads its app password from Secrets Manager.
 */
class ShadedJarIT {
    private static final Path JAR = Path.of("target", "ciment-teams.jar");
    private static TeamsStack stack;
    private static URLClassLoader lambda;

    @BeforeAll
    static void start() throws Exception {
        stack = new TeamsStack();
        lambda = new URLClassLoader(new URL[] {JAR.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
    }

    @AfterAll
    static void stop() throws Exception {
        lambda.close();
        stack.close();
    }

    @Test
    void jar_isUnder20MB_withoutSignatureFiles_andWithMergedServiceFiles() throws Exception {
        long size = Files.size(JAR);
        assertTrue(size <= 20_000_000, "ciment-teams.jar is " + size + " bytes");
        try (ZipFile zip = new ZipFile(new File(JAR.toString()))) {
            assertTrue(zip.stream().noneMatch(e -> e.getName().matches("META-INF/[^/]+\\.(SF|DSA|RSA|EC)")));
            assertTrue(zip.getEntry("ciment/functions/teams/TeamsFunction.class") != null);
            assertTrue(zip.stream().noneMatch(e -> e.getName().startsWith("com/amazonaws/services/lambda/runtime/events/")),
                    "aws-lambda-java-events is not needed: the function reads the event's JSON itself");
        }
    }

    @Test
    void handlerFromTheJarAlone_answersASignedActivity_andRefusesAForgedOne() throws Exception {
        // as in Lambda, the context class loader is the function's (Jackson finds its modules through it)
        ClassLoader testLoader = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(lambda);
        try {
            answersAndRefuses();
        } finally {
            Thread.currentThread().setContextClassLoader(testLoader);
        }
    }

    private void answersAndRefuses() throws Exception {
        Class<?> settingsClass = lambda.loadClass("ciment.core.config.Settings");
        Object settings = settingsClass.getMethod("of", Map.class).invoke(null, settingsMap());
        Class<?> functionClass = lambda.loadClass("ciment.functions.teams.TeamsFunction");
        assertTrue(lambda.loadClass("com.amazonaws.services.lambda.runtime.RequestStreamHandler").isAssignableFrom(functionClass),
                "the Lambda runtime hands a RequestStreamHandler the event's bytes");
        Object function = functionClass.getConstructor(settingsClass, boolean.class).newInstance(settings, false);

        TeamsActivities.Message message = stack.message(stack.person("Ada Lovelace"), "communities");
        int sent = stack.fake.sent().size();
        assertEquals(200, handle(function, message.json(), FakeBotFramework.bearer(stack.fake.token(message.serviceUrl()))));
        assertEquals(sent + 1, stack.fake.sent().size());
        assertEquals(java.util.List.of("application/vnd.microsoft.card.adaptive"), stack.fake.sent().get(sent).attachmentTypes());

        assertEquals(401, handle(function, message.nextId().json(),
                FakeBotFramework.bearer(stack.fake.tokenSignedByUnknownKey(message.serviceUrl()))));
        assertEquals(sent + 1, stack.fake.sent().size());
    }

    @Test
    void lambdaConstructor_inItsOwnProcess_readsTheAppPasswordNamedByArn_andRepliesWithIt() throws Exception {
        Map<String, String> environment = settingsMap();
        // The fake Bot Connector issues a reply token only for the right password.
        environment.put("MICROSOFT_APP_PASSWORD_ARN", MotoSecrets.create("ciment-teams-", environment.remove("MICROSOFT_APP_PASSWORD")));
        TeamsActivities.Message message = stack.message(stack.person("Grace Hopper"), "help");
        int sent = stack.fake.sent().size();

        JvmRun run = lambdaInit(environment, message.json(), FakeBotFramework.bearer(stack.fake.token(message.serviceUrl())));

        assertEquals(0, run.exitCode(), run.toString());
        assertEquals(200, ApiGateway.Answer.read(run.out()).status(), run.toString());
        assertEquals(sent + 1, stack.fake.sent().size());
    }

    @Test
    void lambdaConstructor_withAMissingSecret_stopsTheFunction_namingTheSettingAndTheArn() throws Exception {
        String arn = "arn:aws:secretsmanager:us-east-1:123456789012:secret:ciment-never-made-AbCdEf";
        Map<String, String> environment = settingsMap();
        environment.remove("MICROSOFT_APP_PASSWORD");
        environment.put("MICROSOFT_APP_PASSWORD_ARN", arn);
        TeamsActivities.Message message = stack.message(stack.person("Grace Hopper"), "help");

        JvmRun run = lambdaInit(environment, message.json(), FakeBotFramework.bearer(stack.fake.token(message.serviceUrl())));

        assertNotEquals(0, run.exitCode(), run.toString());
        assertTrue(run.err().contains("MICROSOFT_APP_PASSWORD could not be read from the secret " + arn
                + " named by MICROSOFT_APP_PASSWORD_ARN"), run.toString());
    }

    /** {@link LambdaInitMain} on the shaded jar, handed the activity as API Gateway's payload 2.0. */
    private static JvmRun lambdaInit(Map<String, String> environment, String body, String authorization) {
        return JvmRun.of(List.of(JAR, Path.of("target", "test-classes")), LambdaInitMain.class.getName(), environment,
                List.of(TeamsStack.event(body, authorization)));
    }

    private static Map<String, String> settingsMap() throws Exception {
        Map<String, String> values = new HashMap<>();
        for (String name : new String[] {"MICROSOFT_APP_ID", "MICROSOFT_APP_PASSWORD", "BOTFRAMEWORK_OPENID_METADATA_URL",
                "MICROSOFT_OAUTH_ENDPOINT", "AWS_ENDPOINT_URL", "AWS_REGION", "CIMENT_TABLE",
                "CIMENT_TEAMS_ALLOWED_TENANTS"}) {
            values.put(name, stack.settings.get(name).orElseThrow());
        }
        return values;
    }

    /** The stream entry, called across the class loaders: event JSON in, the answer's status out. */
    private static int handle(Object function, String body, String authorization) {
        return ApiGateway.Answer.read(ApiGateway.invokeLoadedApart(function, TeamsStack.event(body, authorization))).status();
    }
}
