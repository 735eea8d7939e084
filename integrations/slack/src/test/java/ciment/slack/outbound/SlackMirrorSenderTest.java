package ciment.slack.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.core.config.Settings;
import ciment.core.i18n.Language;
import ciment.core.model.Channel;
import ciment.core.model.ChatAccount;
import ciment.core.model.Link;
import ciment.core.model.Person;
import ciment.core.model.Platform;
import ciment.core.model.Post;
import ciment.core.model.Slug;
import ciment.core.model.Ulid;
import ciment.core.port.MirrorSender;
import ciment.core.port.People;
import ciment.core.testing.InMemoryRepositories;
import ciment.devkit.slack.FakeSlackApi;
import ciment.slack.auth.SlackSettings;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Posts mirrored through Slack's real Web API client into the fake Slack Web API. */
class SlackMirrorSenderTest {
    /** Before the fake's message ts (each the time it is posted), so that findEarlier's window holds them. */
    private static final Instant AT = Instant.ofEpochSecond(1_699_999_990);
    private static final Slug SLUG = Slug.parse("data-guild");
    private static final Channel CHANNEL = new Channel(Platform.SLACK, FakeSlackApi.TEAM_ID, "C0MIRROR", "mirror", null);
    private static final Link LINK = new Link("01COMMUNITY", SLUG, CHANNEL, "U0ADA", AT);

    private final FakeSlackApi slackApi = FakeSlackApi.start();
    private final People people = InMemoryRepositories.create().people();
    private final SlackMirrorSender sender = new SlackMirrorSender(Settings.of(Map.of(
            SlackSettings.BOT_TOKEN, "xoxb-mirror", SlackSettings.API_URL, slackApi.baseUrl())), people);

    @AfterEach
    void stop() {
        slackApi.close();
    }

    private static Post fromTeams(String text) {
        return new Post(Ulid.random(AT), "01COMMUNITY", SLUG, "P0ADA", "Ada Lovelace", Platform.TEAMS, text, AT);
    }

    @Test
    void send_postsAsTheAuthor_viaTheOtherTool_withMetadataNamingThePost() throws Exception {
        Post post = fromTeams("Pipelines <b>fast</b> & cheap");

        String ts = sender.send(LINK, post, Optional.empty());

        FakeSlackApi.Call call = slackApi.calls("chat.postMessage").getFirst();
        assertEquals(ts, slackApi.messages("C0MIRROR").getFirst().ts());
        assertEquals("C0MIRROR", call.param("channel"));
        assertEquals("Ada Lovelace", call.param("username"));
        assertNull(call.param("icon_url"));
        assertNull(call.param("thread_ts"));
        assertEquals("Pipelines &lt;b&gt;fast&lt;/b&gt; &amp; cheap", call.param("text"));
        assertTrue(call.param("blocks").contains("via Teams · " + post.reference()), call.param("blocks"));
        assertEquals(Map.of("event_type", "ciment_post", "event_payload", Map.of("post", post.reference())),
                call.json("metadata"));
    }

    @Test
    void send_ofAnAuthorWithASlackAccountHere_showsTheirSlackPicture_lookedUpOncePerAuthor() throws Exception {
        slackApi.addUser("U0ADA", "Ada Lovelace", "ada", "ada@example.com");
        Person ada = people.enroll(new ChatAccount(Platform.SLACK, FakeSlackApi.TEAM_ID, "U0ADA"),
                new Person("P0ADA", "Ada Lovelace"), Optional.empty());

        sender.send(LINK, new Post(Ulid.random(AT), "01COMMUNITY", SLUG, ada.id(), "Ada Lovelace", Platform.SLACK,
                "First", AT), Optional.empty());
        sender.send(LINK, new Post(Ulid.random(AT), "01COMMUNITY", SLUG, ada.id(), "Ada Lovelace", Platform.SLACK,
                "Second", AT), Optional.empty());

        List<FakeSlackApi.Call> posted = slackApi.calls("chat.postMessage");
        assertEquals(FakeSlackApi.pictureOf("U0ADA"), posted.get(0).param("icon_url"));
        assertEquals(FakeSlackApi.pictureOf("U0ADA"), posted.get(1).param("icon_url"));
        assertEquals(1, slackApi.calls("users.info").size());
    }

    @Test
    void send_ofAnAuthorKnownInAnotherWorkspaceOnly_showsNoPicture() throws Exception {
        Person ada = people.enroll(new ChatAccount(Platform.SLACK, "T0ELSEWHERE", "U0ADA"),
                new Person("P0ADA", "Ada Lovelace"), Optional.empty());

        sender.send(LINK, new Post(Ulid.random(AT), "01COMMUNITY", SLUG, ada.id(), "Ada Lovelace", Platform.SLACK,
                "Hello", AT), Optional.empty());

        assertNull(slackApi.calls("chat.postMessage").getFirst().param("icon_url"));
        assertTrue(slackApi.calls("users.info").isEmpty());
    }

    @Test
    void send_ofAReply_goesIntoTheThreadOfItsFirstPostsCopy() throws Exception {
        Post root = fromTeams("Question?");
        String rootTs = sender.send(LINK, root, Optional.empty());
        Post reply = Post.reply(Ulid.random(AT), root.id(), "01COMMUNITY", SLUG, "P0BOB", "Bob", Platform.TEAMS,
                "Answer.", AT);

        sender.send(LINK, reply, Optional.of(rootTs));

        assertEquals(rootTs, slackApi.calls("chat.postMessage").getLast().param("thread_ts"));
    }

    @Test
    void update_showsTheReactionsLine_andAHiddenPostsReason_inTheSameMessage() throws Exception {
        Post post = fromTeams("Hello");
        String ts = sender.send(LINK, post, Optional.empty());

        sender.update(LINK, ts, post.withReactions(Map.of("tada", 3)).hiddenFor("off topic"));

        FakeSlackApi.Call call = slackApi.calls("chat.update").getFirst();
        assertEquals(ts, call.param("ts"));
        assertTrue(call.param("blocks").contains(":tada: 3"), call.param("blocks"));
        assertTrue(call.param("text").contains("off topic"), call.param("text"));
    }

    /** A Teams post with two replies, the latest quoted, as the channel's copy shows it. */
    private static Post discussedFromTeams(String text) {
        return new Post(Ulid.random(AT), "01COMMUNITY", SLUG, "P0ADA", "Ada Lovelace", Platform.TEAMS, text, AT, null,
                2, "Count me in", Map.of(), null, false);
    }

    @Test
    void aChannelSetToFrench_getsCimentsLinesInFrench_andTheAuthorsWordsAsWritten() throws Exception {
        Link french = LINK.speaking(Optional.of(Language.FRENCH));
        Post post = discussedFromTeams("Demo on Friday, who is in?");

        String ts = sender.send(french, post, Optional.empty());
        sender.update(french, ts, post.hiddenFor("off topic"));

        FakeSlackApi.Call sent = slackApi.calls("chat.postMessage").getFirst();
        assertEquals("Demo on Friday, who is in?", sent.param("text"));
        assertTrue(sent.param("blocks").contains("2 réponses, la dernière : Count me in"), sent.param("blocks"));
        assertTrue(sent.param("blocks").contains("via Teams · " + post.reference()), sent.param("blocks"));
        assertEquals("Masquée par un animateur : off topic", slackApi.calls("chat.update").getFirst().param("text"));
    }

    @Test
    void aChannelInEnglish_getsCimentsLinesInEnglish() throws Exception {
        Post post = discussedFromTeams("Demo on Friday, who is in?");

        String ts = sender.send(LINK.speaking(Optional.of(Language.ENGLISH)), post, Optional.empty());
        sender.update(LINK, ts, post.hiddenFor("off topic"));

        assertTrue(slackApi.calls("chat.postMessage").getFirst().param("blocks").contains("2 replies, latest: Count me in"));
        assertEquals("Hidden by a steward: off topic", slackApi.calls("chat.update").getFirst().param("text"));
    }

    /** Core's delivery gives a link without a language the deployment's (MirrorsTest); the sender says the link's. */
    @Test
    void aLinkHandedOverInFrench_isSaidInFrench_andOneWithoutALanguageInEnglish() throws Exception {
        sender.send(LINK.speaking(Optional.of(Language.FRENCH)), discussedFromTeams("Demo on Friday"), Optional.empty());
        sender.send(LINK, discussedFromTeams("Demo on Monday"), Optional.empty());

        assertTrue(slackApi.calls("chat.postMessage").getFirst().param("blocks").contains("2 réponses"));
        assertTrue(slackApi.calls("chat.postMessage").get(1).param("blocks").contains("2 replies"));
    }

    @Test
    void delete_removesTheCopy() throws Exception {
        String ts = sender.send(LINK, fromTeams("Bye"), Optional.empty());

        sender.delete(LINK, ts);

        assertEquals(ts, slackApi.calls("chat.delete").getFirst().param("ts"));
        assertTrue(slackApi.messages("C0MIRROR").isEmpty());
    }

    @Test
    void tooManyRequests_isRetryAfter_withSlacksWait() {
        slackApi.failNext("chat.postMessage", 429, 1, 7);

        MirrorSender.RetryAfter thrown = assertThrows(MirrorSender.RetryAfter.class,
                () -> sender.send(LINK, fromTeams("Hi"), Optional.empty()));

        assertEquals(Duration.ofSeconds(7), thrown.waitFor());
    }

    @Test
    void serverError_isThrown_forTheRecordToBeRetried() {
        slackApi.failNext("chat.postMessage", 503, 1);

        assertThrows(IOException.class, () -> sender.send(LINK, fromTeams("Hi"), Optional.empty()));
    }

    @Test
    void channelGone_isRefusedForGood_withSlacksErrorAsTheReason() {
        slackApi.refuse("chat.postMessage", "C0MIRROR", "channel_not_found");

        ciment.core.port.Refused refused = assertThrows(ciment.core.port.Refused.class,
                () -> sender.send(LINK, fromTeams("Hi"), Optional.empty()));
        assertTrue(refused.getMessage().contains("channel_not_found"), refused.getMessage());
    }

    @Test
    void otherRefusal_isGivenUp_withAnEmptyMessageId() throws Exception {
        slackApi.refuse("chat.postMessage", "C0MIRROR", "msg_too_long");

        assertEquals("", sender.send(LINK, fromTeams("Hi"), Optional.empty()));
    }

    @Test
    void findEarlier_findsTheCopyAnAttemptSent_byItsMetadata_andNothingForAnotherPost() throws Exception {
        Post sent = fromTeams("Sent before the record");
        String ts = sender.send(LINK, sent, Optional.empty());

        assertEquals(Optional.of(ts), sender.findEarlier(LINK, sent, Optional.empty()));
        assertEquals(Optional.empty(), sender.findEarlier(LINK, fromTeams("Never sent"), Optional.empty()));
    }

    @Test
    void findEarlier_ofAReply_looksInTheThreadOfItsFirstPostsCopy() throws Exception {
        Post root = fromTeams("Question?");
        String rootTs = sender.send(LINK, root, Optional.empty());
        Post reply = Post.reply(Ulid.random(AT), root.id(), "01COMMUNITY", SLUG, "P0BOB", "Bob", Platform.TEAMS,
                "Answer.", AT);
        String replyTs = sender.send(LINK, reply, Optional.of(rootTs));

        assertEquals(Optional.of(replyTs), sender.findEarlier(LINK, reply, Optional.of(rootTs)));
        assertFalse(replyTs.equals(rootTs));
    }

    @Test
    void findEarlier_looksPastTheFirstPages_ofABusyChannel() throws Exception {
        Post sent = fromTeams("Sent, then buried");
        String ts = sender.send(LINK, sent, Optional.empty());
        for (int i = 0; i < 450; i++) {
            slackApi.addMessage(FakeSlackApi.Message.byPerson("C0MIRROR", SlackMirrorSender.ts(java.time.Instant.now()
                    .plusSeconds(1).plusMillis(i)), null, "U0OTHER", "chatter " + i));
        }

        assertEquals(Optional.of(ts), sender.findEarlier(LINK, sent, Optional.empty()));
        assertTrue(slackApi.calls("conversations.history").size() >= 3, "three pages of 200, newest first");
    }

    @Test
    void findEarlier_ofAReplyUnderAnOldFirstPost_looksInThatThread_notForTheFirstPostAmongTheNewest() throws Exception {
        Post root = fromTeams("Old question");
        String rootTs = sender.send(LINK, root, Optional.empty());
        for (int i = 0; i < 250; i++) {
            slackApi.addMessage(FakeSlackApi.Message.byPerson("C0MIRROR", SlackMirrorSender.ts(java.time.Instant.now()
                    .plusSeconds(1).plusMillis(i)), null, "U0OTHER", "chatter " + i));
        }
        Post reply = Post.reply(Ulid.random(AT), root.id(), "01COMMUNITY", SLUG, "P0BOB", "Bob", Platform.TEAMS,
                "A late answer.", AT);
        String replyTs = sender.send(LINK, reply, Optional.of(rootTs));

        assertEquals(Optional.of(replyTs), sender.findEarlier(LINK, reply, Optional.of(rootTs)));
    }
}
