package ciment.infra.dynamo;

import ciment.infra.dynamo.CapacityCalculator.ReadMode;
import ciment.infra.dynamo.CapacityMeter.Units;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * The table's requests, each metered: it asks DynamoDB for the units it consumed and computes them
 * from the item sizes, and records both under the store operation that made the request, with the
 * partition it touched (its key's, or its key condition's), by which a {@code UsageMeter} attributes it.
 */
record Table(DynamoDbClient client, String name, CapacityMeter meter) {
    private static final String CONDITION_FAILED = "ConditionalCheckFailed";
    private static final String CONFLICT = "TransactionConflict";
    private static final int TRANSACTION_ATTEMPTS = 5;
    private static final int BATCH_GET_LIMIT = 100;
    private static final int BATCH_ATTEMPTS = 8;
    private static final int BATCH_WRITE_LIMIT = 25;

    Optional<Map<String, AttributeValue>> get(String operation, Map<String, AttributeValue> key, boolean consistent) {
        GetItemResponse response = client.getItem(b -> b.tableName(name).key(key).consistentRead(consistent)
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
        Optional<Map<String, AttributeValue>> item = response.hasItem() && !response.item().isEmpty()
                ? Optional.of(response.item()) : Optional.empty();
        long size = item.map(ItemSizes::of).orElse(0L);
        meter.record(operation, RequestPartitions.of(key), Units.read(units(response.consumedCapacity())),
                Units.read(CapacityCalculator.get(size, ReadMode.of(consistent))));
        return item;
    }

    /** One page of a query (its Limit applies). */
    List<Map<String, AttributeValue>> query(String operation, Consumer<QueryRequest.Builder> query) {
        return page(operation, request(query, null)).items();
    }

    /** One page of a query that goes on after {@code startKey} (none: from the start), with its last key. */
    QueryResponse queryFrom(String operation, Consumer<QueryRequest.Builder> query, Map<String, AttributeValue> startKey) {
        return page(operation, request(query, startKey));
    }

    /** Every page of a query. */
    List<Map<String, AttributeValue>> queryAll(String operation, Consumer<QueryRequest.Builder> query) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Map<String, AttributeValue> next = null;
        do {
            QueryResponse page = page(operation, request(query, next));
            items.addAll(page.items());
            next = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (next != null);
        return items;
    }

    /** Puts an item that must not exist yet; false (and nothing written) when it does. */
    boolean putNew(String operation, Map<String, AttributeValue> item) {
        long size = ItemSizes.of(item);
        try {
            PutItemResponse response = client.putItem(b -> b.tableName(name).item(item)
                    .conditionExpression("attribute_not_exists(" + Keys.PK + ")")
                    .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
            double index = (item.containsKey(Keys.GSI1_PK) ? CapacityCalculator.write(size) : 0)
                    + IndexWrites.gsi2(item);
            meter.record(operation, RequestPartitions.of(item), Units.write(units(response.consumedCapacity())),
                    Units.write(CapacityCalculator.write(size) + index));
            return true;
        } catch (ConditionalCheckFailedException exists) {
            // A failed condition still costs the write; DynamoDB reports no units with the error.
            meter.record(operation, RequestPartitions.of(item), Units.NONE, Units.write(CapacityCalculator.write(size)));
            return false;
        }
    }

    /**
     * Updates an existing item on a condition; empty (and nothing written) when the condition fails.
     * DynamoDB returns the old item at no cost: with {@code applied}, which gives the item after the
     * update, it makes the units exact.
     */
    Optional<Map<String, AttributeValue>> update(String operation, Map<String, AttributeValue> key, String update,
            String condition, Map<String, String> names, Map<String, AttributeValue> values,
            UnaryOperator<Map<String, AttributeValue>> applied) {
        Updated updated = update(operation, key, update, condition, names, values, applied, false);
        return updated.applied() ? updated.item() : Optional.empty();
    }

    /** An update's result: applied, with the item before it; or refused, with the item as it is (empty when absent). */
    record Updated(boolean applied, Optional<Map<String, AttributeValue>> item) {
    }

    /**
     * As {@link #update}, but a refused condition also says why: DynamoDB returns the item that refused
     * it (ReturnValuesOnConditionCheckFailure), at no extra request, and its size makes the units exact.
     */
    Updated updateOrShow(String operation, Map<String, AttributeValue> key, String update, String condition,
            Map<String, String> names, Map<String, AttributeValue> values,
            UnaryOperator<Map<String, AttributeValue>> applied) {
        return update(operation, key, update, condition, names, values, applied, true);
    }

    /** An update; when {@code show}, a refusal returns the item that refused it, which then sizes its write. */
    private Updated update(String operation, Map<String, AttributeValue> key, String update, String condition,
            Map<String, String> names, Map<String, AttributeValue> values,
            UnaryOperator<Map<String, AttributeValue>> applied, boolean show) {
        try {
            UpdateItemResponse response = client.updateItem(b -> {
                b.tableName(name).key(key).updateExpression(update).conditionExpression(condition)
                        .expressionAttributeNames(names.isEmpty() ? null : names)
                        .expressionAttributeValues(values.isEmpty() ? null : values).returnValues(ReturnValue.ALL_OLD)
                        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL);
                if (show) {
                    b.returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD);
                }
            });
            Map<String, AttributeValue> old = response.attributes();
            Map<String, AttributeValue> after = applied.apply(old);
            long size = Math.max(ItemSizes.of(old), ItemSizes.of(after));
            meter.record(operation, RequestPartitions.of(key), Units.write(units(response.consumedCapacity())),
                    Units.write(CapacityCalculator.write(size) + IndexWrites.gsi1Change(old, after, size)
                            + IndexWrites.gsi2Change(old, after)));
            return new Updated(true, Optional.of(old));
        } catch (ConditionalCheckFailedException refused) {
            // Without the item that refused, its size is not known: a refused write costs at least its smallest unit.
            Optional<Map<String, AttributeValue>> item = show && refused.hasItem() && !refused.item().isEmpty()
                    ? Optional.of(refused.item()) : Optional.empty();
            meter.record(operation, RequestPartitions.of(key), Units.NONE,
                    Units.write(CapacityCalculator.write(item.map(ItemSizes::of).orElse(0L))));
            return new Updated(false, item);
        }
    }

    /** Deletes an item on a condition; the deleted item, or empty (and nothing written) when the condition fails. */
    Optional<Map<String, AttributeValue>> delete(String operation, Map<String, AttributeValue> key, String condition) {
        return delete(operation, key, condition, Map.of());
    }

    /** As {@link #delete(String, Map, String)}, with values for the condition. */
    Optional<Map<String, AttributeValue>> delete(String operation, Map<String, AttributeValue> key, String condition,
            Map<String, AttributeValue> values) {
        try {
            DeleteItemResponse response = client.deleteItem(b -> b.tableName(name).key(key)
                    .conditionExpression(condition).expressionAttributeValues(values.isEmpty() ? null : values)
                    .returnValues(ReturnValue.ALL_OLD)
                    .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
            Map<String, AttributeValue> old = response.attributes();
            long size = ItemSizes.of(old);
            double index = (old.containsKey(Keys.GSI1_PK) ? CapacityCalculator.write(size) : 0) + IndexWrites.gsi2(old);
            meter.record(operation, RequestPartitions.of(key), Units.write(units(response.consumedCapacity())),
                    Units.write(CapacityCalculator.write(size) + index));
            return Optional.of(old);
        } catch (ConditionalCheckFailedException refused) {
            meter.record(operation, RequestPartitions.of(key), Units.NONE, Units.write(CapacityCalculator.write(0)));
            return Optional.empty();
        }
    }

    /**
     * The items with these keys that exist, in no particular order: BatchGetItem by 100 keys (its
     * limit); keys DynamoDB leaves unprocessed (throttling, 16 MB responses) are asked again.
     */
    List<Map<String, AttributeValue>> batchGet(String operation, List<Map<String, AttributeValue>> keys,
            boolean consistent) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int from = 0; from < keys.size(); from += BATCH_GET_LIMIT) {
            List<Map<String, AttributeValue>> pending = keys.subList(from, Math.min(keys.size(), from + BATCH_GET_LIMIT));
            for (int attempt = 1; !pending.isEmpty(); attempt++) {
                if (attempt > BATCH_ATTEMPTS) {
                    throw new IllegalStateException(pending.size() + " keys still unprocessed after " + BATCH_ATTEMPTS
                            + " attempts of " + operation);
                }
                if (attempt > 1) {
                    pause(attempt - 1);
                }
                List<Map<String, AttributeValue>> asked = pending;
                BatchGetItemResponse response = client.batchGetItem(b -> b
                        .requestItems(Map.of(name, KeysAndAttributes.builder().keys(asked).consistentRead(consistent).build()))
                        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
                List<Map<String, AttributeValue>> found = response.responses().getOrDefault(name, List.of());
                items.addAll(found);
                pending = response.hasUnprocessedKeys() && response.unprocessedKeys().containsKey(name)
                        ? response.unprocessedKeys().get(name).keys() : List.of();
                meter.record(operation, RequestPartitions.ofKeys(asked), Units.read(response.hasConsumedCapacity()
                                ? response.consumedCapacity().stream().mapToDouble(Table::units).sum() : 0),
                        Units.read(batchGetUnits(found, asked.size() - pending.size(), consistent)));
            }
        }
        return items;
    }

    /**
     * Puts these items whatever is there: BatchWriteItem by 25 (its limit); items DynamoDB leaves unprocessed
     * (throttling) are sent again. Only for items whose second put is harmless: the same item, by the same key.
     */
    void batchPut(String operation, List<Map<String, AttributeValue>> items) {
        for (int from = 0; from < items.size(); from += BATCH_WRITE_LIMIT) {
            List<WriteRequest> pending = items.subList(from, Math.min(items.size(), from + BATCH_WRITE_LIMIT)).stream()
                    .map(item -> WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build())
                    .toList();
            for (int attempt = 1; !pending.isEmpty(); attempt++) {
                if (attempt > BATCH_ATTEMPTS) {
                    throw new IllegalStateException(pending.size() + " items still unprocessed after " + BATCH_ATTEMPTS
                            + " attempts of " + operation);
                }
                if (attempt > 1) {
                    pause(attempt - 1);
                }
                List<WriteRequest> sent = pending;
                BatchWriteItemResponse response = client.batchWriteItem(b -> b.requestItems(Map.of(name, sent))
                        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
                pending = response.hasUnprocessedItems() && response.unprocessedItems().containsKey(name)
                        ? response.unprocessedItems().get(name) : List.of();
                List<Map<String, AttributeValue>> written = sent.stream().filter(w -> !response.hasUnprocessedItems()
                        || !response.unprocessedItems().getOrDefault(name, List.of()).contains(w))
                        .map(w -> w.putRequest().item()).toList();
                double computed = written.stream().mapToDouble(item -> CapacityCalculator.write(ItemSizes.of(item))
                        + (item.containsKey(Keys.GSI1_PK) ? CapacityCalculator.write(ItemSizes.of(item)) : 0)
                        + IndexWrites.gsi2(item)).sum();
                meter.record(operation, RequestPartitions.ofKeys(written), Units.write(response.hasConsumedCapacity()
                        ? response.consumedCapacity().stream().mapToDouble(Table::units).sum() : 0),
                        Units.write(computed));
            }
        }
    }

    /** Each item read is rounded up on its own; a key not found still costs the smallest read. */
    private static double batchGetUnits(List<Map<String, AttributeValue>> found, int processed, boolean consistent) {
        ReadMode mode = ReadMode.of(consistent);
        double units = found.stream().mapToDouble(item -> CapacityCalculator.get(ItemSizes.of(item), mode)).sum();
        return units + (processed - found.size()) * CapacityCalculator.get(0, mode);
    }

    /**
     * Runs the actions all or none. Conflicts with a concurrent transaction on the same items are
     * retried; a failed condition is not, its outcome says which action refused.
     */
    Outcome transact(String operation, List<Write> writes) {
        List<TransactWriteItem> actions = writes.stream().map(Write::action).toList();
        for (int attempt = 1; ; attempt++) {
            try {
                TransactWriteItemsResponse response = client.transactWriteItems(b -> b.transactItems(actions)
                        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
                double reported = response.hasConsumedCapacity()
                        ? response.consumedCapacity().stream().mapToDouble(Table::units).sum() : 0;
                meter.record(operation, RequestPartitions.ofWrites(writes), Units.write(reported),
                        Units.write(Write.committedUnits(writes)));
                return Outcome.COMMITTED;
            } catch (TransactionCanceledException cancelled) {
                meter.record(operation, RequestPartitions.ofWrites(writes), Units.NONE, Units.write(Write.cancelledUnits(writes)));
                List<String> reasons = cancelled.hasCancellationReasons()
                        ? cancelled.cancellationReasons().stream().map(CancellationReason::code).toList() : List.of();
                if (reasons.contains(CONFLICT) && attempt < TRANSACTION_ATTEMPTS) {
                    pause(attempt);
                    continue;
                }
                if (reasons.size() != actions.size() || !reasons.contains(CONDITION_FAILED)) {
                    throw cancelled;
                }
                return new Outcome(reasons);
            }
        }
    }

    /** A transaction's result: committed, or cancelled with one reason per action ("None" when it was fine). */
    record Outcome(List<String> reasons) {
        static final Outcome COMMITTED = new Outcome(List.of());

        boolean committed() {
            return reasons.isEmpty();
        }

        boolean conditionFailed(int action) {
            return !committed() && CONDITION_FAILED.equals(reasons.get(action));
        }
    }

    private QueryResponse page(String operation, QueryRequest request) {
        QueryResponse response = client.query(request);
        boolean consistent = Boolean.TRUE.equals(request.consistentRead());
        meter.record(operation, RequestPartitions.ofQuery(request), Units.read(units(response.consumedCapacity())),
                Units.read(CapacityCalculator.query(ItemSizes.total(response.items()), ReadMode.of(consistent))));
        return response;
    }

    private QueryRequest request(Consumer<QueryRequest.Builder> query, Map<String, AttributeValue> startKey) {
        QueryRequest.Builder builder = QueryRequest.builder().tableName(name)
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL);
        query.accept(builder);
        return builder.exclusiveStartKey(startKey).build();
    }

    private static double units(ConsumedCapacity consumed) {
        return consumed == null || consumed.capacityUnits() == null ? 0 : consumed.capacityUnits();
    }

    /** A short, growing, jittered pause so that two conflicting transactions do not meet again. */
    private static void pause(int attempt) {
        try {
            Thread.sleep(10L * attempt + (long) (Math.random() * 10 * attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying a transaction", e);
        }
    }
}
