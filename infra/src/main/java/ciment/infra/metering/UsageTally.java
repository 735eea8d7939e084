package ciment.infra.metering;

import ciment.core.cost.Meter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** One owner's quantities in one invocation, and whether every one of them is exact. */
final class UsageTally {
    final Map<Meter, BigDecimal> quantities = new EnumMap<>(Meter.class);
    boolean exact = true;

    void add(Meter meter, BigDecimal quantity) {
        quantities.merge(meter, quantity, BigDecimal::add);
    }

    void addAll(UsageTally other) {
        other.quantities.forEach(this::add);
        exact &= other.exact;
    }

    /**
     * This tally split by weight, each quantity to six decimals; the heaviest takes what rounding left,
     * so the shares add up to the whole exactly.
     */
    Map<String, UsageTally> shares(Map<String, Long> weights) {
        long total = weights.values().stream().mapToLong(Long::longValue).sum();
        String heaviest = weights.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        Map<String, UsageTally> shares = new LinkedHashMap<>();
        weights.keySet().forEach(owner -> shares.put(owner, new UsageTally()));
        quantities.forEach((meter, quantity) -> {
            BigDecimal given = BigDecimal.ZERO;
            for (Map.Entry<String, Long> weight : weights.entrySet()) {
                if (!weight.getKey().equals(heaviest)) {
                    BigDecimal share = quantity.multiply(BigDecimal.valueOf(weight.getValue()))
                            .divide(BigDecimal.valueOf(total), 6, RoundingMode.DOWN);
                    shares.get(weight.getKey()).add(meter, share);
                    given = given.add(share);
                }
            }
            shares.get(heaviest).add(meter, quantity.subtract(given));
        });
        shares.values().forEach(share -> share.exact = exact);
        return shares;
    }
}
