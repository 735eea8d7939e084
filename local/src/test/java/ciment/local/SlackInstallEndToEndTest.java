package ciment.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.devkit.slack.FakeSlackApi;
import ciment.devkit.slack.SlashCommands;
import ciment.slack.auth.SlackScopes;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Installing the Slack app in a workspace through OAuth v2 (SLACK_CLIENT_ID set), over HTTP through the local
 * runner as a browser and Slack drive it: /slack/install redirects to Slack's authorize page, Slack sends the
 * installer back to /slack/oauth_redirect with a code the fake Slack API exchanges (oauth.v2.access); on moto.
 */
class SlackInstallEndToEndTest {
    private static final String ALLOWED = "T0ALLOWED1";
    private static final String ALSO_ALLOWED = "T0ALLOWED2";
    private static final String NEVER_INSTALLED = "T0ALLOWED3";
    private static final String DELIVERED_TO = "T0ALLOWED4";
    /** Allowed, never installed: its commands get Bolt's answer on installing. */
    private static final String NOT_THERE = "T0NOTHERE1";
    private static final String PUBLIC_URL = "https://ciment.example.com/dev";
    private static LocalStack stack;
    private final HttpClient browser = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        stack = new LocalStack(Map.of("SLACK_CLIENT_ID", "1234.5678", "SLACK_CLIENT_SECRET", "client-secret",
                "CIMENT_SLACK_ALLOWED_WORKSPACES", String.join(",", ALLOWED, " " + ALSO_ALLOWED, NEVER_INSTALLED, DELIVERED_TO, NOT_THERE),
                "CIMENT_PUBLIC_URL", PUBLIC_URL, "CIMENT_TRUSTED_DOMAINS", "allowed.example=" + ALLOWED));
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    /** The authorize URL /slack/install redirected to, and the state cookie it set. */
    private record Started(URI authorize, Map<String, String> query, String cookie) {
        String state() {
            return query.get("state");
        }
    }

    private Started install() throws Exception {
        HttpResponse<String> response = get("/slack/install", null);
        assertEquals(302, response.statusCode(), response.body());
        URI location = URI.create(response.headers().firstValue("Location").orElseThrow());
        String cookie = response.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
        return new Started(location, query(location.getRawQuery()), cookie);
    }

    private HttpResponse<String> callback(String code, String state, String cookie) throws Exception {
        return get("/slack/oauth_redirect?code=" + code + "&state=" + state, cookie);
    }

    private HttpResponse<String> get(String path, String cookie) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(stack.runner.url().resolve(path)).GET();
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> params = new HashMap<>();
        for (String pair : raw.split("&")) {
            String[] parts = pair.split("=", 2);
            params.put(parts[0], parts.length < 2 ? "" : URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
        }
        return params;
    }

    private static boolean installed(String teamId) {
        return stack.dynamo.getItem(b -> b.tableName(stack.runner.settings().table()).consistentRead(true)
                .key(Map.of("pk", AttributeValue.fromS("SLACK#T#" + teamId), "sk", AttributeValue.fromS("INSTALL"))))
                .hasItem();
    }

    @Test
    void install_redirectsToSlacksAuthorizePage_withClientIdScopesStateAndRedirectUri() throws Exception {
        Started started = install();

        assertEquals("https://slack.com/oauth/v2/authorize", started.authorize().getScheme() + "://"
                + started.authorize().getHost() + started.authorize().getPath());
        assertEquals("1234.5678", started.query().get("client_id"));
        assertEquals(SlackScopes.botScopeParameter(), started.query().get("scope"));
        assertEquals(PUBLIC_URL + "/slack/oauth_redirect", started.query().get("redirect_uri"));
        assertFalse(started.state().isBlank());
        assertEquals("slack-app-oauth-state=" + started.state(), started.cookie());
    }

    @Test
    void install_inAnAllowedWorkspace_isStored_andItsCommandsAreServedWithItsOwnBotToken() throws Exception {
        Started started = install();
        String token = stack.slackApi.registerOAuthCode("code-allowed", ALLOWED, "Allowed & Co");

        HttpResponse<String> page = callback("code-allowed", started.state(), started.cookie());

        assertEquals(200, page.statusCode(), page.body());
        assertTrue(page.body().contains("Ciment is installed in Allowed &amp; Co"), page.body());
        assertTrue(installed(ALLOWED));
        FakeSlackApi.Call exchange = stack.slackApi.calls("oauth.v2.access").getLast();
        assertEquals("code-allowed", exchange.param("code"));
        assertEquals(PUBLIC_URL + "/slack/oauth_redirect", exchange.param("redirect_uri"));

        // A signed command from that workspace: Slack is asked about its sender with that workspace's token.
        stack.slackApi.addUser(new FakeSlackApi.User("U0INSTALL1", "Ines Install", "ines", "ines@allowed.example")
                .fromTeam(ALLOWED));
        SlashCommands allowed = new SlashCommands(LocalStack.SIGNING_SECRET, ALLOWED);
        SlashCommands.Signed command = allowed.sign(allowed.command("U0INSTALL1", "ines", "whoami"), Instant.now());
        HttpResponse<String> answer = stack.post("/slack/events", command.headers(), command.body());

        assertEquals(200, answer.statusCode(), answer.body());
        assertTrue(answer.body().contains("ines@allowed.example"), answer.body());
        FakeSlackApi.Call lookup = stack.slackApi.calls("users.info").stream()
                .filter(call -> "U0INSTALL1".equals(call.param("user"))).toList().getLast();
        assertEquals(token, lookup.token());
    }

    @Test
    void install_inAWorkspaceNotAllowed_isRefusedWithOneSentence_storesNothing_andRevokesTheToken() throws Exception {
        int before = stack.itemCount();
        Started started = install();
        String token = stack.slackApi.registerOAuthCode("code-other", "T0OTHER001", "Other Corp");

        HttpResponse<String> page = callback("code-other", started.state(), started.cookie());

        assertEquals(403, page.statusCode(), page.body());
        assertTrue(page.body().contains("Ciment is not allowed in Other Corp (T0OTHER001): nothing was installed"),
                page.body());
        assertFalse(installed("T0OTHER001"));
        // The state handed out was used up: the table is as it was.
        assertEquals(before, stack.itemCount());
        assertTrue(stack.slackApi.revokedTokens().contains(token));
    }

    @Test
    void callback_withAForgedState_isRefused_andSlackIsNotAsked() throws Exception {
        int before = stack.itemCount();
        stack.slackApi.registerOAuthCode("code-forged", NEVER_INSTALLED, "Never Installed");
        int exchanges = stack.slackApi.calls("oauth.v2.access").size();

        HttpResponse<String> page = callback("code-forged", "forged-state", "slack-app-oauth-state=forged-state");

        assertEquals(400, page.statusCode(), page.body());
        assertTrue(page.body().contains("This install link has expired or was not started from here"), page.body());
        assertEquals(exchanges, stack.slackApi.calls("oauth.v2.access").size());
        assertFalse(installed(NEVER_INSTALLED));
        assertEquals(before, stack.itemCount());
    }

    @Test
    void install_openedAHundredTimes_writesNothing() throws Exception {
        int before = stack.itemCount();

        for (int i = 0; i < 100; i++) {
            install();
        }

        assertEquals(before, stack.itemCount(), "a state is signed, not stored: nothing to fill the table with");
    }

    @Test
    void callback_withAnAlteredState_isRefused_andSlackIsNotAsked() throws Exception {
        Started started = install();
        stack.slackApi.registerOAuthCode("code-altered", NEVER_INSTALLED, "Never Installed");
        String state = started.state();
        String altered = state.substring(0, 10) + (state.charAt(10) == 'A' ? 'B' : 'A') + state.substring(11);
        int before = stack.itemCount();

        HttpResponse<String> page = callback("code-altered", altered, "slack-app-oauth-state=" + altered);

        assertEquals(400, page.statusCode(), page.body());
        assertTrue(page.body().contains("This install link has expired or was not started from here"), page.body());
        assertEquals(0, stack.slackApi.calls("oauth.v2.access").stream()
                .filter(call -> "code-altered".equals(call.param("code"))).count(), "Slack was asked with a forged state");
        assertFalse(installed(NEVER_INSTALLED));
        assertEquals(before, stack.itemCount());
    }

    @Test
    void callback_withAnotherBrowsersState_orNoCookie_isRefused_andSlackIsNotAsked() throws Exception {
        Started mine = install();
        Started theirs = install();
        stack.slackApi.registerOAuthCode("code-csrf", NEVER_INSTALLED, "Never Installed");

        HttpResponse<String> crossed = callback("code-csrf", theirs.state(), mine.cookie());
        HttpResponse<String> withoutCookie = callback("code-csrf", theirs.state(), null);

        assertEquals(400, crossed.statusCode(), crossed.body());
        assertEquals(400, withoutCookie.statusCode(), withoutCookie.body());
        assertEquals(0, stack.slackApi.calls("oauth.v2.access").stream()
                .filter(call -> "code-csrf".equals(call.param("code"))).count(), "Slack was asked for another browser");
        assertFalse(installed(NEVER_INSTALLED));
    }

    @Test
    void callback_replayed_afterItsInstall_isRefusedBySlacksOneTimeCode_andWritesNothing() throws Exception {
        Started started = install();
        stack.slackApi.registerOAuthCode("code-once", ALSO_ALLOWED, "Also Allowed");
        assertEquals(200, callback("code-once", started.state(), started.cookie()).statusCode());
        int before = stack.itemCount();

        // The same state, cookie and code again (a replay): the state is still signed and unexpired, but Slack
        // takes a code once, so nothing is installed anew.
        HttpResponse<String> replayed = callback("code-once", started.state(), started.cookie());

        assertEquals(400, replayed.statusCode(), replayed.body());
        assertTrue(replayed.body().contains("Slack refused the install (invalid_code)"), replayed.body());
        assertEquals(before, stack.itemCount());
    }

    @Test
    void commandFromAWorkspaceWithoutInstallation_getsBoltsInstallAnswer_andNothingIsWritten() throws Exception {
        int before = stack.itemCount();
        SlashCommands stranger = new SlashCommands(LocalStack.SIGNING_SECRET, NOT_THERE);
        SlashCommands.Command typed = stranger.command("U0NOBODY01", "nobody", "create nowhere-guild Nowhere");
        SlashCommands.Command command = new SlashCommands.Command(typed.teamId(), typed.teamDomain(), typed.channelId(),
                typed.channelName(), typed.userId(), typed.userName(), typed.command(), typed.text(), typed.triggerId(),
                stack.slackApi.responseUrl("not-installed"));
        SlashCommands.Signed signed = stranger.sign(command, Instant.now());

        HttpResponse<String> answer = stack.post("/slack/events", signed.headers(), signed.body());

        assertEquals(200, answer.statusCode(), answer.body());
        List<FakeSlackApi.Call> guides = stack.slackApi.calls("response_url").stream()
                .filter(call -> "not-installed".equals(call.param("path"))).toList();
        assertEquals(1, guides.size());
        assertTrue(guides.getFirst().param("text").contains("Ciment is not installed in this workspace"),
                guides.getFirst().body());
        assertEquals(before, stack.itemCount());
    }

    @Test
    void install_inSingleWorkspaceMode_isNotServed_andSaysWhatWouldTurnItOn() throws Exception {
        try (LocalStack single = new LocalStack()) {
            HttpResponse<String> response = browser.send(HttpRequest.newBuilder(single.runner.url()
                    .resolve("/slack/install")).GET().build(), HttpResponse.BodyHandlers.ofString());

            assertEquals(404, response.statusCode(), response.body());
            assertTrue(response.body().contains("need SLACK_CLIENT_ID and SLACK_CLIENT_SECRET"), response.body());
        }
    }

    @Test
    void notice_toAPersonOfAnInstalledWorkspace_isDeliveredWithThatWorkspacesToken() throws Exception {
        Started started = install();
        String token = stack.slackApi.registerOAuthCode("code-delivery", DELIVERED_TO, "Delivered Co");
        assertEquals(200, callback("code-delivery", started.state(), started.cookie()).statusCode());
        SlashCommands workspace = new SlashCommands(LocalStack.SIGNING_SECRET, DELIVERED_TO, stack.slackApi);
        for (String[] person : new String[][] {{"U0DELIVER1", "lea"}, {"U0DELIVER2", "max"}}) {
            stack.slackApi.addUser(new FakeSlackApi.User(person[0], person[1], person[1], person[1] + "@delivered.example")
                    .fromTeam(DELIVERED_TO));
        }
        String[][] commands = {{"U0DELIVER1", "lea", "create deliver-guild Delivered notices"},
            {"U0DELIVER2", "max", "join deliver-guild"},
            {"U0DELIVER1", "lea", "post deliver-guild Thanks @max!"}};
        for (String[] command : commands) {
            SlashCommands.Signed signed = workspace.sign(workspace.command(command[0], command[1], command[2]),
                    Instant.now());
            HttpResponse<String> answer = stack.post("/slack/events", signed.headers(), signed.body());
            assertEquals(200, answer.statusCode(), answer.body());
        }

        // The mention is a notice to max, sent by the Slack delivery function from the table's stream.
        List<FakeSlackApi.Call> toMax = LocalStack.eventually(() -> stack.slackApi.calls("chat.postMessage").stream()
                .filter(call -> "U0DELIVER2".equals(call.param("channel"))).toList(), "the notice to max");

        assertEquals(token, toMax.getFirst().token());
    }
}
