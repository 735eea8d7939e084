package ciment.core.cost;

import ciment.core.cost.CostReport.Charge;
import ciment.core.cost.CostReport.Line;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A month's usage days priced, owner by owner and day by day, and the platform's cost shared among the
 * communities when asked (the rule is {@link CostReport}'s): what a {@link CostReport} is made of.
 *
 * @param allocated    whether the platform's cost was shared (asked for, and some community had a cost)
 * @param lines        per owner per meter, owners in report order
 * @param charges      per owner per day per meter, sorted
 * @param exactByOwner whether every unit of an owner was reported rather than computed
 */
record CostAllocation(boolean allocated, List<Line> lines, List<Charge> charges, Map<String, Boolean> exactByOwner) {

    static CostAllocation of(YearMonth month, List<UsageDay> days, PriceTable prices, Map<String, String> names,
                             boolean allocatePlatform) {
        Map<String, Map<LocalDate, Map<Meter, BigDecimal>>> stored = new TreeMap<>();
        Map<String, Boolean> exact = new TreeMap<>();
        for (UsageDay day : days) {
            if (!YearMonth.from(day.day()).equals(month)) {
                throw new IllegalArgumentException("The usage of " + day.day() + " is not in " + month + ".");
            }
            Map<Meter, BigDecimal> sums = stored.computeIfAbsent(day.owner(), o -> new TreeMap<>())
                    .computeIfAbsent(day.day(), d -> new EnumMap<>(Meter.class));
            day.quantities().forEach((meter, q) -> sums.merge(meter, q, BigDecimal::add));
            exact.merge(day.owner(), day.exact(), Boolean::logicalAnd);
        }
        List<String> owners = ordered(stored.keySet(), names);
        List<Charge> own = new ArrayList<>();
        for (String owner : owners) {
            stored.get(owner).forEach((day, sums) -> sums.forEach((meter, q) -> {
                if (q.signum() != 0) {
                    BigDecimal quantity = meter.reported(q, month);
                    own.add(new Charge(owner, nameOf(owner, names), day, meter, quantity, prices.unitPrice(meter),
                            prices.costOf(meter, quantity), false));
                }
            }));
        }
        Map<String, BigDecimal> weights = allocatePlatform ? weights(own) : Map.of();
        boolean allocating = !weights.isEmpty() && own.stream().anyMatch(c -> c.owner().equals(UsageDay.PLATFORM));
        List<Charge> charges = new ArrayList<>();
        for (Charge charge : own) {
            if (allocating && charge.owner().equals(UsageDay.PLATFORM)) {
                Map<String, BigDecimal> quantities = split(charge.quantity(), weights);
                Map<String, BigDecimal> costs = split(charge.cost(), weights);
                for (String community : weights.keySet()) {
                    charges.add(new Charge(community, nameOf(community, names), charge.day(), charge.meter(),
                            quantities.get(community), charge.unitPrice(), costs.get(community), true));
                }
            } else {
                charges.add(charge);
            }
        }
        return new CostAllocation(allocating, lines(owners, own, charges, names, prices), sorted(charges, owners), exact);
    }

    /** Communities by name (then id), the platform last. */
    private static List<String> ordered(Set<String> owners, Map<String, String> names) {
        List<String> ordered = new ArrayList<>(owners);
        ordered.sort(Comparator.comparing((String o) -> o.equals(UsageDay.PLATFORM))
                .thenComparing(o -> nameOf(o, names)).thenComparing(o -> o));
        return ordered;
    }

    private static String nameOf(String owner, Map<String, String> names) {
        return owner.equals(UsageDay.PLATFORM) ? UsageDay.PLATFORM : names.getOrDefault(owner, owner);
    }

    /** Each community with a cost of its own → its part of all communities' cost; the last part is the rest. */
    private static Map<String, BigDecimal> weights(List<Charge> own) {
        Map<String, BigDecimal> costs = new TreeMap<>();
        for (Charge charge : own) {
            if (!charge.owner().equals(UsageDay.PLATFORM)) {
                costs.merge(charge.owner(), charge.cost(), BigDecimal::add);
            }
        }
        costs.values().removeIf(cost -> cost.signum() <= 0);
        BigDecimal all = costs.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        Map<String, BigDecimal> weights = new LinkedHashMap<>();
        BigDecimal given = BigDecimal.ZERO;
        int i = 0;
        for (Map.Entry<String, BigDecimal> e : costs.entrySet()) {
            BigDecimal weight = ++i == costs.size() ? BigDecimal.ONE.subtract(given)
                    : e.getValue().divide(all, MathContext.DECIMAL128);
            weights.put(e.getKey(), weight);
            given = given.add(weight);
        }
        return weights;
    }

    /** An amount shared by weight, each share rounded, the last taking the rest: the shares sum to the amount. */
    private static Map<String, BigDecimal> split(BigDecimal amount, Map<String, BigDecimal> weights) {
        int scale = Math.max(12, amount.scale());
        Map<String, BigDecimal> shares = new LinkedHashMap<>();
        BigDecimal given = BigDecimal.ZERO;
        int i = 0;
        for (Map.Entry<String, BigDecimal> e : weights.entrySet()) {
            BigDecimal share = ++i == weights.size() ? amount.subtract(given)
                    : amount.multiply(e.getValue()).setScale(scale, RoundingMode.HALF_EVEN);
            shares.put(e.getKey(), share);
            given = given.add(share);
        }
        return shares;
    }

    private static List<Line> lines(List<String> owners, List<Charge> own, List<Charge> charges,
                                    Map<String, String> names, PriceTable prices) {
        Map<String, Map<Meter, BigDecimal[]>> sums = new LinkedHashMap<>();
        for (String owner : owners) {
            sums.put(owner, new EnumMap<>(Meter.class));
        }
        for (Charge charge : own) {
            BigDecimal[] sum = slot(sums, charge.owner(), charge.meter());
            sum[0] = sum[0].add(charge.quantity());
            sum[1] = sum[1].add(charge.cost());
        }
        for (Charge charge : charges) {
            if (charge.allocated()) {
                slot(sums, charge.owner(), charge.meter())[2] = slot(sums, charge.owner(), charge.meter())[2]
                        .add(charge.cost());
                BigDecimal[] platform = slot(sums, UsageDay.PLATFORM, charge.meter());
                platform[2] = platform[2].subtract(charge.cost());
            }
        }
        List<Line> lines = new ArrayList<>();
        sums.forEach((owner, meters) -> meters.forEach((meter, sum) -> lines.add(new Line(owner, nameOf(owner, names),
                meter, sum[0], prices.unitPrice(meter), sum[1], sum[2]))));
        return lines;
    }

    private static BigDecimal[] slot(Map<String, Map<Meter, BigDecimal[]>> sums, String owner, Meter meter) {
        return sums.get(owner).computeIfAbsent(meter,
                m -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
    }

    /** By owner (report order), day, meter, own charges before shares. */
    private static List<Charge> sorted(List<Charge> charges, List<String> owners) {
        Map<String, Integer> order = new HashMap<>();
        for (String owner : owners) {
            order.put(owner, order.size());
        }
        List<Charge> sorted = new ArrayList<>(charges);
        sorted.sort(Comparator.comparing((Charge c) -> order.get(c.owner())).thenComparing(Charge::day)
                .thenComparing(Charge::meter).thenComparing(Charge::allocated));
        return sorted;
    }
}
