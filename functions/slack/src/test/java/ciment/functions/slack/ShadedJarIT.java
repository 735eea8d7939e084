package ciment.functions.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.devkit.MotoServer;
import ciment.devkit.TemplateTable;
import ciment.devkit.slack.FakeSlackApi;
import ciment.devkit.slack.SlashCommands;
import ciment.infra.DynamoClients;
import com.google.gson.JsonParser;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

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
        String table = "slack-shaded-" + UUID.randomUUID().toString().substring(0, 8);
        settings = Map.of("AWS_ENDPOINT_URL", MotoServer.shared().endpoint().toString(), "AWS_REGION", "us-east-1",
                "CIMENT_TABLE", table, "SLACK_SIGNING_SECRET", SECRET, "SLACK_BOT_TOKEN", "xoxb-shaded",
                "SLACK_API_URL", slackApi.baseUrl());
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
        assertTrue(size <= 20L * 1024 * 1024, "ciment-slack.jar is " + size + " bytes");
        try (ZipFile zip = new ZipFile(new File(JAR.toString()))) {
            assertTrue(zip.stream().noneMatch(e -> e.getName().matches("META-INF/[^/]+\\.(SF|DSA|RSA|EC)")));
            assertNotNull(zip.getEntry("ciment/functions/slack/SlackFunction.class"));
            assertNotNull(zip.getEntry("ciment/functions/slack/SlackHandler.class"));
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
            String answer = handle(function, commands.sign(command, Instant.now()));
            assertEquals(200, status(answer));
            assertTrue(body(answer).contains("shaded-jar"), body(answer));
            assertEquals(1, slackApi.calls("users.info").stream().filter(call -> "U0SHADED".equals(call.param("user"))).count());

            SlashCommands.Signed forged = new SlashCommands("not-the-secret", FakeSlackApi.TEAM_ID)
                    .sign(command.withTriggerId(SlashCommands.newTriggerId()), Instant.now());
            assertEquals(401, status(handle(function, forged)));
        } finally {
            Thread.currentThread().setContextClassLoader(testLoader);
        }
    }

    @Test
    void lambdaConstructor_inItsOwnProcess_readsTheSecretsNamedByArn_andAnswersASignedCommand() throws Exception {
        String secret = "signing-secret-from-secrets-manager";
        Map<String, String> environment = lambdaEnvironment();
        environment.put("SLACK_SIGNING_SECRET_ARN", createSecret(secret));
        environment.put("SLACK_BOT_TOKEN_ARN", createSecret("xoxb-from-secrets-manager"));
        SlashCommands commands = new SlashCommands(secret, FakeSlackApi.TEAM_ID);

        LambdaRun run = LambdaRun.of(environment,
                commands.sign(commands.command("U0SECRETS", "grace.h", "create from-secrets Read at init"), Instant.now()));

        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().startsWith("200"), run.toString());
        assertTrue(run.out().contains("from-secrets"), run.toString());
        assertEquals(List.of("xoxb-from-secrets-manager"), slackApi.calls("users.info").stream()
                .filter(call -> "U0SECRETS".equals(call.param("user"))).map(FakeSlackApi.Call::token).toList());
    }

    @Test
    void lambdaConstructor_withAMissingSecret_stopsTheFunction_namingTheSettingAndTheArn() throws Exception {
        String arn = "arn:aws:secretsmanager:us-east-1:123456789012:secret:ciment-never-made-AbCdEf";
        Map<String, String> environment = lambdaEnvironment();
        environment.put("SLACK_SIGNING_SECRET_ARN", arn);
        environment.put("SLACK_BOT_TOKEN_ARN", createSecret("xoxb-from-secrets-manager"));
        SlashCommands commands = new SlashCommands(SECRET, FakeSlackApi.TEAM_ID);

        LambdaRun run = LambdaRun.of(environment, commands.sign(commands.command("U0SHADED", "ada.l", "help"), Instant.now()));

        assertNotEquals(0, run.exitCode(), run.toString());
        assertTrue(run.err().contains("SLACK_SIGNING_SECRET could not be read from the secret " + arn
                + " named by SLACK_SIGNING_SECRET_ARN"), run.toString());
        assertFalse(run.err().contains("xoxb-from-secrets-manager"), run.toString());
    }

    /** template.yaml's environment for the function (secrets by ARN only), on moto and the fake Slack API. */
    private static Map<String, String> lambdaEnvironment() {
        Map<String, String> environment = new HashMap<>(settings);
        environment.remove("SLACK_SIGNING_SECRET");
        environment.remove("SLACK_BOT_TOKEN");
        return environment;
    }

    private static String createSecret(String text) {
        try (SecretsManagerClient secretsManager = SecretsManagerClient.builder()
                .endpointOverride(MotoServer.shared().endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .build()) {
            return secretsManager.createSecret(b -> b.name("ciment-slack-" + UUID.randomUUID()).secretString(text)).arn();
        }
    }

    /** {@link LambdaInitMain} in a JVM of its own on the shaded jar, with only the given environment, as Lambda starts one. */
    private record LambdaRun(int exitCode, String out, String err) {
        static LambdaRun of(Map<String, String> environment, SlashCommands.Signed request) throws Exception {
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", JAR + File.pathSeparator + Path.of("target", "test-classes"), LambdaInitMain.class.getName(),
                    request.body()));
            request.headers().forEach((name, value) -> command.add(name + ": " + value));
            Path out = Files.createTempFile("lambda-out", ".txt");
            Path err = Files.createTempFile("lambda-err", ".txt");
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.environment().clear();
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly().waitFor();
            }
            return new LambdaRun(process.exitValue(), Files.readString(out), Files.readString(err));
        }
    }

    /**
     * The stream entry, called across the class loaders with plain JDK types: the form body base64-encoded
     * and flagged so, as an HTTP API sends it. Returns the answer's JSON.
     */
    private static String handle(Object function, SlashCommands.Signed signed) throws Exception {
        String headers = String.join(",", signed.headers().entrySet().stream()
                .map(h -> "\"" + h.getKey().toLowerCase() + "\":\"" + h.getValue() + "\"").toList());
        String event = "{\"version\":\"1.0\",\"path\":\"/slack/events\",\"httpMethod\":\"POST\",\"headers\":{" + headers
                + "},\"body\":\"" + Base64.getEncoder().encodeToString(signed.bodyBytes()) + "\",\"isBase64Encoded\":true}";
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        Class<?> contextClass = lambda.loadClass("com.amazonaws.services.lambda.runtime.Context");
        function.getClass().getMethod("handleRequest", InputStream.class, OutputStream.class, contextClass)
                .invoke(function, new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), output, null);
        return output.toString(StandardCharsets.UTF_8);
    }

    private static int status(String answer) {
        return JsonParser.parseString(answer).getAsJsonObject().get("statusCode").getAsInt();
    }

    private static String body(String answer) {
        return JsonParser.parseString(answer).getAsJsonObject().get("body").getAsString();
    }
}
