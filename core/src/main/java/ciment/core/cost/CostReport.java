package ciment.core.cost;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
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
        CostAllocation priced = CostAllocation.of(month, days, prices, names, allocatePlatform);
        return new CostReport(month, prices, priced.allocated(), priced.lines(), priced.charges(), priced.exactByOwner());
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
    boolean platformAllocated() {
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
    BigDecimal ownerTotal(String owner) {
        BigDecimal total = BigDecimal.ZERO;
        for (Line line : byOwner.getOrDefault(owner, List.of())) {
            total = total.add(line.cost());
        }
        return total;
    }

    /** Each owner's exact cost, in report order. */
    Map<String, BigDecimal> ownerTotalsExact() {
        Map<String, BigDecimal> totals = new LinkedHashMap<>();
        for (String owner : owners()) {
            totals.put(owner, ownerTotal(owner));
        }
        return totals;
    }

    /** Each owner's cost in cents, in report order; they sum to {@link #totalCents()}. */
    Map<String, BigDecimal> ownerTotals() {
        return Money.apportion(ownerTotalsExact());
    }

    /** Each service's exact cost, in meter order. */
    Map<String, BigDecimal> serviceTotalsExact() {
        return byService(lines);
    }

    /** Each service's cost in cents, in meter order; they sum to {@link #totalCents()}. */
    Map<String, BigDecimal> serviceTotals() {
        return Money.apportion(serviceTotalsExact());
    }

    /** An owner's exact cost by service, in meter order. */
    Map<String, BigDecimal> ownerServicesExact(String owner) {
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
        return CostSummaries.of(this);
    }

    /**
     * Plain text lines for a chat reply: one per owner (communities, then the platform), then the total and,
     * when some units were computed, a note saying so.
     */
    List<String> summaryLines() {
        return CostSummaries.lines(this);
    }

    /** An owner's lines, one per meter. */
    List<Line> linesOf(String owner) {
        return byOwner.getOrDefault(owner, List.of());
    }

    /** Whether every unit of an owner was reported rather than computed. */
    boolean exact(String owner) {
        return exactByOwner.getOrDefault(owner, true);
    }
}
