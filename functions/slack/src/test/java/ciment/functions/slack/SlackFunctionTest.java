package ciment.functions.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.core.config.Settings;
import ciment.devkit.MotoServer;
import ciment.devkit.TemplateTable;
import ciment.devkit.slack.FakeSlackApi;
import ciment.devkit.slack.SlashCommands;
import ciment.infra.DynamoClients;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.slack.api.bolt.aws_lambda.request.ApiGatewayRequest;
import com.slack.api.bolt.aws_lambda.response.ApiGatewayResponse;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The Lambda function end to end: API Gateway events carrying signed slash commands, Bolt, the
 * DynamoDB store on moto's server, and a fake Slack Web API that records what the function asks.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SlackFunctionTest {
    private static final String SECRET = "function-test-signing-secret";
    private static final String TOKEN = "xoxb-function-test";

    private FakeSlackApi slackApi;
    private DynamoDbClient dynamo;
    private String table;
    private SlackFunction function;
    private SlashCommands commands;
    /** The gate's clock, pinned: requests forged 301 s off it stay 301 s off however slow the test. */
    private final Clock clock = Clock.fixed(Instant.now(), ZoneOffset.UTC);

    @BeforeAll
    void start() {
        slackApi = FakeSlackApi.start();
        table = "slack-function-" + UUID.randomUUID().toString().substring(0, 8);
        Settings settings = Settings.of(Map.of(
                "AWS_ENDPOINT_URL", MotoServer.shared().endpoint().toString(),
                "AWS_REGION", "us-east-1",
                "CIMENT_TABLE", table,
                "SLACK_SIGNING_SECRET", SECRET,
                "SLACK_BOT_TOKEN", TOKEN,
                "SLACK_API_URL", slackApi.baseUrl()));
        dynamo = DynamoClients.create(settings);
        TemplateTable.fromClasspath().create(dynamo, table);
        function = new SlackFunction(settings, clock);
        commands = new SlashCommands(SECRET, FakeSlackApi.TEAM_ID);
    }

    @AfterAll
    void stop() {
        slackApi.close();
        dynamo.close();
    }

    // --- helpers -----------------------------------------------------------------------------------

    /** A person new to this test, known to the fake users.info. */
    private String newUser(String displayName) {
        String id = "U" + UUID.randomUUID().toString().replace("-", "").substring(0, 9).toUpperCase();
        slackApi.addUser(id, displayName + " Real", displayName, displayName + "@example.com");
        return id;
    }

    private static String newSlug(String stem) {
        return stem + "-" + UUID.randomUUID().toString().substring(0, 6);
    }

    private static ApiGatewayRequest event(SlashCommands.Signed signed) {
        ApiGatewayRequest event = new ApiGatewayRequest();
        event.setPath("/slack/events");
        event.setResource("/slack/events");
        event.setHttpMethod("POST");
        event.setHeaders(new HashMap<>(signed.headers()));
        event.setBody(signed.body());
        return event;
    }

    private ApiGatewayResponse send(SlashCommands.Signed signed) {
        return function.handleRequest(event(signed), null);
    }

    private JsonObject command(String userId, String text) {
        ApiGatewayResponse response = send(commands.sign(commands.command(userId, userId.toLowerCase(), text), Instant.now()));
        assertEquals(200, response.getStatusCode(), response.getBody());
        JsonObject answer = JsonParser.parseString(response.getBody()).getAsJsonObject();
        assertEquals("ephemeral", answer.get("response_type").getAsString(), answer.toString());
        assertFalse(answer.get("text").getAsString().isBlank(), answer.toString());
        assertTrue(answer.getAsJsonArray("blocks").size() >= 1, answer.toString());
        return answer;
    }

    private static String blocksText(JsonObject answer) {
        List<String> texts = new ArrayList<>();
        JsonArray blocks = answer.getAsJsonArray("blocks");
        blocks.forEach(block -> {
            JsonObject text = block.getAsJsonObject().getAsJsonObject("text");
            if (text != null) {
                texts.add(text.get("text").getAsString());
            }
        });
        return String.join("\n", texts);
    }

    private Set<Map<String, AttributeValue>> items() {
        Set<Map<String, AttributeValue>> items = new HashSet<>();
        dynamo.scanPaginator(b -> b.tableName(table).consistentRead(true)).items().forEach(items::add);
        return items;
    }

    private long postsIn(String slug) {
        String feed = blocksText(command(newUser("reader"), "feed " + slug));
        return feed.lines().filter(line -> line.contains("· `#")).count();
    }

    private void assertRefusedWithoutTrace(ApiGatewayResponse response, Set<Map<String, AttributeValue>> before,
                                          int slackCallsBefore) {
        assertEquals(401, response.getStatusCode());
        assertEquals("invalid request", response.getBody());
        assertEquals(before, items(), "a refused request must write nothing");
        assertEquals(slackCallsBefore, slackApi.calls().size(), "a refused request must not reach Slack's API");
    }

    // --- the commands ------------------------------------------------------------------------------

    @Test
    void everyCommand_isAnsweredInBlockKit_fromCreateToLeave() {
        String ada = newUser("ada");
        String bob = newUser("bob");
        String slug = newSlug("data-guild");

        assertTrue(blocksText(command(ada, "help")).contains("/ciment post &lt;slug&gt; &lt;text&gt;"));
        assertTrue(blocksText(command(ada, "create " + slug + " People who love data")).contains(slug));
        assertTrue(blocksText(command(bob, "join " + slug)).contains(slug));

        String listed = blocksText(command(bob, "communities " + slug));
        assertTrue(listed.contains("*" + slug + "*") && listed.contains("People who love data")
                && listed.contains("2 members") && listed.contains("you are a member"), listed);

        JsonObject posted = command(bob, "post " + slug + " Hello & welcome <everyone>");
        assertTrue(blocksText(posted).contains("in *" + slug + "*"), posted.toString());
        assertTrue(blocksText(posted).contains("Hello &amp; welcome &lt;everyone&gt;"), posted.toString());
        String reference = blocksText(posted).replaceAll("(?s).*`(#[0-9A-Z]+)`.*", "$1");

        String feed = blocksText(command(ada, "feed " + slug));
        assertTrue(feed.contains("*bob*") && feed.contains("`" + reference + "`")
                && feed.contains("Hello &amp; welcome &lt;everyone&gt;") && feed.contains("<!date^"), feed);
        assertTrue(blocksText(command(bob, "feed")).contains(reference), "home feed");

        assertTrue(blocksText(command(bob, "leave " + slug)).contains(slug));
        assertTrue(blocksText(command(bob, "communities " + slug)).contains("1 member "));
    }

    @Test
    void newUser_isLookedUpOnce_withTheBotToken_andTheirDisplayNameStaysOnPosts() {
        String cleo = newUser("cleo");
        String slug = newSlug("cleo-club");

        command(cleo, "create " + slug + " Cleo's club");
        command(cleo, "post " + slug + " first");
        command(cleo, "post " + slug + " second");

        List<FakeSlackApi.Call> lookups = slackApi.calls("users.info").stream()
                .filter(call -> cleo.equals(call.param("user"))).toList();
        assertEquals(1, lookups.size());
        assertEquals(TOKEN, lookups.getFirst().token());
        String feed = blocksText(command(newUser("reader"), "feed " + slug));
        assertEquals(2, feed.lines().filter(line -> line.startsWith("*cleo* · ")).count(), feed);
    }

    @Test
    void boltChecksTheBotToken_onceAtStart() {
        assertFalse(slackApi.calls("auth.test").isEmpty());
        assertEquals(TOKEN, slackApi.calls("auth.test").getFirst().token());
    }

    @Test
    void postByNonMember_isRefused_andWritesNothing() {
        String ada = newUser("ada");
        String eve = newUser("eve");
        String slug = newSlug("closed-talk");
        command(ada, "create " + slug + " Talk");
        command(eve, "communities");   // eve is known from now on: her first command registers her
        Set<Map<String, AttributeValue>> before = items();

        JsonObject answer = command(eve, "post " + slug + " let me in");

        assertTrue(blocksText(answer).startsWith(":no_entry: *Not done:* Only members can post in " + slug), answer.toString());
        assertEquals(before, items());
    }

    @Test
    void invalidSlug_isRefused_andWritesNothing() {
        String ada = newUser("ada");
        command(ada, "communities");
        Set<Map<String, AttributeValue>> before = items();

        JsonObject answer = command(ada, "create Data_Guild! Data people");

        assertTrue(blocksText(answer).startsWith(":no_entry: *Not done:*"), answer.toString());
        assertTrue(blocksText(answer).contains("not a valid community name"), answer.toString());
        assertEquals(before, items());
    }

    @Test
    void sameRequest_deliveredTwice_makesOnePost() {
        String ada = newUser("ada");
        String slug = newSlug("once");
        command(ada, "create " + slug + " Once only");
        SlashCommands.Signed post = commands.sign(commands.command(ada, "ada", "post " + slug + " just once"), Instant.now());

        ApiGatewayResponse first = send(post);
        ApiGatewayResponse second = send(post);

        assertEquals(200, first.getStatusCode());
        assertEquals(first.getBody(), second.getBody());
        assertEquals(1, postsIn(slug));
    }

    // --- the gate ----------------------------------------------------------------------------------

    private SlashCommands.Signed validPost(String slug) {
        String ada = newUser("ada");
        command(ada, "create " + slug + " Gate tests");
        return commands.sign(commands.command(ada, "ada", "post " + slug + " should never land"), Instant.now());
    }

    @Test
    void forgedSignature_gets401_andTouchesNothing() {
        String slug = newSlug("gate");
        SlashCommands.Signed valid = validPost(slug);
        SlashCommands.Signed forged = new SlashCommands("someone-elses-secret", FakeSlackApi.TEAM_ID)
                .sign(valid.body(), Long.parseLong(valid.headers().get(SlashCommands.TIMESTAMP_HEADER)));
        Set<Map<String, AttributeValue>> before = items();
        int calls = slackApi.calls().size();

        assertRefusedWithoutTrace(send(forged), before, calls);
        assertEquals(0, postsIn(slug));
    }

    @Test
    void staleRequest_301SecondsOld_gets401_andTouchesNothing() {
        String slug = newSlug("gate");
        SlashCommands.Signed valid = validPost(slug);
        SlashCommands.Signed stale = commands.sign(valid.body(), clock.instant().getEpochSecond() - 301);
        Set<Map<String, AttributeValue>> before = items();
        int calls = slackApi.calls().size();

        assertRefusedWithoutTrace(send(stale), before, calls);
        assertEquals(0, postsIn(slug));
    }

    @Test
    void futureDatedRequest_301SecondsAhead_gets401_andTouchesNothing() {
        String slug = newSlug("gate");
        SlashCommands.Signed valid = validPost(slug);
        SlashCommands.Signed future = commands.sign(valid.body(), clock.instant().getEpochSecond() + 301);
        Set<Map<String, AttributeValue>> before = items();
        int calls = slackApi.calls().size();

        assertRefusedWithoutTrace(send(future), before, calls);
        assertEquals(0, postsIn(slug));
    }

    @Test
    void missingHeaders_get401_andTouchNothing() {
        String slug = newSlug("gate");
        SlashCommands.Signed valid = validPost(slug);
        Set<Map<String, AttributeValue>> before = items();
        int calls = slackApi.calls().size();

        assertRefusedWithoutTrace(send(valid.withoutHeader(SlashCommands.SIGNATURE_HEADER)), before, calls);
        assertRefusedWithoutTrace(send(valid.withoutHeader(SlashCommands.TIMESTAMP_HEADER)), before, calls);
        ApiGatewayRequest bare = event(valid);
        bare.setHeaders(null);
        assertRefusedWithoutTrace(function.handleRequest(bare, null), before, calls);
        ApiGatewayRequest empty = event(valid);
        empty.setBody(null);
        assertRefusedWithoutTrace(function.handleRequest(empty, null), before, calls);
        assertEquals(0, postsIn(slug));
    }

    @Test
    void bodyChangedAfterSigning_gets401() {
        String slug = newSlug("gate");
        SlashCommands.Signed valid = validPost(slug);
        SlashCommands.Signed tampered = new SlashCommands.Signed(valid.body().replace("never+land", "always+land"), valid.headers());
        Set<Map<String, AttributeValue>> before = items();
        int calls = slackApi.calls().size();

        assertRefusedWithoutTrace(send(tampered), before, calls);
    }

    // --- API Gateway's encodings -------------------------------------------------------------------

    @Test
    void base64Body_flaggedAsSuch_isDecodedAndAnswered() {
        String ada = newUser("ada");
        String slug = newSlug("b64");
        command(ada, "create " + slug + " Encoded");
        SlashCommands.Signed signed = commands.sign(commands.command(ada, "ada", "post " + slug + " é encoded"), Instant.now());
        ApiGatewayRequest event = event(signed);
        event.setBody(Base64.getEncoder().encodeToString(signed.bodyBytes()));
        event.setBase64Encoded(true);

        ApiGatewayResponse response = function.handleRequest(event, null);

        assertEquals(200, response.getStatusCode(), response.getBody());
        assertTrue(response.getBody().contains("é encoded"), response.getBody());
        assertEquals(1, postsIn(slug));
    }

    @Test
    void httpApiEvent_readByTheLambdaRuntimesOwnDeserializer_withBase64Body_isAnswered() {
        String ada = newUser("ada");
        SlashCommands.Signed signed = commands.sign(commands.command(ada, "ada", "help"), Instant.now());
        String headers = String.join(",", signed.headers().entrySet().stream()
                .map(h -> "\"" + h.getKey().toLowerCase() + "\":\"" + h.getValue() + "\"").toList());
        String json = "{\"version\":\"1.0\",\"resource\":\"/slack/events\",\"path\":\"/dev/slack/events\","
                + "\"httpMethod\":\"POST\",\"headers\":{" + headers + "},\"queryStringParameters\":null,"
                + "\"requestContext\":{\"stage\":\"dev\",\"identity\":{\"sourceIp\":\"203.0.113.7\"}},"
                + "\"body\":\"" + Base64.getEncoder().encodeToString(signed.bodyBytes()) + "\",\"isBase64Encoded\":true}";
        ApiGatewayRequest event = JacksonFactory.getInstance().getSerializer(ApiGatewayRequest.class)
                .fromJson(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));

        ApiGatewayResponse response = function.handleRequest(event, null);

        assertEquals(200, response.getStatusCode(), response.getBody());
        assertTrue(response.getBody().contains("Ciment commands"), response.getBody());
    }

    @Test
    void garbledBase64Body_gets401() {
        String slug = newSlug("gate");
        SlashCommands.Signed valid = validPost(slug);
        ApiGatewayRequest event = event(valid);
        event.setBody("not*base64");
        event.setBase64Encoded(true);
        Set<Map<String, AttributeValue>> before = items();
        int calls = slackApi.calls().size();

        assertRefusedWithoutTrace(function.handleRequest(event, null), before, calls);
    }
}
