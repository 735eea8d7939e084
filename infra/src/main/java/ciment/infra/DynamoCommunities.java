package ciment.infra;

import static ciment.infra.Keys.s;

import ciment.core.model.Community;
import ciment.core.model.Membership;
import ciment.core.model.Slug;
import ciment.core.port.Communities;
import ciment.infra.Table.Outcome;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Communities and memberships. A community's META item carries its member and steward counts; every
 * membership change writes the membership and the counts in one transaction, so they always agree.
 */
final class DynamoCommunities implements Communities {
    static final String CREATE = "communities.create";
    static final String FIND = "communities.find";
    static final String JOIN = "communities.join";
    static final String LEAVE = "communities.leave";
    static final String MEMBERSHIP = "communities.membership";
    static final String MEMBERSHIPS_OF = "communities.membershipsOf";
    static final String CATALOG = "communities.catalog";

    private static final Map<String, AttributeValue> ONE = Map.of(":one", Items.n(1));
    private static final String IS_NEW = "attribute_not_exists(" + Keys.PK + ")";
    private static final String EXISTS = "attribute_exists(" + Keys.PK + ")";

    private final Table table;
    private final MetaSizes metaSizes = new MetaSizes();

    DynamoCommunities(Table table) {
        this.table = table;
    }

    @Override
    public Created create(Community community, Membership firstSteward) {
        Outcome outcome = table.transact(CREATE, List.of(
                Write.putNew(table.name(), Items.slugClaim(community)),
                Write.putNew(table.name(), Items.community(community)),
                Write.putNew(table.name(), Items.membership(firstSteward))));
        if (outcome.committed()) {
            metaSizes.remember(community);
            return Created.CREATED;
        }
        if (outcome.conditionFailed(0)) {
            return Created.SLUG_TAKEN;
        }
        throw new IllegalStateException("community " + community.id() + " was not created: " + outcome.reasons());
    }

    @Override
    public Optional<Community> find(Slug slug) {
        List<Map<String, AttributeValue>> found = table.query(FIND, q -> q.indexName(Keys.GSI1)
                .keyConditionExpression("gsi1pk = :catalog AND gsi1sk = :slug")
                .expressionAttributeValues(Map.of(":catalog", s(Keys.CATALOG), ":slug", s(slug.value())))
                .limit(1));
        if (!found.isEmpty()) {
            return Optional.of(metaSizes.remember(Items.community(found.get(0))));
        }
        // The index trails the table by a moment: a community created just now is found through its slug claim.
        return table.get(FIND, Keys.slugClaim(slug), true)
                .flatMap(claim -> table.get(FIND, Keys.communityMeta(Items.str(claim, Items.COMMUNITY_ID)), true))
                .map(item -> metaSizes.remember(Items.community(item)));
    }

    @Override
    public Joined join(Membership membership) {
        String communityId = membership.communityId();
        int stewards = membership.isSteward() ? 1 : 0;
        String counts = "SET memberCount = memberCount + :one" + (stewards == 1 ? ", stewardCount = stewardCount + :one" : "");
        Outcome outcome = table.transact(JOIN, List.of(
                Write.putNew(table.name(), Items.membership(membership)),
                Write.update(table.name(), Keys.communityMeta(communityId), counts, EXISTS, ONE,
                        metaSizes.updateBytes(communityId, 1, stewards), true)));
        if (outcome.committed()) {
            metaSizes.recount(communityId, 1, stewards);
            return Joined.JOINED;
        }
        if (outcome.conditionFailed(1)) {
            return Joined.NO_SUCH_COMMUNITY;
        }
        if (outcome.conditionFailed(0)) {
            return Joined.ALREADY_MEMBER;
        }
        throw new IllegalStateException("membership not stored: " + outcome.reasons());
    }

    /**
     * Deletes the membership on the condition that its role is still the one read, and uncounts it; a
     * steward's leaving also needs another steward to remain (stewardCount > 1), checked by DynamoDB in
     * the same transaction, so two last stewards leaving at once cannot both succeed. When the role
     * changed between the read and the write, the leave is tried once more with the new role.
     */
    @Override
    public Left leave(String communityId, String personId) {
        for (int attempt = 1; ; attempt++) {
            Optional<Map<String, AttributeValue>> read = table.get(LEAVE, Keys.membership(communityId, personId), true);
            if (read.isEmpty()) {
                return Left.NOT_MEMBER;
            }
            Membership membership = Items.membership(read.get());
            int stewards = membership.isSteward() ? -1 : 0;
            String counts = "SET memberCount = memberCount - :one" + (stewards == -1 ? ", stewardCount = stewardCount - :one" : "");
            Outcome outcome = table.transact(LEAVE, List.of(
                    Write.delete(table.name(), read.get(), "#role = :role", Map.of("#role", Items.ROLE),
                            Map.of(":role", s(membership.role().name()))),
                    Write.update(table.name(), Keys.communityMeta(communityId), counts,
                            membership.isSteward() ? "stewardCount > :one" : EXISTS, ONE,
                            metaSizes.updateBytes(communityId, -1, stewards), true)));
            if (outcome.committed()) {
                metaSizes.recount(communityId, -1, stewards);
                return Left.LEFT;
            }
            if (!outcome.conditionFailed(0) && outcome.conditionFailed(1) && membership.isSteward()) {
                return Left.LAST_STEWARD;
            }
            if (!outcome.conditionFailed(0) || attempt == 2) {
                throw new IllegalStateException("could not leave community " + communityId + ": " + outcome.reasons());
            }
            // The membership changed since it was read (it is gone, or its role changed): read it again.
        }
    }

    @Override
    public Optional<Membership> membership(String communityId, String personId) {
        // Consistent: this read gates posting, and a person who has just joined must be able to post.
        return table.get(MEMBERSHIP, Keys.membership(communityId, personId), true).map(Items::membership);
    }

    @Override
    public List<Membership> membershipsOf(String personId) {
        return table.queryAll(MEMBERSHIPS_OF, q -> q.indexName(Keys.GSI1)
                        .keyConditionExpression("gsi1pk = :person AND begins_with(gsi1sk, :community)")
                        .expressionAttributeValues(Map.of(":person", s(Keys.person(personId)),
                                ":community", s(Keys.COMMUNITY_PREFIX))))
                .stream().map(Items::membership).toList();
    }

    @Override
    public List<Community> catalog() {
        return table.queryAll(CATALOG, q -> q.indexName(Keys.GSI1)
                        .keyConditionExpression("gsi1pk = :catalog")
                        .expressionAttributeValues(Map.of(":catalog", s(Keys.CATALOG))))
                .stream().map(item -> metaSizes.remember(Items.community(item))).toList();
    }

    /**
     * The communities last seen, by id, only to meter the count updates: DynamoDB charges an update by
     * the larger of the item's sizes before and after, and a transaction cannot return the item.
     * Core reads a community (find) before it joins or leaves it, so the item is nearly always known.
     */
    private static final class MetaSizes {
        private static final int LIMIT = 1000;
        /** A community not seen: its META item, with a purpose at its longest in ASCII, is under 1 KB. */
        private static final long UNKNOWN = CapacityCalculator.WRITE_UNIT_BYTES;

        private final Map<String, Community> seen = new ConcurrentHashMap<>();

        Community remember(Community community) {
            if (seen.size() >= LIMIT) {
                seen.clear();
            }
            seen.put(community.id(), community);
            return community;
        }

        long updateBytes(String communityId, int members, int stewards) {
            Community before = seen.get(communityId);
            if (before == null) {
                return UNKNOWN;
            }
            return Math.max(ItemSizes.of(Items.community(before)),
                    ItemSizes.of(Items.community(recounted(before, members, stewards))));
        }

        void recount(String communityId, int members, int stewards) {
            seen.computeIfPresent(communityId, (id, c) -> recounted(c, members, stewards));
        }

        private static Community recounted(Community c, int members, int stewards) {
            return new Community(c.id(), c.slug(), c.name(), c.purpose(), c.open(), c.memberCount() + members,
                    c.stewardCount() + stewards, c.createdBy(), c.createdAt());
        }
    }
}
