package ciment.infra.dynamo;

import static ciment.infra.dynamo.Keys.s;

import ciment.core.model.Community;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A community's META item as the writes of memberships see it: its member and steward counts and its
 * stewards' set, changed in the same transaction as the membership ({@link #recount}), weighed by what
 * {@link MetaSizes} knows of it; and the catalog of every META item, as this container last read it.
 */
final class CommunityMeta {
    /** How long a container answers from the catalog it read: a community another one changed shows after that. */
    static final Duration CATALOG_FRESH = Duration.ofSeconds(30);

    static final String EXISTS = "attribute_exists(" + Keys.PK + ")";
    static final String ANOTHER_STEWARD = "stewardCount > :one";
    private static final Map<String, AttributeValue> ONE = Map.of(":one", Items.n(1));

    private final Table table;
    private final Clock clock;
    private final MetaSizes sizes = new MetaSizes();
    private volatile Catalog catalog;

    CommunityMeta(Table table, Clock clock) {
        this.table = table;
        this.clock = clock;
    }

    /** A META item read or written: its size weighs the next updates of it. */
    Map<String, AttributeValue> remember(Map<String, AttributeValue> meta) {
        return sizes.remember(meta);
    }

    /** A setting of META changed (by an update that returned the item before it). */
    void changed(Map<String, AttributeValue> after) {
        sizes.remember(after);
        forgetCatalog();
    }

    /**
     * The update of META's counts (and of its stewards' set, with stewardCount) for a membership
     * change, on a condition; it weighs what MetaSizes knows of the item.
     */
    Write recount(String communityId, int members, int stewards, String personId, String condition) {
        List<String> counts = new ArrayList<>();
        if (members != 0) {
            counts.add("memberCount = memberCount " + (members > 0 ? "+" : "-") + " :one");
        }
        if (stewards != 0) {
            counts.add("stewardCount = stewardCount " + (stewards > 0 ? "+" : "-") + " :one");
        }
        String update = "SET " + String.join(", ", counts);
        Map<String, String> names = Map.of();
        Map<String, AttributeValue> values = ONE;
        if (stewards != 0) {
            update += (stewards > 0 ? " ADD " : " DELETE ") + "#stewards :steward";
            names = Map.of("#stewards", CommunityItems.STEWARDS);
            values = Map.of(":one", Items.n(1), ":steward", AttributeValue.fromSs(List.of(personId)));
        }
        return Write.update(table.name(), Keys.communityMeta(communityId), update, condition, names, values,
                sizes.updateBytes(communityId, MetaSizes.recount(members, stewards, personId)), true);
    }

    /** A {@link #recount} committed: the item's size follows, and the catalog is read again. */
    void recounted(String communityId, int members, int stewards, String personId) {
        sizes.changed(communityId, MetaSizes.recount(members, stewards, personId));
        forgetCatalog();
    }

    /**
     * Every community, as this container read it at most {@link #CATALOG_FRESH} ago: `communities`, the Home,
     * `who` and the messaging extension's search all read it, and each read of the whole index costs a read
     * unit per 8 KB of communities (about 20 of them). What this container changes is read again at once; what
     * another changed shows within {@link #CATALOG_FRESH}.
     */
    List<Community> catalog(String operation) {
        Catalog known = catalog;
        Instant now = clock.instant();
        if (known != null && now.isBefore(known.readAt().plus(CATALOG_FRESH))) {
            return known.communities();
        }
        List<Community> read = table.queryAll(operation, q -> q.indexName(Keys.GSI1)
                        .keyConditionExpression("gsi1pk = :catalog")
                        .expressionAttributeValues(Map.of(":catalog", s(Keys.CATALOG))))
                .stream().map(item -> CommunityItems.community(sizes.remember(item))).toList();
        catalog = new Catalog(read, now);
        return read;
    }

    /** A community this container changed (its settings, its counts) is read again with the catalog. */
    void forgetCatalog() {
        catalog = null;
    }

    /** The catalog as this container read it, and when. */
    private record Catalog(List<Community> communities, Instant readAt) {
    }
}
