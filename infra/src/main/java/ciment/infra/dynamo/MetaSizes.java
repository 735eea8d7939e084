package ciment.infra.dynamo;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The META items last seen, by community id, only to meter the updates of their counts: DynamoDB
 * charges an update by the larger of the item's sizes before and after, and a transaction cannot
 * return the item. Core reads a community (find) before it changes its members, so the item is
 * nearly always known.
 */
final class MetaSizes {
    private static final int LIMIT = 1000;
    /** A community not seen: its META item (a purpose of 300 characters, a few tags and stewards) is under 1 KB. */
    private static final long UNKNOWN = CapacityCalculator.WRITE_UNIT_BYTES;

    private final Map<String, Map<String, AttributeValue>> seen = new ConcurrentHashMap<>();

    /** Remembers a META item as read or written, and gives it back. */
    Map<String, AttributeValue> remember(Map<String, AttributeValue> meta) {
        if (seen.size() >= LIMIT) {
            seen.clear();
        }
        seen.put(Items.str(meta, "id"), meta);
        return meta;
    }

    /** The size an update weighs: the larger of the item before and after it. */
    long updateBytes(String communityId, UnaryOperator<Map<String, AttributeValue>> change) {
        Map<String, AttributeValue> before = seen.get(communityId);
        if (before == null) {
            return UNKNOWN;
        }
        return Math.max(ItemSizes.of(before), ItemSizes.of(change.apply(before)));
    }

    /** Applies a change that was committed to the item remembered, if any. */
    void changed(String communityId, UnaryOperator<Map<String, AttributeValue>> change) {
        seen.computeIfPresent(communityId, (id, meta) -> change.apply(meta));
    }

    /**
     * The counts moved by {@code members} and {@code stewards}; a steward added to or removed from the
     * stewards' set with the count ({@code personId}, when {@code stewards} is not 0).
     */
    static UnaryOperator<Map<String, AttributeValue>> recount(int members, int stewards, String personId) {
        return meta -> {
            Map<String, AttributeValue> after = new HashMap<>(meta);
            after.put(CommunityItems.MEMBER_COUNT, Items.n(Items.num(meta, CommunityItems.MEMBER_COUNT) + members));
            after.put(CommunityItems.STEWARD_COUNT, Items.n(Items.num(meta, CommunityItems.STEWARD_COUNT) + stewards));
            if (stewards != 0) {
                TreeSet<String> ids = new TreeSet<>(CommunityItems.stewards(meta));
                if (stewards > 0) {
                    ids.add(personId);
                } else {
                    ids.remove(personId);
                }
                if (ids.isEmpty()) {
                    after.remove(CommunityItems.STEWARDS);
                } else {
                    after.put(CommunityItems.STEWARDS, AttributeValue.fromSs(List.copyOf(ids)));
                }
            }
            return after;
        };
    }

    /** One attribute set to a value, as {@code change} does. */
    static UnaryOperator<Map<String, AttributeValue>> set(String attribute, AttributeValue value) {
        return meta -> {
            Map<String, AttributeValue> after = new HashMap<>(meta);
            after.put(attribute, value);
            return after;
        };
    }
}
