package ciment.core.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.core.Ciment;
import ciment.core.reply.Reply;
import ciment.core.testing.InMemoryRepositories;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class DiscoveryTest {
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC);
    private final Talk people = new Talk(new Ciment(InMemoryRepositories.create(), clock, Finance.off(), Talk.IN_BULK), clock);

    @Test
    void browsing_suggestsCommunitiesTaggedWithMySkills_thatIAmNotIn() {
        people.say("ada", "create a11y Accessible products");
        people.say("ada", "tags a11y accessibilite");
        people.say("ada", "create sql-club Queries");
        people.say("ada", "tags sql-club sql");
        people.say("ada", "create sql-mine Mine already");
        people.say("ada", "tags sql-mine sql");
        people.say("grace", "join sql-mine");
        people.say("grace", "skills add SQL");
        people.say("grace", "roles add Accessibilité");

        var list = (Reply.CommunityList) people.say("grace", "communities");
        assertEquals(List.of("a11y", "sql-club"), list.suggested().stream().map(l -> l.community().slug().value()).toList());
        var searched = (Reply.CommunityList) people.say("grace", "communities sql");
        assertTrue(searched.suggested().isEmpty(), "suggestions only when browsing");
    }

    @Test
    void moreMatchesThanAPage_sayHowToNarrowThemDown() {
        for (int i = 0; i < 23; i++) {
            people.say("ada", "create club-" + i + " Club number " + i);
        }
        var list = (Reply.CommunityList) people.say("grace", "communities club");
        assertEquals(20, list.communities().size());
        assertEquals(3, list.more());
        assertTrue(list.summary().startsWith("23 communities match “club”: the first 20 are shown"), list.summary());
    }

    @Test
    void nextPage_fromTheCursorGiven_showsTheRest_andTheLastPageHasNoCursor() {
        for (int i = 0; i < 23; i++) {
            people.say("ada", "create club-" + String.format("%02d", i) + " Club number " + i);
        }
        var first = (Reply.CommunityList) people.say("grace", "communities club");
        assertTrue(first.next().startsWith("communities club more:"), first.next());
        assertTrue(first.summary().contains(first.next()), first.summary());

        var second = (Reply.CommunityList) people.say("grace", first.next());

        assertEquals(List.of("club-20", "club-21", "club-22"),
                second.communities().stream().map(l -> l.community().slug().value()).toList());
        assertEquals("", second.next());
        assertTrue(second.summary().contains("numbers 21 to 23 are shown."), second.summary());
    }

    @Test
    void cursor_ofAnotherSearch_orMadeUp_isRefused() {
        for (int i = 0; i < 23; i++) {
            people.say("ada", "create club-" + i + " Club number " + i);
        }
        String next = ((Reply.CommunityList) people.say("grace", "communities club")).next();
        String cursor = next.substring(next.indexOf("more:"));

        Reply other = people.say("grace", "communities number " + cursor);
        Reply madeUp = people.say("grace", "communities club more:zz");

        assertTrue(other instanceof Reply.Refused && other.summary().contains("belongs to another search"), other.summary());
        assertTrue(madeUp instanceof Reply.Refused, madeUp.summary());
    }
}
