package ciment.core.cost;

import ciment.core.cost.CostReport.Line;
import ciment.core.cost.CostReport.ServiceCost;
import ciment.core.cost.CostReport.Summary;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A report told for chat: one summary per owner in cents that add up, and plain text lines of them. */
final class CostSummaries {
    private CostSummaries() {
    }

    /** One summary per owner, in report order; their cents sum to {@link #totalCents()}. */
    static List<Summary> of(CostReport report) {
        Map<String, BigDecimal> cents = report.ownerTotals();
        List<Summary> summaries = new ArrayList<>();
        for (String owner : report.owners()) {
            BigDecimal ownerCents = cents.get(owner);
            Map<String, BigDecimal> exact = report.ownerServicesExact(owner);
            Map<String, BigDecimal> serviceCents = shares(exact, ownerCents);
            List<ServiceCost> services = new ArrayList<>();
            exact.forEach((service, amount) -> {
                if (amount.signum() > 0) {
                    services.add(new ServiceCost(service, serviceCents.get(service), amount));
                }
            });
            services.sort(Comparator.comparing(ServiceCost::exact).reversed());
            BigDecimal allocatedExact = BigDecimal.ZERO;
            for (Line line : report.linesOf(owner)) {
                allocatedExact = allocatedExact.add(line.allocated());
            }
            summaries.add(new Summary(owner, report.nameOf(owner), ownerCents, report.ownerTotal(owner),
                    List.copyOf(services), Money.cents(allocatedExact), report.exact(owner)));
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
    static List<String> lines(CostReport report) {
        List<String> text = new ArrayList<>();
        for (Summary summary : of(report)) {
            text.add(summary.line());
        }
        PriceTable prices = report.prices();
        text.add("Total " + report.month() + ": " + Money.usd(report.totalCents(), report.total()) + " at "
                + prices.region() + " " + prices.architecture() + " list prices of " + prices.effective() + ".");
        if (!report.exact()) {
            text.add("Some DynamoDB units were computed from item sizes where the endpoint reported none.");
        }
        return text;
    }
}
