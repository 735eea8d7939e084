package ciment.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.devkit.slack.FakeSlackApi;
import ciment.devkit.slack.SlashCommands;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Slack bot tokens at rest, over HTTP through the local runner in OAuth mode (moto's DynamoDB and KMS): a workspace
 * installed through /slack/install leaves no bot token in the table, whatever reads it (a scan, the stream, a
 * backup), yet its commands and notices go with its own token; a sealed token moved onto another workspace's item
 * opens for nobody; an installation keeps nothing of the person who installed it (their erase-my-data leaves no
 * trace there), and one written by an earlier version is sealed at its workspace's next request.
 */
class SlackTokensAtRestEndToEndTest {
    private static final String SEALED = "T0SEALED01";
    private static final String VICTIM = "T0VICTIM01";
    private static final String THIEF = "T0THIEF001";
    private static final String ERASER = "T0ERASER01";
    private static final String EARLIER = "T0EARLIER1";
    /** Who the fake Slack's oauth.v2.access says approved every install (authed_user). */
    private static final String INSTALLER = "U0INSTALLER";
    private static LocalStack stack;
    private final HttpClient browser = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        stack = new LocalStack(Map.of("SLACK_CLIENT_ID", "1234.5678", "SLACK_CLIENT_SECRET", "client-secret",
                "CIMENT_SLACK_ALLOWED_WORKSPACES", String.join(",", SEALED, VICTIM, THIEF, ERASER, EARLIER)));
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    /** Installs Ciment in {@code teamId} as a browser and Slack drive /slack/install; the bot token Slack gave. */
    private String install(String teamId) throws Exception {
        String token = stack.slackApi.registerOAuthCode("code-" + teamId, teamId, "Team " + teamId);
        HttpResponse<String> started = browser.send(HttpRequest.newBuilder(stack.runner.url().resolve("/slack/install"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        String cookie = started.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
        String state = cookie.substring(cookie.indexOf('=') + 1);
        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(stack.runner.url().resolve(
                "/slack/oauth_redirect?code=code-" + teamId + "&state=" + URLEncoder.encode(state, StandardCharsets.UTF_8)))
                .header("Cookie", cookie).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode(), page.body());
        return token;
    }

    /** A signed slash command from {@code userId} of {@code teamId}; its HTTP answer. */
    private static HttpResponse<String> command(String teamId, String userId, String text) {
        SlashCommands workspace = new SlashCommands(LocalStack.SIGNING_SECRET, teamId);
        SlashCommands.Command typed = workspace.command(userId, userId.toLowerCase(), text);
        // Answers sent later (Bolt's "not installed" guide) go to the fake Slack, as response_url calls under the user's id.
        SlashCommands.Command command = new SlashCommands.Command(typed.teamId(), typed.teamDomain(), typed.channelId(),
                typed.channelName(), typed.userId(), typed.userName(), typed.command(), typed.text(), typed.triggerId(),
                stack.slackApi.responseUrl(userId));
        SlashCommands.Signed signed = workspace.sign(command, Instant.now());
        return stack.post("/slack/events", signed.headers(), signed.body());
    }

    private static void addUser(String teamId, String userId) {
        stack.slackApi.addUser(new FakeSlackApi.User(userId, userId, userId.toLowerCase(),
                userId.toLowerCase() + "@" + teamId.toLowerCase() + ".example").fromTeam(teamId));
    }

    private static Map<String, AttributeValue> key(String teamId) {
        return Map.of("pk", AttributeValue.fromS("SLACK#T#" + teamId), "sk", AttributeValue.fromS("INSTALL"));
    }

    private static Map<String, AttributeValue> installation(String teamId) {
        return stack.dynamo.getItem(b -> b.tableName(stack.runner.settings().table()).consistentRead(true)
                .key(key(teamId))).item();
    }

    private static void replace(Map<String, AttributeValue> item) {
        stack.dynamo.putItem(b -> b.tableName(stack.runner.settings().table()).item(item));
    }

    /** An item's attributes as anyone reading the table sees them (binary ones as their bytes). */
    private static String raw(Map<String, AttributeValue> item) {
        return item.entrySet().stream().map(attribute -> attribute.getKey() + "=" + (attribute.getValue().b() != null
                ? new String(attribute.getValue().b().asByteArray(), StandardCharsets.ISO_8859_1)
                : attribute.getValue().toString())).collect(Collectors.joining("\n"));
    }

    /** Every item of the table, raw. */
    private static String wholeTable() {
        return stack.dynamo.scanPaginator(b -> b.tableName(stack.runner.settings().table()).consistentRead(true))
                .items().stream().map(SlackTokensAtRestEndToEndTest::raw).collect(Collectors.joining("\n---\n"));
    }

    private static List<String> tokensUsedFor(String method, String param, String value) {
        return stack.slackApi.calls(method).stream().filter(call -> value.equals(call.param(param)))
                .map(FakeSlackApi.Call::token).toList();
    }

    /** The item's token attributes (sealed, or in the clear) taken from {@code from}. */
    private static Map<String, AttributeValue> withTokenOf(Map<String, AttributeValue> item, Map<String, AttributeValue> from) {
        Map<String, AttributeValue> moved = new HashMap<>(item);
        moved.keySet().removeIf(name -> name.startsWith("botToken"));
        from.forEach((name, value) -> {
            if (name.startsWith("botToken")) {
                moved.put(name, value);
            }
        });
        return moved;
    }

    @Test
    void install_leavesNoBotTokenInTheTable_andCommandsAndNoticesStillGoWithTheWorkspacesOwnToken() throws Exception {
        String token = install(SEALED);

        String table = wholeTable();
        assertFalse(table.contains("xoxb-"), "a bot token in the clear:\n" + table);
        assertFalse(raw(installation(SEALED)).contains(INSTALLER), raw(installation(SEALED)));

        addUser(SEALED, "U0SEALED01");
        addUser(SEALED, "U0SEALED02");
        for (String[] typed : new String[][] {{"U0SEALED01", "create sealed-guild Sealed tokens"},
            {"U0SEALED02", "join sealed-guild"}, {"U0SEALED01", "post sealed-guild Thanks <@U0SEALED02|u0sealed02>!"}}) {
            HttpResponse<String> answer = command(SEALED, typed[0], typed[1]);
            assertEquals(200, answer.statusCode(), answer.body());
        }
        assertEquals(List.of(token), tokensUsedFor("users.info", "user", "U0SEALED01").stream().distinct().toList());
        // The mention is a notice, sent by the Slack delivery function (which only opens tokens) from the stream.
        LocalStack.eventually(() -> tokensUsedFor("chat.postMessage", "channel", "U0SEALED02"), "the notice");
        assertEquals(List.of(token), tokensUsedFor("chat.postMessage", "channel", "U0SEALED02"));
    }

    @Test
    void sealedTokenCopiedOntoAnotherWorkspacesItem_opensForNobody_andThatWorkspaceIsNotServedWithIt() throws Exception {
        String victimToken = install(VICTIM);
        install(THIEF);
        replace(withTokenOf(installation(THIEF), installation(VICTIM)));
        addUser(THIEF, "U0THIEF001");
        addUser(VICTIM, "U0VICTIM01");

        HttpResponse<String> thief = command(THIEF, "U0THIEF001", "whoami");
        HttpResponse<String> victim = command(VICTIM, "U0VICTIM01", "whoami");

        assertEquals(200, thief.statusCode(), thief.body());
        assertFalse(thief.body().contains("u0thief001@"), "served as if installed: " + thief.body());
        assertTrue(stack.slackApi.calls("response_url").stream().filter(call -> "U0THIEF001".equals(call.param("path")))
                .anyMatch(call -> call.param("text").contains("Ciment is not installed in this workspace")));
        assertEquals(List.of(), tokensUsedFor("users.info", "user", "U0THIEF001"), "Slack was asked with a token");
        assertTrue(stack.slackApi.calls().stream().filter(call -> victimToken.equals(call.token()))
                .noneMatch(call -> "U0THIEF001".equals(call.param("user")) || "U0THIEF001".equals(call.param("channel"))));
        assertEquals(200, victim.statusCode(), victim.body());
        assertEquals(List.of(victimToken), tokensUsedFor("users.info", "user", "U0VICTIM01"));
    }

    @Test
    void installerWhoErasesTheirData_leavesNoTraceOnTheInstallation() throws Exception {
        install(ERASER);
        addUser(ERASER, INSTALLER);

        assertEquals(200, command(ERASER, INSTALLER, "whoami").statusCode());
        assertTrue(command(ERASER, INSTALLER, "erase-my-data").body().contains("erase-my-data confirm"));
        HttpResponse<String> erased = command(ERASER, INSTALLER, "erase-my-data confirm");

        assertTrue(erased.body().contains("everything Ciment held about you is deleted"), erased.body());
        Map<String, AttributeValue> installation = installation(ERASER);
        assertFalse(installation.isEmpty(), "the workspace stays installed");
        assertFalse(raw(installation).contains(INSTALLER), raw(installation));
    }

    @Test
    void installationOfAnEarlierVersion_isSealedAtItsWorkspacesNextCommand_andForgetsItsInstaller() throws Exception {
        String token = install(EARLIER);
        // As an earlier version kept it: the token in the clear, and who installed.
        Map<String, AttributeValue> earlier = withTokenOf(installation(EARLIER), Map.of());
        earlier.put("botToken", AttributeValue.fromS(token));
        earlier.put("installerUserId", AttributeValue.fromS("U0OLDADMIN"));
        replace(earlier);
        addUser(EARLIER, "U0EARLIER1");

        HttpResponse<String> answer = command(EARLIER, "U0EARLIER1", "whoami");

        assertEquals(200, answer.statusCode(), answer.body());
        assertEquals(List.of(token), tokensUsedFor("users.info", "user", "U0EARLIER1"));
        Map<String, AttributeValue> item = installation(EARLIER);
        assertFalse(raw(item).contains("xoxb-"), raw(item));
        assertFalse(raw(item).contains("U0OLDADMIN"), raw(item));
        assertTrue(item.containsKey("botTokenSealed"), item.keySet().toString());
    }
}
