package ciment.infra.dynamo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.core.model.Community;
import ciment.core.model.Post;
import ciment.core.model.Ulid;
import ciment.core.port.Posts;
import ciment.core.port.Repositories;
import ciment.infra.testing.MotoTables;
import ciment.infra.testing.Sample;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Pages of a community's posts: older than a post (there or gone), within their size, and several at once. */
class DynamoPostPagesTest {
    private static Repositories store;

    @BeforeAll
    static void table() {
        store = MotoTables.repositories(MotoTables.create("pages")).repositories();
    }

    @Test
    void pageBeforeAPostThatIsNotThere_goesOnWithTheOlderOnes() {
        Community community = community();
        List<Post> posts = IntStream.range(0, 6).mapToObj(i -> Sample.post(community, community.createdBy(),
                "Post " + i, Sample.minute(2 * i))).toList();
        posts.forEach(store.posts()::add);
        String between = Ulid.random(Sample.minute(7)); // after post 3, before post 4: no post has this id

        Posts.Page page = store.posts().page(community.id(), Optional.of(between), 3);

        assertEquals(List.of("Post 3", "Post 2", "Post 1"), page.posts().stream().map(Post::text).toList());
        assertTrue(page.more());
        assertFalse(store.posts().page(community.id(), Optional.of(posts.get(1).id()), 3).more(), "only post 0 is older");
    }

    @Test
    void pages_ofSeveralCommunities_comeBackByCommunity_inTheOrderAsked() {
        List<Community> communities = IntStream.range(0, 5).mapToObj(i -> community()).toList();
        communities.forEach(c -> store.posts().add(Sample.post(c, c.createdBy(), "In " + c.slug(), Sample.minute(1))));
        List<String> ids = communities.stream().map(Community::id).toList();

        Map<String, Posts.Page> pages = store.posts().pages(ids, Optional.empty(), 2);

        assertEquals(ids, List.copyOf(pages.keySet()));
        communities.forEach(c -> assertEquals(List.of("In " + c.slug()),
                pages.get(c.id()).posts().stream().map(Post::text).toList()));
    }

    private static Community community() {
        Community community = Sample.community(Sample.slug("pages"), Sample.personId());
        store.communities().create(community, Sample.steward(community));
        return community;
    }
}
