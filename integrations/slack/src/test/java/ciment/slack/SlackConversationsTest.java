package ciment.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.core.Ciment;
import ciment.core.config.Settings;
import ciment.core.model.Caller;
import ciment.core.model.ChatAccount;
import ciment.core.model.Introduction;
import ciment.core.model.Notice;
import ciment.core.model.Platform;
import ciment.core.model.Post;
import ciment.core.model.Recipient;
import ciment.core.port.Repositories;
import ciment.core.reply.Reply;
import ciment.core.testing.InMemoryRepositories;
import ciment.devkit.slack.FakeSlackApi;
import ciment.devkit.slack.SlackInteractions;
import ciment.devkit.slack.SlashCommands;
import ciment.slack.auth.AllowedWorkspaces;
import ciment.slack.auth.SlackSettings;
import ciment.slack.inbound.ConversationEvents;
import ciment.slack.outbound.SlackDirectory;
import ciment.slack.outbound.SlackNoticeSender;
import ciment.slack.render.PostMenu;
import ciment.slack.render.ReplyModal;
import ciment.slack.render.SaveModal;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.bolt.App;
import com.slack.api.bolt.response.Response;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Conversations in Slack through Bolt on signed requests: each post's menu and the Reply modal, reactions
 * and thread replies on Ciment's messages about a post, notices about a post, and Save to community.
 */
class SlackConversationsTest {
    private static final String SECRET = "test-signing-secret";
    private static final String TOKEN = "xoxb-test-token";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern REFERENCE = Pattern.compile("#[0-9A-Z]{26}(/[0-9A-Z]{26})?");

    private final FakeSlackApi slackApi = FakeSlackApi.start()
            .addUser("U0ADA", "Ada Lovelace", "ada", "ada@example.com")
            .addUser("U0BOB", "Bob Byte", "bob", "bob@example.com")
            .addUser("U0CAT", "Cat Cobol", "cat", "cat@example.com");
    private final SlackInteractions slack = new SlackInteractions(SECRET, FakeSlackApi.TEAM_ID);
    private final SlashCommands commands = new SlashCommands(SECRET, FakeSlackApi.TEAM_ID);
    private final Repositories store = InMemoryRepositories.create();
    private final Ciment ciment = new Ciment(store, Clock.systemUTC());
    private final App app = CimentSlackApp.create(Settings.of(Map.of(SlackSettings.SIGNING_SECRET, SECRET, AllowedWorkspaces.SETTING, "*",
            SlackSettings.API_URL, slackApi.baseUrl(), SlackSettings.BOT_TOKEN, TOKEN)), () -> ciment, Clock.systemUTC());
    private final SlackNoticeSender notices = new SlackNoticeSender(Settings.of(Map.of(
            SlackSettings.BOT_TOKEN, TOKEN, SlackSettings.API_URL, slackApi.baseUrl())));

    @AfterEach
    void stop() {
        slackApi.close();
    }

    private Response send(SlashCommands.Signed signed) throws Exception {
        return BoltRequests.ok(app, signed);
    }

    private String say(String userId, String text) throws Exception {
        return send(commands.sign(commands.command(userId, userId.toLowerCase(), text), Instant.now())).getBody();
    }

    private static String reference(String text) {
        Matcher found = REFERENCE.matcher(text);
        assertTrue(found.find(), "no post reference in " + text);
        return found.group();
    }

    private static Caller caller(String userId) {
        return new Caller(new ChatAccount(Platform.SLACK, FakeSlackApi.TEAM_ID, userId), () -> Introduction.named(userId),
                null, Instant.now());
    }

    private Reply.Thread thread(String reference) {
        Reply answer = ciment.handle(caller("U0ADA"), "thread " + PostMenu.rootOf(reference));
        assertTrue(answer instanceof Reply.Thread, answer.toString());
        return (Reply.Thread) answer;
    }

    /** A community of Ada's with Bob in it, and a post of Ada's there; its reference. */
    private String postOfAda() throws Exception {
        say("U0ADA", "create data-guild Data people");
        say("U0BOB", "join data-guild");
        return reference(say("U0ADA", "post data-guild Who knows a good SQL formatter?"));
    }

    /** Ciment's DM to Bob about the post, as the delivery function sends it: its channel and ts. */
    private String[] noticeToBobAbout(String reference) throws Exception {
        notices.send(Notice.aboutPost("01NOTICE", Recipient.direct(new ChatAccount(Platform.SLACK, FakeSlackApi.TEAM_ID,
                "U0BOB"), null), "Ada mentioned you in data-guild", Instant.now(), reference));
        FakeSlackApi.Call posted = slackApi.calls("chat.postMessage").getLast();
        assertEquals("U0BOB", posted.param("channel"));
        return new String[] {"D0U0BOB", slackApi.messages("D0U0BOB").getLast().ts()};
    }

    private static String json(Object value) throws Exception {
        return JSON.writeValueAsString(value);
    }

    @Test
    void feed_showsAMenuOnEachPost_withReplyThreadAndReact_butNoneOnAHiddenPost() throws Exception {
        String post = postOfAda();
        String hidden = reference(say("U0BOB", "post data-guild Buy my course"));
        say("U0ADA", "hide " + hidden + " advertising");

        String feed = say("U0BOB", "feed data-guild");

        assertTrue(feed.contains("\"action_id\":\"ciment_post_menu\""), feed);
        assertTrue(feed.contains("\"value\":" + json(new PostMenu.Choice("reply", post, null).value()))
                && feed.contains("\"value\":" + json(new PostMenu.Choice("thread", post, null).value()))
                && feed.contains("\"value\":" + json(new PostMenu.Choice("react", post, "thumbsup").value())), feed);
        assertFalse(feed.contains(json(new PostMenu.Choice("reply", hidden, null).value())), feed);
    }

    @Test
    void replyChosenInAPostsMenu_opensTheReplyModal_carryingTheThreadAndTheChannel() throws Exception {
        String post = postOfAda();

        send(slack.messageOverflow("U0BOB", PostMenu.MENU, "reply " + post, slackApi.responseUrl("r1"), Instant.now()));

        FakeSlackApi.Call opened = slackApi.calls("views.open").getLast();
        assertEquals(ReplyModal.CALLBACK_ID, opened.json("view").get("callback_id"));
        assertEquals(post + " C0GENERAL1", opened.json("view").get("private_metadata"));
        assertTrue(json(opened.json("view")).contains("\"multiline\":true"), opened.body());
    }

    @Test
    void replyModalSubmitted_repliesInTheThread_andTheModalSaysReplied() throws Exception {
        String post = postOfAda();

        Response response = send(slack.submission("U0BOB", ReplyModal.CALLBACK_ID, "V0MODAL1", post + " C0GENERAL1",
                Map.of(ReplyModal.TEXT, SlackInteractions.text(ReplyModal.TEXT, "sqlfluff does it")), Instant.now()));

        assertTrue(response.getBody().contains("\"response_action\":\"update\"") && response.getBody().contains("Replied #"),
                response.getBody());
        Reply.Thread thread = thread(post);
        assertEquals(1, thread.replies().size());
        assertTrue(thread.replies().getFirst().text().equals("sqlfluff does it"), thread.toString());
    }

    @Test
    void replyModalSubmitted_byNonMember_isRefusedOnTheField_andNothingIsWritten() throws Exception {
        String post = postOfAda();
        say("U0ADA", "close data-guild");
        say("U0CAT", "help");

        Response response = send(slack.submission("U0CAT", ReplyModal.CALLBACK_ID, "V0MODAL1", post,
                Map.of(ReplyModal.TEXT, SlackInteractions.text(ReplyModal.TEXT, "me too")), Instant.now()));

        assertTrue(response.getBody().contains("\"response_action\":\"errors\"")
                && response.getBody().contains("\"" + ReplyModal.TEXT + "\""), response.getBody());
        assertTrue(thread(post).replies().isEmpty());
    }

    @Test
    void openThreadChosenInAPostsMenu_answersWithTheThread_throughTheResponseUrl() throws Exception {
        String post = postOfAda();
        ciment.handle(caller("U0BOB"), "reply " + post + " sqlfluff");

        send(slack.messageOverflow("U0BOB", PostMenu.MENU, "thread " + post, slackApi.responseUrl("t1"), Instant.now()));

        FakeSlackApi.Call answered = slackApi.calls("response_url").getLast();
        assertTrue(answered.body().contains("Thread in data-guild") && answered.body().contains("sqlfluff"),
                answered.body());
        assertEquals("ephemeral", answered.param("response_type"));
    }

    @Test
    void reactChosenInAPostsMenu_countsAThumbsUpOnThePost() throws Exception {
        String post = postOfAda();

        send(slack.messageOverflow("U0BOB", PostMenu.MENU, "react " + post + " thumbsup", slackApi.responseUrl("x1"),
                Instant.now()));

        assertEquals(Map.of("thumbsup", 1), thread(post).root().reactions());
    }

    @Test
    void noticeAboutAPost_carriesItsMetadata_andOpenThreadAndReplyButtons() throws Exception {
        String post = postOfAda();

        noticeToBobAbout(post);

        FakeSlackApi.Call posted = slackApi.calls("chat.postMessage").getLast();
        assertEquals(Map.of("event_type", "ciment_post", "event_payload", Map.of("post", post)), posted.json("metadata"));
        assertTrue(posted.param("blocks").contains("\"action_id\":\"ciment_thread\"")
                && posted.param("blocks").contains("\"action_id\":\"ciment_reply_open\""), posted.param("blocks"));
    }

    @Test
    void openThreadClickedInANotice_answersWithTheThread_throughTheResponseUrl() throws Exception {
        String post = postOfAda();
        String reply = ((Reply.Posted) ciment.handle(caller("U0BOB"), "reply " + post + " sqlfluff")).post().reference();

        send(slack.buttonIn("D0U0BOB", "U0BOB", PostMenu.THREAD, reply, slackApi.responseUrl("n1"), Instant.now()));

        assertTrue(slackApi.calls("response_url").getLast().body().contains("Thread in data-guild"));
    }

    @Test
    void replyClickedInANotice_opensTheReplyModal_forTheThreadsFirstPost() throws Exception {
        String post = postOfAda();
        String reply = ((Reply.Posted) ciment.handle(caller("U0BOB"), "reply " + post + " sqlfluff")).post().reference();

        send(slack.buttonIn("D0U0BOB", "U0BOB", PostMenu.REPLY, reply, slackApi.responseUrl("n2"), Instant.now()));

        assertEquals(post + " D0U0BOB", slackApi.calls("views.open").getLast().json("view").get("private_metadata"));
    }

    @Test
    void reactionAddedThenRemoved_onCimentsMessageAboutAPost_countsThenUncountsIt_withSlacksPlusOneAsThumbsUp()
            throws Exception {
        String post = postOfAda();
        String[] message = noticeToBobAbout(post);

        send(slack.reaction(true, "U0BOB", "+1::skin-tone-3", message[0], message[1], FakeSlackApi.BOT_USER_ID,
                Instant.now()));
        assertEquals(Map.of("thumbsup", 1), thread(post).root().reactions());
        FakeSlackApi.Call read = slackApi.calls("conversations.history").getLast();
        assertEquals(message[1], read.param("latest"));
        assertEquals(message[1], read.param("oldest"));
        assertTrue(List.of("1", "true").contains(read.param("include_all_metadata")), read.params().toString());

        send(slack.reaction(false, "U0BOB", "+1", message[0], message[1], FakeSlackApi.BOT_USER_ID, Instant.now()));
        assertTrue(thread(post).root().reactions().getOrDefault("thumbsup", 0) == 0, thread(post).toString());
    }

    @Test
    void reactionOnAMessageWithoutMetadata_readsIt_butWritesNothing() throws Exception {
        String post = postOfAda();
        slackApi.addMessage(new FakeSlackApi.Message("C0GENERAL1", "1600000000.000100", null,
                FakeSlackApi.BOT_USER_ID, FakeSlackApi.BOT_ID, "an old message", null));

        send(slack.reaction(true, "U0BOB", "tada", "C0GENERAL1", "1600000000.000100", FakeSlackApi.BOT_USER_ID,
                Instant.now()));

        assertEquals(1, slackApi.calls("conversations.history").size());
        assertTrue(thread(post).root().reactions().isEmpty());
        assertTrue(slackApi.calls("chat.postMessage").isEmpty() && slackApi.calls("chat.postEphemeral").isEmpty());
    }

    @Test
    void reactionOnSomeoneElsesMessage_orByTheBot_isNotEvenRead() throws Exception {
        String post = postOfAda();
        String[] message = noticeToBobAbout(post);

        send(slack.reaction(true, "U0BOB", "tada", "C0GENERAL1", "1600000000.000100", "U0ADA", Instant.now()));
        send(slack.reaction(true, FakeSlackApi.BOT_USER_ID, "tada", message[0], message[1], FakeSlackApi.BOT_USER_ID,
                Instant.now()));

        assertTrue(slackApi.calls("conversations.history").isEmpty(), slackApi.calls().toString());
        assertTrue(thread(post).root().reactions().isEmpty());
    }

    @Test
    void replyInTheThreadOfCimentsMessage_becomesAReply_andTheSameEventRetried_makesNoSecond() throws Exception {
        String post = postOfAda();
        String[] message = noticeToBobAbout(post);
        Instant now = Instant.now();
        String eventId = SlackInteractions.newEventId();
        SlashCommands.Signed event = slack.event(SlackInteractions.message("U0BOB", message[0], "1700000100.000200",
                message[1], "sqlfluff &amp; <@U0ADA> agree"), eventId, now);

        send(event);
        send(slack.event(SlackInteractions.message("U0BOB", message[0], "1700000100.000200", message[1],
                "sqlfluff &amp; <@U0ADA> agree"), eventId, now).withHeader("X-Slack-Retry-Num", "1")
                .withHeader("X-Slack-Retry-Reason", "http_timeout"));

        Reply.Thread thread = thread(post);
        assertEquals(1, thread.replies().size(), thread.toString());
        assertEquals("sqlfluff & <@U0ADA> agree", thread.replies().getFirst().text());
        assertEquals(1, thread.root().replyCount());
    }

    @Test
    void threadReplyUnderAMessageWithoutMetadata_orATopLevelMessage_writesNothing() throws Exception {
        String post = postOfAda();
        slackApi.addMessage(FakeSlackApi.Message.byPerson("C0GENERAL1", "1600000000.000100", null, "U0ADA", "lunch?"));

        send(slack.event(SlackInteractions.message("U0BOB", "C0GENERAL1", "1600000001.000100", "1600000000.000100",
                "yes"), SlackInteractions.newEventId(), Instant.now()));
        send(slack.event(SlackInteractions.message("U0BOB", "C0GENERAL1", "1600000002.000100", null, "hello"),
                SlackInteractions.newEventId(), Instant.now()));

        assertTrue(thread(post).replies().isEmpty());
        assertTrue(slackApi.calls("chat.postEphemeral").isEmpty());
    }

    @Test
    void threadReplyByNonMember_isRefused_toTheWriterAlone_andWritesNothing() throws Exception {
        String post = postOfAda();
        say("U0ADA", "close data-guild");
        notices.send(Notice.aboutPost("01NOTICE", Recipient.direct(new ChatAccount(Platform.SLACK, FakeSlackApi.TEAM_ID,
                "U0CAT"), null), "Ada mentioned you", Instant.now(), post));
        String noticeTs = slackApi.messages("D0U0CAT").getLast().ts();

        send(slack.event(SlackInteractions.message("U0CAT", "D0U0CAT", "1700000100.000300", noticeTs,
                "me too"), SlackInteractions.newEventId(), Instant.now()));

        assertTrue(thread(post).replies().isEmpty());
        FakeSlackApi.Call told = slackApi.calls("chat.postEphemeral").getLast();
        assertEquals("U0CAT", told.param("user"));
        assertEquals(noticeTs, told.param("thread_ts"));
    }

    @Test
    void saveToCommunity_opensAtOnce_thenOffersMyCommunities() throws Exception {
        say("U0ADA", "create data-guild Data people");
        say("U0ADA", "create sql-club SQL people");

        send(slack.messageShortcut("U0ADA", SaveModal.CALLBACK_ID, "trigger-save-1", "C0GENERAL1",
                Map.of("type", "message", "ts", "1600000000.000100", "user", "U0BOB", "text", "Use sqlfluff"),
                slackApi.responseUrl("s1"), Instant.now()));

        assertEquals("views.open", slackApi.calls().stream().filter(c -> c.method().startsWith("views."))
                .findFirst().orElseThrow().method());
        String form = json(slackApi.calls("views.update").getLast().json("view"));
        assertTrue(form.contains("data-guild") && form.contains("sql-club") && form.contains("static_select"), form);
        assertTrue(form.contains("Use sqlfluff") && form.contains("C0GENERAL1"), form);
    }

    @Test
    void saveToCommunity_withoutAnyCommunity_saysToJoinOneFirst() throws Exception {
        say("U0CAT", "help");

        send(slack.messageShortcut("U0CAT", SaveModal.CALLBACK_ID, "trigger-save-2", "C0GENERAL1",
                Map.of("type", "message", "ts", "1600000000.000100", "user", "U0BOB", "text", "Use sqlfluff"),
                slackApi.responseUrl("s2"), Instant.now()));

        String view = json(slackApi.calls("views.update").getLast().json("view"));
        assertTrue(view.contains("join one") && !view.contains("static_select"), view);
    }

    @Test
    void saveToCommunity_ofAThread_savesThePostAndItsReplies_creditedToTheirAuthors() throws Exception {
        say("U0ADA", "create data-guild Data people");
        slackApi.addMessage(FakeSlackApi.Message.byPerson("C0GENERAL1", "1600000000.000100", null, "U0BOB",
                "Which SQL formatter?"));
        slackApi.addMessage(FakeSlackApi.Message.byPerson("C0GENERAL1", "1600000001.000100", "1600000000.000100",
                "U0CAT", "sqlfluff"));
        slackApi.addMessage(FakeSlackApi.Message.byPerson("C0GENERAL1", "1600000002.000100", "1600000000.000100",
                "U0BOB", "thanks &amp; done"));
        String metadata = new SaveModal.Saved("C0GENERAL1", "1600000000.000100", true, "U0BOB", null,
                "Which SQL formatter?", false).metadata();

        Response response = send(slack.submission("U0ADA", SaveModal.CALLBACK_ID, "V0MODAL1", metadata,
                Map.of(SaveModal.COMMUNITY, SlackInteractions.select(SaveModal.COMMUNITY, "data-guild")), Instant.now()));

        assertTrue(response.getBody().contains("\"response_action\":\"update\"")
                && response.getBody().contains("in data-guild, with 2 replies"), response.getBody());
        Reply.Thread thread = thread(reference(response.getBody()));
        assertEquals("bob in Slack: Which SQL formatter?", thread.root().text());
        assertEquals(List.of("cat in Slack: sqlfluff", "bob in Slack: thanks & done"),
                thread.replies().stream().map(Post::text).toList());
    }

    @Test
    void saveToCommunity_inACommunityImNotIn_isRefusedOnTheSelect_andNothingIsWritten() throws Exception {
        say("U0ADA", "create data-guild Data people");
        say("U0CAT", "help");
        String metadata = new SaveModal.Saved("C0GENERAL1", "1600000000.000100", false, "U0BOB", null,
                "Use sqlfluff", false).metadata();

        Response response = send(slack.submission("U0CAT", SaveModal.CALLBACK_ID, "V0MODAL1", metadata,
                Map.of(SaveModal.COMMUNITY, SlackInteractions.select(SaveModal.COMMUNITY, "data-guild")), Instant.now()));

        assertTrue(response.getBody().contains("\"response_action\":\"errors\"")
                && response.getBody().contains("\"" + SaveModal.COMMUNITY + "\""), response.getBody());
        Reply feed = ciment.handle(caller("U0ADA"), "feed data-guild");
        assertTrue(((Reply.Feed) feed).posts().isEmpty(), feed.toString());
    }

    @Test
    void saveToCommunity_ofAThreadCimentCannotRead_savesTheMessageAlone_andSaysWhy() throws Exception {
        say("U0ADA", "create data-guild Data people");
        slackApi.refuse("conversations.replies", "C0PRIVATE1", "not_in_channel");
        String metadata = new SaveModal.Saved("C0PRIVATE1", "1600000000.000100", true, "U0BOB", null,
                "Which SQL formatter?", false).metadata();

        Response response = send(slack.submission("U0ADA", SaveModal.CALLBACK_ID, "V0MODAL1", metadata,
                Map.of(SaveModal.COMMUNITY, SlackInteractions.select(SaveModal.COMMUNITY, "data-guild")), Instant.now()));

        assertTrue(response.getBody().contains("with 0 replies") && response.getBody().contains("add Ciment to the channel"),
                response.getBody());
        Reply.Thread thread = thread(reference(response.getBody()));
        assertEquals("bob in Slack: Which SQL formatter?", thread.root().text());
        assertTrue(thread.replies().isEmpty());
    }

    @Test
    void reactChosenInTheHomesMenu_reacts_andDrawsTheHomeAgainWithTheAnswer() throws Exception {
        String post = postOfAda();

        send(slack.homeOverflow("U0BOB", PostMenu.MENU, "react " + post + " thumbsup", Instant.now()));

        assertEquals(Map.of("thumbsup", 1), thread(post).root().reactions());
        String home = json(slackApi.calls("views.publish").getLast().json("view"));
        assertTrue(home.contains("Reacted :thumbsup:"), home);
    }

    @Test
    void openThreadChosenInTheHomesMenu_showsTheThreadInAModal() throws Exception {
        String post = postOfAda();
        ciment.handle(caller("U0BOB"), "reply " + post + " sqlfluff");

        send(slack.homeOverflow("U0BOB", PostMenu.MENU, "thread " + post, Instant.now()));

        String modal = json(slackApi.calls("views.open").getLast().json("view"));
        assertTrue(modal.contains("\"type\":\"modal\"") && modal.contains("Thread in data-guild")
                && modal.contains("sqlfluff"), modal);
    }

    @Test
    void saveModalMetadata_ofALongMessage_isCutToSlacksLimit_andSaysSo() {
        String text = "é<&>\"".repeat(2000);

        String metadata = new SaveModal.Saved("C0GENERAL1", "1600000000.000100", false, "U0BOB", null, text, false)
                .metadata();

        assertTrue(metadata.length() <= SaveModal.MAX_METADATA, String.valueOf(metadata.length()));
        SaveModal.Saved back = SaveModal.Saved.parse(metadata).orElseThrow();
        assertTrue(back.cut() && text.startsWith(back.text()), back.toString());
    }

    @Test
    void mentionsIn_givesEachPersonOnce_inOrder_asAccountOfTakesThem() {
        SlackDirectory directory = new SlackDirectory(FakeSlackApi.TEAM_ID);

        List<String> mentions = directory.mentionsIn("thanks <@U0BOB|bob> and <@W0CAT>, <@U0BOB> again, @ada <#C0GENERAL1>");

        assertEquals(List.of("<@U0BOB|bob>", "<@W0CAT>"), mentions);
        assertTrue(mentions.stream().allMatch(m -> directory.accountOf(m).isPresent()));
    }

    @Test
    void emoji_fromSlack_isNamedAsCimentNamesIt() {
        assertEquals("thumbsup", ConversationEvents.emoji("+1"));
        assertEquals("thumbsdown", ConversationEvents.emoji("-1::skin-tone-2"));
        assertEquals("wave", ConversationEvents.emoji("wave::skin-tone-5"));
        assertEquals("tada", ConversationEvents.emoji("tada"));
    }
}
