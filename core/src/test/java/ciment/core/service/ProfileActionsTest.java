package ciment.core.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.core.Ciment;
import ciment.core.port.Repositories;
import ciment.core.reply.Reply;
import ciment.core.testing.InMemoryRepositories;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProfileActionsTest {
    private final InMemoryRepositories memory = new InMemoryRepositories();
    private final Repositories store = memory.repositories();
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC);
    private final Talk people = new Talk(new Ciment(store, clock), clock);

    @Test
    void declaredSkill_findsThePerson_whateverTheAccentsAndCase() {
        people.say("ada", "skills add Accessibilité numérique");
        people.say("grace", "roles add accessibilite numerique");
        people.say("linus", "skills add SQL");

        var who = (Reply.Who) people.say("linus", "who accessibilité NUMÉRIQUE");
        assertEquals(List.of("ada name", "grace name"), who.people().stream().map(f -> f.person().displayName()).toList());
        assertEquals(List.of(Talk.account("ada")), who.people().get(0).accounts());
    }

    @Test
    void whoami_listsRolesAndSkillsAsTyped() {
        people.say("ada", "roles add Onboarding buddy");
        people.say("ada", "skills add SAP finance");
        var me = (Reply.Me) people.say("ada", "whoami");
        assertEquals(List.of("Onboarding buddy"), me.profile().roles());
        assertEquals(List.of("SAP finance"), me.profile().skills());
        assertEquals(List.of(Talk.account("ada")), me.accounts());
        assertEquals(new Reply.Me(me.profile(), me.accounts()), people.say("ada", "skills"),
                "skills shows the same, without saying again why the account is not linked");
    }

    @Test
    void removedSkill_isNoLongerFound() {
        people.say("ada", "skills add SQL");
        assertInstanceOf(Reply.Done.class, people.say("ada", "skills remove sql"));
        assertTrue(((Reply.Who) people.say("grace", "who sql")).people().isEmpty());
        assertInstanceOf(Reply.Refused.class, people.say("ada", "skills remove sql"));
    }

    @Test
    void sameSkillTwice_isRefused_andWritesNothing() {
        people.say("ada", "skills add SQL");
        int before = memory.writes();
        assertInstanceOf(Reply.Refused.class, people.say("ada", "skills add sql"));
        assertEquals(before, memory.writes());
    }

    @Test
    void who_neverCountsOrRanks_itNamesPeopleAlphabetically() {
        people.say("zoe", "skills add sql");
        people.say("ada", "skills add sql");
        var who = (Reply.Who) people.say("grace", "who sql");
        assertEquals(List.of("ada name", "zoe name"), who.people().stream().map(f -> f.person().displayName()).toList());
        assertTrue(!who.summary().matches(".*\\d.*"), "no number in: " + who.summary());
    }

    @Test
    void aThirtyFirstSkill_isRefused_andWritesNothing() {
        for (int i = 0; i < ciment.core.model.Profile.MAX_DECLARED; i++) {
            assertInstanceOf(Reply.Done.class, people.say("ada", "skills add Skill number " + i));
        }
        int writes = memory.writes();

        Reply refused = people.say("ada", "skills add One skill too many");

        assertEquals("You have declared 30 skills, the most Ciment keeps: remove one first with skills remove <text>.",
                refused.summary());
        assertEquals(writes, memory.writes());
        assertInstanceOf(Reply.Done.class, people.say("ada", "roles add Onboarding buddy"), "roles are counted apart");
    }
}
