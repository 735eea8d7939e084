package ciment.local;

import static ciment.local.LocalStack.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.devkit.slack.FakeSlackApi;
import ciment.devkit.slack.SlackInteractions;
import ciment.devkit.teams.FakeBotFramework;
import ciment.devkit.teams.TeamsActivities;
import ciment.local.LocalStack.SlackAnswer;
import ciment.local.LocalStack.SlackUser;
import ciment.local.LocalStack.TeamsUser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 17, announcements, over HTTP to the end: a Slack steward announces to a community of Slack and Teams
 * members; the announcement item reaches the Slack delivery function through the table's stream, which writes one
 * outbox notice per member; each member gets one direct message on their tool, in their language, with Got it;
 * clicks count once, the clicker being the verified caller; the steward sees counts only from 5, never who.
 */
class AnnouncementsEndToEndTest {
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

    /** The direct messages Slack got for this user, about this community. */
    private static List<FakeSlackApi.Call> slackDms(SlackUser user, String slug) {
        return stack.slackApi.calls("chat.postMessage").stream()
                .filter(call -> user.userId.equals(call.param("channel")) && String.valueOf(call.param("text")).contains(slug))
                .toList();
    }

    /** What the bot sent into this Teams user's personal chat about this community. */
    private static List<FakeBotFramework.SentActivity> teamsDms(TeamsUser user, String slug) {
        return stack.botFramework.personalChatWith(FakeBotFramework.Member.of(user.fromId, user.aadObjectId, user.name,
                        user.email, user.email, user.tenantId))
                .map(chat -> stack.botFramework.sentTo(chat).stream()
                        .filter(sent -> sent.json().contains(slug)).toList())
                .orElse(List.of());
    }

    /** Got it's value in a Slack DM's blocks: the announcement it names. */
    private static JsonNode slackGotIt(FakeSlackApi.Call dm) {
        try {
            return JSON.readTree(dm.param("blocks")).findParents("action_id").stream()
                    .filter(button -> "ciment_announce_ack".equals(button.path("action_id").asText())).findFirst()
                    .orElseThrow(() -> new AssertionError("no Got it in " + dm.param("blocks")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Got it in a Teams DM's card. */
    private static JsonNode teamsGotIt(FakeBotFramework.SentActivity dm) {
        JsonNode card = JSON.valueToTree(dm.attachmentContents().getFirst());
        return card.findParents("verb").stream().filter(action -> "announce.ack".equals(action.path("verb").asText()))
                .findFirst().orElseThrow(() -> new AssertionError("no Got it in " + card));
    }

    private static String clickInSlack(SlackUser user, String value, String hook) {
        var click = slack.messageButton(user.userId, "ciment_announce_ack", value, stack.slackApi.responseUrl(hook),
                Instant.now());
        HttpResponse<String> response = stack.post("/slack/events", click.headers(), click.body());
        assertEquals(200, response.statusCode(), response.body());
        return stack.slackApi.calls("response_url").stream().filter(call -> hook.equals(call.param("path")))
                .map(call -> call.param("text")).reduce((a, b) -> b).orElse("");
    }

    @SuppressWarnings("unchecked")
    private static String clickInTeams(TeamsUser user, JsonNode button) {
        TeamsActivities.Message invoke = user.message("").cardAction(button.path("verb").asText(),
                JSON.convertValue(button.path("data"), Map.class));
        HttpResponse<String> response = stack.post("/api/messages", Map.of("Content-Type", "application/json",
                "Authorization", FakeBotFramework.bearer(stack.botFramework.token(stack.botFramework.serviceUrl()))),
                invoke.json());
        assertEquals(200, response.statusCode(), response.body());
        return response.body();
    }

    @Test
    void slackStewardAnnounces_toSlackAndTeamsMembers_eachGetsOneDmWithGotIt_clicksCountOnce_countsOnlyFromFive()
            throws Exception {
        SlackUser steward = stack.slackUser("U0ANN0001", "Ana Nonce");
        List<SlackUser> slackMembers = List.of(stack.slackUser("U0ANN0002", "Bea"), stack.slackUser("U0ANN0003", "Cid"),
                stack.slackUser("U0ANN0004", "Dov"));
        List<TeamsUser> teamsMembers = List.of(stack.teamsUser("Eve Teams"), stack.teamsUser("Fay Teams"),
                stack.teamsUser("Gil Teams").speaking("fr-FR"));
        steward.ciment("create announce-club Said to everyone");
        slackMembers.forEach(member -> assertTrue(member.ciment("join announce-club").says("Welcome to announce-club")));
        teamsMembers.forEach(member -> assertTrue(member.ciment("join announce-club").says("announce-club")));

        SlackAnswer announced = steward.ciment("announce announce-club The guild meets on Thursday at 10:00");
        assertTrue(announced.says("Announced in announce-club"), announced.toString());

        for (SlackUser member : slackMembers) {
            FakeSlackApi.Call dm = eventually(() -> slackDms(member, "announce-club"), member.name + "'s DM").getFirst();
            assertTrue(dm.param("text").contains("The guild meets on Thursday at 10:00"), dm.param("text"));
            slackGotIt(dm);
        }
        for (TeamsUser member : teamsMembers) {
            FakeBotFramework.SentActivity dm = eventually(() -> teamsDms(member, "announce-club"), member.name + "'s DM")
                    .getFirst();
            assertTrue(dm.json().contains("The guild meets on Thursday at 10:00"), dm.json());
            assertEquals(member.name.startsWith("Gil") ? "Compris" : "Got it", teamsGotIt(dm).path("title").asText());
        }
        assertTrue(eventually(() -> steward.ciment("announcements announce-club").says("reached 6 people")
                ? List.of(true) : List.<Boolean>of(), "six DMs counted reached").getFirst());
        Thread.sleep(1000); // anything sent twice would have come by now
        slackMembers.forEach(member -> assertEquals(1, slackDms(member, "announce-club").size(), member.name));
        teamsMembers.forEach(member -> assertEquals(1, teamsDms(member, "announce-club").size(), member.name));
        assertEquals(List.of(), slackDms(steward, "announce-club"), "not to the steward");

        // Four people acknowledge, one of them twice: fewer than 5, and nobody is named.
        String first = clickInSlack(slackMembers.get(0), slackGotIt(slackDms(slackMembers.get(0), "announce-club")
                .getFirst()).path("value").asText(), "ack1");
        assertTrue(first.startsWith("Noted"), first);
        String again = clickInSlack(slackMembers.get(0), slackGotIt(slackDms(slackMembers.get(0), "announce-club")
                .getFirst()).path("value").asText(), "ack2");
        assertTrue(again.startsWith("Already noted"), again);
        clickInSlack(slackMembers.get(1), slackGotIt(slackDms(slackMembers.get(1), "announce-club").getFirst())
                .path("value").asText(), "ack3");
        for (TeamsUser member : teamsMembers.subList(0, 2)) {
            JsonNode gotIt = teamsGotIt(teamsDms(member, "announce-club").getFirst());
            assertTrue(clickInTeams(member, gotIt).contains("Noted"), member.name);
            assertTrue(clickInTeams(member, gotIt).contains("Already noted"), member.name);
        }
        SlackAnswer few = steward.ciment("announcements announce-club");
        assertTrue(few.says("acknowledged by fewer than 5 people"), few.toString());
        for (String name : List.of("Bea", "Cid", "Eve", "Fay")) {
            assertFalse(few.says(name), few.toString());
        }

        assertTrue(clickInTeams(teamsMembers.get(2), teamsGotIt(teamsDms(teamsMembers.get(2), "announce-club").getFirst()))
                .contains("C’est noté"));
        SlackAnswer five = steward.ciment("announcements announce-club");
        assertTrue(five.says("reached 6 people, acknowledged by 5 people"), five.toString());
    }

    @Test
    void refusals_nonSteward_unknownCommunity_secondTheSameDay_eachInOneSentence_writeNothing() {
        SlackUser steward = stack.slackUser("U0ANN0011", "Hal Once");
        SlackUser member = stack.slackUser("U0ANN0012", "Ivy Member");
        steward.ciment("create once-club One a day");
        member.ciment("join once-club");
        member.ciment("announce once-club Not mine to say"); // the first request of someone writes their person
        int items = stack.itemCount();

        SlackAnswer notSteward = member.ciment("announce once-club Free pizza");
        assertTrue(notSteward.says("Only a steward of once-club"), notSteward.toString());
        SlackAnswer unknown = steward.ciment("announce no-such-club Hello");
        assertTrue(unknown.says("no-such-club"), unknown.toString());
        assertEquals(items, stack.itemCount(), "refused: nothing written");

        assertTrue(steward.ciment("announce once-club First of the day").says("Announced in once-club"));
        eventually(() -> slackDms(member, "once-club"), "the first announcement's DM");
        int afterFirst = stack.itemCount();
        SlackAnswer second = steward.ciment("announce once-club Second of the day");
        assertTrue(second.says("one a day, so nothing was announced"), second.toString());
        assertEquals(afterFirst, stack.itemCount(), "refused: nothing written");
    }
}
