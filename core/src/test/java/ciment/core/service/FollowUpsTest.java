package ciment.core.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.core.Ciment;
import ciment.core.i18n.Language;
import ciment.core.model.Notice;
import ciment.core.model.Post;
import ciment.core.port.Repositories;
import ciment.core.reply.Reply;
import ciment.core.testing.InMemoryRepositories;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Followers of a thread told of its replies, accepted answer and question's edits, as the stream would run it. */
class FollowUpsTest {
    private static final Instant START = Instant.parse("2026-12-01T10:00:00Z");
    private final InMemoryRepositories memory = new InMemoryRepositories();
    private final Repositories store = memory.repositories();
    private final Clock clock = Clock.fixed(START, ZoneOffset.UTC);
    private final Talk talk = new Talk(new Ciment(store, clock), clock);
    /** When the stream's records are handled: tests move it on. */
    private Instant handledAt = START;
    private Post root;

    @BeforeEach
    void aThread() {
        talk.say("ada", "create data-guild Sharing data tips");
        talk.say("grace", "join data-guild");
        talk.say("linus", "join data-guild");
        talk.say("alan", "whoami"); // known, not a member
        root = posted(talk.say("ada", "post data-guild Which warehouse do you use?"));
    }

    private static Post posted(Reply reply) {
        return assertInstanceOf(Reply.Posted.class, reply, reply.summary()).post();
    }

    /** A reply made, and its record seen by the stream. */
    private Post replied(String user, String text) {
        Post reply = posted(talk.say(user, "reply " + root.reference() + " " + text));
        changed(Optional.empty(), reply);
        return reply;
    }

    /** A record handled by the delivery function, now. */
    private void changed(Optional<Post> before, Post now) {
        FollowUps.over(store, Language.ENGLISH, Clock.fixed(handledAt, ZoneOffset.UTC)).changed(before, now);
    }

    private void pass(Duration time) {
        handledAt = handledAt.plus(time);
    }

    private List<Notice> toldTo(String user) {
        return memory.outbox().stream().filter(n -> n.to().account().userId().equals(user))
                .filter(n -> n.text().contains("you follow")).toList();
    }

    @Test
    void reply_tellsTheRootsAuthorOnce_aboutTheThread_withTheWriterAndAnExcerpt() {
        replied("grace", "We use BigQuery");

        List<Notice> told = toldTo("ada");
        assertEquals(1, told.size());
        Notice notice = told.get(0);
        assertTrue(notice.to().isDirect());
        assertEquals(root.reference(), notice.post());
        assertEquals("New activity in a thread you follow in data-guild (" + root.reference()
                + ", “Which warehouse do you use?”): grace name replied “We use BigQuery”.", notice.text());
    }

    @Test
    void reply_neverTellsItsWriter() {
        replied("ada", "Answering myself");
        assertEquals(List.of(), toldTo("ada"));
    }

    @Test
    void replies_withinTheWindow_makeOneNotice_andOneAfterItMakesAnother() {
        replied("grace", "BigQuery");
        pass(Duration.ofMinutes(2));
        replied("linus", "Postgres");
        assertEquals(1, toldTo("ada").size(), "the second reply is folded into the first notice");
        assertEquals(1, toldTo("grace").size(), "grace follows by replying: told of linus's reply");

        pass(FollowUps.WINDOW);
        replied("linus", "And DuckDB");
        assertEquals(2, toldTo("ada").size());
    }

    @Test
    void aRetriedRecord_tellsOnce_evenAfterTheWindow() {
        Post reply = replied("grace", "BigQuery");
        changed(Optional.empty(), reply);
        pass(FollowUps.WINDOW.multipliedBy(2));
        changed(Optional.empty(), reply);
        assertEquals(1, toldTo("ada").size());
    }

    @Test
    void follow_tellsAMemberWhoNeverWroteInTheThread() {
        assertInstanceOf(Reply.Done.class, talk.say("linus", "follow " + root.reference()));
        replied("grace", "BigQuery");
        assertEquals(1, toldTo("linus").size());
    }

    @Test
    void follow_inFrench_followsToo() {
        assertInstanceOf(Reply.Done.class, talk.say("linus", "suivre " + root.reference()));
        replied("grace", "BigQuery");
        assertEquals(1, toldTo("linus").size());
    }

    @Test
    void mention_makesThemFollow_soALaterReplyTellsThem() {
        replied("ada", "@linus what do you think?");
        pass(FollowUps.WINDOW.plusMinutes(1));
        replied("grace", "BigQuery");
        assertEquals(1, toldTo("linus").size(), toldTo("linus").toString());
    }

    @Test
    void unfollow_mutes_evenAfterTheyReplyOrAreMentionedAgain() {
        replied("grace", "BigQuery");
        assertInstanceOf(Reply.Done.class, talk.say("grace", "unfollow " + root.reference()));
        replied("grace", "Still BigQuery");
        int mentionsBefore = (int) memory.outbox().stream().filter(n -> n.text().contains("mentioned you")).count();
        pass(FollowUps.WINDOW.plusMinutes(1));
        replied("ada", "@grace are you sure?");
        replied("linus", "Postgres");

        assertEquals(List.of(), toldTo("grace"));
        assertEquals(mentionsBefore, memory.outbox().stream().filter(n -> n.text().contains("mentioned you")).count(),
                "a mention in a muted thread tells nothing either");
    }

    @Test
    void aFollowerWhoCannotReadTheThreadAnyMore_isNotTold() {
        talk.say("ada", "close data-guild");
        replied("grace", "BigQuery");
        talk.say("grace", "leave data-guild");
        pass(FollowUps.WINDOW.plusMinutes(1));
        replied("linus", "Postgres");
        assertEquals(List.of(), toldTo("grace"));
        assertEquals(2, toldTo("ada").size(), "ada still reads it: told of both replies, a window apart");
    }

    @Test
    void noticesMentions_stopsFollowUps_butNotMentions() {
        replied("grace", "BigQuery");
        assertInstanceOf(Reply.Done.class, talk.say("grace", "notices mentions"));
        replied("ada", "@grace thanks");
        replied("linus", "Postgres");
        assertEquals(List.of(), toldTo("grace"));
        assertEquals(1, memory.outbox().stream()
                .filter(n -> n.to().account().userId().equals("grace") && n.text().contains("mentioned you")).count());
    }

    @Test
    void noticesNone_inFrench_stopsMentionsToo() {
        replied("grace", "BigQuery");
        assertInstanceOf(Reply.Done.class, talk.say("grace", "avis aucun"));
        replied("ada", "@grace thanks");
        replied("linus", "Postgres");
        assertEquals(List.of(), memory.outbox().stream().filter(n -> n.to().account().userId().equals("grace")).toList());
    }

    @Test
    void notices_withAWordItDoesNotKnow_isRefused_andWritesNothing() {
        int writes = memory.writes();
        Reply refused = talk.say("grace", "notices sometimes");
        assertInstanceOf(Reply.Refused.class, refused);
        assertEquals(writes, memory.writes());
    }

    @Test
    void acceptedAnswer_tellsTheFollowers_butNotTheAsker() {
        Post question = posted(talk.say("ada", "ask data-guild Which warehouse is cheapest?"));
        root = question;
        Post answer = replied("grace", "BigQuery on demand");
        replied("linus", "Postgres");
        pass(FollowUps.WINDOW.plusMinutes(1));
        int adaBefore = toldTo("ada").size();

        talk.say("ada", "accept " + answer.reference());
        Post accepted = store.conversations().thread(question.communityId(), question.id()).get(0);
        changed(Optional.of(question), accepted);

        assertEquals(adaBefore, toldTo("ada").size());
        List<Notice> linus = toldTo("linus");
        assertEquals(1, linus.size(), "linus replied after grace: told of the answer only");
        assertTrue(linus.get(0).text().contains("has an accepted answer, by grace name: “BigQuery on demand”"),
                linus.get(0).text());
    }

    @Test
    void anEditOfTheQuestion_tellsItsFollowers() {
        Post question = posted(talk.say("ada", "ask data-guild Which warehouse?"));
        talk.say("grace", "follow " + question.reference());

        talk.say("ada", "edit " + question.reference() + " Which warehouse for 10 TB?");
        changed(Optional.of(question), question.editedTo("Which warehouse for 10 TB?"));

        List<Notice> told = toldTo("grace");
        assertEquals(1, told.size());
        assertTrue(told.get(0).text().contains("edited the question you follow"), told.get(0).text());
    }

    @Test
    void follow_ofAnUnknownPost_orOfAClosedCommunitysPostByAnOutsider_isRefused_andWritesNothing() {
        talk.say("ada", "close data-guild");
        int writes = memory.writes();

        assertInstanceOf(Reply.Refused.class, talk.say("grace", "follow #01JD0000000000000000000000"));
        assertEquals(writes, memory.writes());
        assertInstanceOf(Reply.Refused.class, talk.say("alan", "follow " + root.reference()));
        assertEquals(writes, memory.writes());
        assertInstanceOf(Reply.Refused.class, talk.say("alan", "unfollow " + root.reference()));
        assertEquals(writes, memory.writes());
    }
}
