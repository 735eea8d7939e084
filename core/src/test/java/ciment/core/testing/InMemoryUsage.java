package ciment.core.testing;

import ciment.core.cost.Meter;
import ciment.core.cost.UsageDay;
import ciment.core.port.Usage;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** Usage in memory: days added by the test, budgets, and alert claims as atomic as DynamoDB's conditional put. */
public final class InMemoryUsage implements Usage {
    /** owner, then day, to quantities. */
    private final Map<String, Map<LocalDate, Map<Meter, BigDecimal>>> days = new TreeMap<>();
    private final Map<String, Boolean> estimated = new ConcurrentHashMap<>();
    private final Map<String, BigDecimal> budgets = new ConcurrentHashMap<>();
    private final Set<String> alerts = ConcurrentHashMap.newKeySet();
    private int writes;

    /** Adds a quantity to an owner's day, as the meter's atomic ADD does. */
    public synchronized InMemoryUsage add(String owner, LocalDate day, Meter meter, long quantity) {
        days.computeIfAbsent(owner, o -> new TreeMap<>()).computeIfAbsent(day, d -> new EnumMap<>(Meter.class))
                .merge(meter, BigDecimal.valueOf(quantity), BigDecimal::add);
        return this;
    }

    /** Marks an owner's units as computed from item sizes. */
    public InMemoryUsage estimated(String owner) {
        estimated.put(owner, true);
        return this;
    }

    /** Budgets set, to prove a refusal set none. */
    public synchronized int writes() {
        return writes;
    }

    @Override
    public synchronized List<UsageDay> month(YearMonth month) {
        List<UsageDay> all = new ArrayList<>();
        days.keySet().forEach(owner -> all.addAll(monthOf(owner, month)));
        return all;
    }

    @Override
    public synchronized List<UsageDay> monthOf(String communityId, YearMonth month) {
        List<UsageDay> found = new ArrayList<>();
        days.getOrDefault(communityId, Map.of()).forEach((day, quantities) -> {
            if (YearMonth.from(day).equals(month)) {
                found.add(new UsageDay(communityId, day, quantities, !estimated.containsKey(communityId)));
            }
        });
        return found;
    }

    @Override
    public Optional<BigDecimal> budget(String communityId) {
        return Optional.ofNullable(budgets.get(communityId));
    }

    @Override
    public synchronized void setBudget(String communityId, BigDecimal dollars) {
        budgets.put(communityId, dollars);
        writes++;
    }

    @Override
    public boolean claimAlert(String communityId, YearMonth month, int percent) {
        return alerts.add(communityId + "|" + month + "|" + percent);
    }
}
