package ciment.infra.dynamo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.core.model.AuditEntry;
import ciment.core.model.Community;
import ciment.core.model.Platform;
import ciment.core.model.Post;
import ciment.core.model.Slug;
import ciment.core.model.Text;
import ciment.core.model.Ulid;
import ciment.core.port.Conversations.Reacted;
import ciment.core.port.Repositories;
import ciment.infra.testing.MotoTables;
import ciment.infra.testing.Race;
import ciment.infra.testing.Sample;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Issue 14, item 6: a post item stays far from DynamoDB's 400 KB whatever people do to it, and a steward can
 * always hide it and its author delete it. The largest post Ciment can make is built here on moto: the longest
 * text in 4-byte emoji, the longest name, a question answered and pinned, edited, with the longest preview of a
 * reply and {@link Post#MAX_EMOJI} different emoji of the longest names Ciment takes.
 */
class PostBoundsTest {
    /** A 4-byte character (UTF-8), two UTF-16 units: the heaviest a person can type. */
    private static final String HEAVY = "😀";
    /** Far under DynamoDB's 400 KB item limit (and its 1 MB query pages): 8%. */
    private static final long WELL_UNDER = 32 * 1024;
    private static String table;
    private static Repositories store;

    @BeforeAll
    static void table() {
        table = MotoTables.create("bounds");
        store = MotoTables.repositories(table).repositories();
    }

    @Test
    void twentyFirstDifferentEmoji_isRefused_andAReactionWithAnEmojiShownStillCounts() {
        Post post = post(community(), "react to me");
        for (int i = 0; i < Post.MAX_EMOJI; i++) {
            assertEquals(Reacted.CHANGED, store.conversations().react(post, "custom-" + i, Sample.personId(), true));
        }
        String late = Sample.personId();
        int items = MotoTables.items(table).size();

        assertEquals(Reacted.FULL, store.conversations().react(post, "one-too-many", late, true));

        assertEquals(items, MotoTables.items(table).size(), "the person's reaction item is taken back");
        assertEquals(Reacted.CHANGED, store.conversations().react(post, "custom-3", late, true));
        Post read = read(post);
        assertEquals(Post.MAX_EMOJI, read.reactions().size());
        assertEquals(2, read.reactions().get("custom-3"));
    }

    @Test
    void newEmojiAddedAtTheSameMoment_neverTakeAPostPastItsMost() {
        Post post = post(community(), "a crowd reacts");
        IntStream.range(0, Post.MAX_EMOJI - 3).forEach(i -> store.conversations().react(post, "early-" + i, Sample.personId(), true));

        List<Reacted> raced = Race.run(12, i -> store.conversations().react(post, "raced-" + i, Sample.personId(), true));

        assertEquals(3, raced.stream().filter(r -> r == Reacted.CHANGED).count(), raced.toString());
        assertEquals(9, raced.stream().filter(r -> r == Reacted.FULL).count(), raced.toString());
        assertEquals(Post.MAX_EMOJI, read(post).reactions().size());
    }

    @Test
    void lastReactionWithAnEmojiTakenBack_freesItsPlaceOnThePost() {
        Post post = post(community(), "changing minds");
        String ada = Sample.personId();
        IntStream.range(0, Post.MAX_EMOJI - 1).forEach(i -> store.conversations().react(post, "custom-" + i, Sample.personId(), true));
        store.conversations().react(post, "gone-soon", ada, true);

        assertEquals(Reacted.CHANGED, store.conversations().react(post, "gone-soon", ada, false));

        Map<String, AttributeValue> item = item(post);
        assertTrue(!item.containsKey(PostItems.REACTION_PREFIX + "gone-soon") && !item.get(PostItems.EMOJI).ss().contains(
                "gone-soon"), "the emoji leaves the post: " + item.keySet());
        assertEquals(Reacted.CHANGED, store.conversations().react(post, "in-its-place", ada, true));
    }

    @Test
    void largestPostCimentCanMake_staysWellUnder400Kb_andIsStillHiddenByAStewardAndDeletedByItsAuthor() {
        Community community = community();
        Post hidden = largest(community);
        Post deleted = largest(community);
        long size = ItemSizes.of(item(hidden));
        System.out.println("largest post item: " + size + " bytes");

        assertTrue(size < WELL_UNDER, size + " bytes");
        String reason = HEAVY.repeat(Text.PURPOSE_MAX);
        assertTrue(store.conversations().hide(hidden, reason, audit(community, hidden, "hid", reason)));
        assertTrue(store.conversations().delete(deleted, deleted.authorId(), audit(community, deleted, "deleted", "by its author")));

        long hiddenSize = ItemSizes.of(item(hidden));
        System.out.println("largest post item, hidden: " + hiddenSize + " bytes");
        assertTrue(hiddenSize < WELL_UNDER, hiddenSize + " bytes");
        assertTrue(read(hidden).isHidden());
        assertTrue(read(deleted).isRemoved());
    }

    /** Every attribute a post can carry, each at its longest. */
    private static Post largest(Community community) {
        String longestName = HEAVY.repeat(Text.NAME_MAX + 50); // names are cut to NAME_MAX on the post
        Post question = new Post(Ulid.random(Sample.minute(1)), community.id(), community.slug(), Sample.personId(),
                longestName, Platform.SLACK, HEAVY.repeat(Text.POST_MAX), Sample.minute(1)).withMarks(Post.Marks.QUESTION);
        store.posts().add(question);
        Post answer = Post.reply(Ulid.random(Sample.minute(2)), question.id(), community.id(), community.slug(),
                Sample.personId(), longestName, Platform.TEAMS, HEAVY.repeat(Text.POST_MAX), Sample.minute(2));
        store.conversations().addReply(answer);
        assertTrue(store.questions().accept(question, answer));
        assertTrue(store.questions().pin(question, true));
        assertTrue(store.conversations().edit(question, question.authorId(), HEAVY.repeat(Text.POST_MAX - 1) + "!"));
        for (int i = 0; i < Post.MAX_EMOJI; i++) {
            // 40 UTF-16 units (the parser's most) of 3-byte characters: the longest emoji name in bytes
            String emoji = "語".repeat(39) + (char) ('一' + i);
            assertEquals(Reacted.CHANGED, store.conversations().react(question, emoji, Sample.personId(), true));
        }
        return read(question);
    }

    private static Community community() {
        // The longest slug (40 characters), kept on every post
        Community community = Sample.community(new Slug(("bounds-" + UUID.randomUUID().toString().replace("-", "")
                + "xyz").substring(0, 40)), Sample.personId());
        store.communities().create(community, Sample.steward(community));
        return community;
    }

    private static Post post(Community community, String text) {
        Post post = Sample.post(community, community.createdBy(), text, Sample.minute(1));
        store.posts().add(post);
        return post;
    }

    private static Map<String, AttributeValue> item(Post post) {
        return MotoTables.CLIENT.getItem(b -> b.tableName(table).key(PostItems.postKey(post)).consistentRead(true)).item();
    }

    private static Post read(Post post) {
        return PostItems.post(item(post));
    }

    private static AuditEntry audit(Community community, Post post, String action, String reason) {
        return new AuditEntry(Ulid.random(Sample.minute(5)), community.id(), action, post.reference(), Sample.personId(),
                "Sol Steward", reason, Sample.minute(5));
    }
}
