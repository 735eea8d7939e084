package ciment.infra.dynamo;

import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What the indexes add to a write. The first (gsi1) holds whole items: its entry weighs as the item does.
 * The second (gsi2, keys only) holds the table's and the index's keys plus 100 bytes of overhead, as
 * DynamoDB sizes index entries; it is written when an item enters or leaves the index or its index keys
 * change, never for a change of another attribute.
 */
final class IndexWrites {
    static final long ENTRY_OVERHEAD_BYTES = 100;

    private IndexWrites() {
    }

    /**
     * The gsi1 writes of an update of an item this large: none when the item is not in the index, one when
     * its entry stays under the same key, two when its key changes (the old entry is deleted, the new one put).
     */
    static double gsi1Change(Map<String, AttributeValue> before, Map<String, AttributeValue> after, long size) {
        AttributeValue was = before.get(Keys.GSI1_PK);
        AttributeValue is = after.get(Keys.GSI1_PK);
        if (was == null && is == null) {
            return 0;
        }
        if (was != null && is != null && !was.equals(is)) {
            return CapacityCalculator.write(ItemSizes.of(before)) + CapacityCalculator.write(ItemSizes.of(after));
        }
        return CapacityCalculator.write(size);
    }

    /** The size of an item's gsi2 entry; 0 when it is not in gsi2. */
    static long keysOnlyBytes(Map<String, AttributeValue> item) {
        if (item == null || !item.containsKey(Keys.GSI2_PK)) {
            return 0;
        }
        long size = ENTRY_OVERHEAD_BYTES;
        for (String key : new String[] {Keys.PK, Keys.SK, Keys.GSI2_PK, Keys.GSI2_SK}) {
            AttributeValue value = item.get(key);
            if (value != null) {
                size += ItemSizes.utf8(key) + ItemSizes.value(value);
            }
        }
        return size;
    }

    /** The gsi2 write of putting or deleting the item. */
    static double gsi2(Map<String, AttributeValue> item) {
        long bytes = keysOnlyBytes(item);
        return bytes == 0 ? 0 : CapacityCalculator.write(bytes);
    }

    /** The gsi2 writes of an update: none when its keys stay, one to put or delete the entry, two to move it. */
    static double gsi2Change(Map<String, AttributeValue> before, Map<String, AttributeValue> after) {
        boolean was = keysOnlyBytes(before) > 0;
        boolean is = keysOnlyBytes(after) > 0;
        if (was && is) {
            boolean same = Objects.equals(before.get(Keys.GSI2_PK), after.get(Keys.GSI2_PK))
                    && Objects.equals(before.get(Keys.GSI2_SK), after.get(Keys.GSI2_SK));
            return same ? 0 : gsi2(before) + gsi2(after);
        }
        return was ? gsi2(before) : is ? gsi2(after) : 0;
    }
}
