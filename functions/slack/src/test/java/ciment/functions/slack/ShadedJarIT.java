package ciment.functions.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.core.config.Settings;
import ciment.devkit.ApiGateway;
import ciment.devkit.JvmRun;
import ciment.devkit.MotoSecrets;
import ciment.devkit.MotoServer;
import ciment.devkit.TemplateTable;
import ciment.devkit.slack.FakeSlackApi;
import ciment.devkit.slack.SlashCommands;
import ciment.infra.aws.DynamoClients;
import ciment.infra.aws.TokenSeal;
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
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The deployable jar on its own, nothing from the build's classpath, as Lambda loads it: the stream
 * entry that template.yaml names answers a signed command (event JSON in, answer JSON out) on the store
 * and refuses a forged one; the jar
 * has no signature files and stays within 20 MB. Made by its no-arg constructor in a process of its
 * own, with template.yaml's environment, it reads its secrets from Secrets Manager.
 */
class ShadedJarIT {
    private static final Path JAR = Path.of("target", "ciment-slack.jar");
    private static final String SECRET = "shaded-jar-secret";

    private static FakeSlackApi slackApi;
    private static URLClassLoader lambda;
    private static Map<String, String> settings;

    @BeforeAll
    static void start() throws Exception {
        slackApi = FakeSlackApi.start().addUser("U0SHADED", "Ada Lovelace", "ada", "ada@example.com")
                .addUser("U0SECRETS", "Grace Hopper", "grace", "grace@example.com");
        Map<String, String> values = new HashMap<>(MotoServer.tableSettings("slack-shaded"));
        values.putAll(Map.of("SLACK_SIGNING_SECRET", SECRET, "SLACK_BOT_TOKEN", "xoxb-shaded",
                "CIMENT_SLACK_ALLOWED_WORKSPACES", "*",
                "SLACK_API_URL", slackApi.baseUrl()));
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
        assertTrue(size <= 20_000_000, "ciment-slack.jar is " + size + " bytes");
        try (ZipFile zip = new ZipFile(new File(JAR.toString()))) {
            assertTrue(zip.stream().noneMatch(e -> e.getName().matches("META-INF/[^/]+\\.(SF|DSA|RSA|EC)")));
            assertNotNull(zip.getEntry("ciment/functions/slack/SlackFunction.class"));
            assertNotNull(zip.getEntry("ciment/functions/slack/SlackGateway.class"));
            String httpServices = new String(zip.getInputStream(
                    zip.getEntry("META-INF/services/software.amazon.awssdk.http.SdkHttpService")).readAllBytes());
            assertTrue(httpServices.contains("UrlConnectionSdkHttpService"), httpServices);
        }
    }

    @Test
    void handlerFromTheJarAlone_answersASignedCommand_andRefusesAForgedOne() throws Exception {
        ClassLoader testLoader = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(lambda);
        try {
            Class<?> settingsClass = lambda.loadClass("ciment.core.config.Settings");
            Object functionSettings = settingsClass.getMethod("of", Map.class).invoke(null, settings);
            Class<?> functionClass = lambda.loadClass("ciment.functions.slack.SlackFunction");
            assertTrue(lambda.loadClass("com.amazonaws.services.lambda.runtime.RequestStreamHandler").isAssignableFrom(functionClass),
                    "the Lambda runtime hands a RequestStreamHandler the event's bytes");
            Object function = functionClass.getConstructor(settingsClass).newInstance(functionSettings);

            SlashCommands commands = new SlashCommands(SECRET, FakeSlackApi.TEAM_ID);
            SlashCommands.Command command = commands.command("U0SHADED", "ada.l", "create shaded-jar From the jar alone");
            ApiGateway.Answer answer = handle(function, commands.sign(command, Instant.now()));
            assertEquals(200, answer.status());
            assertTrue(answer.bodyText().contains("shaded-jar"), answer.bodyText());
            assertEquals(1, slackApi.calls("users.info").stream().filter(call -> "U0SHADED".equals(call.param("user"))).count());

            SlashCommands.Signed forged = new SlashCommands("not-the-secret", FakeSlackApi.TEAM_ID)
                    .sign(command.withTriggerId(SlashCommands.newTriggerId()), Instant.now());
            assertEquals(401, handle(function, forged).status());
        } finally {
            Thread.currentThread().setContextClassLoader(testLoader);
        }
    }

    @Test
    void lambdaConstructor_inItsOwnProcess_readsTheSecretsNamedByArn_andAnswersASignedCommand() throws Exception {
        String secret = "signing-secret-from-secrets-manager";
        Map<String, String> environment = lambdaEnvironment();
        environment.put("SLACK_SIGNING_SECRET_ARN", MotoSecrets.create("ciment-slack-", secret));
        environment.put("SLACK_BOT_TOKEN_ARN", MotoSecrets.create("ciment-slack-", "xoxb-from-secrets-manager"));
        SlashCommands commands = new SlashCommands(secret, FakeSlackApi.TEAM_ID);

        JvmRun run = lambdaInit(environment,
                commands.sign(commands.command("U0SECRETS", "grace.h", "create from-secrets Read at init"), Instant.now()));

        assertEquals(0, run.exitCode(), run.toString());
        ApiGateway.Answer answer = ApiGateway.Answer.read(run.out());
        assertEquals(200, answer.status(), run.toString());
        assertTrue(answer.bodyText().contains("from-secrets"), run.toString());
        assertEquals(List.of("xoxb-from-secrets-manager"), slackApi.calls("users.info").stream()
                .filter(call -> "U0SECRETS".equals(call.param("user"))).map(FakeSlackApi.Call::token).toList());
    }

    @Test
    void lambdaConstructor_withAMissingSecret_stopsTheFunction_namingTheSettingAndTheArn() throws Exception {
        String arn = "arn:aws:secretsmanager:us-east-1:123456789012:secret:ciment-never-made-AbCdEf";
        Map<String, String> environment = lambdaEnvironment();
        environment.put("SLACK_SIGNING_SECRET_ARN", arn);
        environment.put("SLACK_BOT_TOKEN_ARN", MotoSecrets.create("ciment-slack-", "xoxb-from-secrets-manager"));
        SlashCommands commands = new SlashCommands(SECRET, FakeSlackApi.TEAM_ID);

        JvmRun run = lambdaInit(environment, commands.sign(commands.command("U0SHADED", "ada.l", "help"), Instant.now()));

        assertNotEquals(0, run.exitCode(), run.toString());
        assertTrue(run.err().contains("SLACK_SIGNING_SECRET could not be read from the secret " + arn
                + " named by SLACK_SIGNING_SECRET_ARN"), run.toString());
        assertFalse(run.err().contains("xoxb-from-secrets-manager"), run.toString());
    }

    @Test
    void lambdaConstructor_inOAuthMode_sealsAnInstallKeptInTheClearWithKms_atItsWorkspacesFirstCommand() {
        slackApi.addUser("U0SEALER", "Hedy Lamarr", "hedy", "hedy@example.com");
        Map<String, AttributeValue> key = Map.of("pk", AttributeValue.fromS("SLACK#T#" + FakeSlackApi.TEAM_ID),
                "sk", AttributeValue.fromS("INSTALL"));
        Map<String, AttributeValue> earlier = new HashMap<>(key);
        earlier.putAll(Map.of("teamId", AttributeValue.fromS(FakeSlackApi.TEAM_ID),
                "botToken", AttributeValue.fromS("xoxb-kept-in-the-clear"), "installerUserId", AttributeValue.fromS("U0ADMIN")));
        Map<String, String> environment = new HashMap<>(settings);
        environment.remove("SLACK_BOT_TOKEN");
        environment.putAll(Map.of("SLACK_CLIENT_ID", "1234.5678", "SLACK_CLIENT_SECRET", "client-secret",
                "CIMENT_SLACK_ALLOWED_WORKSPACES", "*", TokenSeal.KMS_KEY, TokenSeal.createKey(Settings.of(settings))));
        SlashCommands commands = new SlashCommands(SECRET, FakeSlackApi.TEAM_ID);
        try (DynamoDbClient dynamo = DynamoClients.create(Settings.of(settings))) {
            dynamo.putItem(b -> b.tableName(settings.get("CIMENT_TABLE")).item(earlier));

            JvmRun run = lambdaInit(environment, commands.sign(commands.command("U0SEALER", "hedy", "whoami"), Instant.now()));

            assertEquals(0, run.exitCode(), run.toString());
            assertEquals(200, ApiGateway.Answer.read(run.out()).status(), run.toString());
            assertEquals(List.of("xoxb-kept-in-the-clear"), slackApi.calls("users.info").stream()
                    .filter(call -> "U0SEALER".equals(call.param("user"))).map(FakeSlackApi.Call::token).toList());
            Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(settings.get("CIMENT_TABLE")).key(key)
                    .consistentRead(true)).item();
            assertFalse(item.containsKey("botToken") || item.containsKey("installerUserId"), item.keySet().toString());
            assertNotNull(item.get("botTokenSealed"), item.keySet().toString());
        } finally {
            try (DynamoDbClient dynamo = DynamoClients.create(Settings.of(settings))) {
                dynamo.deleteItem(b -> b.tableName(settings.get("CIMENT_TABLE")).key(key));
            }
        }
    }

    /** template.yaml's environment for the function (secrets by ARN only), on moto and the fake Slack API. */
    private static Map<String, String> lambdaEnvironment() {
        Map<String, String> environment = new HashMap<>(settings);
        environment.remove("SLACK_SIGNING_SECRET");
        environment.remove("SLACK_BOT_TOKEN");
        return environment;
    }

    /** {@link LambdaInitMain} on the shaded jar, handed the request as API Gateway's payload 1.0 with the body as text. */
    private static JvmRun lambdaInit(Map<String, String> environment, SlashCommands.Signed signed) {
        return JvmRun.of(List.of(JAR, Path.of("target", "test-classes")), LambdaInitMain.class.getName(), environment,
                List.of(ApiGateway.payloadV1(request(signed), ApiGateway.Body.TEXT)));
    }

    private static ApiGateway.Request request(SlashCommands.Signed signed) {
        return ApiGateway.Request.post("/slack/events", signed.headers(), signed.body());
    }

    /** The stream entry, called across the class loaders: the form body base64-encoded and flagged so, as an HTTP API sends it. */
    private static ApiGateway.Answer handle(Object function, SlashCommands.Signed signed) {
        return ApiGateway.Answer.read(ApiGateway.invokeLoadedApart(function, ApiGateway.payloadV1(request(signed))));
    }
}
