package ciment.core.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.core.Ciment;
import ciment.core.model.Notice;
import ciment.core.model.Post;
import ciment.core.port.Repositories;
import ciment.core.reply.Reply;
import ciment.core.testing.InMemoryRepositories;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MentionsTest {
    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    private final InMemoryRepositories memory = new InMemoryRepositories();
    private final Repositories store = memory.repositories();
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final Talk talk = new Talk(new Ciment(store, clock), clock);

    @BeforeEach
    void aCommunity() {
        talk.say("ada", "create data-guild Sharing data tips");
        talk.say("grace", "join data-guild");
        talk.say("linus", "help"); // known to Ciment, not a member
    }

    private List<Notice> mentionsOf(String user) {
        return memory.outbox().stream().filter(n -> n.isAboutPost() && n.to().account().userId().equals(user)).toList();
    }

    @Test
    void mention_ofAMember_tellsThemOnce_directly_withTheWayToThePost() {
        Post post = ((Reply.Posted) talk.say("ada", "post data-guild @grace can you review the SQL guide?")).post();

        List<Notice> told = mentionsOf("grace");
        assertEquals(1, told.size());
        Notice notice = told.get(0);
        assertTrue(notice.to().isDirect());
        assertEquals(post.reference(), notice.post());
        assertTrue(notice.text().startsWith("ada name mentioned you in data-guild"), notice.text());
        assertTrue(notice.text().contains("thread " + post.reference()), notice.text());
    }

    @Test
    void mention_keptByAnEdit_doesNotTellThemAgain() {
        Post post = ((Reply.Posted) talk.say("ada", "post data-guild @grace please review")).post();
        talk.say("ada", "edit " + post.reference() + " @grace please review today");
        assertEquals(1, mentionsOf("grace").size());
    }

    @Test
    void mention_inAReply_tellsThem() {
        Post post = ((Reply.Posted) talk.say("grace", "post data-guild A question")).post();
        talk.say("ada", "reply " + post.reference() + " @grace here is my answer");
        assertEquals(1, mentionsOf("grace").size());
    }

    @Test
    void mention_ofSomeoneWhoCannotReadAClosedCommunity_tellsNobody() {
        talk.say("ada", "close data-guild");
        Reply posted = talk.say("ada", "post data-guild @linus have a look");
        assertInstanceOf(Reply.Posted.class, posted);
        assertEquals(List.of(), mentionsOf("linus"));
    }

    @Test
    void mention_ofOneself_orOfSomeoneNeverSeen_tellsNobody() {
        talk.say("ada", "post data-guild @ada note to self, and @stranger");
        assertEquals(List.of(), memory.outbox().stream().filter(Notice::isAboutPost).toList());
    }

    /** "@persona @personb ...": this many distinct people, as Talk's directory reads mentions. */
    private static String crowd(int people) {
        return java.util.stream.IntStream.range(0, people).mapToObj(i -> "@person" + (char) ('a' + i))
                .collect(java.util.stream.Collectors.joining(" "));
    }

    @Test
    void post_mentioningMoreThanTenPeople_isRefusedBeforeAnyoneIsLookedUp_andWritesNothing() {
        int writes = memory.writes();
        int lookups = talk.lookups();

        Reply refused = talk.say("ada", "post data-guild " + crowd(10) + " @grace please all read this");

        assertInstanceOf(Reply.Refused.class, refused);
        assertEquals("A post can mention at most 10 people and this one mentions 11, so nothing was posted: mention"
                + " fewer (the community's members read its feed anyway).", refused.summary());
        assertEquals(lookups, talk.lookups(), "no mention looked up");
        assertEquals(writes, memory.writes());
        assertEquals(List.of(), mentionsOf("grace"));
    }

    @Test
    void post_mentioningTenPeople_looksUpEachOnce() {
        int lookups = talk.lookups();

        assertInstanceOf(Reply.Posted.class, talk.say("ada", "post data-guild " + crowd(9) + " @grace have a look"));

        assertEquals(lookups + 10, talk.lookups());
        assertEquals(1, mentionsOf("grace").size());
    }

    @Test
    void replyOrEdit_mentioningMoreThanTenPeople_isRefusedToo() {
        Post post = ((Reply.Posted) talk.say("ada", "post data-guild A plain post")).post();

        assertTrue(talk.say("grace", "reply " + post.reference() + " " + crowd(11)).summary()
                .contains("so nothing was replied"));
        assertTrue(talk.say("ada", "edit " + post.reference() + " " + crowd(11)).summary()
                .contains("so nothing was edited"));
    }
}
