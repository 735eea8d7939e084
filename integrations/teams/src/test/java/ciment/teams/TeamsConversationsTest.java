package ciment.teams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.core.Ciment;
import ciment.core.model.Caller;
import ciment.core.model.ChatAccount;
import ciment.core.model.Introduction;
import ciment.core.model.Platform;
import ciment.core.model.Post;
import ciment.core.reply.Reply;
import ciment.core.testing.InMemoryRepositories;
import ciment.devkit.teams.FakeBotFramework;
import ciment.devkit.teams.Json;
import ciment.devkit.teams.TeamsActivities;
import ciment.teams.inbound.SaveToCommunity;
import ciment.teams.inbound.TeamsEndpoint;
import ciment.teams.render.AdaptiveCards;
import ciment.teams.render.CardActions;
import ciment.teams.render.PostButtons;
import ciment.teams.render.TeamsRepliesTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Conversations in Teams through the bot's endpoint and the fake Bot Connector: a post's buttons, Teams
 * reactions and reply chains on the bot's copy of a post, and the message action Save to community.
 */
class TeamsConversationsTest {
    private static final String TENANT = "tenant-1";
    private static final String CHANNEL = "19:general@thread.tacv2";

    private final Clock clock = Clock.systemUTC();
    private final Ciment ciment = new Ciment(InMemoryRepositories.create(), clock);
    private final MemoryCopies copies = new MemoryCopies();
    private FakeTeams teams;
    private FakeBotFramework fake;
    private TeamsEndpoint endpoint;
    private FakeBotFramework.Member ada;
    private FakeBotFramework.Member grace;

    @BeforeEach
    void start() {
        teams = FakeTeams.start(ciment, copies, clock);
        fake = teams.fake();
        endpoint = teams.endpoint();
        ada = teams.member("ada", "Ada Lovelace", TENANT);
        grace = teams.member("grace", "Grace Hopper", TENANT);
        say(ada, "create data-guild Data people");
        say(grace, "join data-guild");
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private TeamsActivities.Message from(FakeBotFramework.Member who) {
        return TeamsActivities.message(fake.serviceUrl(), fake.botId()).tenant(TENANT)
                .from(who.id(), who.aadObjectId(), who.name()).conversation(CHANNEL);
    }

    /** Sends a message and returns what the bot sent back. */
    private FakeBotFramework.SentActivity say(FakeBotFramework.Member who, String text) {
        return send(from(who).text(text));
    }

    private FakeBotFramework.SentActivity send(TeamsActivities.Message message) {
        return teams.send(message);
    }

    private JsonNode invoke(TeamsActivities.Message invoke) {
        return teams.invoke(invoke);
    }

    private Reply.Thread thread(String ref) {
        Caller reader = new Caller(new ChatAccount(Platform.TEAMS, TENANT, "aad-ada"),
                () -> Introduction.named("Ada Lovelace"), null, Instant.now());
        return (Reply.Thread) ciment.handle(reader, "thread " + PostButtons.rootOf(ref));
    }

    private static String refIn(FakeBotFramework.SentActivity posted) {
        return posted.text().split(" ")[1];
    }

    private static JsonNode card(FakeBotFramework.SentActivity sent) {
        return FakeTeams.card(sent);
    }

    private static JsonNode button(JsonNode card, String verb) {
        return FakeTeams.button(card, verb);
    }

    @Test
    void postedAnswer_isItsSentenceAndThePostsCard_withReplyReactAndOpenThread_recordedAsTheCopy() {
        FakeBotFramework.SentActivity posted = say(ada, "post data-guild Hello Teams");

        assertTrue(posted.text().startsWith("Posted #"), posted.text());
        JsonNode card = card(posted);
        TeamsRepliesTest.assertValidAdaptiveCard(card);
        assertTrue(card.toString().contains("Hello Teams"));
        assertEquals(List.of("Reply", "Send", "👍", "Open thread"), card.findValuesAsText("title"));
        assertEquals(Optional.of(refIn(posted)), copies.find(Platform.TEAMS, CHANNEL, posted.id()));
    }

    @Test
    void likeOnThePostedCard_countsAThumbsUp_andRemovingItTakesItBack_answeringNothing() {
        FakeBotFramework.SentActivity posted = say(ada, "post data-guild React to me");
        String ref = refIn(posted);
        int sent = fake.sent().size();

        TeamsEndpoint.Answer added = endpoint.handle(from(grace).reactions(posted.id(), List.of("like", "heart"),
                List.of()).json(), null);

        assertEquals(200, added.status());
        assertEquals(Map.of("thumbsup", 1, "heart", 1), thread(ref).root().reactions());
        endpoint.handle(from(grace).reactions(posted.id(), List.of(), List.of("like")).json(), null);
        assertEquals(Map.of("heart", 1), withoutZeros(thread(ref).root().reactions()));
        assertEquals(sent, fake.sent().size(), "a reaction has no answer");
    }

    @Test
    void reactionToAMessageThatIsNoCopy_writesNothing_andAnswersNothing() {
        String ref = refIn(say(ada, "post data-guild Untouched"));
        int sent = fake.sent().size();

        TeamsEndpoint.Answer answer = endpoint.handle(from(grace).reactions("1700000000999", List.of("like"), List.of())
                .json(), null);

        assertEquals(200, answer.status());
        assertEquals(Map.of(), withoutZeros(thread(ref).root().reactions()));
        assertEquals(sent, fake.sent().size());
    }

    @Test
    void messageInTheReplyChainOfTheCopy_becomesAReply_andTheSameActivityAgainMakesNoSecond() {
        FakeBotFramework.SentActivity posted = say(ada, "post data-guild Who has the slides?");
        TeamsActivities.Message inChain = from(grace).conversation(CHANNEL + ";messageid=" + posted.id())
                .text("I do, sending them now");

        FakeBotFramework.SentActivity replied = send(inChain);
        send(inChain); // the Bot Connector delivers it again

        assertTrue(replied.text().startsWith("Replied #"), replied.text());
        Reply.Thread thread = thread(refIn(posted));
        assertEquals(List.of("I do, sending them now"), thread.replies().stream().map(Post::text).toList());
    }

    @Test
    void messageStartingAReplyChain_thatPosts_makesTheChainAnswerThePost() {
        String root = "1700000000100";
        FakeBotFramework.SentActivity posted = send(from(ada).id(root).conversation(CHANNEL + ";messageid=" + root)
                .text("post data-guild Lunch on Friday?"));

        send(from(grace).conversation(CHANNEL + ";messageid=" + root).text("Count me in"));

        assertEquals(List.of("Count me in"), thread(refIn(posted)).replies().stream().map(Post::text).toList());
    }

    @Test
    void replyButton_makesTheReply_andAnswersWithTheThreadHeadedByWhatWasDone() {
        FakeBotFramework.SentActivity posted = say(ada, "post data-guild Ideas for the offsite?");
        JsonNode send = button(card(posted), PostButtons.REPLY);
        Map<String, Object> data = new LinkedHashMap<>(Json.parseObject(send.path("data").toString()));
        data.put(send.path("data").path(PostButtons.INPUT).asText(), "A boat trip");

        JsonNode answer = invoke(from(grace).cardAction(PostButtons.REPLY, data));

        assertEquals(AdaptiveCards.CONTENT_TYPE, answer.path("type").asText());
        String drawn = answer.path("value").toString();
        assertTrue(drawn.contains("Replied #"), drawn);
        assertTrue(drawn.contains("A boat trip"), drawn);
        assertEquals(List.of("A boat trip"), thread(refIn(posted)).replies().stream().map(Post::text).toList());
    }

    @Test
    void replyButton_withAnEmptyBox_isRefusedWithASentence_andWritesNothing() {
        FakeBotFramework.SentActivity posted = say(ada, "post data-guild Anyone?");
        JsonNode send = button(card(posted), PostButtons.REPLY);

        JsonNode answer = invoke(from(grace).cardAction(PostButtons.REPLY, Json.parseObject(send.path("data").toString())));

        assertEquals(CardActions.MESSAGE_TYPE, answer.path("type").asText());
        assertTrue(answer.path("value").asText().endsWith("."), answer.toString());
        assertTrue(thread(refIn(posted)).replies().isEmpty());
    }

    @Test
    void reactButton_countsAThumbsUp_once_andOpenThreadDrawsTheThread() {
        FakeBotFramework.SentActivity posted = say(ada, "post data-guild Release is out");
        JsonNode react = button(card(posted), PostButtons.REACT);
        Map<String, Object> data = Json.parseObject(react.path("data").toString());

        invoke(from(grace).cardAction(PostButtons.REACT, data));
        JsonNode again = invoke(from(grace).cardAction(PostButtons.REACT, data));
        JsonNode opened = invoke(from(grace).cardAction(PostButtons.THREAD,
                Json.parseObject(button(card(posted), PostButtons.THREAD).path("data").toString())));

        assertEquals(Map.of("thumbsup", 1), thread(refIn(posted)).root().reactions());
        assertTrue(again.path("value").toString().contains(":thumbsup: 1"), again.toString());
        assertTrue(opened.path("value").toString().contains("Thread in data-guild"), opened.toString());
    }

    @Test
    void postButtonWithAForgedPostName_isNotCiments_andRunsNothing() {
        JsonNode answer = invoke(from(grace).cardAction(PostButtons.REACT,
                Map.of("ref", "#01JD0000000000000000000000 leave data-guild", "emoji", "thumbsup")));

        assertEquals(CardActions.MESSAGE_TYPE, answer.path("type").asText());
        assertTrue(answer.path("value").asText().contains("not one of Ciment's"), answer.toString());
        assertTrue(say(grace, "feed data-guild").attachmentContents().toString().contains("data-guild"));
    }

    @Test
    void saveToCommunity_dialog_choosesAmongMyCommunities() {
        JsonNode answer = invoke(from(grace).fetchTask(SaveToCommunity.COMMAND,
                TeamsActivities.messagePayload("1700000000200", "Ada Lovelace", "<p>Notes</p>")));

        assertEquals("continue", answer.path("task").path("type").asText());
        JsonNode card = answer.path("task").path("value").path("card").path("content");
        JsonNode choices = card.findParents("choices").get(0);
        assertEquals("slug", choices.path("id").asText());
        assertEquals(List.of("data-guild"), choices.path("choices").findValuesAsText("value"));
    }

    @Test
    void saveToCommunity_dialog_forSomeoneInNoCommunity_saysToJoinOneFirst() {
        FakeBotFramework.Member linus = teams.member("linus", "Linus", TENANT);
        say(linus, "whoami"); // met, in no community

        JsonNode answer = invoke(from(linus).fetchTask(SaveToCommunity.COMMAND,
                TeamsActivities.messagePayload("1700000000201", "Ada Lovelace", "<p>Notes</p>")));

        assertTrue(answer.path("task").path("value").path("card").toString().contains("join one first"),
                answer.toString());
    }

    @Test
    void saveToCommunity_submitted_savesTheMessageCreditedToItsAuthor_andSaysWhere() {
        Map<String, Object> message = TeamsActivities.messagePayload("1700000000202", "Alan Turing",
                "<p>The build moves to <b>Fridays</b>&nbsp;from now on, <at id=\"0\">Ada</at>.</p>");

        JsonNode answer = invoke(from(grace).submitAction(SaveToCommunity.COMMAND, Map.of("slug", "data-guild"),
                message));

        assertEquals("message", answer.path("task").path("type").asText());
        String saved = answer.path("task").path("value").asText();
        assertTrue(saved.matches("Saved as #[0-9A-Z]{26} in data-guild\\."), saved);
        assertEquals("Alan Turing in Teams: The build moves to Fridays from now on, Ada.",
                thread(saved.split(" ")[2]).root().text());
    }

    @Test
    void saveToCommunity_toACommunityIAmNotIn_isRefused_andSavesNothing() {
        say(ada, "create secret-club Closed door");
        say(ada, "close secret-club");

        JsonNode answer = invoke(from(grace).submitAction(SaveToCommunity.COMMAND, Map.of("slug", "secret-club"),
                TeamsActivities.messagePayload("1700000000203", "Ada Lovelace", "<p>Hush</p>")));

        String refused = answer.path("task").path("value").asText();
        assertFalse(refused.startsWith("Saved"), refused);
        assertTrue(refused.endsWith("."), refused);
    }

    @Test
    void saveToCommunity_bySomeoneCimentHasNotMet_asksThemToSayHelloFirst_withoutAskingTeams() {
        FakeBotFramework.Member stranger = teams.member("new", "New", TENANT);
        int lookups = fake.memberLookups().size();

        JsonNode answer = invoke(from(stranger).fetchTask(SaveToCommunity.COMMAND,
                TeamsActivities.messagePayload("1700000000204", "Ada Lovelace", "<p>Notes</p>")));

        assertTrue(answer.path("task").path("value").asText().contains("help"), answer.toString());
        assertEquals(lookups, fake.memberLookups().size(), "no Bot Connector call within Teams' 5 seconds");
    }

    private static Map<String, Integer> withoutZeros(Map<String, Integer> counts) {
        Map<String, Integer> kept = new LinkedHashMap<>();
        counts.forEach((emoji, count) -> {
            if (count > 0) {
                kept.put(emoji, count);
            }
        });
        return kept;
    }
}
