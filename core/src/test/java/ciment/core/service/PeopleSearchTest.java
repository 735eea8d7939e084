package ciment.core.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.core.Ciment;
import ciment.core.PeopleSearch;
import ciment.core.config.TrustedDomains;
import ciment.core.model.Caller;
import ciment.core.model.ChatAccount;
import ciment.core.model.Introduction;
import ciment.core.model.Platform;
import ciment.core.model.Refusal;
import ciment.core.port.Repositories;
import ciment.core.testing.InMemoryRepositories;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PeopleSearchTest {
    private final InMemoryRepositories memory = new InMemoryRepositories();
    private final Repositories store = memory.repositories();
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC);
    private final Talk people = new Talk(new Ciment(store, clock), clock);
    private final PeopleSearch search = new PeopleSearch(store.people());

    @Test
    void skill_findsPeopleByName_withWhatTheyDeclared_whateverTheAccents() {
        people.say("zoe", "skills add Accessibilité");
        people.say("zoe", "roles add Onboarding buddy");
        people.say("ada", "roles add accessibilite");
        people.say("linus", "skills add SQL");

        List<PeopleSearch.Found> found = search.find(Talk.account("linus"), "ACCESSIBILITÉ");

        assertEquals(List.of("ada name", "zoe name"), found.stream().map(f -> f.person().displayName()).toList());
        assertEquals(List.of("Onboarding buddy"), found.get(1).profile().roles());
        assertEquals(List.of("Accessibilité"), found.get(1).profile().skills());
        assertEquals(List.of(Talk.account("zoe")), found.get(1).accounts(), "no address: the accounts reach them");
    }

    @Test
    void personWithAnAddress_isReachedByIt_andTheirAccountsAreNotRead() {
        ChatAccount ada = new ChatAccount(Platform.TEAMS, "tenant-1", "aad-ada");
        new Ciment(store, clock, TrustedDomains.parse("example.org=tenant-1")).handle(new Caller(ada,
                () -> new Introduction("Ada", Optional.of("Ada@Example.org"), false, List.of("tenant-1")), "r1",
                clock.instant()), "skills add sql");
        people.say("linus", "whoami");

        PeopleSearch.Found found = search.find(Talk.account("linus"), "sql").get(0);

        assertEquals(Optional.of("ada@example.org"), found.profile().email());
        assertEquals(List.of(), found.accounts());
    }

    @Test
    void guest_isRefusedAsByWho_andSomeoneNeverMet_isNotEnrolled() {
        ChatAccount guest = new ChatAccount(Platform.TEAMS, "tenant-2", "aad-guest");
        new Ciment(store, clock).handle(new Caller(guest, () -> new Introduction("Guest", Optional.empty(), true), "r2",
                clock.instant()), "whoami");
        people.say("ada", "skills add sql");
        int writes = memory.writes();

        Refusal guestRefused = assertThrows(Refusal.class, () -> search.find(guest, "sql"));
        assertTrue(guestRefused.sentence().contains("for employees"), guestRefused.sentence());
        Refusal stranger = assertThrows(Refusal.class, () -> search.find(Talk.account("nobody"), "sql"));
        assertTrue(stranger.sentence().contains("not met you"), stranger.sentence());
        assertEquals(writes, memory.writes(), "a search writes nothing");
        assertTrue(store.people().find(Talk.account("nobody")).isEmpty());
    }

    @Test
    void blankQuery_isRefusedWithAnExample() {
        people.say("ada", "whoami");
        assertThrows(Refusal.class, () -> search.find(Talk.account("ada"), "  "));
    }
}
