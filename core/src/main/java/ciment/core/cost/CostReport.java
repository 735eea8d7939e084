package ciment.core.cost;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What each community (and the platform) cost in a month, meter by meter, at a price table's list prices
 * (no discounts: list cost is billed cost). Amounts are exact; they are rounded to the cent only where
 * shown ({@link #ownerTotals()}, {@link #serviceTotals()}, {@link #summaries()}), and those cents add up
 * to the rounded total. Owners are community ids and {@link UsageDay#PLATFORM}: nothing here names a person.
 *
 * <p>Allocation rule: when asked, the platform's cost of each meter is shared among the communities in
 * proportion to each community's own cost for the month (all meters together). A community with no cost
 * of its own gets no share; when no community has a cost, the platform keeps its cost. Each share is
 * rounded to at least 12 decimals and the last community (by id) takes the remainder, so the shares sum
 * exactly to what the platform gave. The platform line then shows its cost and minus that cost allocated.
 */
public final class CostReport {

    /**
     * One owner's month of one meter.
     *
     * @param quantity  the owner's own consumption in the meter's reported unit
     * @param unitPrice list price of one reported unit
     * @param listCost  quantity × unitPrice, exact
     * @param allocated the platform share a community received, or minus what the platform gave away; zero
     *                  when the report allocates nothing
     */
    public record Line(String owner, String name, Meter meter, BigDecimal quantity, BigDecimal unitPrice,
                       BigDecimal listCost, BigDecimal allocated) {
        /** What the owner is charged: its own cost plus (or minus) allocation. */
        public BigDecimal cost() {
            return listCost.add(allocated);
        }

        public boolean platform() {
            return owner.equals(UsageDay.PLATFORM);
        }
    }

    /**
     * One owner's charge for one meter on one day (one FOCUS row): its own usage, or, when
     * {@code allocated}, its share of the platform's usage that day (quantity and cost in proportion).
     */
    public record Charge(String owner, String name, LocalDate day, Meter meter, BigDecimal quantity,
                         BigDecimal unitPrice, BigDecimal cost, boolean allocated) {
    }

    /** A service's cost in cents, within an owner or the whole report. */
    public record ServiceCost(String serviceName, BigDecimal cents, BigDecimal exact) {
    }

    /**
     * A chat-ready account of one owner: its total in cents (and exact), its services by cost (largest
     * first, free ones left out), the cents of that total that came from the platform (communities), or
     * that it gave to communities (the platform), and whether every unit was reported exactly.
     */
    public record Summary(String owner, String name, BigDecimal cents, BigDecimal exact, List<ServiceCost> services,
                          BigDecimal allocatedCents, boolean exactUnits) {
        public boolean platform() {
            return owner.equals(UsageDay.PLATFORM);
        }

        /** "design: $1.23 (AWS Lambda $0.80, Amazon DynamoDB $0.43)", the top three services. */
        public String line() {
            StringBuilder text = new StringBuilder(name).append(": ").append(Money.usd(cents, exact));
            List<String> top = new ArrayList<>();
            for (ServiceCost service : services.subList(0, Math.min(3, services.size()))) {
                top.add(service.serviceName() + " " + Money.usd(service.cents(), service.exact()));
            }
            if (!top.isEmpty()) {
                text.append(" (").append(String.join(", ", top)).append(")");
            }
            if (allocatedCents.signum() > 0) {
                text.append(", of which ").append(Money.usd(allocatedCents)).append(" platform share");
            } else if (allocatedCents.signum() < 0) {
                text.append(", after ").append(Money.usd(allocatedCents.negate())).append(" shared among communities");
            }
            return text.toString();
        }
    }

    private final YearMonth month;
    private final PriceTable prices;
    private final boolean allocated;
    private final List<Line> lines;
    private final List<Charge> charges;
    private final Map<String, Boolean> exactByOwner;
    private final Map<String, List<Line>> byOwner = new LinkedHashMap<>();
    private final List<String> services;

    private CostReport(YearMonth month, PriceTable prices, boolean allocated, List<Line> lines, List<Charge> charges,
                       Map<String, Boolean> exactByOwner) {
        this.month = month;
        this.prices = prices;
        this.allocated = allocated;
        this.lines = List.copyOf(lines);
        this.charges = List.copyOf(charges);
        this.exactByOwner = Map.copyOf(exactByOwner);
        Set<Meter> meters = EnumSet.noneOf(Meter.class);
        for (Line line : this.lines) {
            byOwner.computeIfAbsent(line.owner(), o -> new ArrayList<>()).add(line);
            meters.add(line.meter());
        }
        Set<String> names = new LinkedHashSet<>();
        for (Meter meter : meters) {
            names.add(meter.serviceName());
        }
        this.services = List.copyOf(names);
    }

    /**
     * The report of a month's usage days at a table's prices.
     *
     * @param names            community id → slug, as shown; an id without one is shown as itself
     * @param allocatePlatform share the platform's cost among communities (see the class comment)
     */
    public static CostReport of(YearMonth month, List<UsageDay> days, PriceTable prices, Map<String, String> names,
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
        return new CostReport(month, prices, allocating, lines(owners, own, charges, names, prices), sorted(charges,
                owners), exact);
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

    /** The same report seen by a steward: only these communities' lines, no platform line. */
    public CostReport restrictedTo(Set<String> communityIds) {
        List<Line> kept = new ArrayList<>();
        for (Line line : lines) {
            if (!line.platform() && communityIds.contains(line.owner())) {
                kept.add(line);
            }
        }
        List<Charge> keptCharges = new ArrayList<>();
        for (Charge charge : charges) {
            if (!charge.owner().equals(UsageDay.PLATFORM) && communityIds.contains(charge.owner())) {
                keptCharges.add(charge);
            }
        }
        Map<String, Boolean> exact = new TreeMap<>(exactByOwner);
        exact.keySet().removeIf(owner -> owner.equals(UsageDay.PLATFORM) || !communityIds.contains(owner));
        return new CostReport(month, prices, allocated, kept, keptCharges, exact);
    }

    public YearMonth month() {
        return month;
    }

    public PriceTable prices() {
        return prices;
    }

    /** Whether platform cost was shared among communities (asked for, and some community had a cost). */
    public boolean platformAllocated() {
        return allocated;
    }

    /** False when some DynamoDB units in the report were computed from item sizes rather than reported. */
    public boolean exact() {
        return !exactByOwner.containsValue(false);
    }

    /** Per owner per meter, owners in report order (communities by name, platform last), meters in order. */
    public List<Line> lines() {
        return lines;
    }

    /** Per owner per day per meter, the FOCUS rows. */
    public List<Charge> charges() {
        return charges;
    }

    /** Owner ids in report order. */
    public List<String> owners() {
        return List.copyOf(byOwner.keySet());
    }

    /** The shown name of an owner: the community's slug, or "platform". */
    public String nameOf(String owner) {
        List<Line> own = byOwner.get(owner);
        return own == null ? owner : own.get(0).name();
    }

    /** Service names present in the report, in meter order. */
    public List<String> services() {
        return services;
    }

    /** The whole cost, exact. */
    public BigDecimal total() {
        BigDecimal total = BigDecimal.ZERO;
        for (Line line : lines) {
            total = total.add(line.cost());
        }
        return total;
    }

    /** The whole cost to the cent. */
    public BigDecimal totalCents() {
        return Money.cents(total());
    }

    /** An owner's cost, exact (after allocation). */
    public BigDecimal ownerTotal(String owner) {
        BigDecimal total = BigDecimal.ZERO;
        for (Line line : byOwner.getOrDefault(owner, List.of())) {
            total = total.add(line.cost());
        }
        return total;
    }

    /** Each owner's exact cost, in report order. */
    public Map<String, BigDecimal> ownerTotalsExact() {
        Map<String, BigDecimal> totals = new LinkedHashMap<>();
        for (String owner : owners()) {
            totals.put(owner, ownerTotal(owner));
        }
        return totals;
    }

    /** Each owner's cost in cents, in report order; they sum to {@link #totalCents()}. */
    public Map<String, BigDecimal> ownerTotals() {
        return Money.apportion(ownerTotalsExact());
    }

    /** Each service's exact cost, in meter order. */
    public Map<String, BigDecimal> serviceTotalsExact() {
        return byService(lines);
    }

    /** Each service's cost in cents, in meter order; they sum to {@link #totalCents()}. */
    public Map<String, BigDecimal> serviceTotals() {
        return Money.apportion(serviceTotalsExact());
    }

    /** An owner's exact cost by service, in meter order. */
    public Map<String, BigDecimal> ownerServicesExact(String owner) {
        return byService(byOwner.getOrDefault(owner, List.of()));
    }

    private Map<String, BigDecimal> byService(List<Line> some) {
        Map<String, BigDecimal> totals = new LinkedHashMap<>();
        for (String service : services()) {
            totals.put(service, BigDecimal.ZERO);
        }
        for (Line line : some) {
            totals.merge(line.meter().serviceName(), line.cost(), BigDecimal::add);
        }
        return totals;
    }

    /** One summary per owner, in report order; their cents sum to {@link #totalCents()}. */
    public List<Summary> summaries() {
        Map<String, BigDecimal> cents = ownerTotals();
        List<Summary> summaries = new ArrayList<>();
        for (String owner : owners()) {
            BigDecimal ownerCents = cents.get(owner);
            Map<String, BigDecimal> exact = ownerServicesExact(owner);
            Map<String, BigDecimal> serviceCents = shares(exact, ownerCents);
            List<ServiceCost> services = new ArrayList<>();
            exact.forEach((service, amount) -> {
                if (amount.signum() > 0) {
                    services.add(new ServiceCost(service, serviceCents.get(service), amount));
                }
            });
            services.sort(Comparator.comparing(ServiceCost::exact).reversed());
            BigDecimal allocatedExact = BigDecimal.ZERO;
            for (Line line : byOwner.get(owner)) {
                allocatedExact = allocatedExact.add(line.allocated());
            }
            summaries.add(new Summary(owner, nameOf(owner), ownerCents, ownerTotal(owner), List.copyOf(services),
                    Money.cents(allocatedExact), exactByOwner.getOrDefault(owner, true)));
        }
        return summaries;
    }

    /** Service cents of one owner that sum to the owner's own cents. */
    private static Map<String, BigDecimal> shares(Map<String, BigDecimal> exact, BigDecimal ownerCents) {
        Map<String, BigDecimal> positive = new LinkedHashMap<>();
        exact.forEach((service, amount) -> positive.put(service, amount.max(BigDecimal.ZERO)));
        Map<String, BigDecimal> cents = Money.apportion(positive);
        BigDecimal sum = cents.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        if (sum.compareTo(ownerCents) != 0 && !cents.isEmpty()) {
            // the owner's cents were rounded among owners: the cent gained or lost goes to its largest service
            String largest = exact.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
            cents.put(largest, cents.get(largest).add(ownerCents.subtract(sum)));
        }
        return cents;
    }

    /**
     * Plain text lines for a chat reply: one per owner (communities, then the platform), then the total and,
     * when some units were computed, a note saying so.
     */
    public List<String> summaryLines() {
        List<String> text = new ArrayList<>();
        for (Summary summary : summaries()) {
            text.add(summary.line());
        }
        text.add("Total " + month + ": " + Money.usd(totalCents(), total()) + " at " + prices.region() + " "
                + prices.architecture() + " list prices of " + prices.effective() + ".");
        if (!exact()) {
            text.add("Some DynamoDB units were computed from item sizes where the endpoint reported none.");
        }
        return text;
    }
}
