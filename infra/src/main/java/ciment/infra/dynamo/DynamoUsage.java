package ciment.infra.dynamo;

import ciment.core.cost.Meter;
import ciment.core.cost.UsageDay;
import ciment.core.port.Usage;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Usage items as {@code UsageMeter} writes them, and budgets with their alerts, on the table:
 * <ul>
 * <li>a day of usage: {@code C#<id>} (or {@code PLATFORM}) / {@code USE#<yyyy-mm-dd>}, one number per
 *     {@link Meter#key()}, in the keys-only index as {@code USE#<yyyy-mm>} / {@code <owner>#<dd>}, so that a
 *     month of every owner is one index query (then its items by batch);</li>
 * <li>a budget: {@code C#<id>} / {@code BUDGET}, {@code usd} a decimal number;</li>
 * <li>an alert claimed: {@code C#<id>} / {@code ALERT#<yyyy-mm>#<percent>}, put only where none is.</li>
 * </ul>
 */
public final class DynamoUsage implements Usage {
    static final String BUDGET = "BUDGET";
    static final String ALERT_PREFIX = "ALERT#";
    private static final String DOLLARS = "usd";

    private final Table table;

    DynamoUsage(Table table) {
        this.table = table;
    }

    @Override
    public List<UsageDay> month(YearMonth month) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (Map<String, AttributeValue> entry : table.queryAll("usage.month", q -> q.indexName(Keys.GSI2)
                .keyConditionExpression("gsi2pk = :month")
                .expressionAttributeValues(Map.of(":month", Keys.s(UsageItems.DAY_PREFIX + month))))) {
            keys.add(Map.of(Keys.PK, entry.get(Keys.PK), Keys.SK, entry.get(Keys.SK)));
        }
        return table.batchGet("usage.month", keys, false).stream().map(DynamoUsage::day)
                .sorted(java.util.Comparator.comparing(UsageDay::owner).thenComparing(UsageDay::day)).toList();
    }

    @Override
    public List<UsageDay> monthOf(String communityId, YearMonth month) {
        return table.queryAll("usage.monthOf", q -> q
                .keyConditionExpression("pk = :pk AND begins_with(sk, :month)")
                .expressionAttributeValues(Map.of(":pk", Keys.s(UsageItems.partition(communityId)),
                        ":month", Keys.s(UsageItems.DAY_PREFIX + month + "-"))))
                .stream().map(DynamoUsage::day).toList();
    }

    @Override
    public Optional<BigDecimal> budget(String communityId) {
        return table.get("usage.budget", Keys.key(Keys.community(communityId), BUDGET), false)
                .map(item -> item.get(DOLLARS)).map(value -> new BigDecimal(value.n()));
    }

    @Override
    public void setBudget(String communityId, BigDecimal dollars) {
        if (dollars == null || dollars.signum() < 0) {
            throw new IllegalArgumentException("A budget is an amount of US dollars of zero or more.");
        }
        AttributeValue amount = AttributeValue.fromN(dollars.stripTrailingZeros().toPlainString());
        table.update("usage.setBudget", Keys.key(Keys.community(communityId), BUDGET), "SET usd = :usd", null,
                Map.of(), Map.of(":usd", amount), old -> {
                    Map<String, AttributeValue> after = new HashMap<>(old);
                    after.putAll(Keys.key(Keys.community(communityId), BUDGET));
                    after.put(DOLLARS, amount);
                    return after;
                });
    }

    @Override
    public boolean claimAlert(String communityId, YearMonth month, int percent) {
        if (percent <= 0) {
            throw new IllegalArgumentException("An alert's threshold is a percentage above zero.");
        }
        // An update that creates the item, not a put: the delivery functions, which check budgets too, may update
        // any item but put only their own kinds (template.yaml's LeadingKeys).
        Map<String, AttributeValue> key = Keys.key(Keys.community(communityId), ALERT_PREFIX + month + "#" + percent);
        return table.update("usage.claimAlert", key, "SET #claimed = :claimed", "attribute_not_exists(pk)",
                Map.of("#claimed", "claimed"), Map.of(":claimed", AttributeValue.fromBool(true)), old -> {
                    Map<String, AttributeValue> after = new HashMap<>(key);
                    after.put("claimed", AttributeValue.fromBool(true));
                    return after;
                }).isPresent();
    }

    /** A usage item as a day of one owner's quantities. */
    static UsageDay day(Map<String, AttributeValue> item) {
        String pk = item.get(Keys.PK).s();
        String owner = UsageItems.PLATFORM_PARTITION.equals(pk) ? UsageDay.PLATFORM
                : Keys.idIn(pk, Keys.COMMUNITY_PREFIX);
        LocalDate day = LocalDate.parse(Keys.idIn(item.get(Keys.SK).s(), UsageItems.DAY_PREFIX));
        Map<Meter, BigDecimal> quantities = new EnumMap<>(Meter.class);
        for (Meter meter : Meter.values()) {
            AttributeValue value = item.get(meter.key());
            if (value != null && value.n() != null) {
                quantities.put(meter, new BigDecimal(value.n()));
            }
        }
        AttributeValue inexact = item.get(UsageItems.INEXACT);
        return new UsageDay(owner, day, quantities, inexact == null || new BigDecimal(inexact.n()).signum() == 0);
    }
}
