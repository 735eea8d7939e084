package ciment.infra.dynamo;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The partitions a request touched, as {@link Table} records them with its units: a {@code UsageMeter}
 * attributes each partition's units to whoever owns it (a community, a person, the platform).
 */
final class RequestPartitions {
    private static final Pattern KEY_EQUALS = Pattern.compile("(#?[A-Za-z0-9_]+)\\s*=\\s*(:[A-Za-z0-9_]+)");
    private static final Set<String> PARTITION_KEYS = Set.of(Keys.PK, Keys.GSI1_PK, Keys.GSI2_PK);

    private RequestPartitions() {
    }

    /** The partition of an item or a key; null when it has none. */
    static String of(Map<String, AttributeValue> key) {
        AttributeValue pk = key.get(Keys.PK);
        return pk == null ? null : pk.s();
    }

    /** Keys asked in a batch, weighed by their count per partition. */
    static Map<String, Double> ofKeys(List<Map<String, AttributeValue>> keys) {
        Map<String, Double> weights = new HashMap<>();
        keys.forEach(key -> weights.merge(String.valueOf(of(key)), 1.0, Double::sum));
        return weights;
    }

    /** A transaction's partitions, weighed by the units each action's item costs. */
    static Map<String, Double> ofWrites(List<Write> writes) {
        Map<String, Double> weights = new HashMap<>();
        for (Write write : writes) {
            TransactWriteItem action = write.action();
            Map<String, AttributeValue> key = action.put() != null ? action.put().item()
                    : action.update() != null ? action.update().key()
                    : action.delete() != null ? action.delete().key()
                    : action.conditionCheck() != null ? action.conditionCheck().key() : Map.of();
            weights.merge(String.valueOf(of(key)), Write.committedUnits(List.of(write)), Double::sum);
        }
        return weights;
    }

    /** The partition a query reads: the value its key condition gives the table's or an index's partition key. */
    static String ofQuery(QueryRequest request) {
        String condition = request.keyConditionExpression();
        if (condition == null) {
            return null;
        }
        Matcher equals = KEY_EQUALS.matcher(condition);
        while (equals.find()) {
            String attribute = equals.group(1);
            if (attribute.startsWith("#") && request.hasExpressionAttributeNames()) {
                attribute = request.expressionAttributeNames().getOrDefault(attribute, attribute);
            }
            if (PARTITION_KEYS.contains(attribute)) {
                AttributeValue value = request.hasExpressionAttributeValues()
                        ? request.expressionAttributeValues().get(equals.group(2)) : null;
                return value == null ? null : value.s();
            }
        }
        return null;
    }
}
