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
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FeedTest {
    private final InMemoryRepositories memory = new InMemoryRepositories();
    private final Repositories store = memory.repositories();
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC);
    private final Talk people = new Talk(new Ciment(store, clock, Finance.off(), Talk.IN_BULK), clock);

    @Test
    void communityFeed_pagedWithMore_showsEveryPostOnceNewestFirst_andTheLastPageHasNoMore() {
        people.say("ada", "create data-guild Sharing data tips");
        IntStream.range(0, 45).forEach(i -> people.say("ada", "post data-guild Tip " + i));

        List<String> texts = new ArrayList<>();
        Reply.Feed page = feed("grace", "feed data-guild");
        assertEquals(20, page.posts().size());
        int pages = 1;
        texts.addAll(page.posts().stream().map(Post::text).toList());
        while (!page.next().isEmpty()) {
            assertTrue(page.next().startsWith("feed data-guild more:"), page.next());
            page = feed("grace", page.next());
            assertTrue(page.older());
            texts.addAll(page.posts().stream().map(Post::text).toList());
            pages++;
        }

        assertEquals(3, pages);
        assertEquals(IntStream.range(0, 45).map(i -> 44 - i).mapToObj(i -> "Tip " + i).toList(), texts);
    }

    @Test
    void homeFeed_mergesMyCommunitiesNewestFirst_acrossPages() {
        people.say("ada", "create data-guild Sharing data tips");
        people.say("ada", "create design-guild Sharing design tips");
        people.say("ada", "create not-mine Elsewhere");
        people.say("grace", "join data-guild");
        people.say("grace", "join design-guild");
        for (int i = 0; i < 30; i++) {
            people.say("ada", "post " + (i % 3 == 0 ? "design-guild" : i % 3 == 1 ? "data-guild" : "not-mine") + " Post " + i);
        }

        List<String> texts = new ArrayList<>();
        Reply.Feed page = feed("grace", "feed");
        texts.addAll(page.posts().stream().map(Post::text).toList());
        while (!page.next().isEmpty()) {
            assertTrue(page.next().startsWith("feed more:"), page.next());
            page = feed("grace", page.next());
            texts.addAll(page.posts().stream().map(Post::text).toList());
        }

        assertEquals(IntStream.range(0, 30).map(i -> 29 - i).filter(i -> i % 3 != 2).mapToObj(i -> "Post " + i).toList(),
                texts);
    }

    @Test
    void homeFeed_whenOneCommunityHoldsAllTheNewest_showsOnlyWhatIsSurelyInOrder_thenGoesOn() {
        people.say("ada", "create data-guild Sharing data tips");
        people.say("ada", "create design-guild Sharing design tips");
        people.say("ada", "post design-guild The oldest");
        IntStream.range(0, 30).forEach(i -> people.say("ada", "post data-guild Tip " + i));

        Reply.Feed first = feed("ada", "feed");
        Reply.Feed second = feed("ada", first.next());

        assertEquals("Tip 29", first.posts().get(0).text());
        assertEquals("Tip " + (29 - first.posts().size()), second.posts().get(0).text(), "nothing skipped");
    }

    @Test
    void alteredCursor_isRefusedInOneSentence_andWritesNothing() {
        people.say("ada", "create data-guild Sharing data tips");
        IntStream.range(0, 25).forEach(i -> people.say("ada", "post data-guild Tip " + i));
        String next = feed("ada", "feed data-guild").next();
        String token = next.substring(next.indexOf("more:") + 5);
        byte[] bytes = Base64.getUrlDecoder().decode(token);
        bytes[bytes.length - 20] ^= 1; // one bit of the post id the page starts before
        String altered = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        int writes = memory.writes();

        Reply reply = people.say("ada", "feed data-guild more:" + altered);

        assertInstanceOf(Reply.Refused.class, reply);
        assertTrue(reply.summary().contains("altered"), reply.summary());
        assertEquals(writes, memory.writes());
    }

    @Test
    void cursorOfOneFeed_pastedAfterAnother_isRefused() {
        people.say("ada", "create data-guild Sharing data tips");
        people.say("ada", "create design-guild Sharing design tips");
        IntStream.range(0, 25).forEach(i -> people.say("ada", "post data-guild Tip " + i));
        String next = feed("ada", "feed data-guild").next();

        Reply reply = people.say("ada", next.replace("data-guild", "design-guild"));
        Reply home = people.say("ada", "feed " + next.substring(next.indexOf("more:")));

        assertEquals("That “more:” link belongs to another feed: send feed design-guild again without it.",
                reply.summary());
        assertInstanceOf(Reply.Refused.class, home);
    }

    @Test
    void madeUpCursor_isRefused() {
        people.say("ada", "create data-guild Sharing data tips");

        assertInstanceOf(Reply.Refused.class, people.say("ada", "feed data-guild more:abc"));
        assertInstanceOf(Reply.Refused.class, people.say("ada", "feed more:!!"));
    }

    private Reply.Feed feed(String user, String words) {
        return assertInstanceOf(Reply.Feed.class, people.say(user, words));
    }
}
