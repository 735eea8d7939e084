package ciment.core.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CostReportTest {
    static final YearMonth NOVEMBER = YearMonth.of(2026, 11);
    static final PriceTable ARM = PriceTable.select("us-east-1", "arm64", NOVEMBER);
    static final Map<String, String> NAMES = Map.of("C1", "design", "C2", "finance-ops", "C3", "runners");
    static final long MIB = 1L << 20;

    static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    static void assertSame(String expected, BigDecimal actual) {
        assertEquals(0, d(expected).compareTo(actual), () -> expected + " expected, was " + actual.toPlainString());
    }

    static UsageDay day(String owner, int day, Object... meterAndQuantity) {
        Map<Meter, BigDecimal> quantities = new EnumMap<>(Meter.class);
        for (int i = 0; i < meterAndQuantity.length; i += 2) {
            quantities.put((Meter) meterAndQuantity[i], new BigDecimal(meterAndQuantity[i + 1].toString()));
        }
        return new UsageDay(owner, NOVEMBER.atDay(day), quantities, true);
    }

    /** design every day: 1000 API and Lambda requests of 128 MB × 120 ms, 2500 writes, 4000 reads, 50 MiB, 30 Slack calls. */
    static List<UsageDay> designMonth() {
        List<UsageDay> days = new ArrayList<>();
        for (int d = 1; d <= 30; d++) {
            days.add(day("C1", d, Meter.API_REQUESTS, 1000, Meter.LAMBDA_REQUESTS, 1000,
                    Meter.LAMBDA_MB_MILLIS, 1000L * 128 * 120, Meter.DYNAMODB_WRITE_UNITS, 2500,
                    Meter.DYNAMODB_READ_UNITS, 4000, Meter.DYNAMODB_STORED_BYTES, 50 * MIB, Meter.SLACK_CALLS, 30));
        }
        return days;
    }

    static BigDecimal lineCost(CostReport report, String owner, Meter meter) {
        return report.lines().stream().filter(l -> l.owner().equals(owner) && l.meter() == meter).findFirst()
                .orElseThrow().cost();
    }

    static BigDecimal lineQuantity(CostReport report, String owner, Meter meter) {
        return report.lines().stream().filter(l -> l.owner().equals(owner) && l.meter() == meter).findFirst()
                .orElseThrow().quantity();
    }

    @Test
    void aMonthOfOneCommunity_costsWhatTheListPricesSay_toTheCent() {
        CostReport report = CostReport.of(NOVEMBER, designMonth(), ARM, NAMES, false);
        // 30000 requests at $1.00/M; 30000 at $0.20/M; 30000 × 128 MB × 0.12 s = 450 GB-s at $0.0000133334
        assertSame("0.03", lineCost(report, "C1", Meter.API_REQUESTS));
        assertSame("0.006", lineCost(report, "C1", Meter.LAMBDA_REQUESTS));
        assertSame("450", lineQuantity(report, "C1", Meter.LAMBDA_MB_MILLIS));
        assertSame("0.00600003", lineCost(report, "C1", Meter.LAMBDA_MB_MILLIS));
        // 75000 writes at $0.625/M, 120000 reads at $0.125/M, 50 MiB all month = 50/1024 GB-months at $0.25
        assertSame("0.046875", lineCost(report, "C1", Meter.DYNAMODB_WRITE_UNITS));
        assertSame("0.015", lineCost(report, "C1", Meter.DYNAMODB_READ_UNITS));
        assertSame("0.048828125", lineQuantity(report, "C1", Meter.DYNAMODB_STORED_BYTES).round(new java.math.MathContext(30)));
        assertSame("0.01220703125", lineCost(report, "C1", Meter.DYNAMODB_STORED_BYTES).round(new java.math.MathContext(30)));
        assertSame("0", lineCost(report, "C1", Meter.SLACK_CALLS));
        assertSame("900", lineQuantity(report, "C1", Meter.SLACK_CALLS));
        assertEquals(d("0.12"), report.totalCents());
        assertEquals(Map.of("C1", d("0.12")), report.ownerTotals());
        assertEquals(d("0.08"), report.serviceTotals().get("Amazon DynamoDB"));
    }

    @Test
    void x86_pricesTheSameSecondsHigher() {
        PriceTable x86 = PriceTable.select("us-east-1", "x86_64", NOVEMBER);
        CostReport report = CostReport.of(NOVEMBER, designMonth(), x86, NAMES, false);
        assertSame("0.00750001500", lineCost(report, "C1", Meter.LAMBDA_MB_MILLIS)); // 450 × 0.0000166667
    }

    @Test
    void unitsPerService_areTheSumOfTheDays_exactly_andSeveralItemsOfADayAdd() {
        List<UsageDay> days = new ArrayList<>();
        long writes = 0;
        long queue = 0;
        for (int d = 1; d <= 30; d++) {
            days.add(day("C2", d, Meter.DYNAMODB_WRITE_UNITS, d * 7, Meter.QUEUE_REQUESTS, d % 3));
            days.add(day("C2", d, Meter.DYNAMODB_READ_UNITS, "0.5", Meter.TEAMS_CALLS, 2));
            writes += d * 7L;
            queue += d % 3;
        }
        CostReport report = CostReport.of(NOVEMBER, days, ARM, NAMES, false);
        assertSame(Long.toString(writes), lineQuantity(report, "C2", Meter.DYNAMODB_WRITE_UNITS));
        assertSame(Long.toString(queue), lineQuantity(report, "C2", Meter.QUEUE_REQUESTS));
        assertSame("15", lineQuantity(report, "C2", Meter.DYNAMODB_READ_UNITS));
        assertSame("60", lineQuantity(report, "C2", Meter.TEAMS_CALLS));
        assertEquals(30, report.charges().stream().filter(c -> c.meter() == Meter.DYNAMODB_WRITE_UNITS).count());
    }

    static List<UsageDay> threeCommunitiesAndPlatform() {
        List<UsageDay> days = new ArrayList<>();
        days.add(day("C1", 1, Meter.API_REQUESTS, 1_000_000));           // $1.00
        days.add(day("C2", 2, Meter.API_REQUESTS, 3_000_000));           // $3.00
        days.add(day("C3", 3, Meter.SLACK_CALLS, 12));                   // free
        days.add(day(UsageDay.PLATFORM, 4, Meter.QUEUE_REQUESTS, 2_500_000, Meter.LAMBDA_REQUESTS, 5_000_000)); // $1 + $1
        return days;
    }

    @Test
    void platform_isItsOwnLine_whenNotAllocated() {
        CostReport report = CostReport.of(NOVEMBER, threeCommunitiesAndPlatform(), ARM, NAMES, false);
        assertEquals(List.of("C1", "C2", "C3", "platform"), report.owners());
        assertEquals(d("2.00"), report.ownerTotals().get("platform"));
        assertEquals(d("6.00"), report.totalCents());
        assertFalse(report.platformAllocated());
        assertTrue(report.lines().stream().allMatch(l -> l.allocated().signum() == 0));
    }

    @Test
    void allocation_sharesPlatformCostInProportionToEachCommunitysOwnCost() {
        CostReport report = CostReport.of(NOVEMBER, threeCommunitiesAndPlatform(), ARM, NAMES, true);
        assertTrue(report.platformAllocated());
        Map<String, BigDecimal> totals = report.ownerTotals();
        assertEquals(d("1.50"), totals.get("C1"));     // 1 + 2 × 1/4
        assertEquals(d("4.50"), totals.get("C2"));     // 3 + 2 × 3/4
        assertEquals(d("0.00"), totals.get("C3"));     // no cost of its own, no share
        assertEquals(d("0.00"), totals.get("platform"));
        assertEquals(d("6.00"), report.totalCents());
        assertSame("0.25", lineCost(report, "C1", Meter.QUEUE_REQUESTS));
        assertSame("0.75", lineCost(report, "C2", Meter.LAMBDA_REQUESTS));
        CostReport.Line platformQueue = report.lines().stream()
                .filter(l -> l.platform() && l.meter() == Meter.QUEUE_REQUESTS).findFirst().orElseThrow();
        assertSame("1", platformQueue.listCost());
        assertSame("-1", platformQueue.allocated());
        assertSame("0", lineQuantity(report, "C1", Meter.QUEUE_REQUESTS)); // own usage only
    }

    @Test
    void allocation_inThirds_keepsTheRemainder_soCommunityLinesSumToTheTotalExactly() {
        List<UsageDay> days = List.of(day("C1", 1, Meter.API_REQUESTS, 1_000_000), day("C2", 1, Meter.API_REQUESTS, 1_000_000),
                day("C3", 1, Meter.API_REQUESTS, 1_000_000), day(UsageDay.PLATFORM, 1, Meter.API_REQUESTS, 1_000_000));
        CostReport report = CostReport.of(NOVEMBER, days, ARM, NAMES, true);
        BigDecimal communities = report.ownerTotalsExact().entrySet().stream().filter(e -> !e.getKey().equals("platform"))
                .map(Map.Entry::getValue).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertSame("4", communities);
        assertSame("4", report.total());
        Map<String, BigDecimal> cents = report.ownerTotals();
        assertEquals(d("4.00"), cents.get("C1").add(cents.get("C2")).add(cents.get("C3")));
        // the last community took the remainder of the thirds, so its fraction is the largest
        assertEquals(List.of(d("1.33"), d("1.33"), d("1.34")), List.of(cents.get("C1"), cents.get("C2"), cents.get("C3")));
    }

    @Test
    void allocation_withNoCommunityCost_leavesThePlatformItsCost() {
        List<UsageDay> days = List.of(day("C3", 1, Meter.SLACK_CALLS, 4), day(UsageDay.PLATFORM, 1, Meter.API_REQUESTS, 2_000_000));
        CostReport report = CostReport.of(NOVEMBER, days, ARM, NAMES, true);
        assertFalse(report.platformAllocated());
        assertEquals(d("2.00"), report.ownerTotals().get("platform"));
    }

    @Test
    void centsShown_sumToTheRoundedTotal_evenWhenEachRoundsTheSameWay() {
        List<UsageDay> days = new ArrayList<>();
        Map<String, String> names = new java.util.HashMap<>();
        for (int c = 0; c < 7; c++) {
            days.add(day("K" + c, 1, Meter.API_REQUESTS, 4_000)); // $0.004 each: rounds to $0.00 alone
            names.put("K" + c, "k" + c);
        }
        CostReport report = CostReport.of(NOVEMBER, days, ARM, names, false);
        assertEquals(d("0.03"), report.totalCents()); // 0.028
        BigDecimal sum = report.ownerTotals().values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(d("0.03"), sum);
        BigDecimal summaries = report.summaries().stream().map(CostReport.Summary::cents).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(d("0.03"), summaries);
    }

    @Test
    void eachSummary_servicesSumToItsTotal_largestFirst_freeOnesLeftOut() {
        List<UsageDay> days = new ArrayList<>(designMonth());
        days.addAll(threeCommunitiesAndPlatform());
        CostReport report = CostReport.of(NOVEMBER, days, ARM, NAMES, true);
        for (CostReport.Summary summary : report.summaries()) {
            BigDecimal services = summary.services().stream().map(CostReport.ServiceCost::cents)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            if (!summary.services().isEmpty()) {
                assertEquals(summary.cents(), services, summary.name());
            }
            assertTrue(summary.services().stream().noneMatch(s -> s.serviceName().equals("Slack Web API")));
        }
        CostReport.Summary design = report.summaries().get(0);
        assertEquals("design", design.name());
        assertEquals("Amazon API Gateway", design.services().get(0).serviceName());
    }

    @Test
    void summaryLines_readAsChatText() {
        CostReport report = CostReport.of(NOVEMBER, threeCommunitiesAndPlatform(), ARM, NAMES, true);
        assertEquals(List.of(
                "design: $1.50 (Amazon API Gateway $1.00, AWS Lambda $0.25, Amazon Simple Queue Service $0.25), of which $0.50 platform share",
                "finance-ops: $4.50 (Amazon API Gateway $3.00, AWS Lambda $0.75, Amazon Simple Queue Service $0.75), of which $1.50 platform share",
                "runners: $0.00",
                "platform: $0.00, after $2.00 shared among communities",
                "Total 2026-11: $6.00 at us-east-1 arm64 list prices of 2024-11-01."), report.summaryLines());
    }

    @Test
    void aTinyCost_isShownAsUnderACent_notAsNothing() {
        CostReport report = CostReport.of(NOVEMBER, List.of(day("C1", 1, Meter.API_REQUESTS, 3)), ARM, NAMES, false);
        assertEquals("design: under $0.01 (Amazon API Gateway under $0.01)", report.summaries().get(0).line());
    }

    @Test
    void aSteward_seesTheirCommunitiesOnly_withoutThePlatform() {
        CostReport report = CostReport.of(NOVEMBER, threeCommunitiesAndPlatform(), ARM, NAMES, false).restrictedTo(Set.of("C2"));
        assertEquals(List.of("C2"), report.owners());
        assertEquals(d("3.00"), report.totalCents());
        assertTrue(report.charges().stream().allMatch(c -> c.owner().equals("C2")));
        assertEquals(List.of("finance-ops: $3.00 (Amazon API Gateway $3.00)", "Total 2026-11: $3.00 at us-east-1 arm64 list prices of 2024-11-01."),
                report.summaryLines());
        CostReport allocated = CostReport.of(NOVEMBER, threeCommunitiesAndPlatform(), ARM, NAMES, true).restrictedTo(Set.of("C1"));
        assertEquals(d("1.50"), allocated.totalCents()); // with its platform share
    }

    @Test
    void oneComputedDay_makesTheReportInexact_andSaysSo() {
        List<UsageDay> days = new ArrayList<>(designMonth());
        days.add(new UsageDay("C2", NOVEMBER.atDay(5), Map.of(Meter.DYNAMODB_WRITE_UNITS, BigDecimal.ONE), false));
        CostReport report = CostReport.of(NOVEMBER, days, ARM, NAMES, false);
        assertFalse(report.exact());
        assertTrue(report.summaryLines().get(report.summaryLines().size() - 1).contains("computed from item sizes"));
        assertTrue(report.restrictedTo(Set.of("C1")).exact());
        assertTrue(CostReport.of(NOVEMBER, designMonth(), ARM, NAMES, false).exact());
    }

    @Test
    void aDayOutsideTheMonth_isRefusedWithOneSentence() {
        UsageDay october = new UsageDay("C1", NOVEMBER.minusMonths(1).atDay(31), Map.of(Meter.API_REQUESTS, BigDecimal.ONE), true);
        assertEquals("The usage of 2026-10-31 is not in 2026-11.", assertThrows(IllegalArgumentException.class,
                () -> CostReport.of(NOVEMBER, List.of(october), ARM, NAMES, false)).getMessage());
    }

    @Test
    void aCommunityWithoutASlug_isShownByItsId_andAnEmptyMonthCostsNothing() {
        CostReport report = CostReport.of(NOVEMBER, List.of(day("C9", 1, Meter.API_REQUESTS, 10)), ARM, NAMES, false);
        assertEquals("C9", report.nameOf("C9"));
        CostReport empty = CostReport.of(NOVEMBER, List.of(), ARM, NAMES, true);
        assertEquals(d("0.00"), empty.totalCents());
        assertEquals(List.of("Total 2026-11: $0.00 at us-east-1 arm64 list prices of 2024-11-01."), empty.summaryLines());
    }
}
