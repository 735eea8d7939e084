package ciment.core.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.core.Ciment;
import ciment.core.config.Settings;
import ciment.core.cost.Meter;
import ciment.core.cost.UsageDay;
import ciment.core.model.Caller;
import ciment.core.model.ChatAccount;
import ciment.core.model.Introduction;
import ciment.core.model.Notice;
import ciment.core.model.Platform;
import ciment.core.model.Recipient;
import ciment.core.model.Slug;
import ciment.core.port.Repositories;
import ciment.core.testing.InMemoryRepositories;
import ciment.core.testing.InMemoryUsage;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BudgetWatchTest {
    private static final LocalDate DAY = LocalDate.of(2026, 11, 3);
    private final InMemoryRepositories memory = new InMemoryRepositories();
    private final Repositories store = memory.repositories();
    private final InMemoryUsage usage = new InMemoryUsage();
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC);
    private final Finance finance = Finance.fromSettings(Settings.of(Map.of("CIMENT_FINANCE_EMAILS", "fin@example.com",
            "CIMENT_TRUSTED_DOMAINS", "example.com=T1,example.com=tenant")), usage);
    private final Ciment ciment = new Ciment(store, clock, finance);
    private final BudgetWatch watch = new BudgetWatch(store, usage, finance, clock);
    private String guild;

    private void say(ChatAccount account, String email, String text) {
        ciment.handle(new Caller(account, () -> new Introduction(account.userId(), Optional.of(email), false,
                List.of(account.workspace())), text,
                clock.instant(), mention -> Optional.of(new ChatAccount(Platform.SLACK, "T1", mention.substring(1)))), text);
    }

    private static ChatAccount slack(String user) {
        return new ChatAccount(Platform.SLACK, "T1", user);
    }

    @BeforeEach
    void aCommunityWithABudgetOfTenDollars_aFinancePersonOnTeams() {
        say(slack("ada"), "ada@example.com", "create data-guild Data tips");
        say(new ChatAccount(Platform.TEAMS, "tenant", "aad-fin"), "fin@example.com", "whoami");
        say(slack("ada"), "ada@example.com", "budget data-guild 10");
        guild = store.communities().find(Slug.parse("data-guild")).orElseThrow().id();
        memory.outbox().forEach(n -> { });
    }

    /** Adds API requests at $1.00 a million. */
    private void spend(long dollars) {
        usage.add(guild, DAY, Meter.API_REQUESTS, dollars * 1_000_000);
    }

    @Test
    void under80Percent_nobodyIsTold() {
        spend(7);

        assertEquals(List.of(), watch.check(Set.of(guild)));
        assertEquals(0, budgetNotices().size());
    }

    @Test
    void at80Percent_theStewardAndFinanceAreTold_once() {
        spend(8);

        assertEquals(1, watch.check(Set.of(guild)).size());
        assertEquals(0, watch.check(Set.of(guild)).size(), "the same threshold is never told twice");

        List<Notice> notices = budgetNotices();
        assertEquals(2, notices.size());
        assertEquals(Set.of(Recipient.direct(slack("ada"), null),
                Recipient.direct(new ChatAccount(Platform.TEAMS, "tenant", "aad-fin"), null)),
                Set.of(notices.get(0).to(), notices.get(1).to()));
        assertTrue(notices.get(0).text().startsWith("data-guild has used 80% of its monthly budget of $10.00 in 2026-11"),
                notices.get(0).text());
    }

    @Test
    void past100Percent_afterThe80Alert_only100IsTold() {
        spend(8);
        watch.check(Set.of(guild));
        spend(3);

        List<BudgetWatch.Alert> alerts = watch.check(Set.of(guild, UsageDay.PLATFORM));

        assertEquals(List.of(100), alerts.stream().map(BudgetWatch.Alert::percent).toList());
        assertTrue(budgetNotices().stream().anyMatch(n -> n.text().startsWith("data-guild has reached its monthly budget")));
        assertEquals(4, budgetNotices().size());
    }

    @Test
    void aCommunityWithoutBudget_isNeverTold() {
        say(slack("bob"), "bob@example.com", "create design-club Design");
        String design = store.communities().find(Slug.parse("design-club")).orElseThrow().id();
        usage.add(design, DAY, Meter.API_REQUESTS, 50_000_000);

        assertEquals(List.of(), watch.check(Set.of(design)));
    }

    @Test
    void twentyConcurrentInvocations_tellEachThresholdOnce() throws Exception {
        spend(12);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<BudgetWatch.Alert>>> runs = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(20)) {
            for (int i = 0; i < 20; i++) {
                BudgetWatch own = new BudgetWatch(store, usage, finance, clock); // one per invocation
                runs.add(pool.submit(() -> {
                    start.await();
                    return own.check(Set.of(guild));
                }));
            }
            start.countDown();
            List<Integer> percents = new ArrayList<>();
            for (Future<List<BudgetWatch.Alert>> run : runs) {
                run.get().forEach(alert -> percents.add(alert.percent()));
            }
            percents.sort(null);
            assertEquals(List.of(80, 100), percents);
        }
        assertEquals(4, budgetNotices().size(), "two thresholds, two people");
    }

    @Test
    void aBudgetSetAfterAWatchReadIt_isWatchedAfterAMinute_notReadBeforeEveryAnswer() {
        say(slack("bob"), "bob@example.com", "create design-club Design");
        String design = store.communities().find(Slug.parse("design-club")).orElseThrow().id();
        Instant[] now = {clock.instant()};
        BudgetWatch moving = new BudgetWatch(store, usage, finance, new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now[0];
            }
        });
        assertEquals(List.of(), moving.check(Set.of(design)));
        usage.setBudget(design, new BigDecimal("1"));
        usage.add(design, DAY, Meter.API_REQUESTS, 2_000_000);

        assertEquals(List.of(), moving.check(Set.of(design)), "the budget read a moment ago is still trusted");
        now[0] = now[0].plus(BudgetWatch.BUDGET_KEPT).plusSeconds(1);

        assertEquals(List.of(80, 100), moving.check(Set.of(design)).stream().map(BudgetWatch.Alert::percent).toList());
    }

    private List<Notice> budgetNotices() {
        return memory.outbox().stream().filter(n -> n.text().contains("monthly budget")).toList();
    }

    @Test
    void budgetAmount_isKeptToTheCent() {
        assertEquals(Optional.of(new BigDecimal("10.00")), usage.budget(guild));
    }

    @Test
    void inADeploymentShowingEuros_theAlertsAmountsAreInEuros_withTheRateBesideTheBudget() {
        Finance euros = Finance.fromSettings(Settings.of(Map.of("CIMENT_FINANCE_EMAILS", "fin@example.com",
                "CIMENT_TRUSTED_DOMAINS", "example.com=T1,example.com=tenant",
                "CIMENT_CURRENCY", "EUR", "CIMENT_USD_RATE", "0.92@2026-12-01")), usage);
        spend(8);

        new BudgetWatch(store, usage, euros, clock).check(Set.of(guild));

        // The budget is $10.00 (9.20 euros), the month's cost $8.00 (7.36 euros).
        assertTrue(budgetNotices().get(0).text().startsWith("data-guild has used 80% of its monthly budget of €9.20"
                + " (1 USD = 0.92 EUR on Dec 1, 2026) in 2026-11: €7.36 so far."), budgetNotices().get(0).text());
    }
}
