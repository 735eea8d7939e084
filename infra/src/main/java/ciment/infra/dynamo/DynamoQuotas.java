package ciment.infra.dynamo;

import ciment.core.port.Quotas;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Each person's writes per window, counted in the table so that every container counts the same: one small item
 * per person, kind and window ({@link Keys#limit}) whose count is ADDed on the condition that it is under the
 * limit. One write unit per write allowed (the item is about 80 bytes), none read; {@code expiresAt} an hour
 * after the window ends lets DynamoDB delete it at no cost. A refused condition costs a write unit too, so a
 * container that met a full window remembers it: a flood from one person costs no write past its first
 * refusal in each container.
 */
final class DynamoQuotas implements Quotas {
    static final String TAKE = "limits.take";
    static final String COUNT = "count";
    /** Kept a while after its window: a clock a little behind still finds it. */
    private static final Duration KEPT_AFTER = Duration.ofHours(1);
    /** Windows remembered full, at most: past windows are never asked again, so forgetting them all is safe. */
    private static final int REMEMBERED = 10_000;

    private final Table table;
    private final Set<String> full = ConcurrentHashMap.newKeySet();

    DynamoQuotas(Table table) {
        this.table = table;
    }

    @Override
    public boolean take(String personId, String kind, Instant windowStart, Duration window, int limit) {
        Map<String, AttributeValue> key = Keys.limit(personId, kind, windowStart.getEpochSecond());
        String remembered = Keys.person(personId) + "/" + key.get(Keys.SK).s();
        if (full.contains(remembered)) {
            return false;
        }
        AttributeValue expires = Items.n(windowStart.plus(window).plus(KEPT_AFTER).getEpochSecond());
        boolean taken = table.update(TAKE, key, "ADD #count :one SET #expires = if_not_exists(#expires, :expires)",
                "attribute_not_exists(#count) OR #count < :limit", Map.of("#count", COUNT, "#expires", Items.EXPIRES_AT),
                Map.of(":one", Items.n(1), ":expires", expires, ":limit", Items.n(limit)), old -> {
                    Map<String, AttributeValue> after = new HashMap<>(key);
                    after.putAll(old);
                    after.put(COUNT, Items.n(1 + (old.containsKey(COUNT) ? Items.num(old, COUNT) : 0)));
                    after.putIfAbsent(Items.EXPIRES_AT, expires);
                    return after;
                }).isPresent();
        if (!taken) {
            if (full.size() >= REMEMBERED) {
                full.clear();
            }
            full.add(remembered);
        }
        return taken;
    }
}
