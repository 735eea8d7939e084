package ciment.core.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Issue 6's acceptance, in the cost model: a scripted month over three communities on Slack and Teams. */
class ScriptedMonthTest {
    static final YearMonth NOVEMBER = YearMonth.of(2026, 11);
    static final Map<String, String> NAMES = Map.of("A", "design", "B", "finance-ops", "C", "runners");
    /** The list prices, written here by hand in dollars per unit as the AWS pages state them. */
    static final Map<Meter, BigDecimal> PER_UNIT = new EnumMap<>(Map.of(
            Meter.API_REQUESTS, new BigDecimal("1.00").divide(new BigDecimal("1000000")),
            Meter.LAMBDA_REQUESTS, new BigDecimal("0.20").divide(new BigDecimal("1000000")),
            Meter.DYNAMODB_WRITE_UNITS, new BigDecimal("0.625").divide(new BigDecimal("1000000")),
            Meter.DYNAMODB_READ_UNITS, new BigDecimal("0.125").divide(new BigDecimal("1000000")),
            Meter.QUEUE_REQUESTS, new BigDecimal("0.40").divide(new BigDecimal("1000000"))));

    @Test
    void aScriptedMonth_matchesItsOwnCount_andHandComputedPrices_andCommunitiesSumToTheTotal() {
        Random random = new Random(6);
        List<UsageDay> days = new ArrayList<>();
        Map<String, Map<Meter, Long>> counted = new LinkedHashMap<>();
        for (String owner : List.of("A", "B", "C", UsageDay.PLATFORM)) {
            Map<Meter, Long> count = counted.computeIfAbsent(owner, o -> new EnumMap<>(Meter.class));
            for (int day = 1; day <= NOVEMBER.lengthOfMonth(); day++) {
                Map<Meter, BigDecimal> quantities = new EnumMap<>(Meter.class);
                int posts = random.nextInt(400);
                // per post: one API request, three Lambda invocations of 256 MB × ~80 ms, 6 writes, 10 reads,
                // two mirrored copies (one Slack, one Teams call), one queue message, stream reads
                long[] units = {posts, posts * 3L, posts * 3L * 256 * (60 + random.nextInt(40)), posts * 10L, posts * 6L,
                        (long) day * 3 * (1 << 20), posts * 2L, posts, posts, posts};
                Meter[] meters = {Meter.API_REQUESTS, Meter.LAMBDA_REQUESTS, Meter.LAMBDA_MB_MILLIS,
                        Meter.DYNAMODB_READ_UNITS, Meter.DYNAMODB_WRITE_UNITS, Meter.DYNAMODB_STORED_BYTES,
                        Meter.STREAM_REQUESTS, Meter.QUEUE_REQUESTS, Meter.SLACK_CALLS, Meter.TEAMS_CALLS};
                for (int i = 0; i < meters.length; i++) {
                    quantities.put(meters[i], BigDecimal.valueOf(units[i]));
                    count.merge(meters[i], units[i], Long::sum);
                }
                days.add(new UsageDay(owner, NOVEMBER.atDay(day), quantities, true));
            }
        }
        CostReport report = CostReport.of(NOVEMBER, days, PriceTable.select("us-east-1", "arm64", NOVEMBER), NAMES, false);

        BigDecimal handTotal = BigDecimal.ZERO;
        for (String owner : counted.keySet()) {
            Map<Meter, Long> count = counted.get(owner);
            for (CostReport.Line line : report.lines()) {
                if (line.owner().equals(owner) && line.meter() != Meter.LAMBDA_MB_MILLIS
                        && line.meter() != Meter.DYNAMODB_STORED_BYTES) {
                    assertEquals(0, BigDecimal.valueOf(count.get(line.meter())).compareTo(line.quantity()),
                            owner + " " + line.meter());
                }
            }
            BigDecimal hand = BigDecimal.ZERO;
            for (Map.Entry<Meter, BigDecimal> price : PER_UNIT.entrySet()) {
                hand = hand.add(BigDecimal.valueOf(count.get(price.getKey())).multiply(price.getValue()));
            }
            BigDecimal gbSeconds = BigDecimal.valueOf(count.get(Meter.LAMBDA_MB_MILLIS))
                    .divide(BigDecimal.valueOf(1024), MathContext.DECIMAL128).divide(BigDecimal.valueOf(1000), MathContext.DECIMAL128);
            hand = hand.add(gbSeconds.multiply(new BigDecimal("0.0000133334")));
            BigDecimal gbMonths = BigDecimal.valueOf(count.get(Meter.DYNAMODB_STORED_BYTES))
                    .divide(BigDecimal.valueOf(1L << 30), MathContext.DECIMAL128).divide(BigDecimal.valueOf(30), MathContext.DECIMAL128);
            hand = hand.add(gbMonths.multiply(new BigDecimal("0.25")));
            assertEquals(hand.setScale(2, RoundingMode.HALF_UP), report.ownerTotal(owner).setScale(2, RoundingMode.HALF_UP),
                    owner);
            handTotal = handTotal.add(hand);
        }
        assertEquals(handTotal.setScale(2, RoundingMode.HALF_UP), report.totalCents());
        BigDecimal owners = report.ownerTotals().values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(report.totalCents(), owners);

        CostReport allocated = CostReport.of(NOVEMBER, days, PriceTable.select("us-east-1", "arm64", NOVEMBER), NAMES, true);
        BigDecimal communities = allocated.ownerTotals().entrySet().stream().filter(e -> !e.getKey().equals(UsageDay.PLATFORM))
                .map(Map.Entry::getValue).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(report.totalCents(), communities);
        assertTrue(report.totalCents().signum() > 0);
    }
}
