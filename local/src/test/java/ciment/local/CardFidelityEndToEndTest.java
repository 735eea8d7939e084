package ciment.local;

import static ciment.local.LocalStack.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.devkit.slack.FakeSlackApi;
import ciment.devkit.slack.SlackInteractions;
import ciment.devkit.slack.SlashCommands;
import ciment.devkit.teams.FakeBotFramework;
import ciment.devkit.teams.TeamsActivities;
import ciment.devkit.teams.TeamsMarkup;
import ciment.local.LocalStack.TeamsUser;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 14, items 7 and 10, over HTTP through the local runner: a community linked to a Slack channel and a
 * Teams channel. What a Slack user types reaches Teams as typed (a markdown link shows its label and its
 * address, never a link hiding the address), and a post of 3,990 emoji reaches Teams in messages that each
 * stay within Teams' 28 KB as the fake Bot Connector receives them (raw bytes), with the way to the rest.
 */
class CardFidelityEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int TEAMS_LIMIT = 28_000;
    /** Two emoji as the SDK sends them: each half of each surrogate pair escaped. */
    private static final String BRICKS = "\\uD83E\\uDDF1\\uD83E\\uDDF1";
    private static final String SLUG = "fidelity-e2e";
    private static final String SLACK_CHANNEL = "C0FIDELITY";
    private static final String TEAMS_CHANNEL = "19:" + UUID.randomUUID().toString().replace("-", "") + "@thread.tacv2";
    private static LocalStack stack;
    private static LocalStack.SlackUser slackWriter;
    private static TeamsUser teamsSteward;
    private static SlackInteractions slack;

    @BeforeAll
    static void start() {
        stack = new LocalStack();
        slack = new SlackInteractions(LocalStack.SIGNING_SECRET, FakeSlackApi.TEAM_ID);
        LocalStack.SlackUser slackSteward = stack.slackUser("U0FIDSTEW", "Fay Fidelity");
        slackWriter = stack.slackUser("U0FIDWRIT", "Sky Writer");
        teamsSteward = stack.teamsUser("Fay Fidelity", "u0fidstew@example.com", "user"); // the same person in Teams
        assertTrue(slackSteward.ciment("create " + SLUG + " Text as it was typed").says(SLUG));
        assertTrue(slackSteward.answer(stack.slashCommands.sign(stack.slashCommands.command(slackSteward.userId,
                slackSteward.name, "link " + SLUG).inChannel(SLACK_CHANNEL, "fidelity"), Instant.now()))
                .says("Linked #fidelity in Slack to " + SLUG));
        LocalStack.TeamsAnswer linked = teamsSteward.send(teamsSteward.message("link " + SLUG)
                .conversation(TEAMS_CHANNEL).channelName("Fidelity"), stack.botFramework.token(stack.botFramework.serviceUrl()));
        assertTrue(linked.says("Linked Fidelity in Teams to " + SLUG), linked.toString());
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    /** A message in the linked Slack channel, as Slack's Events API sends it. */
    private static void writtenInSlack(String text) {
        String ts = Instant.now().getEpochSecond() + String.format(".%06d", System.nanoTime() % 1_000_000);
        SlashCommands.Signed event = slack.event(SlackInteractions.message(slackWriter.userId, SLACK_CHANNEL, ts, null,
                text), SlackInteractions.newEventId(), Instant.now());
        HttpResponse<String> response = stack.post("/slack/events", event.headers(), event.body());
        assertEquals(200, response.statusCode(), response.body());
    }

    private static FakeBotFramework.SentActivity copyInTeams(String words) {
        return eventually(() -> stack.botFramework.sentTo(TEAMS_CHANNEL).stream()
                .filter(sent -> sent.json().contains(words)).toList(), "a copy of '" + words + "' in Teams").get(0);
    }

    @Test
    void slackMessageWithAMarkdownLink_reachesTeamsAsTyped_itsLabelAndItsAddressShown_neverALinkHidingTheAddress() {
        // Slack links the address it recognises: <https://…> in the event's text.
        writtenInSlack("[reset it here](<https://evil.example>) before Friday");

        FakeBotFramework.SentActivity copy = copyInTeams("reset it here");

        JsonNode sent = TeamsMarkup.tree(copy.json());
        assertEquals(List.of(), TeamsMarkup.problems(sent), "no link, mention or forged bold: " + copy.json());
        assertTrue(TeamsMarkup.runs(sent).contains("[reset it here](https://evil.example) before Friday"),
                "shown as typed, address and all: " + TeamsMarkup.runs(sent));
        assertTrue(copy.cardsShown().contains("**Sky Writer** · via Slack"), copy.cardsShown());
        assertEquals(List.of("Sky Writer"), TeamsMarkup.boldRuns(sent), "the author alone in bold");
    }

    @Test
    void postOf3990Emoji_everyMessageTheBotConnectorReceives_staysWithinTeamsLimit_withTheWayToTheRest() {
        String emoji = "🧱".repeat(3990);
        int before = stack.botFramework.sent().size();
        writtenInSlack(emoji); // as Slack sends it: a post of 3,990 emoji, mirrored into the Teams channel
        FakeBotFramework.SentActivity copy = copyInTeams(BRICKS);
        assertTrue(copy.bytes() <= TEAMS_LIMIT, "the copy: " + copy.bytes() + " bytes as received");
        assertTrue(copy.cardsShown().contains("… (more in its thread)"), "the words end saying where the rest is");
        assertTrue(copy.json().contains("\"title\":\"Open thread\""), "and Open thread leads there");

        String reference = LocalStack.reference(copy.json());
        LocalStack.TeamsAnswer posted = teamsSteward.ciment("post " + SLUG + " " + emoji);
        assertEquals(200, posted.status());
        assertTrue(teamsSteward.ciment("feed " + SLUG).says("more in its thread"));
        LocalStack.TeamsAnswer thread = teamsSteward.ciment("thread " + reference);
        assertTrue(thread.says("Read on"), thread.cards());
        eventually(() -> stack.botFramework.sentTo(TEAMS_CHANNEL).stream().filter(a -> a.json().contains(BRICKS)).count()
                >= 2 ? List.of(true) : List.of(), "the Teams post's copy in the linked channel");

        List<FakeBotFramework.SentActivity> sent = stack.botFramework.sent();
        List<FakeBotFramework.SentActivity> since = sent.subList(before, sent.size());
        assertTrue(since.size() >= 4, "the copy, the post's answer and its copy, the feed, the thread: " + since.size());
        for (FakeBotFramework.SentActivity activity : since) {
            assertTrue(activity.bytes() <= TEAMS_LIMIT, activity.bytes() + " bytes as received, to "
                    + activity.conversationId());
            assertTrue(activity.json().getBytes(StandardCharsets.UTF_8).length == activity.bytes(), "raw bytes");
        }

        // Read on, clicked in the thread's card: the rest, in the invoke's answer, within the limit too
        JsonNode readOn = TeamsMarkup.tree(stack.botFramework.sentTo(teamsSteward.conversationId).getLast().json())
                .findParents("verb").stream().filter(a -> a.path("verb").asText().equals("readon")).findFirst()
                .orElseThrow();
        Map<String, Object> data = JSON.convertValue(readOn.path("data"), new TypeReference<>() { });
        TeamsActivities.Message click = teamsSteward.message("").cardAction("readon", data);
        HttpResponse<String> answer = stack.post("/api/messages", Map.of("Content-Type", "application/json",
                "Authorization", FakeBotFramework.bearer(stack.botFramework.token(stack.botFramework.serviceUrl()))),
                click.json());
        assertEquals(200, answer.statusCode(), answer.body());
        assertTrue(answer.body().getBytes(StandardCharsets.UTF_8).length <= TEAMS_LIMIT, answer.body().length() + "");
        assertTrue(answer.body().contains("continued") && answer.body().contains("🧱🧱"), answer.body());
    }
}
