package ciment.local;

import static ciment.local.LocalStack.reference;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.devkit.teams.FakeBotFramework;
import ciment.devkit.teams.TeamsActivities;
import ciment.local.LocalStack.TeamsAnswer;
import ciment.local.LocalStack.TeamsUser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 4's conversations in Teams over HTTP through the local runner, on moto: a post's Reply and React
 * buttons on the Posted card, a Teams like on that card, a message in its reply chain, and the message
 * action Save to community, whose saved words go with their writer's erasure (signed activities and invokes;
 * the bot's copies of posts kept in the table).
 */
class TeamsConversationsEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static LocalStack stack;

    @BeforeAll
    static void start() {
        stack = new LocalStack();
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    private static String token() {
        return stack.botFramework.token(stack.botFramework.serviceUrl());
    }

    /** A post made in the poster's channel: the bot's Posted message (the copy), as the fake Bot Connector got it. */
    private static FakeBotFramework.SentActivity posted(TeamsUser poster, String text) {
        assertTrue(poster.ciment(text).says("Posted #"));
        List<FakeBotFramework.SentActivity> sent = stack.botFramework.sent();
        return sent.get(sent.size() - 1);
    }

    /** A signed activity that the bot answers in the HTTP response (an invoke), or not at all: its body. */
    private static JsonNode post(TeamsActivities.Message activity) {
        HttpResponse<String> response = stack.post("/api/messages", Map.of("Content-Type", "application/json",
                "Authorization", FakeBotFramework.bearer(token())), activity.json());
        assertEquals(200, response.statusCode(), response.body());
        try {
            return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode button(FakeBotFramework.SentActivity sent, String verb) {
        JsonNode card = JSON.valueToTree(sent.attachmentContents().get(0));
        return card.findParents("verb").stream().filter(a -> verb.equals(a.path("verb").asText())).findFirst()
                .orElseThrow(() -> new AssertionError("no " + verb + " button in " + card));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> dataOf(JsonNode button) {
        return new LinkedHashMap<>(JSON.convertValue(button.path("data"), Map.class));
    }

    private static String thread(TeamsUser reader, String ref) {
        return reader.ciment("thread " + ref).cards();
    }

    @Test
    void replyButtonOnThePostedCard_makesTheReply_answeredWithTheThread() {
        TeamsUser ana = stack.teamsUser("Ana Buttons");
        TeamsUser ben = stack.teamsUser("Ben Buttons");
        ana.ciment("create button-guild Buttons on posts");
        ben.ciment("join button-guild");
        FakeBotFramework.SentActivity card = posted(ana, "post button-guild Where do we meet?");
        JsonNode send = button(card, "reply");
        Map<String, Object> data = dataOf(send);
        data.put(send.path("data").path("input").asText(), "Room 4, at ten");

        JsonNode answer = post(ben.message("").cardAction("reply", data));

        assertEquals("application/vnd.microsoft.card.adaptive", answer.path("type").asText(), answer.toString());
        assertTrue(answer.path("value").toString().contains("Room 4, at ten"), answer.toString());
        String thread = thread(ana, reference(card.text()));
        assertTrue(thread.contains("Room 4, at ten") && thread.contains("Ben Buttons"), thread);
    }

    @Test
    void reactButton_andATeamsLike_onThePostedCard_countTwoThumbsUpOnThePost() {
        TeamsUser cleo = stack.teamsUser("Cleo Likes");
        TeamsUser dan = stack.teamsUser("Dan Likes");
        TeamsUser eva = stack.teamsUser("Eva Likes");
        cleo.ciment("create like-guild Likes count");
        dan.ciment("join like-guild");
        eva.ciment("join like-guild");
        FakeBotFramework.SentActivity card = posted(cleo, "post like-guild The release is out");
        String ref = reference(card.text());

        post(dan.message("").cardAction("react", dataOf(button(card, "react"))));
        int sent = stack.botFramework.sent().size();
        JsonNode liked = post(eva.message("").conversation(cleo.conversationId)
                .reactions(card.id(), List.of("like"), List.of()));

        assertTrue(liked.isNull(), "a reaction has no answer: " + liked);
        assertEquals(sent, stack.botFramework.sent().size());
        assertTrue(thread(cleo, ref).contains(":thumbsup: 2"), thread(cleo, ref));

        post(eva.message("").conversation(cleo.conversationId).reactions(card.id(), List.of(), List.of("like")));
        assertTrue(thread(cleo, ref).contains(":thumbsup: 1"), thread(cleo, ref));
    }

    @Test
    void likeOnAMessageThatShowsNoPost_writesNothing() {
        TeamsUser fay = stack.teamsUser("Fay Stray");
        fay.ciment("help");
        int items = stack.itemCount();

        post(fay.message("").reactions("1700000000999", List.of("like"), List.of()));

        assertEquals(items, stack.itemCount());
    }

    @Test
    void messageInThePostedCardsReplyChain_becomesAReply_andTheSameActivityAgainMakesNone() {
        TeamsUser gus = stack.teamsUser("Gus Chain");
        TeamsUser hal = stack.teamsUser("Hal Chain");
        gus.ciment("create chain-guild Reply chains");
        hal.ciment("join chain-guild");
        FakeBotFramework.SentActivity card = posted(gus, "post chain-guild Slides for Monday?");
        TeamsActivities.Message inChain = hal.message("Sending them tonight")
                .conversation(gus.conversationId + ";messageid=" + card.id());

        TeamsAnswer replied = hal.send(inChain, token());
        hal.send(inChain, token()); // the Bot Connector delivers it again

        assertTrue(replied.says("Replied #"), replied.toString());
        String thread = thread(gus, reference(card.text()));
        assertTrue(thread.contains("Sending them tonight"), thread);
        assertTrue(thread.contains("1 reply,") && !thread.contains("2 replies"), "one reply: " + thread);
    }

    @Test
    void saveToCommunity_fromAMessagesActions_savesItCreditedToItsAuthor() {
        TeamsUser ida = stack.teamsUser("Ida Saver");
        ida.ciment("create save-guild Saved from chat");
        Map<String, Object> message = TeamsActivities.messagePayload("1700000000300", "Jon Author",
                "<p>Deploys freeze on <b>Thursdays</b>.</p>");

        JsonNode dialog = post(ida.message("").fetchTask("saveToCommunity", message));
        JsonNode choices = dialog.path("task").path("value").path("card").path("content").findParents("choices").get(0);
        assertTrue(choices.path("choices").findValuesAsText("value").contains("save-guild"), dialog.toString());
        JsonNode saved = post(ida.message("").submitAction("saveToCommunity", Map.of("slug", "save-guild"), message));

        String sentence = saved.path("task").path("value").asText();
        assertTrue(sentence.startsWith("Saved as #") && sentence.endsWith(" in save-guild."), saved.toString());
        String thread = thread(ida, reference(sentence));
        assertTrue(thread.contains("Jon Author in Teams: Deploys freeze on Thursdays."), thread);
        assertFalse(thread.contains("<b>"), thread);
    }

    /** Issue 14, item 9: erase means erase, the words others saved too. */
    @Test
    void savedMessage_writerErasesHisData_hisWordsLeaveThePost() {
        TeamsUser ida = stack.teamsUser("Ida Saver");
        TeamsUser jon = stack.teamsUser("Jon Author");
        ida.ciment("create erase-teams Saved from Teams");
        String jonsWords = "My home address is 10 Downing Lane";
        Map<String, Object> message = TeamsActivities.messagePayload("1700000000900", jon.aadObjectId, jon.name,
                "<p>" + jonsWords + "</p>");
        JsonNode saved = post(ida.message("").submitAction("saveToCommunity", Map.of("slug", "erase-teams"), message));
        String post = reference(saved.path("task").path("value").asText());
        assertTrue(thread(ida, post).contains("Jon Author in Teams: " + jonsWords));

        assertTrue(jon.ciment("erase-my-data confirm").says("everything Ciment held about you is deleted"));

        String thread = thread(ida, post);
        assertFalse(thread.contains(jonsWords), thread);
        assertTrue(thread.contains("This post was removed."), thread);
        assertFalse(stack.tableHolds(jonsWords));
    }
}
