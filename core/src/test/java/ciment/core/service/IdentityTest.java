package ciment.core.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.core.Ciment;
import ciment.core.config.TrustedDomains;
import ciment.core.model.Caller;
import ciment.core.model.ChatAccount;
import ciment.core.model.Introduction;
import ciment.core.model.Platform;
import ciment.core.port.Repositories;
import ciment.core.reply.Reply;
import ciment.core.testing.InMemoryRepositories;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class IdentityTest {
    private static final ChatAccount ADA_SLACK = new ChatAccount(Platform.SLACK, "T1", "U1");
    private static final ChatAccount ADA_TEAMS = new ChatAccount(Platform.TEAMS, "tenant", "aad-ada");
    private final Repositories store = InMemoryRepositories.create();
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC);
    /** Ada's Slack workspace and Teams tenant are trusted for example.com. */
    private static final TrustedDomains TRUSTED = TrustedDomains.parse("example.com=T1,example.com=tenant");
    private final Ciment ciment = new Ciment(store, clock, TRUSTED);
    private int requests;

    private Reply as(ChatAccount account, Introduction introduction, String text) {
        return as(ciment, account, introduction, text);
    }

    private Reply as(Ciment ciment, ChatAccount account, Introduction introduction, String text) {
        return ciment.handle(new Caller(account, () -> introduction, "r" + ++requests, clock.instant()), text);
    }

    /** A member of the organisation its account is in (the workspace or tenant the account is of). */
    private static Introduction withEmail(String name, String email) {
        return new Introduction(name, Optional.of(email), false, List.of("T1", "tenant"));
    }

    private static Introduction of(String organisation, String name, String email, boolean guest) {
        return new Introduction(name, Optional.of(email), guest, List.of(organisation));
    }

    @Test
    void accountsWithTheSameVerifiedEmail_areOnePerson_acrossSlackAndTeams() {
        as(ADA_SLACK, withEmail("Ada (Slack)", "Ada@Example.com"), "create data-guild Data tips");

        var me = (Reply.Me) as(ADA_TEAMS, withEmail("Ada (Teams)", "ada@example.com"), "whoami");
        assertEquals(Set.of(ADA_SLACK, ADA_TEAMS), Set.copyOf(me.accounts()));
        assertEquals("Ada (Slack)", me.profile().person().displayName());
        assertInstanceOf(Reply.Posted.class, as(ADA_TEAMS, Introduction.named("ignored"), "post data-guild From Teams"));
    }

    @Test
    void accountsWithoutEmail_stayApart() {
        as(ADA_SLACK, Introduction.named("Ada"), "create data-guild Data tips");
        var me = (Reply.Me) as(ADA_TEAMS, Introduction.named("Ada"), "whoami");
        assertEquals(List.of(ADA_TEAMS), me.accounts());
    }

    @Test
    void emailLearntLater_mergesThePeople_keepingEveryMembershipAndStewardship() {
        as(ADA_SLACK, withEmail("Ada", "ada@example.com"), "create slack-side Made in Slack");
        AtomicReference<Introduction> teamsSays = new AtomicReference<>(Introduction.named("Ada T"));
        Caller teams = new Caller(ADA_TEAMS, teamsSays::get, "t1", clock.instant());
        ciment.handle(teams, "create teams-side Made in Teams");
        ciment.handle(teams, "skills add SQL");

        teamsSays.set(withEmail("Ada T", "ada@example.com"));
        var me = (Reply.Me) ciment.handle(new Caller(ADA_TEAMS, teamsSays::get, "t2", clock.instant()), "whoami");

        assertEquals(Set.of(ADA_SLACK, ADA_TEAMS), Set.copyOf(me.accounts()));
        assertEquals(List.of("SQL"), me.profile().skills());
        var info = (Reply.Info) as(ADA_SLACK, Introduction.named("x"), "info teams-side");
        assertEquals(Reply.Standing.STEWARD, info.standing(), "the Teams community's stewardship moved over");
        assertEquals(1, info.community().memberCount());
    }

    @Test
    void approve_byEmail_letsAStewardOnOneToolAnswerSomeoneOnTheOther() {
        as(ADA_SLACK, withEmail("Ada", "ada@example.com"), "create data-guild Data tips");
        as(ADA_SLACK, Introduction.named("Ada"), "close data-guild");
        as(new ChatAccount(Platform.TEAMS, "tenant", "aad-grace"), of("tenant", "Grace", "grace@example.com", false),
                "join data-guild");

        Reply approved = as(ADA_SLACK, Introduction.named("Ada"), "approve data-guild grace@example.com");
        assertTrue(approved.summary().contains("Grace is now a member"), approved.summary());
        Reply unknown = as(ADA_SLACK, Introduction.named("Ada"), "approve data-guild nobody@example.com");
        assertTrue(unknown.summary().contains("Nobody with the address nobody@example.com"), unknown.summary());
    }

    // --- issue 14, item 1: a claimed address makes nobody an existing person --------------------------

    private static final ChatAccount ROOT_SLACK = new ChatAccount(Platform.SLACK, "T1", "U0ROOT");
    private static final String ROOT = "root@example.com";

    private Reply.Me whoami(ChatAccount account, Introduction introduction) {
        return (Reply.Me) as(account, introduction, "whoami");
    }

    @Test
    void guestOfATrustedTenant_givingAnEmployeesAddress_isNotLinked_andWhoamiSaysWhy() {
        as(ROOT_SLACK, of("T1", "Root", ROOT, false), "create ops-room Ops");
        ChatAccount guest = new ChatAccount(Platform.TEAMS, "tenant", "aad-guest");

        Reply.Me me = whoami(guest, of("tenant", "Mallory", ROOT, true));

        assertEquals(List.of(guest), me.accounts(), "the guest is a person of their own");
        assertTrue(me.profile().person().guest());
        assertEquals(Optional.of(AddressTrust.GUEST), me.unlinkedWhy());
        assertEquals(List.of(ROOT_SLACK), ((Reply.Me) as(ROOT_SLACK, Introduction.named("Root"), "roles")).accounts());
    }

    @Test
    void memberOfAnotherOrganisation_givingAnEmployeesAddress_isNotLinked_andWhoamiNamesItsOrganisation() {
        as(ROOT_SLACK, of("T1", "Root", ROOT, false), "create ops-room Ops");
        ChatAccount stranger = new ChatAccount(Platform.TEAMS, "evil-tenant", "aad-mallory");

        Reply.Me me = whoami(stranger, of("evil-tenant", "Mallory", ROOT, false));

        assertEquals(List.of(stranger), me.accounts());
        assertEquals(Optional.of("This account stays separate from your other accounts: addresses at example.com link"
                + " only accounts of the workspaces and tenants CIMENT_TRUSTED_DOMAINS trusts for example.com, and this"
                + " account's tenant evil-tenant is not one of them."), me.unlinked());
        assertEquals(Optional.empty(), store.people().profile(me.profile().person()).email(), "no claim is written for it");
    }

    @Test
    void domainsMatchExactly_aSubdomainOrAnotherDomainIsNotTrusted() {
        Reply.Me sub = whoami(new ChatAccount(Platform.SLACK, "T1", "U0SUB"), of("T1", "Sub", "a@eu.example.com", false));
        Reply.Me other = whoami(new ChatAccount(Platform.SLACK, "T1", "U0OTH"), of("T1", "Oth", "a@example.org", false));

        assertTrue(sub.unlinked().orElseThrow().contains("addresses at eu.example.com"), sub.unlinked().toString());
        assertTrue(other.unlinked().orElseThrow().contains("addresses at example.org"), other.unlinked().toString());
    }

    @Test
    void nothingTrusted_twoAccountsWithOneAddress_stayTwoPeople_andWhoamiSaysWhy() {
        Ciment untrusting = new Ciment(store, clock);
        as(untrusting, ADA_SLACK, withEmail("Ada", "ada@example.com"), "create data-guild Data tips");

        Reply.Me me = (Reply.Me) as(untrusting, ADA_TEAMS, withEmail("Ada", "ada@example.com"), "whoami");

        assertEquals(List.of(ADA_TEAMS), me.accounts());
        assertEquals(Optional.of(AddressTrust.NOTHING_TRUSTED), me.unlinkedWhy());
        assertEquals(Optional.empty(), store.people().holderOf("ada@example.com"), "no address is claimed");
    }

    @Test
    void guestMetFirst_staysAGuest_whenTheDirectoryLaterCallsThemAMember() {
        as(ROOT_SLACK, of("T1", "Root", ROOT, false), "create ops-room Ops");
        ChatAccount teams = new ChatAccount(Platform.TEAMS, "tenant", "aad-root");
        as(teams, of("tenant", "Root?", ROOT, true), "communities");

        Reply.Me me = whoami(teams, of("tenant", "Root", ROOT, false));

        assertEquals(List.of(teams), me.accounts(), "not merged into the employee");
        assertTrue(me.profile().person().guest());
        assertEquals(Optional.of(AddressTrust.GUEST), me.unlinkedWhy());
    }

    @Test
    void organisationNoLongerTrusted_itsAddressesLinkNobody_andFindNobody() {
        as(ROOT_SLACK, of("T1", "Root", ROOT, false), "create ops-room Ops");
        Ciment withoutT1 = new Ciment(store, clock, TrustedDomains.parse("example.com=tenant"));
        ChatAccount teams = new ChatAccount(Platform.TEAMS, "tenant", "aad-root");

        Reply.Me me = (Reply.Me) as(withoutT1, teams, of("tenant", "Root", ROOT, false), "whoami");

        assertEquals(List.of(teams), me.accounts());
        assertEquals(Optional.of(AddressTrust.heldElsewhere(ROOT)), me.unlinkedWhy());
        Reply approve = as(withoutT1, ROOT_SLACK, Introduction.named("Root"), "invite ops-room " + ROOT);
        assertTrue(approve.summary().startsWith("Nobody with the address " + ROOT + " is known"), approve.summary());
    }

    @Test
    void trustedOnBothSides_linksEitherWay_slackFirstOrTeamsFirst() {
        ChatAccount graceTeams = new ChatAccount(Platform.TEAMS, "tenant", "aad-grace");
        ChatAccount graceSlack = new ChatAccount(Platform.SLACK, "T1", "U0GRACE");
        as(graceTeams, of("tenant", "Grace", "grace@example.com", false), "create teams-first Teams first");

        Reply.Me grace = whoami(graceSlack, of("T1", "Grace", "grace@example.com", false));

        assertEquals(Set.of(graceTeams, graceSlack), Set.copyOf(grace.accounts()));
        assertEquals(Optional.empty(), grace.unlinked());
    }
}
