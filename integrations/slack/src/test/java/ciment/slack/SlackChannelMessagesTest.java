package ciment.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.core.Ciment;
import ciment.core.config.Settings;
import ciment.core.model.Caller;
import ciment.core.model.ChatAccount;
import ciment.core.model.Introduction;
import ciment.core.model.Platform;
import ciment.core.model.Post;
import ciment.core.port.Repositories;
import ciment.core.reply.Reply;
import ciment.core.testing.InMemoryRepositories;
import ciment.devkit.slack.FakeSlackApi;
import ciment.devkit.slack.SlackInteractions;
import ciment.devkit.slack.SlashCommands;
import ciment.slack.auth.AllowedWorkspaces;
import ciment.slack.auth.SlackSettings;
import com.slack.api.bolt.App;
import com.slack.api.bolt.response.Response;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Messages of a linked Slack channel through Bolt on signed events: they become posts, their edits and
 * deletions follow, reactions on them count; Ciment's own messages and unlinked channels are let be.
 */
class SlackChannelMessagesTest {
    private static final String SECRET = "test-signing-secret";
    private static final String LINKED = "C0LINKED01";
    private static final String UNLINKED = "C0ELSEWHRE";

    private final FakeSlackApi slackApi = FakeSlackApi.start()
            .addUser("U0ADA", "Ada Lovelace", "ada", "ada@example.com")
            .addUser("U0BOB", "Bob Byte", "bob", "bob@example.com");
    private final SlackInteractions slack = new SlackInteractions(SECRET, FakeSlackApi.TEAM_ID);
    private final SlashCommands commands = new SlashCommands(SECRET, FakeSlackApi.TEAM_ID);
    private final Repositories store = InMemoryRepositories.create();
    private final Ciment ciment = new Ciment(store, Clock.systemUTC());
    private final App app = CimentSlackApp.create(Settings.of(Map.of(SlackSettings.SIGNING_SECRET, SECRET, AllowedWorkspaces.SETTING, "*",
            SlackSettings.API_URL, slackApi.baseUrl(), SlackSettings.BOT_TOKEN, "xoxb-test")), () -> ciment,
            Clock.systemUTC());
    private long micros;

    @AfterEach
    void stop() {
        slackApi.close();
    }

    private Response send(SlashCommands.Signed signed) throws Exception {
        return BoltRequests.ok(app, signed);
    }

    private String say(String userId, String text, String channel) throws Exception {
        return send(commands.sign(commands.command(userId, userId.toLowerCase(), text).inChannel(channel, "general"),
                Instant.now())).getBody();
    }

    private String ts() {
        return Instant.now().getEpochSecond() + String.format(".%06d", ++micros);
    }

    private void event(Map<String, Object> event) throws Exception {
        send(slack.event(event, SlackInteractions.newEventId(), Instant.now()));
    }

    private static Caller ada() {
        return new Caller(new ChatAccount(Platform.SLACK, FakeSlackApi.TEAM_ID, "U0ADA"), () -> Introduction.named("Ada"),
                null, Instant.now());
    }

    private Optional<Reply.Thread> threadOf(String channel, String ts) {
        return ciment.postShownBy(Platform.SLACK, channel, ts)
                .map(post -> (Reply.Thread) ciment.handle(ada(), "thread " + post));
    }

    private void linkedCommunity() throws Exception {
        say("U0ADA", "create data-guild Data people", "D0U0ADA");
        assertTrue(say("U0ADA", "link data-guild", LINKED).contains("Linked #general in Slack to data-guild"));
    }

    @Test
    void linkTypedInADirectMessage_linksNothing() throws Exception {
        say("U0ADA", "create data-guild Data people", "D0U0ADA");

        assertFalse(say("U0ADA", "link data-guild", "D0U0ADA").contains("Linked"));
    }

    @Test
    void messageInALinkedChannel_becomesAPost_byItsWriter_once_whenTheEventComesTwice() throws Exception {
        linkedCommunity();
        String ts = ts();
        Map<String, Object> message = SlackInteractions.message("U0BOB", LINKED, ts, null, "Pipelines &amp; dashboards");

        event(message);
        event(message);

        Reply.Thread thread = threadOf(LINKED, ts).orElseThrow();
        assertEquals("Pipelines & dashboards", thread.root().text());
        assertEquals("bob", thread.root().authorName(), "the display name users.info gives");
        Reply feed = ciment.handle(ada(), "feed data-guild");
        assertEquals(1, feed.toString().split("Pipelines & dashboards", -1).length - 1, feed.toString());
    }

    @Test
    void messageInAnUnlinkedChannel_orCarryingCimentsMetadata_isLetBe() throws Exception {
        linkedCommunity();
        String elsewhere = ts();
        event(SlackInteractions.message("U0BOB", UNLINKED, elsewhere, null, "Not for Ciment"));
        String copy = ts();
        Map<String, Object> ours = new HashMap<>(SlackInteractions.message("U0BOB", LINKED, copy, null, "A copy"));
        ours.put("metadata", Map.of("event_type", "ciment_post", "event_payload", Map.of("post", "#01JD0000000000000000000000")));
        event(ours);

        assertEquals(Optional.empty(), ciment.postShownBy(Platform.SLACK, UNLINKED, elsewhere));
        assertEquals(Optional.empty(), ciment.postShownBy(Platform.SLACK, LINKED, copy));
    }

    @Test
    void edit_changesThePost_butAChangeThatLeavesTheTextAlone_isNoEdit() throws Exception {
        linkedCommunity();
        String ts = ts();
        event(SlackInteractions.message("U0BOB", LINKED, ts, null, "Standup at 9:30"));

        event(SlackInteractions.messageChanged("U0BOB", LINKED, ts, null, "Standup at 9:30", "Standup at 9:30", ts()));
        assertFalse(threadOf(LINKED, ts).orElseThrow().root().edited(), "an unfurl is no edit");

        event(SlackInteractions.messageChanged("U0BOB", LINKED, ts, null, "Standup at 9:30", "Standup at 10:00", ts()));
        assertEquals("Standup at 10:00", threadOf(LINKED, ts).orElseThrow().root().text());
    }

    @Test
    void deletion_removesThePost() throws Exception {
        linkedCommunity();
        String ts = ts();
        event(SlackInteractions.message("U0BOB", LINKED, ts, null, "Oops, wrong channel"));

        event(SlackInteractions.messageDeleted("U0BOB", LINKED, ts, null, "Oops, wrong channel", ts()));

        assertFalse(ciment.handle(ada(), "feed data-guild").toString().contains("Oops, wrong channel"));
    }

    @Test
    void deletionOfAFirstMessageWithReplies_slacksTombstone_removesThePost_andNoEditIsMadeAsSlackbot() throws Exception {
        linkedCommunity();
        String ts = ts();
        event(SlackInteractions.message("U0BOB", LINKED, ts, null, "Who has the key?"));
        event(SlackInteractions.message("U0ADA", LINKED, ts(), ts, "I do"));

        event(SlackInteractions.messageTombstoned("U0BOB", LINKED, ts, "Who has the key?", ts()));

        assertTrue(threadOf(LINKED, ts).orElseThrow().root().isRemoved());
        assertTrue(slackApi.calls("chat.postEphemeral").isEmpty(), "nobody is told anything");
    }

    @Test
    void reactionOnAPersonsMessageInALinkedChannel_countsOnItsPost() throws Exception {
        linkedCommunity();
        String ts = ts();
        event(SlackInteractions.message("U0BOB", LINKED, ts, null, "Release is out"));

        send(slack.reaction(true, "U0ADA", "tada", LINKED, ts, "U0BOB", Instant.now()));

        assertEquals(Map.of("tada", 1), threadOf(LINKED, ts).orElseThrow().root().reactions());
    }

    @Test
    void messageTooLong_isToldToItsWriterAlone_andMakesNoPost() throws Exception {
        linkedCommunity();
        String ts = ts();

        event(SlackInteractions.message("U0BOB", LINKED, ts, null, "x".repeat(20_000)));

        FakeSlackApi.Call told = slackApi.calls("chat.postEphemeral").getLast();
        assertEquals("U0BOB", told.param("user"));
        assertEquals(LINKED, told.param("channel"));
        assertTrue(told.param("text").startsWith("Not saved in Ciment"), told.param("text"));
        assertEquals(Optional.empty(), ciment.postShownBy(Platform.SLACK, LINKED, ts));
    }

    /** A message event of this subtype, as Slack sends one (the message's fields, plus what the subtype adds). */
    private static Map<String, Object> subtyped(String subtype, String userId, String ts, String threadTs, String text) {
        Map<String, Object> event = new HashMap<>(SlackInteractions.message(userId, LINKED, ts, threadTs, text));
        event.put("subtype", subtype);
        return event;
    }

    @Test
    void threadReplyAlsoSentToTheChannel_becomesAReplyToTheThreadsPost_notASecondPost() throws Exception {
        linkedCommunity();
        String root = ts();
        event(SlackInteractions.message("U0BOB", LINKED, root, null, "Who has the deploy key?"));
        String broadcast = ts();
        Map<String, Object> event = subtyped("thread_broadcast", "U0ADA", broadcast, root, "I do, asking IT to share it");
        event.put("root", Map.of("type", "message", "user", "U0BOB", "text", "Who has the deploy key?", "ts", root));

        event(event);
        event(event); // a retried delivery

        Reply.Thread thread = threadOf(LINKED, root).orElseThrow();
        assertEquals(List.of("I do, asking IT to share it"), thread.replies().stream().map(Post::text).toList());
        String reply = ciment.postShownBy(Platform.SLACK, LINKED, broadcast).orElseThrow();
        assertTrue(reply.startsWith("#" + thread.root().id() + "/"), "a reply's reference, not a post's: " + reply);
    }

    @Test
    void messageWithFiles_becomesAPost_ofItsTextAndEachFilesNameAndLink() throws Exception {
        linkedCommunity();
        String ts = ts();
        Map<String, Object> event = subtyped("file_share", "U0BOB", ts, null, "Q3 numbers attached");
        event.put("files", List.of(
                Map.of("id", "F0Q3", "name", "q3.xlsx", "title", "Q3", "permalink", "https://example.slack.com/files/U0BOB/F0Q3/q3.xlsx"),
                Map.of("id", "F0CHART", "name", "chart.png", "title", "Chart",
                        "permalink", "https://example.slack.com/files/U0BOB/F0CHART/chart.png")));

        event(event);

        assertEquals("Q3 numbers attached\nq3.xlsx https://example.slack.com/files/U0BOB/F0Q3/q3.xlsx"
                        + "\nchart.png https://example.slack.com/files/U0BOB/F0CHART/chart.png",
                threadOf(LINKED, ts).orElseThrow().root().text());
    }

    @Test
    void fileWithoutText_becomesAPost_ofItsNameAndLink() throws Exception {
        linkedCommunity();
        String ts = ts();
        Map<String, Object> event = subtyped("file_share", "U0BOB", ts, null, "");
        event.put("files", List.of(Map.of("id", "F0MAP", "name", "map.pdf",
                "permalink", "https://example.slack.com/files/U0BOB/F0MAP/map.pdf")));

        event(event);

        assertEquals("map.pdf https://example.slack.com/files/U0BOB/F0MAP/map.pdf",
                threadOf(LINKED, ts).orElseThrow().root().text());
    }

    @Test
    void otherSubtypes_aJoinOrABotsMessage_areLetBe() throws Exception {
        linkedCommunity();
        String joined = ts();
        event(subtyped("channel_join", "U0BOB", joined, null, "<@U0BOB> has joined the channel"));
        String bot = ts();
        Map<String, Object> botMessage = subtyped("bot_message", null, bot, null, "Build #42 passed");
        botMessage.remove("user");
        botMessage.put("bot_id", "B0CI");
        event(botMessage);

        assertEquals(Optional.empty(), ciment.postShownBy(Platform.SLACK, LINKED, joined));
        assertEquals(Optional.empty(), ciment.postShownBy(Platform.SLACK, LINKED, bot));
        assertFalse(ciment.handle(ada(), "feed data-guild").toString().contains("Build #42"));
    }
}
