package ciment.infra.dynamo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.core.model.Platform;
import ciment.core.model.Post;
import ciment.core.model.Slug;
import ciment.core.model.Ulid;
import ciment.core.port.Conversations;
import ciment.core.port.Posts;
import ciment.infra.dynamo.CapacityMeter.Units;
import ciment.infra.testing.MotoTables;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What insights read (Posts.recent) on moto: two key ranges by ULID, the items mapped back, the cap, and
 * the read units of a community of 100 posts a month.
 */
class DynamoRecentPostsTest {
    private static final Instant START = Instant.parse("2026-11-09T00:00:00Z");
    private static final String SHORT = "Who knows a good SQL formatter? ".repeat(6).strip();
    private static DynamoRepositories dynamo;

    @BeforeAll
    static void table() {
        dynamo = MotoTables.repositories(MotoTables.create("recent"));
    }

    private static Post post(String community, String author, Platform tool, Instant at) {
        Post post = new Post(Ulid.random(at), community, new Slug("data-guild"), author, author, tool, SHORT, at);
        assertTrue(dynamo.repositories().posts().add(post));
        return post;
    }

    private static Post reply(Post root, String author, Instant at) {
        Post reply = Post.reply(Ulid.random(at), root.id(), root.communityId(), root.slug(), author, author,
                Platform.TEAMS, SHORT, at);
        assertEquals(Conversations.Added.ADDED, dynamo.repositories().conversations().addReply(reply));
        return reply;
    }

    @Test
    void postsFromTheStart_andRepliesInThreadsFromTheLookback_noMore() {
        Post older = post("c-ranges", "ada", Platform.SLACK, START.minus(Duration.ofDays(40)));
        Post lookback = post("c-ranges", "ada", Platform.SLACK, START.minus(Duration.ofDays(10)));
        Post recent = post("c-ranges", "bob", Platform.TEAMS, START.plus(Duration.ofDays(2)));
        reply(older, "cy", START.plus(Duration.ofDays(1)));
        Post inLookback = reply(lookback, "cy", START.plus(Duration.ofDays(1)));
        Post inRecent = reply(recent, "dan", START.plus(Duration.ofDays(3)));
        post("c-other", "eve", Platform.SLACK, START.plus(Duration.ofDays(2)));

        Posts.Recent read = dynamo.repositories().posts().recent("c-ranges", START, START.minus(Duration.ofDays(28)), 100);

        assertEquals(List.of(recent.id()), read.posts().stream().map(Post::id).toList());
        assertEquals(List.of(inRecent.id(), inLookback.id()), read.replies().stream().map(Post::id).toList());
        Post mapped = read.posts().getFirst();
        assertEquals("bob", mapped.authorId());
        assertEquals(Platform.TEAMS, mapped.origin());
        assertEquals(recent.createdAt(), mapped.createdAt());
        assertEquals(lookback.id(), read.replies().get(1).rootId());
        assertFalse(read.capped());
    }

    @Test
    void cap_keepsTheNewestPosts_thenReplies_andSaysSo() {
        List<Post> posts = IntStream.range(0, 4).mapToObj(i -> post("c-cap", "p" + i, Platform.SLACK,
                START.plus(Duration.ofHours(i)))).toList();
        reply(posts.getFirst(), "r", START.plus(Duration.ofHours(5)));

        Posts.Recent exact = dynamo.repositories().posts().recent("c-cap", START, START, 5);
        Posts.Recent capped = dynamo.repositories().posts().recent("c-cap", START, START, 3);

        assertFalse(exact.capped(), "exactly the cap: nothing left out");
        assertEquals(4, exact.posts().size());
        assertEquals(1, exact.replies().size());
        assertTrue(capped.capped());
        assertEquals(List.of(posts.get(3).id(), posts.get(2).id(), posts.get(1).id()),
                capped.posts().stream().map(Post::id).toList());
        assertEquals(List.of(), capped.replies());
    }

    @Test
    void aCommunityOf100PostsAMonth_fourWeeksWithEightWeeksOfReplies_readInAbout36ReadUnits() {
        // 100 posts a month of 191 characters, three replies each: 4 weeks of posts, 8 weeks of threads' replies.
        for (int i = 0; i < 200; i++) {
            Instant at = START.plus(Duration.ofDays(28)).minus(Duration.ofMinutes(1 + i * 404L));
            Post root = post("c-month", "p" + (i % 30), Platform.SLACK, at);
            IntStream.range(0, 3).forEach(r -> reply(root, "q" + r, at.plusSeconds(60 + r)));
        }
        dynamo.meter().reset();

        Posts.Recent read = dynamo.repositories().posts().recent("c-month", START, START.minus(Duration.ofDays(28)),
                5_000);
        Units units = dynamo.meter().total().computed();

        assertEquals(100, read.posts().size());
        assertEquals(600, read.replies().size());
        assertEquals(0, units.write());
        assertTrue(units.read() >= 30 && units.read() <= 40, "700 items of about 400 bytes, eventually consistent: "
                + units.read());
        System.out.println("insights of a community of 100 posts a month: " + units.read() + " read units");
    }
}
