package ciment.core.cost;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/**
 * One owner's metered quantities on one day, as the day's usage item holds them.
 *
 * @param owner a community id, or {@link #PLATFORM} for what no community caused
 * @param exact false when some DynamoDB units were computed from item sizes (an endpoint that reports none)
 */
public record UsageDay(String owner, LocalDate day, Map<Meter, BigDecimal> quantities, boolean exact) {
    public static final String PLATFORM = "platform";

    public UsageDay {
        quantities = Map.copyOf(quantities);
    }

    public BigDecimal quantity(Meter meter) {
        return quantities.getOrDefault(meter, BigDecimal.ZERO);
    }
}
