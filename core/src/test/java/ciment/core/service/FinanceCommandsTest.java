package ciment.core.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.core.Ciment;
import ciment.core.config.Settings;
import ciment.core.cost.Meter;
import ciment.core.cost.UsageDay;
import ciment.core.model.Caller;
import ciment.core.model.ChatAccount;
import ciment.core.model.Directory;
import ciment.core.model.Grant;
import ciment.core.model.Introduction;
import ciment.core.model.Person;
import ciment.core.model.Platform;
import ciment.core.model.Slug;
import ciment.core.port.Repositories;
import ciment.core.reply.Reply;
import ciment.core.testing.InMemoryRepositories;
import ciment.core.testing.InMemoryUsage;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** costs, budget and grant through Ciment's one entry point, with roles from settings and from grants. */
class FinanceCommandsTest {
    private static final LocalDate DAY = LocalDate.of(2026, 11, 3);
    private final InMemoryRepositories memory = new InMemoryRepositories();
    private final Repositories store = memory.repositories();
    private final InMemoryUsage usage = new InMemoryUsage();
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC);
    private final Settings settings = Settings.of(Map.of(
            "CIMENT_FINANCE_EMAILS", "Fin@Example.com, other@example.com",
            "CIMENT_ADMIN_EMAILS", "root@example.com",
            "CIMENT_PUBLIC_URL", "https://ciment.example.com/",
            "CIMENT_TRUSTED_DOMAINS", "example.com=T1"));
    private final Ciment ciment = new Ciment(store, clock, Finance.fromSettings(settings, usage));
    private int requests;

    private Reply say(String user, String text) {
        Directory directory = mention -> mention.startsWith("@")
                ? Optional.of(account(mention.substring(1))) : Optional.empty();
        return ciment.handle(new Caller(account(user), () -> new Introduction(user + " name",
                Optional.of(user + "@example.com"), false, List.of("T1")), "r" + ++requests, clock.instant(), directory), text);
    }

    private static ChatAccount account(String user) {
        return new ChatAccount(Platform.SLACK, "T1", user);
    }

    private String id(String slug) {
        return store.communities().find(Slug.parse(slug)).orElseThrow().id();
    }

    @BeforeEach
    void twoCommunities_withAMonthOfUsage() {
        say("ada", "create data-guild Data tips");
        say("bob", "create design-club Design talk");
        say("cy", "join data-guild");
        usage.add(id("data-guild"), DAY, Meter.API_REQUESTS, 1_000_000)      // $1.00
                .add(id("data-guild"), DAY, Meter.LAMBDA_REQUESTS, 2_000_000)  // $0.40
                .add(id("design-club"), DAY, Meter.DYNAMODB_WRITE_UNITS, 500_000) // $0.3125
                .add(UsageDay.PLATFORM, DAY, Meter.DYNAMODB_READ_UNITS, 1_000_000); // $0.125
    }

    @Test
    void costs_byFinanceNamedByEmail_showsEveryCommunity_andThePlatform_toTheCent() {
        Reply.Costs costs = assertInstanceOf(Reply.Costs.class, say("fin", "costs 2026-11"));

        assertEquals(List.of("data-guild", "design-club"), costs.communities().stream().map(Reply.CommunityCost::name).toList());
        assertEquals(new BigDecimal("1.40"), costs.communities().get(0).cost());
        assertEquals("Amazon API Gateway", costs.communities().get(0).topServices().get(0).service());
        assertEquals(new BigDecimal("0.31"), costs.communities().get(1).cost());
        assertEquals(new BigDecimal("0.13"), costs.platform().orElseThrow().cost());
        assertEquals(new BigDecimal("1.84"), costs.total(), "0.3125 + 0.125 + 1.40 = 1.8375");
        assertTrue(costs.prices().startsWith("us-east-1/arm64/"), costs.prices());
        assertEquals(Optional.of("https://ciment.example.com/costs/chart.svg?month=2026-11"), costs.chartUrl());
        assertEquals(Optional.of("https://ciment.example.com/costs?month=2026-11&format=csv"), costs.csvUrl());
        assertFalse(costs.estimated());
    }

    @Test
    void costs_withoutMonth_isTheCurrentMonth() {
        assertEquals(java.time.YearMonth.of(2026, 11), assertInstanceOf(Reply.Costs.class, say("fin", "costs")).month());
    }

    @Test
    void costs_byASteward_showsOnlyTheCommunitiesTheySteward_noPlatform_noLinks() {
        Reply.Costs costs = assertInstanceOf(Reply.Costs.class, say("bob", "costs 2026-11"));

        assertEquals(List.of("design-club"), costs.communities().stream().map(Reply.CommunityCost::name).toList());
        assertTrue(costs.platform().isEmpty());
        assertEquals(new BigDecimal("0.31"), costs.total());
        assertTrue(costs.chartUrl().isEmpty() && costs.csvUrl().isEmpty());
    }

    @Test
    void costs_byAMemberWhoStewardsNothing_isRefused_inOneSentence() {
        Reply reply = say("cy", "costs");

        assertInstanceOf(Reply.Refused.class, reply);
        assertTrue(reply.summary().startsWith("Cost reports are for finance and for the stewards"), reply.summary());
    }

    @Test
    void costs_estimatedUnits_areSaidToBeEstimated() {
        usage.estimated(id("data-guild"));

        assertTrue(assertInstanceOf(Reply.Costs.class, say("ada", "costs 2026-11")).estimated());
    }

    @Test
    void budget_byASteward_isSet_andShownWithThePercentUsed() {
        assertInstanceOf(Reply.Done.class, say("ada", "budget data-guild 2"));

        assertEquals(Optional.of(new BigDecimal("2.00")), usage.budget(id("data-guild")));
        Reply.CommunityCost line = assertInstanceOf(Reply.Costs.class, say("ada", "costs")).communities().get(0);
        assertEquals(70, line.percentOfBudget().orElseThrow(), "$1.40 of $2.00");
        assertTrue(line.line().contains("budget $2.00, 70% used"), line.line());
    }

    @Test
    void budget_byFinance_isSet_inAnyCommunity() {
        assertInstanceOf(Reply.Done.class, say("fin", "budget design-club 12.50"));

        assertEquals(Optional.of(new BigDecimal("12.50")), usage.budget(id("design-club")));
    }

    @Test
    void budget_byAMember_orAStewardOfAnother_isRefused_andWritesNothing() {
        assertInstanceOf(Reply.Refused.class, say("cy", "budget data-guild 25"));
        assertInstanceOf(Reply.Refused.class, say("bob", "budget data-guild 25"));

        assertEquals(0, usage.writes());
    }

    @Test
    void budget_badAmounts_areRefused_andWriteNothing() {
        for (String amount : List.of("0", "-5", "abc", "12.345", "2000000", "1e3", "")) {
            Reply reply = say("ada", ("budget data-guild " + amount).strip());
            assertInstanceOf(Reply.Refused.class, reply, amount);
            assertTrue(reply.summary().endsWith(".") || reply.summary().endsWith("”."), reply.summary());
        }
        assertEquals(0, usage.writes());
    }

    @Test
    void budget_ofNoSuchCommunity_isRefused() {
        assertInstanceOf(Reply.Refused.class, say("fin", "budget no-such-place 25"));
        assertEquals(0, usage.writes());
    }

    @Test
    void grant_byAnAdminNamedByEmail_givesFinance_whoThenSeesEverything() {
        assertInstanceOf(Reply.Refused.class, say("cy", "costs"));

        assertInstanceOf(Reply.Done.class, say("root", "grant finance @cy"));

        assertEquals(java.util.Set.of(Grant.FINANCE), store.grants().grantsOf(store.people().find(account("cy")).orElseThrow().id()));
        assertEquals(2, assertInstanceOf(Reply.Costs.class, say("cy", "costs")).communities().size());
        assertInstanceOf(Reply.Refused.class, say("root", "grant finance cy@example.com"), "already granted");
    }

    @Test
    void grant_byANonAdmin_isRefused_andWritesNothing() {
        say("fin", "whoami");
        int before = memory.writes();

        Reply reply = say("fin", "grant admin @cy");

        assertInstanceOf(Reply.Refused.class, reply);
        assertTrue(reply.summary().startsWith("Only an admin grants roles"), reply.summary());
        assertEquals(before, memory.writes());
    }

    @Test
    void grant_admin_byAGrantedAdmin_works_andTheNewAdminGrantsToo() {
        say("root", "grant admin @ada");

        assertInstanceOf(Reply.Done.class, say("ada", "grant finance bob@example.com"));
        assertInstanceOf(Reply.Costs.class, say("bob", "costs"));
    }

    @Test
    void grant_toSomeoneWhoNeverUsedCiment_isRefused() {
        assertInstanceOf(Reply.Refused.class, say("root", "grant finance nobody@example.com"));
    }

    @Test
    void roles_namedInSettings_areMatchedWithoutRegardToCase() {
        Roles.Named named = Roles.Named.fromSettings(settings);

        assertTrue(named.finance().contains("fin@example.com"));
        assertEquals(java.util.Set.of("root@example.com"), named.admins());
    }

    @Test
    void financeCommands_withoutMetering_sayItIsNotSetUp() {
        Ciment unmetered = new Ciment(store, clock);
        Reply reply = unmetered.handle(new Caller(account("ada"), () -> Introduction.named("ada"), "x", clock.instant()),
                "budget data-guild 25");

        assertInstanceOf(Reply.Refused.class, reply);
        assertTrue(reply.summary().startsWith("Costs are not measured"), reply.summary());
    }

    @Test
    void grants_areInTheExport_andGoWithErasure() {
        say("root", "grant finance @cy");
        String cy = store.people().find(account("cy")).orElseThrow().id();

        assertEquals(List.of("finance"), store.personalRecords().personalData(cy).orElseThrow().grants());
        say("cy", "erase-my-data confirm");
        assertTrue(store.grants().grantsOf(cy).isEmpty());
    }

    @Test
    void addressClaimedBeforeVouching_namesNoRole_evenTheAdminsAddress() {
        // What the code before vouching wrote for another organisation's account that said root@example.com.
        ChatAccount mallory = new ChatAccount(Platform.TEAMS, "evil-tenant", "aad-mallory");
        Person person = store.people().enroll(mallory, new Person("P-MALLORY", "Mallory"), Optional.empty());
        memory.claimUnvouched(person, "root@example.com");
        say("bob", "whoami");

        Reply refused = ciment.handle(new Caller(mallory, () -> Introduction.named("Mallory"), "m1", clock.instant(),
                mention -> Optional.of(account(mention.substring(1)))), "grant admin @bob");

        assertEquals("Only an admin grants roles: ask one of your Ciment admins to grant admin.", refused.summary());
        assertInstanceOf(Reply.Refused.class, ciment.handle(new Caller(mallory, () -> Introduction.named("Mallory"),
                "m2", clock.instant()), "costs"));
    }

    @Test
    void adminsAddressFromAnotherOrganisation_isNotTheAdmin() {
        ChatAccount mallory = new ChatAccount(Platform.TEAMS, "evil-tenant", "aad-mallory");
        say("bob", "whoami");

        Reply refused = ciment.handle(new Caller(mallory, () -> new Introduction("Mallory", Optional.of("root@example.com"),
                false, List.of("evil-tenant")), "m1", clock.instant(), mention -> Optional.of(account(mention.substring(1)))),
                "grant admin @bob");

        assertInstanceOf(Reply.Refused.class, refused, refused.summary());
        assertEquals(java.util.Set.of(), store.grants().grantsOf(store.people().find(account("bob")).orElseThrow().id()));
    }
}
