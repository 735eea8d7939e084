package ciment.infra.metering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.core.config.Settings;
import ciment.core.cost.Meter;
import ciment.core.model.ChatAccount;
import ciment.core.model.Community;
import ciment.core.model.Grant;
import ciment.core.model.Membership;
import ciment.core.model.Person;
import ciment.core.model.Platform;
import ciment.core.model.Role;
import ciment.core.model.Slug;
import ciment.core.model.Ulid;
import ciment.core.model.VouchedAddress;
import ciment.core.port.Repositories;
import ciment.core.service.BudgetWatch;
import ciment.core.service.Finance;
import ciment.infra.dynamo.DynamoRepositories;
import ciment.infra.testing.MotoTables;
import ciment.infra.testing.Race;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Budget alerts on the table (moto): the usage the meter wrote, priced against the budget, and 20 invocations
 * flushing at once: each threshold is claimed by one (DynamoUsage's conditional put), whose notices reach the
 * steward and finance (named by email, and granted) once each.
 */
class BudgetAlertsTest {
    private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final String table = MotoTables.create("budgets");
    private final DynamoRepositories dynamo = MotoTables.repositories(table);
    private final Repositories store = dynamo.repositories();
    private final String guild = Ulid.random(NOW);
    private final Finance finance = Finance.fromSettings(Settings.of(Map.of("CIMENT_FINANCE_EMAILS", "fin@example.com",
            "CIMENT_TRUSTED_DOMAINS", "example.com=T1")), dynamo.usage());

    private Person person(String user, String email) {
        return store.people().enroll(new ChatAccount(Platform.SLACK, "T1", user), new Person(Ulid.random(NOW), user),
                Optional.of(new VouchedAddress(email, "T1")));
    }

    private void spend(long apiRequests) {
        UsageMeter meter = UsageMeter.attachedTo(dynamo, clock);
        meter.begin("spend-" + apiRequests + "-" + System.nanoTime(), 128, 0);
        meter.within(guild, () -> meter.count(Meter.API_REQUESTS, apiRequests));
        meter.end();
    }

    @Test
    void twentyConcurrentChecks_tellEachThresholdOnce_toStewardAndFinance() {
        Person ada = person("ada", "ada@example.com");
        person("fin", "fin@example.com");
        Person grace = person("grace", "grace@example.com");
        store.grants().grant(grace.id(), Grant.FINANCE);
        store.communities().create(Community.founded(guild, Slug.parse("budget-guild"), "Budgets", ada.id(), NOW),
                new Membership(guild, Slug.parse("budget-guild"), ada.id(), Role.STEWARD, NOW));
        dynamo.usage().setBudget(guild, new BigDecimal("10.00"));
        spend(12_000_000); // $12.00 of API requests: past 80% and 100%

        List<List<BudgetWatch.Alert>> alerts = Race.run(20,
                i -> new BudgetWatch(store, dynamo.usage(), finance, clock).check(Set.of(guild)));

        List<Integer> percents = alerts.stream().flatMap(List::stream).map(BudgetWatch.Alert::percent).sorted().toList();
        assertEquals(List.of(80, 100), percents);
        List<Map<String, AttributeValue>> notices = MotoTables.items(table).stream()
                .filter(item -> item.get("pk").s().startsWith("OUT#")).toList();
        assertEquals(6, notices.size(), "two thresholds, three people");
        assertTrue(notices.stream().allMatch(n -> n.toString().contains("budget-guild")), notices.toString());

        assertEquals(List.of(), new BudgetWatch(store, dynamo.usage(), finance, clock).check(Set.of(guild)),
                "a later check tells nobody again");
    }

    @Test
    void theMetersFlush_triggersTheWatch_forTheCommunitiesItTouched() {
        Person ada = person("ada", "ada@example.com");
        store.communities().create(Community.founded(guild, Slug.parse("flush-guild"), "Flushes", ada.id(), NOW),
                new Membership(guild, Slug.parse("flush-guild"), ada.id(), Role.STEWARD, NOW));
        dynamo.usage().setBudget(guild, new BigDecimal("1"));
        UsageMeter meter = UsageMeter.attachedTo(dynamo, clock);
        BudgetWatch watch = new BudgetWatch(store, dynamo.usage(), finance, clock);
        List<BudgetWatch.Alert> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        meter.onFlushed(touched -> seen.addAll(watch.check(touched)));

        meter.begin("r1", 128, 0);
        meter.within(guild, () -> meter.count(Meter.API_REQUESTS, 900_000)); // $0.90: 90%
        meter.end();

        assertEquals(List.of(80), seen.stream().map(BudgetWatch.Alert::percent).toList());
    }
}
