package ciment.local;

import static ciment.local.LocalStack.reference;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.devkit.slack.FakeSlackApi;
import ciment.devkit.slack.SlackInteractions;
import ciment.devkit.slack.SlashCommands;
import ciment.local.LocalStack.SlackAnswer;
import ciment.local.LocalStack.SlackUser;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Conversations in Slack over HTTP, as Slack drives them: a post's menu and the Reply modal, reactions and
 * thread replies on Ciment's direct message about a post (a mention, delivered through the stream with
 * the post in its metadata), and the Save-to-community message shortcut (the words saved go with their writer's
 * erasure); on moto, through the local runner.
 */
class SlackConversationsEndToEndTest {
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

    private static HttpResponse<String> post(SlashCommands.Signed signed) {
        HttpResponse<String> response = stack.post("/slack/events", signed.headers(), signed.body());
        assertEquals(200, response.statusCode(), response.body());
        return response;
    }

    /** The whole ack of a slash command, as JSON text (menus' values included). */
    private static String ack(SlackUser user, String text) {
        return post(stack.slashCommands.sign(stack.slashCommands.command(user.userId, user.name, text), Instant.now()))
                .body();
    }

    /** Ciment's direct message to the user about the post, once delivered. */
    private static FakeSlackApi.Message messageAbout(SlackUser user, String reference) {
        return LocalStack.eventually(() -> stack.slackApi.messages("D0" + user.userId).stream()
                .filter(m -> m.metadata() != null && m.metadata().toString().contains(reference)).toList(),
                "a message to " + user.name + " about " + reference).getFirst();
    }

    @Test
    void replyChosenInAFeedsMenu_opensTheModal_andItsSubmissionReplies() throws Exception {
        SlackUser lin = stack.slackUser("U0CONV001", "Lin Menu");
        SlackUser kim = stack.slackUser("U0CONV002", "Kim Menu");
        lin.ciment("create menu-guild Menus everywhere");
        kim.ciment("join menu-guild");
        String post = reference(lin.ciment("post menu-guild Who knows a good SQL formatter?").toString());
        String feed = ack(kim, "feed menu-guild");
        // The option carries the verb and the post, typed: {"verb":"reply","post":"#…"}.
        String reply = "{\"verb\":\"reply\",\"post\":\"" + post + "\"}";
        assertTrue(feed.contains("\"value\":\"" + reply.replace("\"", "\\\"") + "\""), feed);

        post(slack.messageOverflow(kim.userId, "ciment_post_menu", reply, stack.slackApi.responseUrl("menu1"),
                Instant.now()));
        FakeSlackApi.Call opened = stack.slackApi.calls("views.open").getLast();
        assertEquals("ciment_reply", opened.json("view").get("callback_id"));
        String metadata = String.valueOf(opened.json("view").get("private_metadata"));
        String submitted = post(slack.submission(kim.userId, "ciment_reply", "V0REPLY1", metadata,
                Map.of("reply_text", SlackInteractions.text("reply_text", "sqlfluff, from the modal")), Instant.now()))
                .body();

        assertTrue(submitted.contains("\"response_action\":\"update\"") && submitted.contains("Replied " + post + "/"),
                submitted);
        SlackAnswer after = lin.ciment("feed menu-guild");
        assertTrue(after.says("1 reply") && after.says("sqlfluff, from the modal"), after.toString());
    }

    @Test
    void reactionAddedThenRemoved_onCimentsMessageAboutAPost_countsOnThePostThenNoLonger() {
        SlackUser lin = stack.slackUser("U0CONV003", "Lin React");
        SlackUser kim = stack.slackUser("U0CONV004", "Kim React");
        lin.ciment("create react-guild Reactions");
        kim.ciment("join react-guild");
        String post = reference(lin.ciment("post react-guild Release is out, thanks <@" + kim.userId + "|kim>").toString());
        FakeSlackApi.Message message = messageAbout(kim, post);

        post(slack.reaction(true, kim.userId, "+1::skin-tone-2", message.channel(), message.ts(),
                FakeSlackApi.BOT_USER_ID, Instant.now()));
        SlackAnswer counted = lin.ciment("feed react-guild");
        assertTrue(counted.says(":thumbsup: 1"), counted.toString());

        post(slack.reaction(false, kim.userId, "+1::skin-tone-2", message.channel(), message.ts(),
                FakeSlackApi.BOT_USER_ID, Instant.now()));
        SlackAnswer uncounted = lin.ciment("feed react-guild");
        assertFalse(uncounted.says(":thumbsup: 1"), uncounted.toString());
    }

    @Test
    void replyInTheThreadOfCimentsMessage_becomesAReply_andTheSameEventRetried_makesNone() {
        SlackUser lin = stack.slackUser("U0CONV005", "Lin Thread");
        SlackUser kim = stack.slackUser("U0CONV006", "Kim Thread");
        lin.ciment("create chat-guild Chat threads");
        kim.ciment("join chat-guild");
        String post = reference(lin.ciment("post chat-guild <@" + kim.userId + "> can you review?").toString());
        FakeSlackApi.Message message = messageAbout(kim, post);
        Instant now = Instant.now();
        String eventId = SlackInteractions.newEventId();
        Map<String, Object> reply = SlackInteractions.message(kim.userId, message.channel(), now.getEpochSecond()
                + ".000700", message.ts(), "Looks good &amp; ships");

        post(slack.event(reply, eventId, now));
        int items = stack.itemCount();
        post(slack.event(reply, eventId, now).withHeader("X-Slack-Retry-Num", "1")
                .withHeader("X-Slack-Retry-Reason", "http_timeout"));

        assertEquals(items, stack.itemCount());
        SlackAnswer thread = lin.ciment("thread " + post);
        assertTrue(thread.says("Looks good & ships") || thread.says("Looks good &amp; ships"), thread.toString());
        SlackAnswer feed = lin.ciment("feed chat-guild");
        assertTrue(feed.says("1 reply") && !feed.says("2 replies"), feed.toString());
    }

    @Test
    void saveToCommunity_ofAThread_savesThePostAndItsReplies_creditedToTheirAuthors() throws Exception {
        SlackUser saver = stack.slackUser("U0CONV007", "Sam Saver");
        SlackUser asker = stack.slackUser("U0CONV008", "Ana Asker");
        SlackUser helper = stack.slackUser("U0CONV009", "Hal Helper");
        saver.ciment("create saved-guild Saved from chat");
        stack.slackApi.addMessage(FakeSlackApi.Message.byPerson("C0SAVE0001", "1600000000.000100", null, asker.userId,
                "How do we rotate the keys?"));
        stack.slackApi.addMessage(FakeSlackApi.Message.byPerson("C0SAVE0001", "1600000001.000100", "1600000000.000100",
                helper.userId, "With the runbook in the wiki"));
        stack.slackApi.addMessage(FakeSlackApi.Message.byPerson("C0SAVE0001", "1600000002.000100", "1600000000.000100",
                asker.userId, "Thanks, done"));

        String trigger = SlashCommands.newTriggerId();
        post(slack.messageShortcut(saver.userId, "save_to_community", trigger, "C0SAVE0001", Map.of("type", "message",
                "ts", "1600000000.000100", "thread_ts", "1600000000.000100", "reply_count", 2, "user", asker.userId,
                "text", "How do we rotate the keys?"), stack.slackApi.responseUrl("save1"), Instant.now()));
        assertEquals(trigger, stack.slackApi.calls("views.open").getLast().param("trigger_id"));
        Map<String, Object> form = stack.slackApi.calls("views.update").getLast().json("view");
        assertTrue(JSON.writeValueAsString(form).contains("saved-guild"), form.toString());
        String submitted = post(slack.submission(saver.userId, "save_to_community", "V0SAVE1",
                String.valueOf(form.get("private_metadata")),
                Map.of("community", SlackInteractions.select("community", "saved-guild")), Instant.now())).body();

        assertTrue(submitted.contains("in saved-guild, with 2 replies"), submitted);
        SlackAnswer thread = saver.ciment("thread " + reference(submitted));
        assertTrue(thread.says("Ana Asker in Slack: How do we rotate the keys?")
                && thread.says("Hal Helper in Slack: With the runbook in the wiki")
                && thread.says("Ana Asker in Slack: Thanks, done"), thread.toString());
        List<FakeSlackApi.Call> read = stack.slackApi.calls("conversations.replies");
        assertEquals("C0SAVE0001", read.getLast().param("channel"));
    }

    /** Issue 14, item 9: erase means erase, the words others saved too (Ada first uses Ciment to erase them). */
    @Test
    void savedThread_writerErasesHerData_herWordsLeaveThePostAndHerReply_othersStay() throws Exception {
        SlackUser bob = stack.slackUser("U0SAVEBOB1", "Bob Saver");
        SlackUser ada = stack.slackUser("U0SAVEADA1", "Ada Lovelace");
        SlackUser hal = stack.slackUser("U0SAVEHAL1", "Hal Helper");
        bob.ciment("create erase-guild Saved from chat");
        String adasWords = "My badge number is 4711, do not share";
        String adasReply = "And my desk is B-12";
        String halsWords = "Noted, thanks";
        String ts = "1600000100.000100";
        stack.slackApi.addMessage(FakeSlackApi.Message.byPerson("C0ERASE001", ts, null, ada.userId, adasWords));
        stack.slackApi.addMessage(FakeSlackApi.Message.byPerson("C0ERASE001", "1600000101.000100", ts, hal.userId,
                halsWords));
        stack.slackApi.addMessage(FakeSlackApi.Message.byPerson("C0ERASE001", "1600000102.000100", ts, ada.userId,
                adasReply));
        post(slack.messageShortcut(bob.userId, "save_to_community", SlashCommands.newTriggerId(), "C0ERASE001",
                Map.of("type", "message", "ts", ts, "thread_ts", ts, "reply_count", 2, "user", ada.userId,
                        "text", adasWords), stack.slackApi.responseUrl("erase1"), Instant.now()));
        Map<String, Object> form = stack.slackApi.calls("views.update").getLast().json("view");
        String post = reference(post(slack.submission(bob.userId, "save_to_community", "V0ERASE1",
                String.valueOf(form.get("private_metadata")),
                Map.of("community", SlackInteractions.select("community", "erase-guild")), Instant.now())).body());
        assertTrue(bob.ciment("thread " + post).says("Ada Lovelace in Slack: " + adasWords));
        assertTrue(stack.tableHolds(adasWords) && stack.tableHolds(adasReply));

        assertTrue(ada.ciment("erase-my-data confirm").says("everything Ciment held about you is deleted"));

        SlackAnswer thread = bob.ciment("thread " + post);
        assertFalse(thread.says(adasWords) || thread.says(adasReply), thread.toString());
        assertTrue(thread.says("This post was removed."), thread.toString());
        assertTrue(thread.says("Hal Helper in Slack: " + halsWords), "others' words stay: " + thread);
        SlackAnswer feed = bob.ciment("feed erase-guild");
        assertFalse(feed.says(adasWords) || feed.says(adasReply), feed.toString());
        assertFalse(stack.tableHolds(adasWords), "no item holds her first message");
        assertFalse(stack.tableHolds(adasReply), "no item holds her reply, nor the thread's preview of it");
        assertTrue(stack.tableHolds(halsWords));
    }
}
