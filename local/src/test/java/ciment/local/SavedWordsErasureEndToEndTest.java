package ciment.local;

import static ciment.local.LocalStack.reference;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.devkit.slack.FakeSlackApi;
import ciment.devkit.slack.SlackInteractions;
import ciment.devkit.slack.SlashCommands;
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
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Issue 14, item 9 over HTTP: erase means erase. Someone's words saved into a community by someone else ("Save to
 * community", from Slack's message shortcut or Teams' message action) go when they erase their data, even if they
 * first used Ciment to erase it: the saved post shows as removed, the words of others in the thread stay, and no
 * item of the table holds the erased words.
 */
class SavedWordsErasureEndToEndTest {
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

    @Test
    void slackThreadSavedByBob_adaErases_herWordsLeaveThePostAndItsReply_halsStay() throws Exception {
        SlackUser bob = stack.slackUser("U0SAVEBOB1", "Bob Saver");
        SlackUser ada = stack.slackUser("U0SAVEADA1", "Ada Lovelace");
        SlackUser hal = stack.slackUser("U0SAVEHAL1", "Hal Helper");
        bob.ciment("create erase-guild Saved from chat");
        String adasWords = "My badge number is 4711, do not share";
        String adasReply = "And my desk is B-12";
        String halsWords = "Noted, thanks";
        stack.slackApi.addMessage(FakeSlackApi.Message.byPerson("C0ERASE001", "1600000100.000100", null, ada.userId,
                adasWords));
        stack.slackApi.addMessage(FakeSlackApi.Message.byPerson("C0ERASE001", "1600000101.000100", "1600000100.000100",
                hal.userId, halsWords));
        stack.slackApi.addMessage(FakeSlackApi.Message.byPerson("C0ERASE001", "1600000102.000100", "1600000100.000100",
                ada.userId, adasReply));
        String saved = saveInSlack(bob, "C0ERASE001", "1600000100.000100", ada.userId, adasWords, "erase-guild");
        String post = reference(saved);
        SlackAnswer before = bob.ciment("thread " + post);
        assertTrue(before.says("Ada Lovelace in Slack: " + adasWords) && before.says(adasReply), before.toString());
        assertTrue(tableHolds(adasWords) && tableHolds(adasReply));

        assertTrue(ada.ciment("erase-my-data confirm").says("everything Ciment held about you is deleted"));

        SlackAnswer thread = bob.ciment("thread " + post);
        assertFalse(thread.says(adasWords) || thread.says(adasReply), thread.toString());
        assertTrue(thread.says("This post was removed."), thread.toString());
        assertTrue(thread.says("Hal Helper in Slack: " + halsWords), "others' words stay: " + thread);
        SlackAnswer feed = bob.ciment("feed erase-guild");
        assertFalse(feed.says(adasWords) || feed.says(adasReply), feed.toString());
        assertFalse(tableHolds(adasWords), "no item holds her first message");
        assertFalse(tableHolds(adasReply), "no item holds her reply, nor the thread's preview of it");
        assertTrue(tableHolds(halsWords));
    }

    @Test
    void teamsMessageSavedByIda_jonErases_hisWordsLeaveThePost() {
        TeamsUser ida = stack.teamsUser("Ida Saver");
        TeamsUser jon = stack.teamsUser("Jon Author");
        ida.ciment("create erase-teams Saved from Teams");
        String jonsWords = "My home address is 10 Downing Lane";
        Map<String, Object> message = TeamsActivities.messagePayload("1700000000900", jon.aadObjectId, jon.name,
                "<p>" + jonsWords + "</p>");
        JsonNode saved = invoke(ida.message("").submitAction("saveToCommunity", Map.of("slug", "erase-teams"), message));
        String post = reference(saved.path("task").path("value").asText());
        assertTrue(ida.ciment("thread " + post).says("Jon Author in Teams: " + jonsWords));

        assertTrue(jon.ciment("erase-my-data confirm").says("everything Ciment held about you is deleted"));

        String thread = ida.ciment("thread " + post).cards();
        assertFalse(thread.contains(jonsWords), thread);
        assertTrue(thread.contains("This post was removed."), thread);
        assertFalse(tableHolds(jonsWords));
    }

    /** Bob's message shortcut on a message, then the modal submitted with the community: the modal's answer. */
    private static String saveInSlack(SlackUser saver, String channel, String ts, String author, String text,
            String community) throws IOException {
        post(slack.messageShortcut(saver.userId, "save_to_community", SlashCommands.newTriggerId(), channel,
                Map.of("type", "message", "ts", ts, "thread_ts", ts, "reply_count", 2, "user", author, "text", text),
                stack.slackApi.responseUrl("erase-" + ts), Instant.now()));
        Map<String, Object> form = stack.slackApi.calls("views.update").getLast().json("view");
        String submitted = post(slack.submission(saver.userId, "save_to_community", "V0ERASE" + ts.hashCode(),
                String.valueOf(form.get("private_metadata")),
                Map.of("community", SlackInteractions.select("community", community)), Instant.now())).body();
        assertTrue(submitted.contains("in " + community + ", with 2 replies"), submitted);
        return submitted;
    }

    private static HttpResponse<String> post(SlashCommands.Signed signed) {
        HttpResponse<String> response = stack.post("/slack/events", signed.headers(), signed.body());
        assertEquals(200, response.statusCode(), response.body());
        return response;
    }

    private static JsonNode invoke(TeamsActivities.Message activity) {
        HttpResponse<String> response = stack.post("/api/messages", Map.of("Content-Type", "application/json",
                "Authorization", FakeBotFramework.bearer(stack.botFramework.token(stack.botFramework.serviceUrl()))),
                activity.json());
        assertEquals(200, response.statusCode(), response.body());
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether any item of the table (usage items aside) holds these words in any attribute. */
    private static boolean tableHolds(String words) {
        return stack.dynamo.scanPaginator(b -> b.tableName(stack.runner.settings().table()).consistentRead(true))
                .items().stream().anyMatch(item -> item.values().stream().anyMatch(value -> holds(value, words)));
    }

    private static boolean holds(AttributeValue value, String words) {
        if (value.s() != null) {
            return value.s().contains(words);
        }
        if (value.hasL()) {
            return value.l().stream().anyMatch(v -> holds(v, words));
        }
        if (value.hasM()) {
            return value.m().values().stream().anyMatch(v -> holds(v, words));
        }
        return value.hasSs() && value.ss().stream().anyMatch(s -> s.contains(words));
    }
}
