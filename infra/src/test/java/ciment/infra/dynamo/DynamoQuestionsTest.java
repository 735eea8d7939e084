package ciment.infra.dynamo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.core.model.Community;
import ciment.core.model.Platform;
import ciment.core.model.Post;
import ciment.core.model.Ulid;
import ciment.core.port.Repositories;
import ciment.infra.testing.MotoTables;
import ciment.infra.testing.Sample;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Questions in the first index, accepted answers, and pinned knowledge, on moto's DynamoDB. */
class DynamoQuestionsTest {
    private static Repositories store;

    @BeforeAll
    static void table() {
        store = MotoTables.repositories(MotoTables.create("questions")).repositories();
    }

    @Test
    void questions_listTheUnansweredFirst_andAnAcceptedAnswerMovesItsQuestionToTheAnswered() {
        Community community = community();
        Post older = question(community, "Which SQL formatter?", 1);
        Post newer = question(community, "Which notebook?", 2);
        Sample.post(community, community.createdBy(), "Not a question", Sample.minute(3));
        Post answer = reply(older, "sqlfluff", 4);
        store.conversations().addReply(answer);

        assertEquals(List.of(newer.id(), older.id()), ids(store.questions().questions(community.id(), true, 20)));
        assertTrue(store.questions().accept(older, answer));

        assertEquals(List.of(newer.id()), ids(store.questions().questions(community.id(), true, 20)));
        List<Post> all = store.questions().questions(community.id(), false, 20);
        assertEquals(List.of(newer.id(), older.id()), ids(all));
        assertEquals(answer.id(), all.get(1).marks().answerId());
        assertTrue(all.get(1).isAnswered());
    }

    @Test
    void accept_onAPostThatIsNotAQuestion_writesNothing() {
        Community community = community();
        Post post = Sample.post(community, community.createdBy(), "Hello", Sample.minute(1));
        store.posts().add(post);
        Post reply = reply(post, "hi", 2);
        store.conversations().addReply(reply);

        assertFalse(store.questions().accept(post, reply));
        assertEquals(null, store.conversations().thread(community.id(), post.id()).get(0).marks().answerId());
    }

    @Test
    void deletedQuestion_leavesTheList() {
        Community community = community();
        Post asked = question(community, "Anyone?", 1);
        assertTrue(store.conversations().delete(asked, asked.authorId(), new ciment.core.model.AuditEntry(Ulid.random(Sample.minute(2)),
                community.id(), "deleted", asked.reference(), asked.authorId(), "Ada", "by its author", Sample.minute(2))));
        assertEquals(List.of(), store.questions().questions(community.id(), false, 20));
    }

    @Test
    void pinnedPostsAndReplies_readBackNewestFirst_andUnpinningForgetsThem() {
        Community community = community();
        Post post = question(community, "How do we review SQL?", 1);
        Post reply = reply(post, "Two reviewers", 2);
        store.conversations().addReply(reply);
        Post later = question(community, "Style guide?", 3);

        assertTrue(store.questions().pin(post, true));
        assertTrue(store.questions().pin(reply, true));
        assertTrue(store.questions().pin(later, true));
        assertFalse(store.questions().pin(later, true), "pinned once");

        List<Post> knowledge = store.questions().knowledge(community.id(), 20);
        assertEquals(List.of(reply.id(), later.id(), post.id()).stream().sorted(java.util.Comparator.reverseOrder())
                .toList(), ids(knowledge));
        assertTrue(knowledge.stream().allMatch(Post::isPinned));

        assertTrue(store.questions().pin(post, false));
        assertFalse(store.questions().pin(post, false));
        assertEquals(2, store.questions().knowledge(community.id(), 20).size());
    }

    private static List<String> ids(List<Post> posts) {
        return posts.stream().map(Post::id).toList();
    }

    private static Post question(Community community, String text, int minute) {
        Post post = Sample.post(community, community.createdBy(), text, Sample.minute(minute)).withMarks(Post.Marks.QUESTION);
        store.posts().add(post);
        return post;
    }

    private static Post reply(Post root, String text, int minute) {
        return Post.reply(Ulid.random(Sample.minute(minute)), root.id(), root.communityId(), root.slug(),
                Sample.personId(), "Grace Hopper", Platform.TEAMS, text, Sample.minute(minute));
    }

    private static Community community() {
        Community community = Sample.community(Sample.slug("ask"), Sample.personId());
        store.communities().create(community, Sample.steward(community));
        return community;
    }
}
