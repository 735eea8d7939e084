package ciment.infra.dynamo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.core.model.AuditEntry;
import ciment.core.model.Community;
import ciment.core.model.Platform;
import ciment.core.model.Post;
import ciment.core.model.PostRef;
import ciment.core.model.Ulid;
import ciment.core.port.Conversations.Added;
import ciment.core.port.Conversations.Reacted;
import ciment.core.port.Repositories;
import ciment.infra.dynamo.CapacityMeter.Units;
import ciment.infra.testing.MotoTables;
import ciment.infra.testing.Sample;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Threads, reactions, edits, deletes and hiding on moto's DynamoDB, with the units each one computes. */
class DynamoConversationsTest {
    private static final String KILOBYTE = "x".repeat(1024);
    private static String table;
    private static DynamoRepositories dynamo;
    private static Repositories store;

    @BeforeAll
    static void table() {
        table = MotoTables.create("conversations");
        dynamo = MotoTables.repositories(table);
        store = dynamo.repositories();
    }

    @BeforeEach
    void resetMeter() {
        dynamo.meter().reset();
    }

    @Test
    void replies_areCountedOnTheirFirstPost_andTheThreadReadsBackInOrder() {
        Community community = community();
        Post root = post(community, "Who knows a good SQL formatter?");
        Post first = reply(community, root, "sqlfluff", 2);
        Post second = reply(community, root, "pgFormatter", 3);

        assertEquals(Added.ADDED, store.conversations().addReply(first));
        assertEquals(Added.ADDED, store.conversations().addReply(second));

        List<Post> thread = store.conversations().thread(community.id(), root.id());
        assertEquals(List.of(root.id(), first.id(), second.id()), thread.stream().map(Post::id).toList());
        assertEquals(2, thread.get(0).replyCount());
        assertEquals(second.preview(), thread.get(0).latestReply());
        assertEquals(root.id(), thread.get(1).rootId());
        assertEquals(List.of(root.id()), store.posts().latest(community.id(), 20).stream().map(Post::id).toList(),
                "replies stay out of the feed's range");
        assertEquals(second, store.conversations().find(List.of(community.id()), new PostRef(root.id(), second.id())).orElseThrow());
    }

    @Test
    void reply_retried_isStoredAndCountedOnce() {
        Community community = community();
        Post root = post(community, "once");
        Post reply = reply(community, root, "only once", 2);
        store.conversations().addReply(reply);

        assertEquals(Added.ALREADY_THERE, store.conversations().addReply(reply));
        assertEquals(1, store.conversations().thread(community.id(), root.id()).get(0).replyCount());
    }

    @Test
    void reply_toAHiddenPost_isTakenBack() {
        Community community = community();
        Post root = post(community, "off topic");
        store.conversations().hide(root, "spam", audit(community, root, "hid"));
        Post reply = reply(community, root, "too late", 2);

        assertEquals(Added.ROOT_GONE, store.conversations().addReply(reply));
        assertEquals(1, store.conversations().thread(community.id(), root.id()).size());
    }

    @Test
    void reactions_countOncePerPersonAndEmoji_andCanBeTakenBack() {
        Community community = community();
        Post root = post(community, "react to me");
        String ada = Sample.personId();

        assertEquals(Reacted.CHANGED, store.conversations().react(root, "tada", ada, true));
        assertEquals(Reacted.UNCHANGED, store.conversations().react(root, "tada", ada, true));
        assertEquals(Reacted.CHANGED, store.conversations().react(root, "tada", Sample.personId(), true));
        assertEquals(Reacted.CHANGED, store.conversations().react(root, "tada", ada, false));
        assertEquals(Reacted.UNCHANGED, store.conversations().react(root, "tada", ada, false));

        assertEquals(Map.of("tada", 1), store.posts().latest(community.id(), 1).get(0).reactions());
    }

    @Test
    void react_toAHiddenPost_writesNothingThatStays() {
        Community community = community();
        Post root = post(community, "hidden");
        store.conversations().hide(root, "spam", audit(community, root, "hid"));
        List<Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue>> before = MotoTables.items(table);

        assertEquals(Reacted.UNCHANGED, store.conversations().react(root, "tada", Sample.personId(), true));
        assertEquals(before.size(), MotoTables.items(table).size());
    }

    @Test
    void edit_bySomeoneElse_changesNothing_andByTheAuthorRewritesIt() {
        Community community = community();
        Post root = post(community, "first words");

        assertFalse(store.conversations().edit(root, Sample.personId(), "not mine"));
        assertTrue(store.conversations().edit(root, root.authorId(), "better words"));

        Post read = store.posts().latest(community.id(), 1).get(0);
        assertEquals("better words", read.text());
        assertTrue(read.edited());
    }

    @Test
    void edit_ofTheLatestReply_rewritesItsPreviewOnTheFirstPost() {
        Community community = community();
        Post root = post(community, "question");
        Post reply = reply(community, root, "first answer", 2);
        store.conversations().addReply(reply);

        assertTrue(store.conversations().edit(reply, reply.authorId(), "better answer"));

        assertEquals("Grace Hopper: better answer", store.conversations().thread(community.id(), root.id()).get(0).latestReply());
    }

    @Test
    void delete_leavesATombstoneInTheThread_andAnAuditEntry() {
        Community community = community();
        Post root = post(community, "question");
        Post reply = reply(community, root, "my answer", 2);
        store.conversations().addReply(reply);

        assertTrue(store.conversations().delete(reply, reply.authorId(), audit(community, reply, "deleted")));

        assertEquals(null, store.conversations().thread(community.id(), root.id()).get(0).latestReply(),
                "a deleted reply's words leave its thread's first post too");
        Post removed = store.conversations().thread(community.id(), root.id()).get(1);
        assertTrue(removed.isRemoved());
        assertEquals(Post.REMOVED_TEXT, removed.text());
        assertEquals("deleted", store.conversations().audit(community.id(), 20).get(0).action());
    }

    @Test
    void eraseMyData_ofAReplier_removesTheirReply_itsPreview_andTheirReactions_keepingTheCounts() {
        Community community = community();
        Post root = post(community, "question");
        ciment.core.model.Person replier = store.people().enroll(DynamoEmailLinksTest.slack(),
                new ciment.core.model.Person(Sample.personId(), "Rita Replier"), java.util.Optional.empty());
        Post reply = Post.reply(Ulid.random(Sample.minute(2)), root.id(), community.id(), community.slug(), replier.id(),
                replier.displayName(), Platform.SLACK, "my words", Sample.minute(2));
        store.conversations().addReply(reply);
        store.conversations().react(root, "tada", replier.id(), true);

        assertEquals(ciment.core.port.PersonalRecords.Erased.DONE, store.personalRecords().erase(replier));

        List<Post> thread = store.conversations().thread(community.id(), root.id());
        assertEquals(null, thread.get(0).latestReply());
        assertEquals(Map.of("tada", 1), thread.get(0).reactions());
        assertTrue(thread.get(1).isRemoved());
        assertFalse(MotoTables.items(table).toString().contains(replier.id()), "no item names her any more");
    }

    @Test
    void hide_showsTheReason_andIsInTheAuditTrail() {
        Community community = community();
        Post root = post(community, "spam spam");

        assertTrue(store.conversations().hide(root, "spam", audit(community, root, "hid")));
        assertFalse(store.conversations().hide(root, "again", audit(community, root, "hid")));

        assertEquals(Post.HIDDEN_TEXT + "spam", store.posts().latest(community.id(), 1).get(0).text());
        assertEquals(List.of("hid"), store.conversations().audit(community.id(), 20).stream().map(AuditEntry::action).toList());
    }

    @Test
    void hide_ofTheLatestReply_takesItsWordsOffItsFirstPost() {
        Community community = community();
        Post root = post(community, "question");
        Post reply = reply(community, root, "buy cheap pills", 2);
        store.conversations().addReply(reply);

        assertTrue(store.conversations().hide(reply, "spam", audit(community, reply, "hid")));

        Post first = store.conversations().thread(community.id(), root.id()).get(0);
        assertEquals(null, first.latestReply(), "a hidden reply's words leave its thread's first post, as a deleted one's");
        assertEquals(1, first.replyCount());
    }

    @Test
    void replyOf1KbText_toA1KbPost_computesItsWriteUnits() {
        Community community = community();
        Post root = post(community, KILOBYTE);
        dynamo.meter().reset();

        store.conversations().addReply(reply(community, root, KILOBYTE, 2));

        assertEquals(Units.write(2 + 1 + 2), dynamo.meter().usage(DynamoConversations.REPLY).computed(),
                "the reply (a little over 1 KB) with its author index entry, then its first post's count and"
                        + " latest reply preview (that post, a little over 1 KB too)");
    }

    @Test
    void replyOf1KbText_toAShortPost_computesFourWriteUnits() {
        Community community = community();
        Post root = post(community, "Who knows a good SQL formatter?");
        dynamo.meter().reset();

        store.conversations().addReply(reply(community, root, KILOBYTE, 2));

        assertEquals(Units.write(2 + 1 + 1), dynamo.meter().usage(DynamoConversations.REPLY).computed());
    }

    @Test
    void react_toAShortPost_computesTwoWriteUnits() {
        Community community = community();
        Post root = post(community, "Who knows a good SQL formatter?");
        dynamo.meter().reset();

        store.conversations().react(root, "tada", Sample.personId(), true);

        assertEquals(Units.write(1 + 1), dynamo.meter().usage(DynamoConversations.REACT).computed(),
                "the person's reaction item (keys only) and an atomic ADD on the post: no transaction");
    }

    @Test
    void editOf1KbText_computesTwoWriteUnits() {
        Community community = community();
        Post root = post(community, "short");
        dynamo.meter().reset();

        store.conversations().edit(root, root.authorId(), KILOBYTE);

        assertEquals(Units.write(2), dynamo.meter().usage(DynamoConversations.EDIT).computed());
    }

    private static Post post(Community community, String text) {
        Post post = Sample.post(community, community.createdBy(), text, Sample.minute(1));
        store.posts().add(post);
        return post;
    }

    private static Post reply(Community community, Post root, String text, int minute) {
        return Post.reply(Ulid.random(Sample.minute(minute)), root.id(), community.id(), community.slug(),
                Sample.personId(), "Grace Hopper", Platform.TEAMS, text, Sample.minute(minute));
    }

    private static AuditEntry audit(Community community, Post post, String action) {
        return new AuditEntry(Ulid.random(Sample.minute(5)), community.id(), action, post.reference(), Sample.personId(),
                "Ada Lovelace", "because", Sample.minute(5));
    }

    private static Community community() {
        Community community = Sample.community(Sample.slug("talk"), Sample.personId());
        store.communities().create(community, Sample.steward(community));
        return community;
    }
}
