package ciment.infra.dynamo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.core.Ciment;
import ciment.core.config.WriteLimits;
import ciment.core.model.Caller;
import ciment.core.model.ChatAccount;
import ciment.core.model.Introduction;
import ciment.core.model.Platform;
import ciment.core.model.Post;
import ciment.core.port.Repositories;
import ciment.core.reply.Reply;
import ciment.core.service.Finance;
import ciment.infra.dynamo.CapacityMeter.Units;
import ciment.infra.testing.MotoTables;
import ciment.infra.testing.Sample;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 4's feed targets, whole commands through Ciment on moto, units as the benchmark computes them: a page
 * of a community's feed within 3 read units, and a home page over 10 communities within 6
 * (PostWritesByCommunitySizeTest: what a post costs does not grow with its community).
 */
class FeedCapacityTest {
    private static final String SHORT = "Who knows a good SQL formatter? ".repeat(6).strip();
    private static final String KILOBYTE = "x".repeat(1024);
    private static String table;
    private static DynamoRepositories dynamo;
    private static Repositories store;
    private static Ciment ciment;
    private static final AtomicInteger REQUESTS = new AtomicInteger();

    @BeforeAll
    static void table() {
        table = MotoTables.create("feeds");
        dynamo = MotoTables.repositories(table);
        store = dynamo.repositories();
        // Feeds are measured here: the many posts made to fill them are out of reach of the per-person limits.
        ciment = new Ciment(store, Clock.systemUTC(), Finance.off(), new WriteLimits(WriteLimits.Rate.parse(
                "1000/minute"), WriteLimits.DEFAULTS.reactions(), WriteLimits.DEFAULTS.creates()));
    }

    @Test
    void communityFeedOfShortPosts_pageOf20_withinThreeReadUnits() {
        String slug = community("short");
        IntStream.range(0, 25).forEach(i -> say("ada", "post " + slug + " " + SHORT));
        say("grace", "join " + slug);

        Units units = measure(() -> assertEquals(20, feed("grace", "feed " + slug).posts().size()));

        assertEquals(2.5, units.read(), "the caller, the community, 20 posts of 191 characters");
        assertEquals(0, units.write());
    }

    @Test
    void communityFeedOf1KbPosts_aShorterPage_withinThreeReadUnits_andMoreShowsTheRest() {
        String slug = community("long");
        IntStream.range(0, 25).forEach(i -> say("ada", "post " + slug + " " + i + " " + KILOBYTE));
        List<Reply.Feed> pages = new ArrayList<>();

        Units first = measure(() -> pages.add(feed("grace", "feed " + slug)));
        while (!pages.get(pages.size() - 1).next().isEmpty()) {
            Units next = measure(() -> pages.add(feed("grace", pages.get(pages.size() - 1).next())));
            assertTrue(next.read() <= 3, "a next page too: " + next.read());
        }

        assertEquals(3.0, first.read(), "the caller, the community, 11 posts of 1 KB: 5, then 6 more within 16 KB");
        assertEquals(11, pages.get(0).posts().size());
        List<String> shown = pages.stream().flatMap(p -> p.posts().stream()).map(p -> p.text().split(" ")[0]).toList();
        assertEquals(IntStream.range(0, 25).map(i -> 24 - i).mapToObj(String::valueOf).toList(), shown,
                "every post once, newest first");
    }

    @Test
    void homeFeedOverTenCommunities_withinSixReadUnits() {
        for (int c = 0; c < 10; c++) {
            String slug = community("home" + c);
            say("linus", "join " + slug);
            IntStream.range(0, 20).forEach(i -> say("ada", "post " + slug + " " + SHORT));
        }

        Reply.Feed[] page = new Reply.Feed[1];
        Units units = measure(() -> page[0] = feed("linus", "feed"));
        Units next = measure(() -> page[0] = feed("linus", page[0].next()));

        assertEquals(6.0, units.read(), "the caller, their memberships, then one read of 4 posts per community");
        assertTrue(next.read() <= 6, "the next page: " + next.read());
        assertEquals(0, units.write());
    }

    @Test
    void homeFeed_merged_showsEveryPostOfMyCommunitiesOnce_newestFirst() {
        List<String> slugs = IntStream.range(0, 4).mapToObj(c -> community("merge" + c)).toList();
        slugs.forEach(slug -> say("zoe", "join " + slug));
        List<String> posted = new ArrayList<>();
        for (int i = 0; i < 37; i++) {
            say("ada", "post " + slugs.get((i * 7) % 4) + " Post " + i);
            posted.add(0, "Post " + i);
        }

        List<String> shown = new ArrayList<>();
        Reply.Feed page = feed("zoe", "feed");
        shown.addAll(page.posts().stream().map(Post::text).toList());
        while (!page.next().isEmpty()) {
            page = feed("zoe", page.next());
            shown.addAll(page.posts().stream().map(Post::text).toList());
        }

        assertEquals(posted, shown);
    }

    @Test
    void alteredCursor_isRefused_andNothingIsWritten() {
        String slug = community("altered");
        IntStream.range(0, 25).forEach(i -> say("ada", "post " + slug + " " + SHORT));
        String next = feed("ada", "feed " + slug).next();
        char last = next.charAt(next.length() - 1);
        String altered = next.substring(0, next.length() - 1) + (last == 'A' ? 'B' : 'A');
        int items = MotoTables.items(table).size();

        Reply reply = say("ada", altered);

        assertInstanceOf(Reply.Refused.class, reply);
        assertTrue(reply.summary().startsWith("That “more:” link was altered"), reply.summary());
        assertEquals(items, MotoTables.items(table).size());
    }

    private static String community(String name) {
        String slug = Sample.slug(name).value();
        assertInstanceOf(Reply.Done.class, say("ada", "create " + slug + " Feeds that scale"));
        return slug;
    }

    private static Units measure(Runnable command) {
        dynamo.meter().reset();
        command.run();
        return dynamo.meter().total().computed();
    }

    private static Reply.Feed feed(String user, String words) {
        return assertInstanceOf(Reply.Feed.class, say(user, words));
    }

    private static Reply say(String user, String words) {
        ChatAccount account = new ChatAccount(Platform.SLACK, "T0FEEDS", user);
        return ciment.handle(new Caller(account, () -> Introduction.named(user), "feed-" + REQUESTS.incrementAndGet(),
                Instant.now(), mention -> Optional.empty()), words);
    }
}
