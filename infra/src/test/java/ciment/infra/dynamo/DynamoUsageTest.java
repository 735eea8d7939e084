package ciment.infra.dynamo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.core.cost.Meter;
import ciment.core.cost.UsageDay;
import ciment.infra.metering.UsageMeter;
import ciment.infra.testing.MotoTables;
import ciment.infra.testing.Race;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class DynamoUsageTest {
    private final String name = MotoTables.create("usage");
    private final CapacityMeter capacity = new CapacityMeter(CapacityMeter.Source.COMPUTED);
    private final Table table = new Table(MotoTables.CLIENT, name, capacity);
    private final DynamoUsage usage = new DynamoUsage(table);

    @Test
    void claimAlert_by20ConcurrentInvocations_hasExactlyOneWinner() {
        List<Boolean> won = Race.run(20, runner -> usage.claimAlert("c1", YearMonth.of(2026, 11), 80));
        assertEquals(1, won.stream().filter(Boolean::booleanValue).count());
        assertTrue(usage.claimAlert("c1", YearMonth.of(2026, 11), 100), "another threshold is another claim");
        assertTrue(usage.claimAlert("c1", YearMonth.of(2026, 12), 80), "another month is another claim");
    }

    @Test
    void budget_setTwice_readsTheLastAmount_andNoneIsEmpty() {
        assertEquals(Optional.empty(), usage.budget("c1"));
        usage.setBudget("c1", new BigDecimal("12.50"));
        usage.setBudget("c1", new BigDecimal("99.99"));
        assertEquals(0, new BigDecimal("99.99").compareTo(usage.budget("c1").orElseThrow()));
    }

    @Test
    void setBudget_negative_isRefused_andWritesNothing() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> usage.setBudget("c1", new BigDecimal("-1")));
        assertEquals("A budget is an amount of US dollars of zero or more.", refused.getMessage());
        assertEquals(List.of(), MotoTables.items(name));
    }

    @Test
    void month_overManyPagesOfOwners_readsEveryDay_andMonthOfReadsOneCommunity() {
        Clock[] days = {clock("2026-11-01T00:00:00Z"), clock("2026-11-30T23:59:59Z"), clock("2026-12-01T00:00:00Z")};
        for (Clock day : days) {
            UsageMeter meter = UsageMeter.attachedTo(capacity, MotoTables.CLIENT, name, day);
            for (int c = 0; c < 40; c++) {
                meter.begin("r" + c, 128, 0);
                meter.within("c" + c, () -> meter.count(Meter.SLACK_CALLS, 1));
                meter.end();
            }
        }
        List<UsageDay> november = usage.month(YearMonth.of(2026, 11));
        assertEquals(80, november.size());
        assertTrue(november.stream().allMatch(d -> d.quantity(Meter.SLACK_CALLS).intValue() == 1));
        List<UsageDay> ofC7 = usage.monthOf("c7", YearMonth.of(2026, 11));
        assertEquals(List.of(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30)),
                ofC7.stream().map(UsageDay::day).toList());
    }

    @Test
    void storageMeasure_setsEachOwnersBytes_andASecondMeasureReplacesTheFirst() {
        table.putNew("t", new java.util.HashMap<>(Map.of("pk", AttributeValue.fromS("C#a"),
                "sk", AttributeValue.fromS("POST#1"), "text", AttributeValue.fromS("x".repeat(500)))));
        table.putNew("t", new java.util.HashMap<>(Keys.key("P#p1", "PROFILE")));
        StorageMeasure measure = new StorageMeasure(table);
        LocalDate day = LocalDate.of(2026, 11, 27);
        Map<String, Long> first = measure.measure(day);
        long post = "pkC#a".length() + "skPOST#1".length() + "textx".length() + 499 + 100;
        assertEquals(post, first.get("a"));
        assertEquals("pkP#p1".length() + "skPROFILE".length() + 100, first.get(UsageDay.PLATFORM));
        Map<String, Long> second = measure.measure(day);
        UsageDay a = usage.monthOf("a", YearMonth.of(2026, 11)).get(0);
        assertEquals(second.get("a"), a.quantity(Meter.DYNAMODB_STORED_BYTES).longValue());
        assertTrue(second.get("a") > post, "the usage item written by the first measure is stored too");
    }

    private static Clock clock(String instant) {
        return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
    }
}
