package ciment.infra.dynamo;

import static ciment.infra.dynamo.CommunityMeta.ANOTHER_STEWARD;
import static ciment.infra.dynamo.CommunityMeta.EXISTS;
import static ciment.infra.dynamo.Keys.s;

import ciment.core.model.Community;
import ciment.core.model.Invitation;
import ciment.core.model.JoinRequest;
import ciment.core.model.Membership;
import ciment.core.model.Role;
import ciment.core.model.Slug;
import ciment.core.port.Communities;
import ciment.infra.dynamo.Table.Outcome;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Communities, their catalog and their memberships. A community's META item carries its member and steward
 * counts and its stewards' ids; every membership change writes the membership and them in one
 * transaction, so they always agree ({@link CommunityMeta}). Join requests and invitations are
 * {@link Admissions}; what a merge of two people moves is {@link CommunityMoves}.
 */
final class DynamoCommunities implements Communities {
    static final String CREATE = "communities.create";
    static final String FIND = "communities.find";
    static final String JOIN = "communities.join";
    static final String LEAVE = "communities.leave";
    static final String MEMBERSHIP = "communities.membership";
    static final String MEMBERSHIPS_OF = "communities.membershipsOf";
    static final String MEMBERS = "communities.members";
    static final String CATALOG = "communities.catalog";
    static final String CHANGE = "communities.change";
    static final String STEWARDS = "communities.stewards";
    static final String REQUEST = "communities.request";
    static final String REQUESTS = "communities.requests";
    static final String PENDING_REQUEST = "communities.pendingRequest";
    static final String DECIDE = "communities.decide";
    static final String SET_ROLE = "communities.setRole";
    static final String INVITE = "communities.invite";
    static final String INVITED = "communities.invited";
    static final String INVITATIONS_OF = "communities.invitationsOf";

    /** Reads of a membership that changed meanwhile: a demotion then a departure can race one request. */
    private static final int ATTEMPTS = 3;
    private static final int KNOWN_SLUGS = 10_000;

    private final Table table;
    private final CommunityMeta meta;
    private final Admissions admissions;
    private final CommunityMoves moves;
    /** Community ids by slug, learnt by this container: a command then reads its community by key, not by index. */
    private final Map<String, String> idsBySlug = new java.util.concurrent.ConcurrentHashMap<>();

    DynamoCommunities(Table table) {
        this(table, Clock.systemUTC());
    }

    DynamoCommunities(Table table, Clock clock) {
        this.table = table;
        this.meta = new CommunityMeta(table, clock);
        this.admissions = new Admissions(table, meta);
        this.moves = new CommunityMoves(table, meta);
    }

    @Override
    public Created create(Community community, Membership firstSteward) {
        Map<String, AttributeValue> metaItem = CommunityItems.community(community,
                firstSteward.isSteward() ? List.of(firstSteward.personId()) : List.of());
        Outcome outcome = table.transact(CREATE, List.of(
                Write.putNew(table.name(), CommunityItems.slugClaim(community)),
                Write.putNew(table.name(), metaItem),
                Write.putNew(table.name(), CommunityItems.membership(firstSteward))));
        if (outcome.committed()) {
            meta.changed(metaItem);
            return Created.CREATED;
        }
        if (outcome.conditionFailed(0)) {
            return Created.SLUG_TAKEN;
        }
        throw new IllegalStateException("community " + community.id() + " was not created: " + outcome.reasons());
    }

    @Override
    public Optional<Community> find(Slug slug) {
        String known = idsBySlug.get(slug.value());
        if (known != null) {
            Optional<Community> community = table.get(FIND, Keys.communityMeta(known), false)
                    .map(item -> CommunityItems.community(meta.remember(item)));
            if (community.isPresent()) {
                return community;
            }
        }
        Optional<Community> found = findUnknown(slug);
        found.ifPresent(this::rememberId);
        return found;
    }

    /** A slug is claimed for good (never released nor renamed), so its community id can be kept. */
    private void rememberId(Community community) {
        if (idsBySlug.size() >= KNOWN_SLUGS) {
            idsBySlug.clear();
        }
        idsBySlug.put(community.slug().value(), community.id());
    }

    private Optional<Community> findUnknown(Slug slug) {
        List<Map<String, AttributeValue>> found = table.query(FIND, q -> q.indexName(Keys.GSI1)
                .keyConditionExpression("gsi1pk = :catalog AND gsi1sk = :slug")
                .expressionAttributeValues(Map.of(":catalog", s(Keys.CATALOG), ":slug", s(slug.value())))
                .limit(1));
        if (!found.isEmpty()) {
            return Optional.of(CommunityItems.community(meta.remember(found.get(0))));
        }
        // The index trails the table by a moment: a community created just now is found through its slug claim.
        return table.get(FIND, Keys.slugClaim(slug), true)
                .flatMap(claim -> table.get(FIND, Keys.communityMeta(Items.str(claim, CommunityItems.COMMUNITY_ID)), true))
                .map(item -> CommunityItems.community(meta.remember(item)));
    }

    @Override
    public void change(String communityId, Change change) {
        Map.Entry<String, AttributeValue> setting = switch (change) {
            case Change.Openness o -> Map.entry(CommunityItems.OPEN, AttributeValue.fromBool(o.open()));
            case Change.Tags t -> Map.entry(CommunityItems.TAGS, Items.strings(t.tags()));
            case Change.Archival a -> Map.entry(CommunityItems.ARCHIVED, AttributeValue.fromBool(a.archived()));
            case Change.Purpose p -> Map.entry(CommunityItems.PURPOSE, AttributeValue.fromS(p.purpose()));
            case Change.WelcomeMessage w -> Map.entry(CommunityItems.WELCOME, AttributeValue.fromS(w.message()));
            case Change.Guidelines g -> Map.entry(CommunityItems.GUIDELINES, AttributeValue.fromS(g.guidelines()));
        };
        if (setting.getValue().s() != null && setting.getValue().s().isEmpty()) {
            remove(communityId, setting.getKey());
            return;
        }
        UnaryOperator<Map<String, AttributeValue>> applied = MetaSizes.set(setting.getKey(), setting.getValue());
        Map<String, AttributeValue> before = table.update(CHANGE, Keys.communityMeta(communityId), "SET #setting = :value",
                        EXISTS, Map.of("#setting", setting.getKey()), Map.of(":value", setting.getValue()), applied)
                .orElseThrow(() -> new IllegalStateException("no community " + communityId + " to change"));
        meta.changed(applied.apply(before));
    }

    /** A text setting cleared (a welcome message, guidelines): the attribute goes, as an empty string cannot stay. */
    private void remove(String communityId, String attribute) {
        UnaryOperator<Map<String, AttributeValue>> applied = meta -> {
            Map<String, AttributeValue> after = new HashMap<>(meta);
            after.remove(attribute);
            return after;
        };
        Map<String, AttributeValue> before = table.update(CHANGE, Keys.communityMeta(communityId), "REMOVE #setting",
                        EXISTS, Map.of("#setting", attribute), Map.of(), applied)
                .orElseThrow(() -> new IllegalStateException("no community " + communityId + " to change"));
        meta.changed(applied.apply(before));
    }

    /**
     * Puts the membership, counts it and deletes any invitation of the person (whether there is one or
     * not: no read, and the delete of an absent item costs its write unit) in one transaction.
     */
    @Override
    public Joined join(Membership membership) {
        String communityId = membership.communityId();
        int stewards = membership.isSteward() ? 1 : 0;
        Outcome outcome = table.transact(JOIN, List.of(
                Write.putNew(table.name(), CommunityItems.membership(membership)),
                meta.recount(communityId, 1, stewards, membership.personId(), EXISTS),
                // Counted without its index write: there is mostly no invitation to delete.
                Write.deleteKey(table.name(), Keys.invitation(communityId, membership.personId()), null,
                        Admissions.INVITATION_BYTES_AT_MOST, false)));
        if (outcome.committed()) {
            meta.recounted(communityId, 1, stewards, membership.personId());
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
     * changed between the read and the write, the leave is tried again with what is there now.
     */
    @Override
    public Left leave(String communityId, String personId) {
        for (int attempt = 1; ; attempt++) {
            Optional<Map<String, AttributeValue>> read = table.get(LEAVE, Keys.membership(communityId, personId), true);
            if (read.isEmpty()) {
                return Left.NOT_MEMBER;
            }
            Membership membership = CommunityItems.membership(read.get());
            int stewards = membership.isSteward() ? -1 : 0;
            Outcome outcome = table.transact(LEAVE, List.of(
                    Write.delete(table.name(), read.get(), "#role = :role", Map.of("#role", CommunityItems.ROLE),
                            Map.of(":role", s(membership.role().name()))),
                    meta.recount(communityId, -1, stewards, personId, membership.isSteward() ? ANOTHER_STEWARD : EXISTS)));
            if (outcome.committed()) {
                meta.recounted(communityId, -1, stewards, personId);
                return Left.LEFT;
            }
            if (!outcome.conditionFailed(0) && outcome.conditionFailed(1) && membership.isSteward()) {
                return Left.LAST_STEWARD;
            }
            if (!outcome.conditionFailed(0) || attempt == ATTEMPTS) {
                throw new IllegalStateException("could not leave community " + communityId + ": " + outcome.reasons());
            }
            // The membership changed since it was read (it is gone, or its role changed): read it again.
        }
    }

    /**
     * Changes the role and the steward count (and set) together; demoting needs another steward to
     * remain (stewardCount > 1), checked by DynamoDB, so concurrent demotions and departures never
     * leave a community without one. The membership is read first to tell ALREADY and NOT_MEMBER
     * apart; when it changes between the read and the write, it is read again.
     */
    @Override
    public RoleChanged setRole(String communityId, String personId, Role role) {
        for (int attempt = 1; ; attempt++) {
            Optional<Map<String, AttributeValue>> read = table.get(SET_ROLE, Keys.membership(communityId, personId), true);
            if (read.isEmpty()) {
                return RoleChanged.NOT_MEMBER;
            }
            Role was = CommunityItems.membership(read.get()).role();
            if (was == role) {
                return RoleChanged.ALREADY;
            }
            boolean demoting = role == Role.MEMBER;
            int stewards = demoting ? -1 : 1;
            Map<String, AttributeValue> changed = new HashMap<>(read.get());
            changed.put(CommunityItems.ROLE, s(role.name()));
            Outcome outcome = table.transact(SET_ROLE, List.of(
                    Write.update(table.name(), Keys.membership(communityId, personId), "SET #role = :role", "#role = :was",
                            Map.of("#role", CommunityItems.ROLE), Map.of(":role", s(role.name()), ":was", s(was.name())),
                            Math.max(ItemSizes.of(read.get()), ItemSizes.of(changed)), true),
                    meta.recount(communityId, 0, stewards, personId, demoting ? ANOTHER_STEWARD : EXISTS)));
            if (outcome.committed()) {
                meta.recounted(communityId, 0, stewards, personId);
                return RoleChanged.CHANGED;
            }
            if (!outcome.conditionFailed(0) && outcome.conditionFailed(1) && demoting) {
                return RoleChanged.LAST_STEWARD;
            }
            if (!outcome.conditionFailed(0) || attempt == ATTEMPTS) {
                throw new IllegalStateException("could not change the role of " + personId + " in " + communityId
                        + ": " + outcome.reasons());
            }
        }
    }

    /** One read of META (eventually consistent): the stewards' ids are kept there, beside stewardCount. */
    @Override
    public List<String> stewards(String communityId) {
        return table.get(STEWARDS, Keys.communityMeta(communityId), false)
                .map(item -> CommunityItems.stewards(meta.remember(item)))
                .orElse(List.of());
    }

    @Override
    public Optional<Membership> membership(String communityId, String personId) {
        // Consistent: this read gates posting, and a person who has just joined must be able to post.
        return table.get(MEMBERSHIP, Keys.membership(communityId, personId), true).map(CommunityItems::membership);
    }

    /** A query of the community's partition: its memberships' keys begin with M#. */
    @Override
    public List<Membership> members(String communityId) {
        return table.queryAll(MEMBERS, q -> q
                        .keyConditionExpression("pk = :community AND begins_with(sk, :member)")
                        .expressionAttributeValues(Map.of(":community", s(Keys.community(communityId)),
                                ":member", s(Keys.MEMBER_PREFIX))))
                .stream().map(CommunityItems::membership).toList();
    }

    @Override
    public List<Membership> membershipsOf(String personId) {
        return membershipItemsOf(MEMBERSHIPS_OF, personId).stream().map(CommunityItems::membership).toList();
    }

    @Override
    public Requested request(JoinRequest request) {
        return admissions.request(request);
    }

    @Override
    public List<JoinRequest> requests(String communityId) {
        return admissions.requests(communityId);
    }

    @Override
    public Optional<JoinRequest> pendingRequest(String communityId, String personId) {
        return admissions.pendingRequest(communityId, personId);
    }

    @Override
    public Decided decide(String communityId, String personId, boolean approve, Membership membership) {
        return admissions.decide(communityId, personId, approve, membership);
    }

    @Override
    public Invited invite(Invitation invitation) {
        return admissions.invite(invitation);
    }

    @Override
    public boolean invited(String communityId, String personId) {
        return admissions.invited(communityId, personId);
    }

    @Override
    public List<String> invitationsOf(String personId) {
        return admissions.invitationsOf(personId);
    }

    /** See {@link CommunityMeta#catalog}: read again at most every {@link CommunityMeta#CATALOG_FRESH}. */
    @Override
    public List<Community> catalog() {
        return meta.catalog(CATALOG);
    }

    List<Map<String, AttributeValue>> membershipItemsOf(String operation, String personId) {
        return table.queryAll(operation, Keys.underPerson(personId, Keys.COMMUNITY_PREFIX));
    }

    Admissions admissions() {
        return admissions;
    }

    CommunityMoves moves() {
        return moves;
    }
}
