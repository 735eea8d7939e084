package ciment.infra.metering;

import ciment.core.cost.Meter;
import ciment.infra.dynamo.UsageItems;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * {@link UsageMeter}'s flush: one UpdateItem per owner and invocation, and what the container still owes an owner's
 * next flush (the index entry a flush put, the time flushes and their listeners took).
 */
final class UsageFlush {
    private static final Logger LOG = LoggerFactory.getLogger(UsageFlush.class);

    private final DynamoDbClient client;
    private final String table;
    /** Index entries put by a flush, owed to the owner's next flush (owner → write units). */
    private final Map<String, Integer> owed = new ConcurrentHashMap<>();
    /**
     * Lambda time of the flushes and their listeners, which run after the invocation's time was taken but
     * before it returns (billed): owed to the same owner's next flush (owner → MB-ms).
     */
    private final Map<String, Long> owedTime = new ConcurrentHashMap<>();
    private final AtomicLong flushes = new AtomicLong();

    UsageFlush(DynamoDbClient client, String table) {
        this.client = client;
        this.table = table;
    }

    long flushes() {
        return flushes.get();
    }

    void oweTime(String owner, int memoryMb, long nanos) {
        owedTime.merge(owner, memoryMb * ((nanos + 999_999) / 1_000_000), Long::sum);
    }

    void flush(String owner, LocalDate day, String requestId, UsageTally tally) {
        // The flush's own write, and an index entry put by an earlier one.
        int extra = 1 + owed.getOrDefault(owner, 0);
        tally.add(Meter.DYNAMODB_WRITE_UNITS, BigDecimal.valueOf(extra));
        long earlierFlushes = owedTime.getOrDefault(owner, 0L);
        if (earlierFlushes > 0) {
            tally.add(Meter.LAMBDA_MB_MILLIS, BigDecimal.valueOf(earlierFlushes));
        }
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, AttributeValue> values = new LinkedHashMap<>();
        StringBuilder add = new StringBuilder();
        int i = 0;
        for (Map.Entry<Meter, BigDecimal> quantity : tally.quantities.entrySet()) {
            if (quantity.getValue().signum() == 0) {
                continue;
            }
            names.put("#q" + i, quantity.getKey().key());
            values.put(":q" + i, AttributeValue.fromN(quantity.getValue().toPlainString()));
            add.append(add.isEmpty() ? "" : ", ").append("#q").append(i).append(" :q").append(i);
            i++;
        }
        if (!tally.exact) {
            names.put("#inexact", UsageItems.INEXACT);
            values.put(":one", AttributeValue.fromN("1"));
            add.append(", #inexact :one");
        }
        names.put("#req", UsageItems.REQUEST);
        names.put("#g2pk", UsageItems.MONTH);
        names.put("#g2sk", UsageItems.OWNER_DAY);
        Map<String, AttributeValue> entry = UsageItems.monthEntry(owner, day);
        values.put(":req", AttributeValue.fromS(requestId));
        values.put(":month", entry.get(UsageItems.MONTH));
        values.put(":owner", entry.get(UsageItems.OWNER_DAY));
        String update = "SET #req = :req, #g2pk = :month, #g2sk = :owner ADD " + add;
        flushes.incrementAndGet();
        try {
            UpdateItemResponse response = client.updateItem(b -> b.tableName(table)
                    .key(UsageItems.dayKey(owner, day))
                    .updateExpression(update)
                    .conditionExpression("attribute_not_exists(#req) OR #req <> :req")
                    .expressionAttributeNames(names).expressionAttributeValues(values)
                    .returnValues(ReturnValue.ALL_OLD));
            settled(owner, earlierFlushes);
            // No index key before (ALL_OLD: moto leaves unchanged attributes out of UPDATED_OLD): this flush put
            // the item's index entry (a storage measure may have put it first).
            boolean created = !response.hasAttributes() || !response.attributes().containsKey(UsageItems.MONTH);
            if (created) {
                owed.merge(owner, 1, Integer::sum);
            }
        } catch (ConditionalCheckFailedException alreadyCounted) {
            settled(owner, earlierFlushes);
            LOG.info("usage of request {} for {} was recorded already (a retried flush)", requestId, owner);
        } catch (RuntimeException e) {
            LOG.error("usage of request {} for {} on {} not recorded: {}", requestId, owner, day, e.toString());
        }
    }

    /** What a flush applied is no longer owed (time owed meanwhile, by another thread's flush, stays). */
    private void settled(String owner, long earlierFlushes) {
        owed.remove(owner);
        owedTime.computeIfPresent(owner, (o, time) -> time == earlierFlushes ? null : time - earlierFlushes);
    }
}
