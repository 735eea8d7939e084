package ciment.local;

import static ciment.core.testing.ReplySamples.HOSTILE;
import static ciment.core.testing.ReplySamples.WORST_POST;
import static ciment.core.testing.ReplySamples.WORST_PURPOSE;
import static ciment.core.testing.ReplySamples.longText;
import static ciment.local.LocalStack.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.devkit.slack.BlockKitCheck;
import ciment.devkit.slack.FakeSlackApi;
import ciment.devkit.slack.SlackInteractions;
import ciment.devkit.slack.SlashCommands;
import ciment.devkit.teams.FakeBotFramework;
import ciment.devkit.teams.TeamsActivities;
import ciment.devkit.teams.TeamsCardRules;
import ciment.local.LocalStack.SlackUser;
import ciment.local.LocalStack.TeamsUser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Item 13 of issue 14 over HTTP: a session of every command, from both tools, by people whose names and words
 * are the worst the commands accept (the longest posts, in emoji, CJK, control characters and both tools'
 * markup), with linked channels mirroring, a Home tab, a card's click and the messaging extension. Then every
 * payload Ciment produced is held to the platforms' own rules: each Slack answer and Web API call through
 * slack_sdk's validators, each Adaptive Card sent to the Bot Connector or answered to an invoke against the
 * Adaptive Cards 1.5 schema (with Teams' rules).
 */
class PlatformPayloadsEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SLUG = "worst-e2e";
    private static final String TEAMS_SLUG = "worst-teams-e2e";
    private static final String SLACK_CHANNEL = "C0WORSTE2E";
    private static final String TEAMS_CHANNEL = "19:" + UUID.randomUUID().toString().replace("-", "") + "@thread.tacv2";
    /** A Slack display name holds 80 characters, a Teams one 256. */
    private static final String SLACK_NAME = longText(String.join(" ", HOSTILE), 80);
    private static final String TEAMS_NAME = longText(String.join(" ", HOSTILE), 256);
    private static final String TOPIC = longText("*_`<@U1>` 漢🧱 [x](https://e.example)", 60);

    private final List<String> problems = new ArrayList<>();

    @Test
    void everyPayload_ofASessionWithTheWorstInputs_passesSlackSdksValidators_andTheAdaptiveCardSchema() throws Exception {
        try (LocalStack stack = new LocalStack()) {
            SlackUser ada = stack.slackUser("U0WORST01", SLACK_NAME);
            TeamsUser grace = stack.teamsUser(TEAMS_NAME);
            SlackInteractions slack = new SlackInteractions(LocalStack.SIGNING_SECRET, FakeSlackApi.TEAM_ID);

            // A community of each tool, each linked to a channel of its tool; each person posts into the other's.
            slackCommand(stack, ada, "create " + SLUG + " " + WORST_PURPOSE, null);
            slackCommand(stack, ada, "link " + SLUG, SLACK_CHANNEL);
            teams(stack, grace.message("create " + TEAMS_SLUG + " " + WORST_PURPOSE));
            teams(stack, grace.message("link " + TEAMS_SLUG).conversation(TEAMS_CHANNEL).channelName(TEAMS_NAME));
            teams(stack, grace.message("join " + SLUG));
            slackCommand(stack, ada, "join " + TEAMS_SLUG, null);
            String posted = LocalStack.reference(slackCommand(stack, ada, "post " + SLUG + " " + WORST_POST, null));
            slackCommand(stack, ada, "post " + TEAMS_SLUG + " " + WORST_POST, null);
            slackCommand(stack, ada, "ask " + SLUG + " " + WORST_POST, null);
            teams(stack, grace.message("post " + SLUG + " " + WORST_POST));
            teams(stack, grace.message("reply " + posted + " " + WORST_POST));
            teams(stack, grace.message(WORST_POST).conversation(TEAMS_CHANNEL).unmentioned());
            for (String words : List.of("help", "feed", "feed " + SLUG, "info " + SLUG, "communities",
                    "communities " + TOPIC, "skills add " + TOPIC, "roles add " + TOPIC, "whoami", "who " + TOPIC,
                    "thread " + posted, "questions " + SLUG, "knowledge " + SLUG, "requests " + SLUG, "audit " + SLUG,
                    "members " + SLUG, "members " + TEAMS_SLUG,
                    "react " + posted + " thumbsup", "nonsense " + WORST_POST)) {
                slackCommand(stack, ada, words, null);
                teams(stack, grace.message(words));
            }
            post(stack, slack.homeOpened(ada.userId, Instant.now()));
            invoke(stack, grace.message("").cardAction("leave", Map.of("slug", SLUG, "card", "info")));
            invoke(stack, grace.message("").composeQuery("searchCommunities", "worst"));
            invoke(stack, grace.message("").fetchTask("saveToCommunity", Map.of("body", Map.of("content", WORST_POST))));
            eventually(() -> stack.slackApi.calls("chat.postMessage").stream()
                    .filter(call -> SLACK_CHANNEL.equals(call.param("channel"))).toList(), "a copy in Slack");
            eventually(() -> stack.botFramework.sentTo(TEAMS_CHANNEL).stream()
                    .filter(sent -> sent.json().contains("via Slack")).toList(), "a copy in Teams");
            Thread.sleep(2_000); // the delivery functions' last copies and notices

            for (FakeSlackApi.Call call : stack.slackApi.calls()) {
                BlockKitCheck.call(call).forEach(error -> problems.add("Slack " + call.method() + ": " + error));
            }
            for (FakeBotFramework.SentActivity sent : stack.botFramework.sent()) {
                for (Map<String, Object> card : adaptiveCards(sent)) {
                    TeamsCardRules.problems(JSON.valueToTree(card)).forEach(error -> problems.add("Teams card: " + error));
                }
            }
            assertTrue(stack.botFramework.sent().stream().filter(sent -> !adaptiveCards(sent).isEmpty()).count() >= 10,
                    "cards were sent to Teams");
            assertTrue(stack.slackApi.calls("views.publish").size() >= 1, "the Home tab was drawn");
        }
        assertEquals(List.of(), problems.stream().distinct().limit(40).toList());
    }

    /** A slash command (in a channel when given): its answer checked, its body returned. */
    private String slackCommand(LocalStack stack, SlackUser user, String text, String channel) {
        SlashCommands.Command command = stack.slashCommands.command(user.userId, user.name, text);
        HttpResponse<String> response = post(stack, stack.slashCommands.sign(channel == null ? command
                : command.inChannel(channel, "worst"), Instant.now()));
        try {
            JsonNode ack = JSON.readTree(response.body());
            BlockKitCheck.message(ack.path("text").asText(), ack.path("blocks"))
                    .forEach(error -> problems.add("Slack answer to " + text.substring(0, Math.min(20, text.length()))
                            + ": " + error));
        } catch (IOException notJson) {
            problems.add("Slack answer to " + text + " is not JSON: " + response.body());
        }
        return response.body();
    }

    private static HttpResponse<String> post(LocalStack stack, SlashCommands.Signed signed) {
        HttpResponse<String> response = stack.post("/slack/events", signed.headers(), signed.body());
        assertEquals(200, response.statusCode(), response.body());
        return response;
    }

    private static void teams(LocalStack stack, TeamsActivities.Message message) {
        HttpResponse<String> response = stack.post("/api/messages", Map.of("Content-Type", "application/json",
                "Authorization", FakeBotFramework.bearer(stack.botFramework.token(stack.botFramework.serviceUrl()))),
                message.json());
        assertTrue(response.statusCode() < 300, response.statusCode() + " " + response.body());
    }

    /** An invoke: the card its HTTP answer holds (an adaptiveCard/action's, or a messaging extension's results). */
    private void invoke(LocalStack stack, TeamsActivities.Message invoke) throws IOException {
        HttpResponse<String> response = stack.post("/api/messages", Map.of("Content-Type", "application/json",
                "Authorization", FakeBotFramework.bearer(stack.botFramework.token(stack.botFramework.serviceUrl()))),
                invoke.json());
        assertEquals(200, response.statusCode(), response.body());
        JsonNode answer = JSON.readTree(response.body());
        List<JsonNode> cards = new ArrayList<>();
        if ("application/vnd.microsoft.card.adaptive".equals(answer.path("type").asText())) {
            cards.add(answer.path("value"));
        }
        answer.path("composeExtension").path("attachments").forEach(result -> cards.add(result.path("content")));
        if (answer.path("task").path("value").has("card")) {
            cards.add(answer.path("task").path("value").path("card").path("content"));
        }
        assertTrue(!cards.isEmpty(), "a card in " + response.body());
        cards.forEach(card -> TeamsCardRules.problems(card).forEach(error -> problems.add("Teams invoke: " + error)));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> adaptiveCards(FakeBotFramework.SentActivity sent) {
        List<Map<String, Object>> cards = new ArrayList<>();
        Object attachments = sent.activity().get("attachments");
        if (attachments instanceof List<?> list) {
            for (Object attachment : list) {
                Map<String, Object> one = (Map<String, Object>) attachment;
                if ("application/vnd.microsoft.card.adaptive".equals(one.get("contentType"))) {
                    cards.add((Map<String, Object>) one.get("content"));
                }
            }
        }
        return cards;
    }
}
