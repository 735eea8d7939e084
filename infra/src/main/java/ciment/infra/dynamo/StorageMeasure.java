package ciment.infra.dynamo;

import ciment.core.cost.Meter;
import ciment.core.cost.UsageDay;
import ciment.infra.dynamo.CapacityCalculator.ReadMode;
import ciment.infra.dynamo.CapacityMeter.Units;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * Each owner's stored bytes, as DynamoDB bills storage: every item's size plus 100 bytes, and the same again
 * for its entry in each index (the whole item in gsi1, which projects all; its keys in gsi2, keys only).
 * A community owns what is in its partition ({@code C#<id>}, its usage items included); the platform owns
 * everything else (people, identities, slugs, the outbox). One scan of the table gives both: it reads the
 * table once (eventually consistent, a read unit per 8 KB), which the running invocation pays as platform
 * units. The level is SET on the day's usage item ({@link Meter#DYNAMODB_STORED_BYTES}), not added: a
 * measure taken twice the same day leaves the later one.
 */
public final class StorageMeasure {
    private static final String OPERATION = "usage.storage";

    private final Table table;

    /** Scans with the table's client, and meters the scan on its meter. */
    StorageMeasure(Table table) {
        this.table = table;
    }

    /** Measures every owner's bytes now and writes them as {@code day}'s level; returns them by owner. */
    public Map<String, Long> measure(LocalDate day) {
        Map<String, Long> bytes = measure();
        bytes.forEach((owner, stored) -> write(owner, day, stored));
        return bytes;
    }

    /** Every owner's stored bytes, without writing them. */
    Map<String, Long> measure() {
        Map<String, Long> bytes = new TreeMap<>();
        bytes.put(UsageDay.PLATFORM, 0L);
        Map<String, AttributeValue> next = null;
        do {
            Map<String, AttributeValue> start = next;
            ScanResponse page = table.client().scan(b -> b.tableName(table.name()).exclusiveStartKey(start)
                    .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
            for (Map<String, AttributeValue> item : page.items()) {
                String community = UsageItems.communityOf(item.get(Keys.PK).s());
                String owner = community != null && item.get(Keys.PK).s().startsWith(Keys.COMMUNITY_PREFIX)
                        ? community : UsageDay.PLATFORM;
                bytes.merge(owner, billed(item), Long::sum);
            }
            double reported = page.consumedCapacity() == null || page.consumedCapacity().capacityUnits() == null
                    ? 0 : page.consumedCapacity().capacityUnits();
            table.meter().record(OPERATION, (String) null, Units.read(reported),
                    Units.read(CapacityCalculator.query(ItemSizes.total(page.items()), ReadMode.of(false))));
            next = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (next != null);
        return bytes;
    }

    /** What one item costs in storage: itself, and its index entries, each with 100 bytes of overhead. */
    static long billed(Map<String, AttributeValue> item) {
        long size = ItemSizes.of(item) + IndexWrites.ENTRY_OVERHEAD_BYTES;
        if (item.containsKey(Keys.GSI1_PK)) {
            size += ItemSizes.of(item) + IndexWrites.ENTRY_OVERHEAD_BYTES;
        }
        return size + IndexWrites.keysOnlyBytes(item);
    }

    private void write(String owner, LocalDate day, long stored) {
        Map<String, AttributeValue> key = UsageItems.dayKey(owner, day);
        Map<String, AttributeValue> entry = UsageItems.monthEntry(owner, day);
        Map<String, AttributeValue> values = Map.of(":bytes", AttributeValue.fromN(Long.toString(stored)),
                ":month", entry.get(UsageItems.MONTH), ":owner", entry.get(UsageItems.OWNER_DAY));
        table.update(OPERATION, key, "SET #bytes = :bytes, gsi2pk = :month, gsi2sk = :owner", null,
                Map.of("#bytes", Meter.DYNAMODB_STORED_BYTES.key()), values, old -> {
                    Map<String, AttributeValue> after = new HashMap<>(old);
                    after.putAll(key);
                    after.put(Meter.DYNAMODB_STORED_BYTES.key(), values.get(":bytes"));
                    after.putAll(entry);
                    return after;
                });
    }
}
