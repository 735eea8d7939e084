package ciment.functions.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.core.config.Settings;
import ciment.devkit.ApiGateway;
import ciment.devkit.MotoServer;
import ciment.devkit.TemplateTable;
import ciment.devkit.slack.FakeSlackApi;
import ciment.devkit.slack.SlashCommands;
import ciment.infra.aws.DynamoClients;
import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The Lambda function end to end, through its stream entry: API Gateway events (payload 1.0, as JSON)
 * carrying signed slash commands, Bolt, the DynamoDB store on moto's server, and a fake Slack Web API
 * that records what the function asks.
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
        Settings settings = Settings.of(MotoServer.tableSettings("slack-function")).with(Map.of(
                "SLACK_SIGNING_SECRET", SECRET,
                "CIMENT_SLACK_ALLOWED_WORKSPACES", "*",
                "SLACK_BOT_TOKEN", TOKEN,
                "SLACK_API_URL", slackApi.baseUrl(),
                "CIMENT_TRUSTED_DOMAINS", "example.com=" + FakeSlackApi.TEAM_ID));
        table = settings.table();
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

    /** A person new to this test, known to the fake users.info, with an address of their own. */
    private String newUser(String displayName) {
        String id = newUserId();
        slackApi.addUser(id, displayName + " Real", displayName, emailOf(id));
        return id;
    }

    private static String newUserId() {
        return "U" + UUID.randomUUID().toString().replace("-", "").substring(0, 9).toUpperCase();
    }

    /** The address users.info gives for a user newUser made (unique: one address is one person). */
    private static String emailOf(String userId) {
        return userId.toLowerCase() + "@example.com";
    }

    private static String newSlug(String stem) {
        return stem + "-" + UUID.randomUUID().toString().substring(0, 6);
    }

    /** API Gateway's payload 1.0 for a signed request: header names in lower case, the body as text. */
    private static String event(SlashCommands.Signed signed) {
        return ApiGateway.payloadV1(request(signed), ApiGateway.Body.TEXT);
    }

    private static ApiGateway.Request request(SlashCommands.Signed signed) {
        return ApiGateway.Request.post("/slack/events", signed.headers(), signed.body());
    }

    /** The event as an object, for the tests that take it apart. */
    private static JsonObject eventObject(SlashCommands.Signed signed) {
        return JsonParser.parseString(event(signed)).getAsJsonObject();
    }

    /** What the function wrote back, as API Gateway reads it. */
    private ApiGateway.Answer handle(String eventJson) {
        return ApiGateway.Answer.read(ApiGateway.invoke(function, eventJson));
    }

    private ApiGateway.Answer handle(JsonObject event) {
        return handle(event.toString());
    }

    private ApiGateway.Answer send(SlashCommands.Signed signed) {
        return handle(event(signed));
    }

    private JsonObject command(String userId, String text) {
        ApiGateway.Answer response = send(commands.sign(commands.command(userId, userId.toLowerCase(), text), Instant.now()));
        assertEquals(200, response.status(), response.bodyText());
        JsonObject answer = JsonParser.parseString(response.bodyText()).getAsJsonObject();
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

    /** The table's items, but the usage items that metering adds to on every invocation, a refused one too. */
    private Set<Map<String, AttributeValue>> items() {
        Set<Map<String, AttributeValue>> items = new HashSet<>();
        dynamo.scanPaginator(b -> b.tableName(table).consistentRead(true)).items().stream()
                .filter(item -> !item.get("sk").s().startsWith("USE#")).forEach(items::add);
        return items;
    }

    private long postsIn(String slug) {
        String feed = blocksText(command(newUser("reader"), "feed " + slug));
        return feed.lines().filter(line -> line.contains("· `#")).count();
    }

    private void assertRefusedWithoutTrace(ApiGateway.Answer response, Set<Map<String, AttributeValue>> before,
                                          int slackCallsBefore) {
        assertEquals(401, response.status());
        assertEquals("invalid request", response.bodyText());
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
                && listed.contains("fewer than 5 members") && listed.contains("you are a member"), listed);

        JsonObject posted = command(bob, "post " + slug + " Hello & welcome <everyone>");
        assertTrue(blocksText(posted).contains("in *" + slug + "*"), posted.toString());
        assertTrue(blocksText(posted).contains("Hello &amp; welcome &lt;everyone&gt;"), posted.toString());
        String reference = blocksText(posted).replaceAll("(?s).*`(#[0-9A-Z]+)`.*", "$1");

        String feed = blocksText(command(ada, "feed " + slug));
        assertTrue(feed.contains("*bob*") && feed.contains("`" + reference + "`")
                && feed.contains("Hello &amp; welcome &lt;everyone&gt;") && feed.contains("<!date^"), feed);
        assertTrue(blocksText(command(bob, "feed")).contains(reference), "home feed");

        assertTrue(blocksText(command(bob, "leave " + slug)).contains(slug));
        String after = blocksText(command(bob, "communities " + slug));
        assertTrue(after.contains("join with `/ciment join " + slug + "`") && !after.contains("you are a member"), after);
    }

    // --- stewards and people (issue 3) -------------------------------------------------------------

    /** How Slack sends an @mention picked from the autocomplete, with "escape users" on. */
    private static String mention(String userId, String name) {
        return "<@" + userId + "|" + name + ">";
    }

    @Test
    void closedCommunity_joinFilesARequest_thatAStewardApprovesByMention_andTheNewMemberPosts() {
        String ada = newUser("ada");
        String bob = newUser("bob");
        String slug = newSlug("closed-guild");
        command(ada, "create " + slug + " Invitation only");
        assertTrue(blocksText(command(ada, "close " + slug)).contains(slug + " is closed"));

        String asked = blocksText(command(bob, "join " + slug));
        assertTrue(asked.contains("your request went to its stewards"), asked);
        assertTrue(blocksText(command(bob, "post " + slug + " too early")).contains("Only members can post"));

        String requests = blocksText(command(ada, "requests " + slug));
        assertTrue(requests.contains("*bob* (<@" + bob + ">) asked <!date^"), requests);
        assertTrue(requests.contains("`/ciment approve " + slug + " <@" + bob + ">`"), requests);

        String approved = blocksText(command(ada, "approve " + slug + " " + mention(bob, "bob")));
        assertTrue(approved.contains("bob is now a member of " + slug), approved);
        assertTrue(blocksText(command(bob, "post " + slug + " Glad to be in")).contains("in *" + slug + "*"));
        String feed = blocksText(command(ada, "feed " + slug));   // a closed community's feed is for its members
        assertTrue(feed.contains("*bob* · ") && feed.contains("Glad to be in"), feed);
        assertTrue(blocksText(command(ada, "requests " + slug)).contains("No request is waiting in " + slug));
    }

    @Test
    void stewardAddAndRemove_byMention_changeTheStewardsInfoShows() {
        String ada = newUser("ada");
        String bob = newUser("bob");
        String slug = newSlug("shared-care");
        command(ada, "create " + slug + " Shared care");
        command(bob, "join " + slug);

        String added = blocksText(command(ada, "steward add " + slug + " " + mention(bob, "bob")));
        assertTrue(added.contains("bob is now a steward of " + slug), added);
        String info = blocksText(command(bob, "info " + slug));
        assertTrue(info.contains("<@" + ada + ">") && info.contains("<@" + bob + ">"), info);
        assertTrue(info.contains("You are a steward of *" + slug + "*"), info);

        String removed = blocksText(command(bob, "steward remove " + slug + " <@" + ada + ">"));
        assertTrue(removed.contains("ada is no longer a steward of " + slug), removed);
        String after = blocksText(command(ada, "info " + slug));
        assertTrue(after.contains("*Stewards:* <@" + bob + ">\n"), after);
        assertTrue(after.contains("You are a member of *" + slug + "*"), after);
    }

    @Test
    void stewardAdd_ofSomeoneNamedWithoutAMention_isRefused_andWritesNothing() {
        String ada = newUser("ada");
        String slug = newSlug("plain-names");
        command(ada, "create " + slug + " Plain names");
        Set<Map<String, AttributeValue>> before = items();

        String refused = blocksText(command(ada, "steward add " + slug + " @bob"));

        assertTrue(refused.startsWith(":no_entry: *Not done:* “@bob” is not a person I can find"), refused);
        assertEquals(before, items());
    }

    @Test
    void info_ofASmallCommunity_saysFewerThan5Members_neverTheCount() {
        String ada = newUser("ada");
        String slug = newSlug("small-talk");
        command(ada, "create " + slug + " Small talk");
        command(newUser("bob"), "join " + slug);
        command(ada, "tags " + slug + " Analytics, SQL");

        String info = blocksText(command(newUser("cleo"), "info " + slug));

        assertTrue(info.contains("*Size:* fewer than 5 members"), info);
        assertFalse(info.contains("2 members"), info);
        assertTrue(info.contains("Small talk") && info.contains(":unlock: *Open*") && info.contains("*Tags:* analytics, sql")
                && info.contains("*Stewards:* <@" + ada + ">"), info);
    }

    @Test
    void declaredRolesAndSkills_areShownByWhoami_andWhoFindsThePerson_withASlackMention() {
        String ada = newUser("ada");
        String topic = "Accessibilité " + UUID.randomUUID().toString().substring(0, 6);
        String role = "Onboarding buddy " + UUID.randomUUID().toString().substring(0, 6);

        assertTrue(blocksText(command(ada, "skills add " + topic)).contains("Added the skill"));
        assertTrue(blocksText(command(ada, "roles add " + role)).contains("Added the role"));
        String me = blocksText(command(ada, "whoami"));
        assertTrue(me.contains("*Skills:* " + topic) && me.contains("*Roles:* " + role)
                && me.contains("*Accounts:* Slack, here (<@" + ada + ">)"), me);

        String bySkill = blocksText(command(newUser("bob"), "who " + topic.toUpperCase().replace("É", "E")));
        assertTrue(bySkill.contains("• *ada* · <@" + ada + ">"), bySkill);
        String byRole = blocksText(command(newUser("cleo"), "who " + role.toLowerCase()));
        assertTrue(byRole.contains("• *ada* · <@" + ada + ">"), byRole);

        command(ada, "skills remove " + topic);
        assertTrue(blocksText(command(newUser("dan"), "who " + topic)).contains("Nobody has declared"));
    }

    @Test
    void whoami_showsTheVerifiedEmailThatLinksTheAccounts() {
        String ada = newUser("ada");

        String me = blocksText(command(ada, "whoami"));

        assertTrue(me.contains("*Email:* " + emailOf(ada) + " (your accounts are linked by this verified address"), me);
    }

    @Test
    void approve_byEmailAddress_asSlackSendsIt_letsThePersonIn() {
        String ada = newUser("ada");
        String bob = newUser("bob");
        String slug = newSlug("by-email");
        command(ada, "create " + slug + " Named by address");
        command(ada, "close " + slug);
        command(bob, "join " + slug);

        String address = emailOf(bob).toUpperCase();
        // Slack links the address it sends (<mailto:…|…>): the fake does as the manifest's should_escape says.
        String approved = blocksText(command(ada, "approve " + slug + " " + address));

        assertTrue(approved.contains("bob is now a member of " + slug), approved);
        assertTrue(blocksText(command(bob, "post " + slug + " in by address")).contains("in *" + slug + "*"));
    }

    /** Eve works for a partner: a Slack Connect user whose own workspace is another organisation's. */
    private String newPartner(String displayName) {
        String id = newUserId();
        slackApi.addUser(new FakeSlackApi.User(id, displayName + " Partner", displayName, emailOf(id))
                .fromTeam("T0PARTNER1"));
        return id;
    }

    @Test
    void slackConnectGuest_seesJoinsAndPostsOnlyWhereAStewardInvitedThem() {
        String ada = newUser("ada");
        String invitedTo = newSlug("partners");
        String elsewhere = newSlug("internal");
        command(ada, "create " + invitedTo + " Work with our partners");
        command(ada, "close " + invitedTo);
        command(ada, "create " + elsewhere + " Employees only");
        String eve = newPartner("eve");

        String invited = blocksText(command(ada, "invite " + invitedTo + " " + mention(eve, "eve")));
        assertTrue(invited.contains("eve is invited to " + invitedTo + ": they join with join " + invitedTo
                + ", without waiting for approval."), invited);

        String listed = blocksText(command(eve, "communities"));
        assertTrue(listed.startsWith("*1 community.*") && listed.contains("*" + invitedTo + "*"), listed);
        assertFalse(listed.contains(elsewhere), listed);
        assertTrue(blocksText(command(eve, "communities internal")).startsWith("*No community matches"));

        String unknown = newSlug("no-such");
        String noSuch = blocksText(command(eve, "info " + unknown)).replace(unknown, "<slug>");
        for (String attempt : List.of("info ", "join ", "feed ", "post ", "leave ")) {
            String text = attempt.equals("post ") ? " hello" : "";
            String refused = blocksText(command(eve, attempt + elsewhere + text)).replace(elsewhere, "<slug>");
            assertEquals(noSuch, refused, attempt);
        }
        assertTrue(noSuch.startsWith(":no_entry: *Not done:* There is no community called <slug>"), noSuch);

        assertTrue(blocksText(command(eve, "join " + invitedTo)).contains(invitedTo));
        assertTrue(blocksText(command(eve, "post " + invitedTo + " Hello from the partner side")).contains("in *" + invitedTo + "*"));
        String feed = blocksText(command(ada, "feed " + invitedTo));
        assertTrue(feed.contains("*eve* · ") && feed.contains("Hello from the partner side"), feed);
        assertTrue(blocksText(command(eve, "whoami")).contains("You take part as a guest"));
        assertTrue(blocksText(command(ada, "whoami")).lines().noneMatch(line -> line.contains("guest")));
    }

    @Test
    void slackConnectGuest_invitedNowhere_seesNoCommunity_andCannotCreateOne() {
        command(newUser("ada"), "create " + newSlug("visible") + " Seen by employees");
        String eve = newPartner("eve");
        Set<Map<String, AttributeValue>> before;

        JsonObject listed = command(eve, "communities");
        before = items();
        String created = blocksText(command(eve, "create " + newSlug("partner-club") + " Ours"));

        assertEquals(1, listed.getAsJsonArray("blocks").size(), "a summary and no community: " + listed);
        assertFalse(blocksText(listed).contains("visible-"), listed.toString());
        assertTrue(created.startsWith(":no_entry: *Not done:* Guests take part in the communities they are invited to"),
                created);
        assertEquals(before, items());
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

        ApiGateway.Answer first = send(post);
        ApiGateway.Answer second = send(post);

        assertEquals(200, first.status());
        assertEquals(first.bodyText(), second.bodyText());
        assertEquals(1, postsIn(slug));
    }

    // --- the gate ----------------------------------------------------------------------------------

    private SlashCommands.Signed validPost(String slug) {
        String ada = newUser("ada");
        command(ada, "create " + slug + " Gate tests");
        return commands.sign(commands.command(ada, "ada", "post " + slug + " should never land"), Instant.now());
    }

    /** The gate refuses the event made from a valid post with 401: nothing is written, posted or asked of Slack. */
    private void assertRefused(Function<SlashCommands.Signed, String> eventFromValid) {
        String slug = newSlug("gate");
        String event = eventFromValid.apply(validPost(slug));
        Set<Map<String, AttributeValue>> before = items();
        int calls = slackApi.calls().size();

        assertRefusedWithoutTrace(handle(event), before, calls);
        assertEquals(0, postsIn(slug));
    }

    @Test
    void forgedSignature_gets401_andTouchesNothing() {
        assertRefused(valid -> event(forged(valid)));
    }

    /** The same body and timestamp, signed with another app's secret. */
    private static SlashCommands.Signed forged(SlashCommands.Signed valid) {
        return new SlashCommands("someone-elses-secret", FakeSlackApi.TEAM_ID)
                .sign(valid.body(), Long.parseLong(valid.headers().get(SlashCommands.TIMESTAMP_HEADER)));
    }

    @Test
    void staleRequest_301SecondsOld_gets401_andTouchesNothing() {
        assertRefused(valid -> event(commands.sign(valid.body(), clock.instant().getEpochSecond() - 301)));
    }

    @Test
    void futureDatedRequest_301SecondsAhead_gets401_andTouchesNothing() {
        assertRefused(valid -> event(commands.sign(valid.body(), clock.instant().getEpochSecond() + 301)));
    }

    @Test
    void bodyChangedAfterSigning_gets401_andTouchesNothing() {
        assertRefused(valid -> event(new SlashCommands.Signed(valid.body().replace("never+land", "always+land"), valid.headers())));
    }

    @Test
    void missingHeaders_get401_andTouchNothing() {
        String slug = newSlug("gate");
        SlashCommands.Signed valid = validPost(slug);
        Set<Map<String, AttributeValue>> before = items();
        int calls = slackApi.calls().size();

        assertRefusedWithoutTrace(send(valid.withoutHeader(SlashCommands.SIGNATURE_HEADER)), before, calls);
        assertRefusedWithoutTrace(send(valid.withoutHeader(SlashCommands.TIMESTAMP_HEADER)), before, calls);
        JsonObject bare = eventObject(valid);
        bare.add("headers", JsonNull.INSTANCE);
        bare.remove("multiValueHeaders");
        assertRefusedWithoutTrace(handle(bare), before, calls);
        JsonObject empty = eventObject(valid);
        empty.remove("body");
        assertRefusedWithoutTrace(handle(empty), before, calls);
        assertEquals(0, postsIn(slug));
    }

    // --- API Gateway's encodings -------------------------------------------------------------------

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    @Test
    void base64Body_flaggedAsSuch_isDecodedAndAnswered() {
        String ada = newUser("ada");
        String slug = newSlug("b64");
        command(ada, "create " + slug + " Encoded");
        SlashCommands.Signed signed = commands.sign(commands.command(ada, "ada", "post " + slug + " é encoded"), Instant.now());

        ApiGateway.Answer response = handle(ApiGateway.payloadV1(request(signed), ApiGateway.Body.BASE64));

        assertEquals(200, response.status(), response.bodyText());
        assertTrue(response.bodyText().contains("é encoded"), response.bodyText());
        assertEquals(1, postsIn(slug));
    }

    /** An HTTP API's event as Lambda hands it over, the form body base64-encoded and flagged so. */
    private static String httpApiEvent(SlashCommands.Signed signed) {
        String headers = String.join(",", signed.headers().entrySet().stream()
                .map(h -> "\"" + h.getKey().toLowerCase() + "\":\"" + h.getValue() + "\"").toList());
        return "{\"version\":\"1.0\",\"resource\":\"/slack/events\",\"path\":\"/dev/slack/events\","
                + "\"httpMethod\":\"POST\",\"headers\":{" + headers + "},"
                + "\"multiValueHeaders\":{\"content-type\":[\"" + SlashCommands.FORM + "\"]},\"queryStringParameters\":null,"
                + "\"pathParameters\":null,\"stageVariables\":null,\"requestContext\":{\"accountId\":\"123456789012\","
                + "\"apiId\":\"abc123\",\"stage\":\"dev\",\"requestTimeEpoch\":1735689600000,\"authorizer\":null,"
                + "\"identity\":{\"sourceIp\":\"203.0.113.7\",\"userAgent\":\"Slackbot 1.0\"}},"
                + "\"body\":\"" + base64(signed.bodyBytes()) + "\",\"isBase64Encoded\":true}";
    }

    @Test
    void httpApiEvent_withItsFormBodyBase64EncodedAndFlagged_isAnswered200_andAForgedOneGets401() {
        String ada = newUser("ada");
        SlashCommands.Signed signed = commands.sign(commands.command(ada, "ada", "help"), Instant.now());

        ApiGateway.Answer response = handle(httpApiEvent(signed));

        assertEquals(200, response.status(), response.bodyText());
        assertTrue(response.bodyText().contains("Ciment commands"), response.bodyText());
        assertRefused(valid -> httpApiEvent(forged(valid)));
    }

    @Test
    void base64Body_notFlaggedAsSuch_isTakenAsItIs_andGets401() {
        assertRefused(valid -> {
            JsonObject event = eventObject(valid);
            event.addProperty("body", base64(valid.bodyBytes()));
            return event.toString();
        });
    }

    @Test
    void garbledBase64Body_gets401() {
        assertRefused(valid -> {
            JsonObject event = eventObject(valid);
            event.addProperty("body", "not*base64");
            event.addProperty("isBase64Encoded", true);
            return event.toString();
        });
    }

    @Test
    void eventThatIsNotApiGatewayJson_gets401_andTouchesNothing() {
        Set<Map<String, AttributeValue>> before = items();
        int calls = slackApi.calls().size();

        for (String notAnEvent : List.of("", "null", "not json", "[1,2]", "{\"headers\":\"x\"}")) {
            assertRefusedWithoutTrace(handle(notAnEvent), before, calls);
        }
    }

    @Test
    void answer_isWrittenAsApiGatewayReadsIt() {
        String ada = newUser("ada");
        String json = ApiGateway.invoke(function, event(commands.sign(commands.command(ada, "ada", "help"), Instant.now())));

        JsonObject answer = JsonParser.parseString(json).getAsJsonObject();
        assertEquals(Set.of("statusCode", "headers", "body", "isBase64Encoded"), answer.keySet(), json);
        assertEquals(200, answer.get("statusCode").getAsInt());
        assertTrue(answer.getAsJsonObject("headers").get("Content-Type").getAsString().startsWith("application/json"), json);
        assertTrue(JsonParser.parseString(answer.get("body").getAsString()).isJsonObject(), json);
        assertFalse(answer.get("isBase64Encoded").getAsBoolean());

        String refused = ApiGateway.invoke(function, "not json");
        assertEquals(Set.of("statusCode", "headers", "body", "isBase64Encoded"),
                JsonParser.parseString(refused).getAsJsonObject().keySet(), refused);
    }

    // --- bounds ------------------------------------------------------------------------------------

    /** A signed help command whose form body is exactly {@code bytes} long (an extra field pads it). */
    private SlashCommands.Signed helpOf(String userId, int bytes) {
        String form = commands.command(userId, "ada", "help").formBody() + "&padding=";
        return commands.sign(form + "x".repeat(bytes - form.length()), Instant.now().getEpochSecond());
    }

    @Test
    void bodyOneByteOverTheBound_gets413BeforeItsSignatureIsRead_asTextOrBase64_andAtTheBoundIsAnswered() {
        String ada = newUser("ada");
        int bound = SlackGateway.BODY_LIMIT.maxBytes();
        SlashCommands.Signed over = helpOf(ada, bound + 1);
        Set<Map<String, AttributeValue>> before = items();
        int calls = slackApi.calls().size();

        for (ApiGateway.Body encoding : List.of(ApiGateway.Body.TEXT, ApiGateway.Body.BASE64)) {
            for (SlashCommands.Signed oversized : List.of(over, forged(over))) {
                ApiGateway.Answer refused = handle(ApiGateway.payloadV1(request(oversized), encoding));
                assertEquals(413, refused.status(), encoding + ": " + refused.bodyText());
                assertEquals("The request body is larger than the 1,048,576 bytes this route takes: nothing was read.",
                        refused.bodyText());
            }
        }
        assertEquals(before, items(), "nothing written");
        assertEquals(calls, slackApi.calls().size(), "nothing asked of Slack");

        for (ApiGateway.Body encoding : List.of(ApiGateway.Body.TEXT, ApiGateway.Body.BASE64)) {
            ApiGateway.Answer atBound = handle(ApiGateway.payloadV1(request(helpOf(ada, bound)), encoding));
            assertEquals(200, atBound.status(), encoding + ": " + atBound.bodyText());
        }
    }

    @Test
    void eventLargerThanAnyAdmissibleBodyCouldMakeIt_gets413_unparsed() {
        String huge = "x".repeat(SlackGateway.BODY_LIMIT.maxEventBytes() + 1);

        ApiGateway.Answer refused = handle(huge);

        assertEquals(413, refused.status(), "not 401: it was never parsed");
        assertEquals(SlackGateway.BODY_LIMIT.refusal(), refused.bodyText());
    }

    @Test
    void withoutAllowedWorkspaces_theFunctionRefusesToStart() {
        Settings unlisted = Settings.of(MotoServer.tableSettings("slack-unlisted")).with(Map.of(
                "SLACK_SIGNING_SECRET", SECRET, "SLACK_BOT_TOKEN", TOKEN, "SLACK_API_URL", slackApi.baseUrl()));

        for (Settings settings : List.of(unlisted, unlisted.with("CIMENT_SLACK_ALLOWED_WORKSPACES", " "))) {
            IllegalStateException refused = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                    () -> new SlackFunction(settings));
            assertTrue(refused.getMessage().startsWith("CIMENT_SLACK_ALLOWED_WORKSPACES is empty"),
                    refused.getMessage());
        }
    }
}
