package ciment.core.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.core.Ciment;
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

class QuestionsTest {
    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    private final InMemoryRepositories memory = new InMemoryRepositories();
    private final Repositories store = memory.repositories();
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final Talk talk = new Talk(new Ciment(store, clock), clock);
    private String question;
    private String answer;

    @BeforeEach
    void aQuestionWithAReply() {
        talk.say("ada", "create data-guild Sharing data tips");
        talk.say("grace", "join data-guild");
        talk.say("linus", "join data-guild");
        question = posted(talk.say("grace", "ask data-guild Who knows a good SQL formatter?")).reference();
        answer = posted(talk.say("linus", "reply " + question + " sqlfluff")).reference();
    }

    private static Post posted(Reply reply) {
        return assertInstanceOf(Reply.Posted.class, reply, reply.summary()).post();
    }

    private List<Post> questions(String words) {
        return ((Reply.Posts) talk.say("ada", "questions data-guild" + words)).posts();
    }

    private Reply refusedWritingNothing(String user, String text) {
        int writes = memory.writes();
        Reply reply = talk.say(user, text);
        assertInstanceOf(Reply.Refused.class, reply, reply.summary());
        assertEquals(writes, memory.writes(), "a refusal writes nothing");
        return reply;
    }

    @Test
    void ask_isAPost_listedAsUnanswered_untilTheAskerAcceptsAReply() {
        assertEquals("Asked " + question + " in data-guild.", talk.say("grace", "ask data-guild Another?").summary()
                .replaceAll("#\\w+", question));
        assertEquals(2, questions(" unanswered").size());

        Reply accepted = talk.say("grace", "accept " + answer);

        assertInstanceOf(Reply.Done.class, accepted, accepted.summary());
        List<Post> unanswered = questions(" unanswered");
        assertEquals(List.of("Another?"), unanswered.stream().map(Post::text).toList());
        List<Post> all = questions("");
        assertEquals(List.of("Another?", "Who knows a good SQL formatter?"), all.stream().map(Post::text).toList(),
                "the unanswered come first");
        assertTrue(all.get(1).activity().startsWith("Question, answered"), all.get(1).activity());
        Reply.Thread thread = (Reply.Thread) talk.say("ada", "thread " + question);
        assertTrue(thread.replies().get(0).isAcceptedAnswer());
        assertTrue(thread.replies().get(0).activity().startsWith("Accepted answer"));
    }

    @Test
    void accept_byAStewardWhoDidNotAsk_isDone() {
        assertInstanceOf(Reply.Done.class, talk.say("ada", "accept " + answer));
    }

    @Test
    void accept_bySomeoneElse_isRefused_andWritesNothing() {
        Reply refused = refusedWritingNothing("linus", "accept " + answer);
        assertTrue(refused.summary().startsWith("Only the person who asked"), refused.summary());
    }

    @Test
    void accept_ofTheQuestionItself_isRefused_andWritesNothing() {
        Reply refused = refusedWritingNothing("grace", "accept " + question);
        assertTrue(refused.summary().startsWith("Name the reply that answers"), refused.summary());
    }

    @Test
    void accept_ofAReplyInAnotherThread_isRefused_andWritesNothing() {
        String other = posted(talk.say("grace", "ask data-guild Which notebook?")).reference();
        String replyId = answer.substring(answer.indexOf('/') + 1);

        Reply refused = refusedWritingNothing("grace", "accept " + other + "/" + replyId);

        assertTrue(refused.summary().startsWith("No post"), refused.summary());
    }

    @Test
    void accept_inAThreadThatIsNotAQuestion_isRefused_andWritesNothing() {
        String post = posted(talk.say("grace", "post data-guild Hello")).reference();
        String reply = posted(talk.say("linus", "reply " + post + " hi")).reference();

        Reply refused = refusedWritingNothing("grace", "accept " + reply);

        assertTrue(refused.summary().contains("is not a question"), refused.summary());
    }

    @Test
    void pin_byAMember_isRefused_andWritesNothing() {
        Reply refused = refusedWritingNothing("linus", "pin " + question);
        assertTrue(refused.summary().startsWith("Only stewards"), refused.summary());
    }

    @Test
    void knowledge_findsPinnedThreads_byTheirWordsOrLatestReply() {
        talk.say("ada", "pin " + question);
        String other = posted(talk.say("grace", "post data-guild Our notebook guide: use Jupyter")).reference();
        talk.say("ada", "pin " + other);
        talk.say("grace", "post data-guild Not pinned: sqlfluff is great");

        assertEquals(2, ((Reply.Posts) talk.say("linus", "knowledge data-guild")).posts().size());
        List<Post> found = ((Reply.Posts) talk.say("linus", "knowledge data-guild SQLFluff")).posts();
        assertEquals(List.of("Who knows a good SQL formatter?"), found.stream().map(Post::text).toList(),
                "found by its latest reply, not the unpinned post");
        assertTrue(found.get(0).activity().contains("Pinned as knowledge"));

        talk.say("ada", "unpin " + question);
        assertEquals(List.of(), ((Reply.Posts) talk.say("linus", "knowledge data-guild sqlfluff")).posts());
    }

    @Test
    void pin_twice_isRefused_andWritesNothing() {
        talk.say("ada", "pin " + question);
        refusedWritingNothing("ada", "pin " + question);
    }

    @Test
    void questions_ofAClosedCommunity_byANonMember_areRefused() {
        talk.say("ada", "close data-guild");
        Reply refused = talk.say("outsider", "questions data-guild");
        assertInstanceOf(Reply.Refused.class, refused);
    }
}
