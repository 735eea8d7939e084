package ciment.core.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.core.reply.Reply;
import ciment.core.testing.InMemoryStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class DiscoveryTest {
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC);
    private final Talk people = new Talk(new Ciment(new InMemoryStore(), clock), clock);

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
}
