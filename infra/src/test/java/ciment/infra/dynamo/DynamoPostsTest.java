package ciment.infra.dynamo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.core.model.Community;
import ciment.core.model.Post;
import ciment.core.port.Repositories;
import ciment.infra.testing.MotoTables;
import ciment.infra.testing.Sample;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class DynamoPostsTest {
    private static String table;
    private static Repositories store;

    @BeforeAll
    static void table() {
        table = MotoTables.create("posts");
        store = MotoTables.repositories(table).repositories();
    }

    @Test
    void add_newPost_isReadBackWhole_andKeptOutOfTheIndex() {
        Community community = community();
        Post post = Sample.post(community, community.createdBy(), "Accessibilité: the new audit checklist is out ✅",
                Sample.minute(1));

        assertTrue(store.posts().add(post));

        assertEquals(List.of(post), store.posts().latest(community.id(), 20));
        Map<String, AttributeValue> item = MotoTables.CLIENT.getItem(b -> b.tableName(table)
                .key(Keys.key("C#" + community.id(), "POST#" + post.id()))).item();
        assertFalse(item.containsKey("gsi1pk"));
    }

    @Test
    void add_samePostIdAgain_isRefused_andChangesNothing() {
        Community community = community();
        Post post = Sample.post(community, community.createdBy(), "first words", Sample.minute(2));
        store.posts().add(post);
        Post retried = new Post(post.id(), post.communityId(), post.slug(), post.authorId(), post.authorName(),
                post.origin(), "other words", post.createdAt());
        List<Map<String, AttributeValue>> before = MotoTables.items(table);

        assertFalse(store.posts().add(retried));

        assertEquals(before, MotoTables.items(table));
        assertEquals(List.of(post), store.posts().latest(community.id(), 20));
    }

    @Test
    void latest_isNewestFirst_limited_andOfThatCommunityOnly() {
        Community community = community();
        Community other = community();
        List<Post> posts = IntStream.range(0, 25)
                .mapToObj(i -> Sample.post(community, community.createdBy(), "post " + i, Sample.minute(10 + i)))
                .toList();
        // Stored out of order: the order must come from the ids, not from the writes.
        posts.reversed().forEach(store.posts()::add);
        store.posts().add(Sample.post(other, other.createdBy(), "elsewhere", Sample.minute(99)));

        List<Post> latest = store.posts().latest(community.id(), 20);

        List<Post> expected = posts.stream().sorted(Comparator.comparing(Post::id).reversed()).limit(20).toList();
        assertEquals(expected, latest);
        assertEquals("post 24", latest.get(0).text());
    }

    @Test
    void latest_ofCommunityWithoutPosts_isEmpty_evenWithMembersAndMeta() {
        Community community = community();
        store.communities().join(Sample.member(community, Sample.personId()));

        assertEquals(List.of(), store.posts().latest(community.id(), 20));
    }

    private static Community community() {
        Community community = Sample.community(Sample.slug("posts"), Sample.personId());
        store.communities().create(community, Sample.steward(community));
        return community;
    }
}
