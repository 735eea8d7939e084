package ciment.teams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.core.Ciment;
import ciment.core.model.Caller;
import ciment.core.model.ChatAccount;
import ciment.core.model.Introduction;
import ciment.core.model.Platform;
import ciment.core.reply.Reply;
import ciment.core.testing.InMemoryRepositories;
import ciment.devkit.teams.FakeBotFramework;
import ciment.devkit.teams.TeamsActivities;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Channel messages that are not commands, through the bot's endpoint and the fake Bot Connector: in a linked
 * channel they become posts and replies (edits and deletions follow, likes count), elsewhere they are let be.
 */
class TeamsChannelMessagesTest {
    private static final String TENANT = "tenant-1";
    private static final String LINKED = "19:linked@thread.tacv2";
    private static final String UNLINKED = "19:unlinked@thread.tacv2";

    private final Clock clock = Clock.systemUTC();
    private final Ciment ciment = new Ciment(InMemoryRepositories.create(), clock);
    private FakeTeams teams;
    private FakeBotFramework fake;
    private FakeBotFramework.Member ada;
    private FakeBotFramework.Member grace;

    @BeforeEach
    void start() {
        teams = FakeTeams.start(ciment, new MemoryCopies(), clock);
        fake = teams.fake();
        ada = teams.member("ada", "Ada Lovelace", TENANT);
        grace = teams.member("grace", "Grace Hopper", TENANT);
        send(from(ada).text("create data-guild Data people"));
        FakeBotFramework.SentActivity linked = send(from(ada).conversation(LINKED).channelName("General")
                .text("link data-guild"));
        assertTrue(linked.text().startsWith("Linked General in Teams to data-guild"), linked.text());
        fake.clearSent();
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private TeamsActivities.Message from(FakeBotFramework.Member who) {
        return TeamsActivities.message(fake.serviceUrl(), fake.botId()).tenant(TENANT)
                .from(who.id(), who.aadObjectId(), who.name()).conversation("19:commands@thread.tacv2");
    }

    private FakeBotFramework.SentActivity send(TeamsActivities.Message message) {
        return teams.send(message);
    }

    private void deliver(TeamsActivities.Message message) {
        teams.deliver(message);
    }

    private Reply feed() {
        Caller reader = new Caller(new ChatAccount(Platform.TEAMS, TENANT, "aad-ada"),
                () -> Introduction.named("Ada Lovelace"), null, Instant.now());
        return ciment.handle(reader, "feed data-guild");
    }

    private List<ciment.core.model.Post> posts() {
        return ((Reply.Feed) feed()).posts();
    }

    @Test
    void unmentionedMessage_inALinkedChannel_becomesAPostByItsWriter_andNothingIsAnswered() {
        deliver(from(grace).conversation(LINKED).unmentioned().text("Fridays are for demos"));

        assertEquals(List.of(), fake.sent(), "a message made a post has no answer in the channel");
        assertEquals(1, posts().size());
        assertEquals("Fridays are for demos", posts().get(0).text());
        assertEquals("Grace Hopper", posts().get(0).authorName());
        assertEquals(Platform.TEAMS, posts().get(0).origin());
    }

    @Test
    void unmentionedMessage_inAChannelThatIsNotLinked_isLetBe() {
        deliver(from(grace).conversation(UNLINKED).unmentioned().text("Just chatting"));

        assertEquals(List.of(), fake.sent());
        assertEquals(List.of(), posts());
    }

    @Test
    void sameActivityDeliveredTwice_makesOnePost() {
        TeamsActivities.Message message = from(grace).conversation(LINKED).unmentioned().text("Once only");

        deliver(message);
        deliver(message);

        assertEquals(1, posts().size());
    }

    @Test
    void unmentionedMessage_inTheReplyChainOfAPostsMessage_isAReplyToThatPost() {
        TeamsActivities.Message root = from(grace).conversation(LINKED).unmentioned().text("Who reviews?");
        deliver(root);

        deliver(from(ada).inReplyChainOf(LINKED, root.id()).unmentioned().text("I will"));

        assertEquals(1, posts().size(), "a reply is no new post");
        assertEquals(1, posts().get(0).replyCount());
        assertEquals(List.of(), fake.sent());
    }

    @Test
    void messageUpdate_editsThePost_andMessageDelete_removesIt() {
        TeamsActivities.Message message = from(grace).conversation(LINKED).unmentioned().text("Standup at nine");
        deliver(message);

        deliver(from(grace).conversation(LINKED).id(message.id()).edited("Standup at half past nine"));
        assertEquals("Standup at half past nine", posts().get(0).text());
        assertTrue(posts().get(0).edited());

        deliver(from(grace).conversation(LINKED).id(message.id()).deleted());
        assertTrue(posts().isEmpty() || posts().get(0).isRemoved(), posts().toString());
        assertEquals(List.of(), fake.sent(), "edits and deletions have no answer");
    }

    @Test
    void messageUpdate_ofAMessageThatIsNoPost_writesNothing() {
        deliver(from(grace).conversation(UNLINKED).id("1700000000123").edited("Changed"));

        assertEquals(List.of(), posts());
        assertEquals(List.of(), fake.sent());
    }

    @Test
    void like_onTheChannelsOwnMessageThatBecameAPost_countsOnThePost() {
        TeamsActivities.Message message = from(grace).conversation(LINKED).unmentioned().text("Release is out");
        deliver(message);

        deliver(from(ada).conversation(LINKED + ";messageid=" + message.id())
                .reactions(message.id(), List.of("like"), List.of()));

        assertEquals(1, posts().get(0).reactions().get("thumbsup"), posts().get(0).reactions().toString());
    }

    @Test
    void messageTooLongForAPost_isToldToItsWriterInTheReplyChain_andNothingIsPosted() {
        TeamsActivities.Message message = from(grace).conversation(LINKED).unmentioned().text("x".repeat(40_001));

        deliver(message);

        assertEquals(1, fake.sent().size());
        assertTrue(fake.sent().get(0).text().contains("stays in the channel only"), fake.sent().get(0).text());
        assertTrue(fake.sent().get(0).conversationId().startsWith(LINKED), fake.sent().get(0).conversationId());
        assertEquals(List.of(), posts());
    }

    @Test
    void mentionedMessage_inALinkedChannel_staysACommand() {
        FakeBotFramework.SentActivity answer = send(from(grace).conversation(LINKED).text("links data-guild"));

        assertTrue(answer.text().contains("General in Teams"), answer.text());
        assertEquals(List.of(), posts());
    }
}
