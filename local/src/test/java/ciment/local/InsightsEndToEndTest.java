package ciment.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.devkit.slack.FakeSlackApi;
import ciment.devkit.slack.SlackInteractions;
import ciment.devkit.teams.FakeBotFramework;
import ciment.local.LocalStack.SlackAnswer;
import ciment.local.LocalStack.SlackUser;
import ciment.local.LocalStack.TeamsAnswer;
import ciment.local.LocalStack.TeamsUser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * insights &lt;slug&gt; over HTTP, on both tools: a steward sees the week's counts when 6 people were active,
 * "fewer than 5 people" when 3 were, from the command, the Slack Home's button and the Teams info card's; a
 * member is refused in one sentence and nothing is written.
 */
class InsightsEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static LocalStack stack;
    private static SlackInteractions slack;

    @BeforeAll
    static void start() {
        stack = new LocalStack();
        slack = new SlackInteractions(LocalStack.SIGNING_SECRET, FakeSlackApi.TEAM_ID);
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    /** A community stewarded by a person on both tools, where {@code slackers} and {@code teamsPeople} each post. */
    private static Steward community(String slug, String stewardId, int slackers, int teamsPeople) {
        SlackUser steward = stack.slackUser(stewardId, "Steward " + slug);
        steward.ciment("create " + slug + " How it lives");
        TeamsUser inTeams = stack.teamsUser("Steward " + slug, stewardId.toLowerCase() + "@example.com", "user");
        assertTrue(inTeams.ciment("whoami").says(stewardId.toLowerCase() + "@example.com")); // one person, linked
        for (int i = 0; i < slackers; i++) {
            SlackUser member = stack.slackUser(stewardId + "S" + i, "Slacker " + i);
            member.ciment("join " + slug);
            assertEquals(200, member.ciment("post " + slug + " Tip " + i + " from Slack").status());
        }
        for (int i = 0; i < teamsPeople; i++) {
            TeamsUser member = stack.teamsUser("Teams person " + i + " " + slug);
            member.ciment("join " + slug);
            assertEquals(200, member.ciment("post " + slug + " Tip " + i + " from Teams").status());
        }
        return new Steward(steward, inTeams);
    }

    private record Steward(SlackUser slack, TeamsUser teams) {
    }

    @Test
    void sixActivePeopleAcrossTools_theStewardSeesTheCounts_onSlackAndOnTeams() {
        Steward steward = community("six-club", "U0INS0001", 3, 3);
        String counted = "6 (Slack: fewer than 5 people, Teams: fewer than 5 people)";

        SlackAnswer inSlack = steward.slack().ciment("insights six-club");
        assertTrue(inSlack.says("Insights for six-club") && inSlack.says("*Active members*\n" + counted)
                && inSlack.says("*Posts*\n" + counted) && inSlack.says("(so far)"), inSlack.toString());

        TeamsAnswer inTeams = steward.teams().ciment("insights six-club");
        assertTrue(inTeams.says("Insights for six-club")
                && inTeams.says("title=Active members, value=" + counted + "}"), inTeams.toString());
    }

    @Test
    void threeActivePeople_areFewerThanFive_onBothTools() {
        Steward steward = community("three-club", "U0INS0002", 2, 1);
        String hidden = "fewer than 5 people (Slack: fewer than 5 people, Teams: fewer than 5 people)";

        assertTrue(steward.slack().ciment("insights three-club").says("*Active members*\n" + hidden));
        TeamsAnswer inTeams = steward.teams().ciment("insights three-club");
        assertTrue(inTeams.says("title=Active members, value=" + hidden + "}"), inTeams.toString());
        assertFalse(inTeams.says("value=3 "), inTeams.toString());
    }

    @Test
    void theSlackHomesButton_andTheTeamsInfoCardsButton_showTheSameFigures() throws IOException {
        Steward steward = community("button-club", "U0INS0003", 3, 3);

        assertEquals(200, post(slack.homeButton(steward.slack().userId, "ciment_insights", "button-club", Instant.now()))
                .statusCode());
        List<FakeSlackApi.Call> published = stack.slackApi.calls("views.publish").stream()
                .filter(call -> steward.slack().userId.equals(call.param("user_id"))).toList();
        String home = JSON.writeValueAsString(published.getLast().json("view"));
        assertTrue(home.contains("Insights for button-club") && home.contains("Active members")
                && home.contains("ciment_insights"), home);

        assertEquals(200, steward.teams().ciment("info button-club").status());
        List<FakeBotFramework.SentActivity> sent = stack.botFramework.sent();
        JsonNode info = JSON.valueToTree(sent.getLast().attachmentContents().getFirst());
        JsonNode button = info.findParents("verb").stream().filter(a -> "Insights".equals(a.path("title").asText()))
                .findFirst().orElseThrow(() -> new AssertionError("no Insights on " + info));
        @SuppressWarnings("unchecked")
        Map<String, Object> data = JSON.convertValue(button.path("data"), Map.class);
        HttpResponse<String> clicked = stack.post("/api/messages", Map.of("Content-Type", "application/json",
                "Authorization", FakeBotFramework.bearer(stack.botFramework.token(stack.botFramework.serviceUrl()))),
                steward.teams().message("").cardAction(button.path("verb").asText(), data).json());
        assertEquals(200, clicked.statusCode(), clicked.body());
        assertTrue(clicked.body().contains("Insights for button-club") && clicked.body().contains("Active members"),
                clicked.body());
    }

    @Test
    void aMember_isRefusedInOneSentence_onBothTools_andNothingIsWritten() {
        community("refused-club", "U0INS0004", 1, 1);
        SlackUser member = stack.slackUser("U0INS0004S0", "Slacker 0");
        TeamsUser teamsMember = stack.teamsUser("Teams member refused-club");
        teamsMember.ciment("join refused-club");
        String refusal = "Only a steward of refused-club or an admin can see its insights: info refused-club names its"
                + " stewards.";
        int items = stack.itemCount();

        assertTrue(member.ciment("insights refused-club").says(refusal));
        assertTrue(teamsMember.ciment("insights refused-club").says(refusal));
        // A forged click names only the community: the clicker is who is asking, and is refused the same.
        assertEquals(200, post(slack.homeButton(member.userId, "ciment_insights", "refused-club", Instant.now()))
                .statusCode());

        assertEquals(items, stack.itemCount());
    }

    private static HttpResponse<String> post(ciment.devkit.slack.SlashCommands.Signed signed) {
        return stack.post("/slack/events", signed.headers(), signed.body());
    }
}
