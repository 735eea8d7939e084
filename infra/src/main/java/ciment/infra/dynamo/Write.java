package ciment.infra.dynamo;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * One action of a transaction, with what it weighs: the item's size (the larger of before and after)
 * and the size of its index entry, 0 when the item is not in the index.
 */
record Write(TransactWriteItem action, long itemBytes, long indexBytes, long keysIndexBytes) {

    /** A write of an item that is not in the keys-only index (gsi2). */
    Write(TransactWriteItem action, long itemBytes, long indexBytes) {
        this(action, itemBytes, indexBytes, 0);
    }

    /** Puts an item that must not exist yet. */
    static Write putNew(String table, Map<String, AttributeValue> item) {
        return putIf(table, item, "attribute_not_exists(" + Keys.PK + ")");
    }

    /** Puts an item on a condition on what is there. */
    static Write putIf(String table, Map<String, AttributeValue> item, String condition) {
        long size = ItemSizes.of(item);
        return new Write(TransactWriteItem.builder().put(Put.builder().tableName(table).item(item)
                .conditionExpression(condition).build()).build(),
                size, item.containsKey(Keys.GSI1_PK) ? size : 0, IndexWrites.keysOnlyBytes(item));
    }

    /** Puts an item whatever is there (an index entry that its owner's condition already guards). */
    static Write put(String table, Map<String, AttributeValue> item) {
        long size = ItemSizes.of(item);
        return new Write(TransactWriteItem.builder().put(Put.builder().tableName(table).item(item).build()).build(),
                size, item.containsKey(Keys.GSI1_PK) ? size : 0, IndexWrites.keysOnlyBytes(item));
    }

    /** Updates an item in place; the caller knows its size before and after (a transaction cannot return it). */
    static Write update(String table, Map<String, AttributeValue> key, String update, String condition,
            Map<String, AttributeValue> values, long itemBytes, boolean indexed) {
        return update(table, key, update, condition, Map.of(), values, itemBytes, indexed);
    }

    static Write update(String table, Map<String, AttributeValue> key, String update, String condition,
            Map<String, String> names, Map<String, AttributeValue> values, long itemBytes, boolean indexed) {
        return new Write(TransactWriteItem.builder().update(Update.builder().tableName(table).key(key)
                .updateExpression(update).conditionExpression(condition)
                .expressionAttributeNames(names.isEmpty() ? null : names).expressionAttributeValues(values).build())
                .build(), itemBytes, indexed ? itemBytes : 0);
    }

    /** Deletes an item by key alone, on a condition (or none: null); the caller bounds its size. */
    static Write deleteKey(String table, Map<String, AttributeValue> key, String condition, long itemBytes,
            boolean indexed) {
        return new Write(TransactWriteItem.builder().delete(Delete.builder().tableName(table).key(key)
                .conditionExpression(condition).build()).build(), itemBytes, indexed ? itemBytes : 0);
    }

    /**
     * Checks a condition on an item that the transaction does not change. DynamoDB charges it as a
     * transactional write of the item's size (the smallest unit when the item does not exist).
     */
    static Write check(String table, Map<String, AttributeValue> key, String condition, long itemBytes) {
        return new Write(TransactWriteItem.builder().conditionCheck(ConditionCheck.builder().tableName(table).key(key)
                .conditionExpression(condition).build()).build(), itemBytes, 0);
    }

    /** Deletes an item that was read before, on a condition naming what was read. */
    static Write delete(String table, Map<String, AttributeValue> item, String condition, Map<String, String> names,
            Map<String, AttributeValue> values) {
        long size = ItemSizes.of(item);
        Map<String, AttributeValue> key = Map.of(Keys.PK, item.get(Keys.PK), Keys.SK, item.get(Keys.SK));
        return new Write(TransactWriteItem.builder().delete(Delete.builder().tableName(table).key(key)
                .conditionExpression(condition).expressionAttributeNames(names).expressionAttributeValues(values).build())
                .build(), size, item.containsKey(Keys.GSI1_PK) ? size : 0, IndexWrites.keysOnlyBytes(item));
    }

    /** Two units per KB of each item (prepare and commit), and one index write per indexed item. */
    static double committedUnits(List<Write> writes) {
        double units = 0;
        for (Write write : writes) {
            units += CapacityCalculator.transactionalWrite(write.itemBytes);
            if (write.indexBytes > 0) {
                units += CapacityCalculator.write(write.indexBytes);
            }
            if (write.keysIndexBytes > 0) {
                units += CapacityCalculator.write(write.keysIndexBytes);
            }
        }
        return units;
    }

    /** A cancelled transaction is counted as the table writes it attempted, without index writes (an upper bound). */
    static double cancelledUnits(List<Write> writes) {
        return writes.stream().mapToDouble(w -> CapacityCalculator.transactionalWrite(w.itemBytes)).sum();
    }
}
