package ciment.infra;

import ciment.infra.CapacityCalculator.ReadMode;
import ciment.infra.CapacityMeter.Units;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The table's requests, each metered: it asks DynamoDB for the units it consumed and computes them
 * from the item sizes, and records both under the store operation that made the request.
 */
final class Table {
    private static final String CONDITION_FAILED = "ConditionalCheckFailed";
    private static final String CONFLICT = "TransactionConflict";
    private static final int TRANSACTION_ATTEMPTS = 5;

    private final DynamoDbClient client;
    private final String name;
    private final CapacityMeter meter;

    Table(DynamoDbClient client, String name, CapacityMeter meter) {
        this.client = client;
        this.name = name;
        this.meter = meter;
    }

    String name() {
        return name;
    }

    Optional<Map<String, AttributeValue>> get(String operation, Map<String, AttributeValue> key, boolean consistent) {
        GetItemResponse response = client.getItem(b -> b.tableName(name).key(key).consistentRead(consistent)
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
        Optional<Map<String, AttributeValue>> item = response.hasItem() && !response.item().isEmpty()
                ? Optional.of(response.item()) : Optional.empty();
        long size = item.map(ItemSizes::of).orElse(0L);
        meter.record(operation, Units.read(units(response.consumedCapacity())),
                Units.read(CapacityCalculator.get(size, ReadMode.of(consistent))));
        return item;
    }

    /** One page of a query (its Limit applies). */
    List<Map<String, AttributeValue>> query(String operation, Consumer<QueryRequest.Builder> query) {
        return page(operation, request(query, null)).items();
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
            double index = item.containsKey(Keys.GSI1_PK) ? CapacityCalculator.write(size) : 0;
            meter.record(operation, Units.write(units(response.consumedCapacity())),
                    Units.write(CapacityCalculator.write(size) + index));
            return true;
        } catch (ConditionalCheckFailedException exists) {
            // A failed condition still costs the write; DynamoDB reports no units with the error.
            meter.record(operation, Units.NONE, Units.write(CapacityCalculator.write(size)));
            return false;
        }
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
                meter.record(operation, Units.write(reported), Units.write(Write.committedUnits(writes)));
                return Outcome.COMMITTED;
            } catch (TransactionCanceledException cancelled) {
                meter.record(operation, Units.NONE, Units.write(Write.cancelledUnits(writes)));
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
        meter.record(operation, Units.read(units(response.consumedCapacity())),
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
