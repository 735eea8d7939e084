package ciment.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import ciment.devkit.slack.SlashCommands;
import ciment.devkit.teams.FakeBotFramework;
import ciment.devkit.teams.TeamsActivities;
import ciment.local.LocalStack.TeamsAnswer;
import ciment.local.LocalStack.TeamsUser;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 14, items 3 and 5, over HTTP through the local runner on moto: only Microsoft Teams is served as Teams
 * (a Direct Line or Web Chat activity with a genuine token of its own channel gets 403, and nothing is read,
 * written or sent), and a body over its route's bound gets 413 before anything parses it, whether it is Slack's
 * (base64, as an HTTP API passes a form) or the Bot Connector's.
 */
class EdgeEndToEndTest {
    private static LocalStack stack;

    @BeforeAll
    static void start() {
        stack = new LocalStack();
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @Test
    void directLineAndWebChatActivities_withGenuineTokensOfTheirChannel_get403_andNothingIsReadWrittenOrSent() {
        TeamsUser eve = stack.teamsUser("Eve Elsewhere");
        String token = stack.botFramework.tokenSignedByKeyNotEndorsedForTeams(stack.botFramework.serviceUrl());
        int items = stack.itemCount();
        int sent = stack.botFramework.sent().size();
        int lookups = stack.botFramework.memberLookups().size();

        for (String channel : new String[] {"directline", "webchat"}) {
            TeamsActivities.Message claim = eve.message("create claimed-" + channel + " Made as someone else")
                    .channelId(channel);
            HttpResponse<String> answer = stack.post("/api/messages", Map.of("Content-Type", "application/json",
                    "Authorization", FakeBotFramework.bearer(token)), claim.json());
            assertEquals(403, answer.statusCode(), channel + ": " + answer.body());
            assertEquals("This Ciment bot serves Microsoft Teams only: activities from other channels are refused.",
                    answer.body());
        }

        assertEquals(items, stack.itemCount(), "nothing written");
        assertEquals(sent, stack.botFramework.sent().size(), "no reply through the Bot Connector");
        assertEquals(lookups, stack.botFramework.memberLookups().size(), "nobody looked up");
        assertFalse(eve.ciment("communities claimed").says("claimed-"), "no community was made");
    }

    @Test
    void slackCommandOverItsBound_gets413_unparsed_andNothingIsWritten() {
        SlashCommands commands = stack.slashCommands;
        stack.slackUser("U0BIGBODY", "Bea Big");
        String form = commands.command("U0BIGBODY", "bea", "create too-big-guild Far too big").formBody() + "&padding=";
        SlashCommands.Signed oversized = commands.sign(form + "x".repeat(1024 * 1024 + 1 - form.length()),
                Instant.now().getEpochSecond());
        int items = stack.itemCount();
        int slackCalls = stack.slackApi.calls().size();

        HttpResponse<String> answer = stack.post("/slack/events", oversized.headers(), oversized.body());

        assertEquals(413, answer.statusCode(), answer.body());
        assertEquals("The request body is larger than the 1,048,576 bytes this route takes: nothing was read.",
                answer.body());
        assertEquals(items, stack.itemCount(), "nothing written");
        assertEquals(slackCalls, stack.slackApi.calls().size(), "nobody looked up");
    }

    @Test
    void teamsActivityOverItsBound_withAValidToken_gets413_andNothingIsWrittenOrSent() {
        TeamsUser bea = stack.teamsUser("Bea Big");
        String json = bea.message("create too-big-teams Far too big").json();
        String padded = json.substring(0, json.length() - 1) + ",\"padding\":\"";
        String oversized = padded + "x".repeat(256 * 1024 + 1 - padded.length() - 2) + "\"}";
        int items = stack.itemCount();
        int sent = stack.botFramework.sent().size();

        HttpResponse<String> answer = stack.post("/api/messages", Map.of("Content-Type", "application/json",
                "Authorization", FakeBotFramework.bearer(stack.botFramework.token(stack.botFramework.serviceUrl()))),
                oversized);

        assertEquals(413, answer.statusCode(), answer.body());
        assertEquals("The request body is larger than the 262,144 bytes this route takes: nothing was read.",
                answer.body());
        assertEquals(items, stack.itemCount(), "nothing written");
        assertEquals(sent, stack.botFramework.sent().size(), "no reply");
    }

    @Test
    void bodyOverWhatAnHttpApiTakes_getsApiGatewaysOwn413_beforeAnyFunction() {
        HttpResponse<String> answer = stack.post("/slack/events", Map.of("Content-Type", "text/plain"),
                "x".repeat(10 * 1024 * 1024 + 1));

        assertEquals(413, answer.statusCode(), answer.body());
        assertEquals("{\"message\":\"Request Entity Too Large\"}", answer.body());
    }

    @Test
    void teamsUser_stillServed_withTheirOwnChannelsToken() {
        TeamsAnswer answer = stack.teamsUser("Tess Teams").ciment("help");

        assertEquals(200, answer.status());
    }
}
