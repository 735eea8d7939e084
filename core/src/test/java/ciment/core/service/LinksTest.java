package ciment.core.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.core.Ciment;
import ciment.core.model.Channel;
import ciment.core.model.Platform;
import ciment.core.model.Post;
import ciment.core.port.Repositories;
import ciment.core.reply.Reply;
import ciment.core.testing.InMemoryRepositories;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LinksTest {
    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    private static final Channel GENERAL = new Channel(Platform.SLACK, "T1", "C0GENERAL", "general", null);
    private static final Channel RANDOM = new Channel(Platform.SLACK, "T1", "C0RANDOM", "random", null);
    private final InMemoryRepositories memory = new InMemoryRepositories();
    private final Repositories store = memory.repositories();
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final Talk talk = new Talk(new Ciment(store, clock), clock);

    @BeforeEach
    void aCommunityLinkedToGeneral() {
        talk.say("ada", "create data-guild Sharing data tips");
        talk.say("grace", "join data-guild");
        assertInstanceOf(Reply.Done.class, talk.sayIn(GENERAL, "ada", "link data-guild"));
    }

    private Reply refusedWritingNothing(Reply reply, int writesBefore) {
        assertInstanceOf(Reply.Refused.class, reply, reply.summary());
        assertEquals(writesBefore, memory.writes(), "a refusal writes nothing");
        return reply;
    }

    @Test
    void links_nameTheLinkedChannels() {
        assertEquals("data-guild is linked to #general in Slack.", talk.say("grace", "links data-guild").summary());
    }

    @Test
    void link_byAMember_isRefused_andWritesNothing() {
        int writes = memory.writes();
        Reply refused = refusedWritingNothing(talk.sayIn(RANDOM, "grace", "link data-guild"), writes);
        assertTrue(refused.summary().startsWith("Only a steward of data-guild"), refused.summary());
    }

    @Test
    void link_inADirectMessage_isRefused_andWritesNothing() {
        int writes = memory.writes();
        Reply refused = refusedWritingNothing(talk.say("ada", "link data-guild"), writes);
        assertTrue(refused.summary().contains("works in a channel"), refused.summary());
    }

    @Test
    void link_ofAChannelLinkedElsewhere_isRefused_andWritesNothing() {
        talk.say("ada", "create other-guild Another");
        int writes = memory.writes();
        Reply refused = refusedWritingNothing(talk.sayIn(GENERAL, "ada", "link other-guild"), writes);
        assertTrue(refused.summary().contains("is linked to data-guild"), refused.summary());
    }

    @Test
    void message_inALinkedChannel_becomesAPost_once_evenWhenTheEventComesTwice() {
        Optional<Reply> posted = talk.writeIn(GENERAL, "linus", "1700000001.000100", null, "Hello from the channel");
        Optional<Reply> again = talk.writeIn(GENERAL, "linus", "1700000001.000100", null, "Hello from the channel");

        Post post = assertInstanceOf(Reply.Posted.class, posted.orElseThrow()).post();
        assertEquals(posted, again);
        List<Post> feed = ((Reply.Feed) talk.say("grace", "feed data-guild")).posts();
        assertEquals(List.of("Hello from the channel"), feed.stream().map(Post::text).toList());
        assertEquals(Optional.of(post.reference()), store.messageCopies().find(Platform.SLACK, "C0GENERAL", "1700000001.000100"));
    }

    @Test
    void messageAndThreadReply_areRecordedAsShownInTheirChannel_beforeTheirPostIsStored_soMirroringNeverSendsThemBack() {
        List<String> shownWhenStored = new java.util.ArrayList<>();
        memory.onStored(post -> shownWhenStored.add(post.text() + ": "
                + store.messageCopies().find(Platform.SLACK, "C0GENERAL", post.isReply() ? "1700000003.000100" : "1700000001.000100")
                        .isPresent()));

        talk.writeIn(GENERAL, "linus", "1700000001.000100", null, "Which SQL formatter?");
        talk.writeIn(GENERAL, "grace", "1700000003.000100", "1700000001.000100", "sqlfluff");

        assertEquals(List.of("Which SQL formatter?: true", "sqlfluff: true"), shownWhenStored);
    }

    @Test
    void message_inAChannelNotLinked_isNotCimentsBusiness_andWritesNothing() {
        int writes = memory.writes();
        assertEquals(Optional.empty(), talk.writeIn(RANDOM, "linus", "1700000002.000100", null, "Hi"));
        assertEquals(writes, memory.writes());
    }

    @Test
    void threadReply_inALinkedChannel_isAReplyToThePostOfItsFirstMessage_andEditsAndDeletesFollow() {
        talk.writeIn(GENERAL, "linus", "1700000001.000100", null, "Which SQL formatter?");
        Reply reply = talk.writeIn(GENERAL, "grace", "1700000003.000100", "1700000001.000100", "sqlfluff").orElseThrow();
        assertTrue(assertInstanceOf(Reply.Posted.class, reply).post().isReply());

        talk.editIn(GENERAL, "grace", "1700000003.000100", "sqlfluff, with our config");
        Post root = ((Reply.Feed) talk.say("ada", "feed data-guild")).posts().get(0);
        assertEquals(1, root.replyCount());
        Reply.Thread thread = (Reply.Thread) talk.say("ada", "thread " + root.reference());
        assertEquals("sqlfluff, with our config", thread.replies().get(0).text());

        talk.deleteIn(GENERAL, "linus", "1700000001.000100");
        assertTrue(((Reply.Feed) talk.say("ada", "feed data-guild")).posts().get(0).isRemoved());
    }

    @Test
    void editInTheChannel_bySomeoneElse_isRefused() {
        talk.writeIn(GENERAL, "linus", "1700000001.000100", null, "Mine");
        Reply refused = talk.editIn(GENERAL, "grace", "1700000001.000100", "Not hers").orElseThrow();
        assertInstanceOf(Reply.Refused.class, refused);
    }

    @Test
    void unlink_stopsTheChannelsMessagesBecomingPosts() {
        assertInstanceOf(Reply.Done.class, talk.sayIn(GENERAL, "ada", "unlink"));
        assertEquals(Optional.empty(), talk.writeIn(GENERAL, "linus", "1700000004.000100", null, "After"));
        assertTrue(talk.say("ada", "links data-guild").summary().contains("no channel"));
    }
}
