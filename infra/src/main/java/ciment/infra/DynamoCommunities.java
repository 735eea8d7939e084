package ciment.infra;

import static ciment.infra.Keys.s;

import ciment.core.model.Community;
import ciment.core.model.Invitation;
import ciment.core.model.JoinRequest;
import ciment.core.model.Membership;
import ciment.core.model.Role;
import ciment.core.model.Slug;
import ciment.core.port.Communities;
import ciment.infra.Table.Outcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Communities, memberships and join requests. A community's META item carries its member and steward
 * counts and its stewards' ids; every membership change writes the membership and them in one
 * transaction, so they always agree.
 */
final class DynamoCommunities implements Communities {
    static final String CREATE = "communities.create";
    static final String FIND = "communities.find";
    static final String JOIN = "communities.join";
    static final String LEAVE = "communities.leave";
    static final String MEMBERSHIP = "communities.membership";
    static final String MEMBERSHIPS_OF = "communities.membershipsOf";
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

    private static final Map<String, AttributeValue> ONE = Map.of(":one", Items.n(1));
    private static final String IS_NEW = "attribute_not_exists(" + Keys.PK + ")";
    private static final String EXISTS = "attribute_exists(" + Keys.PK + ")";
    private static final String ANOTHER_STEWARD = "stewardCount > :one";
    /** Reads of a membership that changed meanwhile: a demotion then a departure can race one request. */
    private static final int ATTEMPTS = 3;
    /**
     * A join request (ids, slug, a display name, a time, where to answer) is under 1 KB: one write unit, two
     * in a transaction (DynamoJoinRequestsTest weighs one with Teams' longest ids).
     */
    private static final long REQUEST_BYTES_AT_MOST = CapacityCalculator.WRITE_UNIT_BYTES;
    /** An invitation (ids, slug, a time) is under 1 KB too. */
    private static final long INVITATION_BYTES_AT_MOST = CapacityCalculator.WRITE_UNIT_BYTES;

    private final Table table;
    private final MetaSizes metaSizes = new MetaSizes();
    /** Community ids by slug, learnt by this container: a command then reads its community by key, not by index. */
    private final Map<String, String> idsBySlug = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int KNOWN_SLUGS = 10_000;

    /** How long a container answers from the catalog it read: a community another one changed shows after that. */
    static final Duration CATALOG_FRESH = Duration.ofSeconds(30);

    private final Clock clock;
    private volatile Catalog catalog;

    DynamoCommunities(Table table) {
        this(table, Clock.systemUTC());
    }

    DynamoCommunities(Table table, Clock clock) {
        this.table = table;
        this.clock = clock;
    }

    @Override
    public Created create(Community community, Membership firstSteward) {
        Map<String, AttributeValue> meta = CommunityItems.community(community,
                firstSteward.isSteward() ? List.of(firstSteward.personId()) : List.of());
        Outcome outcome = table.transact(CREATE, List.of(
                Write.putNew(table.name(), CommunityItems.slugClaim(community)),
                Write.putNew(table.name(), meta),
                Write.putNew(table.name(), CommunityItems.membership(firstSteward))));
        if (outcome.committed()) {
            metaSizes.remember(meta);
            forgetCatalog();
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
                    .map(item -> CommunityItems.community(metaSizes.remember(item)));
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
            return Optional.of(CommunityItems.community(metaSizes.remember(found.get(0))));
        }
        // The index trails the table by a moment: a community created just now is found through its slug claim.
        return table.get(FIND, Keys.slugClaim(slug), true)
                .flatMap(claim -> table.get(FIND, Keys.communityMeta(Items.str(claim, CommunityItems.COMMUNITY_ID)), true))
                .map(item -> CommunityItems.community(metaSizes.remember(item)));
    }

    @Override
    public void change(String communityId, Change change) {
        Map.Entry<String, AttributeValue> setting = switch (change) {
            case Change.Openness o -> Map.entry(CommunityItems.OPEN, AttributeValue.fromBool(o.open()));
            case Change.Tags t -> Map.entry(CommunityItems.TAGS, Items.strings(t.tags()));
            case Change.Archival a -> Map.entry(CommunityItems.ARCHIVED, AttributeValue.fromBool(a.archived()));
            case Change.Purpose p -> Map.entry(CommunityItems.PURPOSE, AttributeValue.fromS(p.purpose()));
        };
        UnaryOperator<Map<String, AttributeValue>> applied = MetaSizes.set(setting.getKey(), setting.getValue());
        Map<String, AttributeValue> before = table.update(CHANGE, Keys.communityMeta(communityId), "SET #setting = :value",
                        EXISTS, Map.of("#setting", setting.getKey()), Map.of(":value", setting.getValue()), applied)
                .orElseThrow(() -> new IllegalStateException("no community " + communityId + " to change"));
        metaSizes.remember(applied.apply(before));
        forgetCatalog();
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
                recount(communityId, 1, stewards, membership.personId(), EXISTS),
                // Counted without its index write: there is mostly no invitation to delete.
                Write.deleteKey(table.name(), Keys.invitation(communityId, membership.personId()), null,
                        INVITATION_BYTES_AT_MOST, false)));
        if (outcome.committed()) {
            metaSizes.changed(communityId, MetaSizes.recount(1, stewards, membership.personId()));
            forgetCatalog();
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
                    recount(communityId, -1, stewards, personId, membership.isSteward() ? ANOTHER_STEWARD : EXISTS)));
            if (outcome.committed()) {
                metaSizes.changed(communityId, MetaSizes.recount(-1, stewards, personId));
                forgetCatalog();
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
                    recount(communityId, 0, stewards, personId, demoting ? ANOTHER_STEWARD : EXISTS)));
            if (outcome.committed()) {
                metaSizes.changed(communityId, MetaSizes.recount(0, stewards, personId));
                forgetCatalog();
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
                .map(meta -> CommunityItems.stewards(metaSizes.remember(meta)))
                .orElse(List.of());
    }

    /** Puts the request on the condition that neither it nor the membership exists, in one transaction. */
    @Override
    public Requested request(JoinRequest request) {
        Membership wouldBe = new Membership(request.communityId(), request.slug(), request.personId(), Role.MEMBER,
                request.at());
        Outcome outcome = table.transact(REQUEST, List.of(
                Write.putNew(table.name(), CommunityItems.joinRequest(request)),
                Write.check(table.name(), Keys.membership(request.communityId(), request.personId()), IS_NEW,
                        ItemSizes.of(CommunityItems.membership(wouldBe)))));
        if (outcome.committed()) {
            return Requested.FILED;
        }
        if (outcome.conditionFailed(1)) {
            return Requested.ALREADY_MEMBER;
        }
        if (outcome.conditionFailed(0)) {
            return Requested.ALREADY_FILED;
        }
        throw new IllegalStateException("request not stored: " + outcome.reasons());
    }

    /** One query of the community's REQ# items (strongly consistent: a steward told of a request sees it). */
    @Override
    public List<JoinRequest> requests(String communityId) {
        return table.queryAll(REQUESTS, q -> q
                        .keyConditionExpression("pk = :community AND begins_with(sk, :request)")
                        .expressionAttributeValues(Map.of(":community", s(Keys.community(communityId)),
                                ":request", s(Keys.REQUEST_PREFIX)))
                        .consistentRead(true))
                .stream().map(CommunityItems::joinRequest)
                .sorted(Comparator.comparing(JoinRequest::at).thenComparing(JoinRequest::personId))
                .toList();
    }

    /** One strongly consistent read of the request's item: a steward answers what they were just shown. */
    @Override
    public Optional<JoinRequest> pendingRequest(String communityId, String personId) {
        return table.get(PENDING_REQUEST, Keys.joinRequest(communityId, personId), true).map(CommunityItems::joinRequest);
    }

    /**
     * Approving deletes the request (it must exist), puts the membership and counts it, in one
     * transaction; declining is one conditional delete. Either is NO_REQUEST when another steward
     * answered first. A person who became a member meanwhile (invited, or the community opened) is
     * not counted twice: only their request is removed.
     */
    @Override
    public Decided decide(String communityId, String personId, boolean approve, Membership membership) {
        Map<String, AttributeValue> requestKey = Keys.joinRequest(communityId, personId);
        if (!approve) {
            return table.delete(DECIDE, requestKey, EXISTS).isPresent() ? Decided.DECLINED : Decided.NO_REQUEST;
        }
        int stewards = membership.isSteward() ? 1 : 0;
        Outcome outcome = table.transact(DECIDE, List.of(
                Write.deleteKey(table.name(), requestKey, EXISTS, REQUEST_BYTES_AT_MOST, true),
                Write.putNew(table.name(), CommunityItems.membership(membership)),
                recount(communityId, 1, stewards, personId, EXISTS)));
        if (outcome.committed()) {
            metaSizes.changed(communityId, MetaSizes.recount(1, stewards, personId));
            forgetCatalog();
            return Decided.APPROVED;
        }
        if (outcome.conditionFailed(0)) {
            return Decided.NO_REQUEST;
        }
        if (outcome.conditionFailed(1) && !outcome.conditionFailed(2)) {
            return table.delete(DECIDE, requestKey, EXISTS).isPresent() ? Decided.APPROVED : Decided.NO_REQUEST;
        }
        throw new IllegalStateException("request of " + personId + " to join " + communityId + " not answered: "
                + outcome.reasons());
    }

    /** Puts the invitation on the condition that neither it nor the membership exists, in one transaction. */
    @Override
    public Invited invite(Invitation invitation) {
        Membership wouldBe = new Membership(invitation.communityId(), invitation.slug(), invitation.personId(),
                Role.MEMBER, invitation.at());
        Outcome outcome = table.transact(INVITE, List.of(
                Write.putNew(table.name(), CommunityItems.invitation(invitation)),
                Write.check(table.name(), Keys.membership(invitation.communityId(), invitation.personId()), IS_NEW,
                        ItemSizes.of(CommunityItems.membership(wouldBe)))));
        if (outcome.committed()) {
            return Invited.INVITED;
        }
        if (outcome.conditionFailed(1)) {
            return Invited.ALREADY_MEMBER;
        }
        if (outcome.conditionFailed(0)) {
            return Invited.ALREADY_INVITED;
        }
        throw new IllegalStateException("invitation not stored: " + outcome.reasons());
    }

    /** One read (consistent: a guest told of an invitation joins at once). */
    @Override
    public boolean invited(String communityId, String personId) {
        return table.get(INVITED, Keys.invitation(communityId, personId), true).isPresent();
    }

    /** One index query: invitations are in the index under their person. */
    @Override
    public List<String> invitationsOf(String personId) {
        return invitationItemsOf(INVITATIONS_OF, personId).stream()
                .map(item -> Keys.idIn(Items.str(item, Keys.PK), Keys.COMMUNITY_PREFIX)).toList();
    }

    List<Map<String, AttributeValue>> invitationItemsOf(String operation, String personId) {
        return ofPerson(operation, personId, Keys.invitation(Keys.COMMUNITY_PREFIX));
    }

    List<Map<String, AttributeValue>> requestItemsOf(String operation, String personId) {
        return ofPerson(operation, personId, Keys.request(Keys.COMMUNITY_PREFIX));
    }

    List<Map<String, AttributeValue>> membershipItemsOf(String operation, String personId) {
        return ofPerson(operation, personId, Keys.COMMUNITY_PREFIX);
    }

    private List<Map<String, AttributeValue>> ofPerson(String operation, String personId, String prefix) {
        return table.queryAll(operation, q -> q.indexName(Keys.GSI1)
                .keyConditionExpression("gsi1pk = :person AND begins_with(gsi1sk, :prefix)")
                .expressionAttributeValues(Map.of(":person", s(Keys.person(personId)), ":prefix", s(prefix))));
    }

    @Override
    public Optional<Membership> membership(String communityId, String personId) {
        // Consistent: this read gates posting, and a person who has just joined must be able to post.
        return table.get(MEMBERSHIP, Keys.membership(communityId, personId), true).map(CommunityItems::membership);
    }

    @Override
    public List<Membership> membershipsOf(String personId) {
        return membershipItemsOf(MEMBERSHIPS_OF, personId).stream().map(CommunityItems::membership).toList();
    }

    /**
     * Every community, as this container read it at most {@link #CATALOG_FRESH} ago: `communities`, the Home,
     * `who` and the messaging extension's search all read it, and each read of the whole index costs a read
     * unit per 8 KB of communities (about 20 of them). What this container changes is read again at once; what
     * another changed shows within {@link #CATALOG_FRESH}.
     */
    @Override
    public List<Community> catalog() {
        Catalog known = catalog;
        Instant now = clock.instant();
        if (known != null && now.isBefore(known.readAt().plus(CATALOG_FRESH))) {
            return known.communities();
        }
        List<Community> read = table.queryAll(CATALOG, q -> q.indexName(Keys.GSI1)
                        .keyConditionExpression("gsi1pk = :catalog")
                        .expressionAttributeValues(Map.of(":catalog", s(Keys.CATALOG))))
                .stream().map(item -> CommunityItems.community(metaSizes.remember(item))).toList();
        catalog = new Catalog(read, now);
        return read;
    }

    /** The catalog as this container read it, and when. */
    private record Catalog(List<Community> communities, Instant readAt) {
    }

    /** A community this container changed (its settings, its counts) is read again with the catalog. */
    private void forgetCatalog() {
        catalog = null;
    }

    /**
     * Merging people, one community: {@code into} takes {@code from}'s membership (a steward stays a
     * steward), and the counts and stewards' set follow. Each transaction leaves the counts equal to the
     * memberships, so a merge interrupted anywhere is consistent and runs again from what is there.
     * Handing stewardship over is two transactions, {@code into} becoming a steward then {@code from}
     * leaving: DynamoDB refuses to ADD to and DELETE from the stewards' set in one update.
     */
    void moveMembership(String operation, String communityId, String fromId, String intoId) {
        for (int attempt = 1; attempt <= 2 * ATTEMPTS; attempt++) {
            Map<String, Map<String, AttributeValue>> read = bySortKey(operation, List.of(
                    Keys.membership(communityId, fromId), Keys.membership(communityId, intoId)));
            Map<String, AttributeValue> theirs = read.get(Keys.member(fromId));
            if (theirs == null) {
                return;
            }
            Map<String, AttributeValue> ours = read.get(Keys.member(intoId));
            Membership from = CommunityItems.membership(theirs);
            Optional<Role> intoRole = Optional.ofNullable(ours).map(item -> CommunityItems.membership(item).role());
            Outcome outcome;
            if (intoRole.isEmpty() && !from.isSteward()) {
                // A member for a member: the counts do not change.
                outcome = table.transact(operation, List.of(
                        Write.delete(table.name(), theirs, "#role = :role", Map.of("#role", CommunityItems.ROLE),
                                Map.of(":role", s(from.role().name()))),
                        Write.putNew(table.name(), CommunityItems.membership(new Membership(communityId, from.slug(), intoId,
                                Role.MEMBER, from.since())))));
                if (outcome.committed()) {
                    return;
                }
            } else if (intoRole.isEmpty()) {
                outcome = table.transact(operation, List.of(
                        Write.putNew(table.name(), CommunityItems.membership(new Membership(communityId, from.slug(), intoId,
                                Role.STEWARD, from.since()))),
                        recount(communityId, 1, 1, intoId, EXISTS)));
                if (outcome.committed()) {
                    metaSizes.changed(communityId, MetaSizes.recount(1, 1, intoId));
                    forgetCatalog();
                }
            } else if (from.isSteward() && intoRole.get() == Role.MEMBER) {
                Map<String, AttributeValue> promoted = new HashMap<>(ours);
                promoted.put(CommunityItems.ROLE, s(Role.STEWARD.name()));
                outcome = table.transact(operation, List.of(
                        Write.update(table.name(), Keys.membership(communityId, intoId), "SET #role = :role",
                                "#role = :was", Map.of("#role", CommunityItems.ROLE),
                                Map.of(":role", s(Role.STEWARD.name()), ":was", s(Role.MEMBER.name())),
                                Math.max(ItemSizes.of(ours), ItemSizes.of(promoted)), true),
                        recount(communityId, 0, 1, intoId, EXISTS)));
                if (outcome.committed()) {
                    metaSizes.changed(communityId, MetaSizes.recount(0, 1, intoId));
                    forgetCatalog();
                }
            } else {
                // Both are members now, and into is a steward if from was: from leaves.
                int stewards = from.isSteward() ? -1 : 0;
                outcome = table.transact(operation, List.of(
                        Write.delete(table.name(), theirs, "#role = :role", Map.of("#role", CommunityItems.ROLE),
                                Map.of(":role", s(from.role().name()))),
                        recount(communityId, -1, stewards, fromId, from.isSteward() ? ANOTHER_STEWARD : EXISTS)));
                if (outcome.committed()) {
                    metaSizes.changed(communityId, MetaSizes.recount(-1, stewards, fromId));
                    forgetCatalog();
                    return;
                }
            }
            // Committed a first step, or something changed since the read: read again and go on.
        }
        throw new IllegalStateException("membership of " + fromId + " in " + communityId + " not moved to " + intoId);
    }

    /**
     * Merging people, one join request: {@code into} takes it over unless they are a member or have
     * asked already, in which case it is only deleted.
     */
    void moveRequest(String operation, JoinRequest request, String intoId, String intoName) {
        moveInvitationOrRequest(operation, request.communityId(), Keys.joinRequest(request.communityId(),
                request.personId()), Keys.joinRequest(request.communityId(), intoId), intoId,
                CommunityItems.joinRequest(new JoinRequest(request.communityId(), request.slug(), intoId, intoName, request.at(),
                        request.replyTo())));
    }

    /** Merging people, one invitation: as a join request. */
    void moveInvitation(String operation, Invitation invitation, String intoId) {
        moveInvitationOrRequest(operation, invitation.communityId(), Keys.invitation(invitation.communityId(),
                invitation.personId()), Keys.invitation(invitation.communityId(), intoId), intoId,
                CommunityItems.invitation(new Invitation(invitation.communityId(), invitation.slug(), intoId,
                        invitation.invitedBy(), invitation.at())));
    }

    private void moveInvitationOrRequest(String operation, String communityId, Map<String, AttributeValue> fromKey,
            Map<String, AttributeValue> intoKey, String intoId, Map<String, AttributeValue> intoItem) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Map<String, Map<String, AttributeValue>> read = bySortKey(operation,
                    List.of(fromKey, intoKey, Keys.membership(communityId, intoId)));
            Map<String, AttributeValue> theirs = read.get(fromKey.get(Keys.SK).s());
            if (theirs == null) {
                return;
            }
            if (read.containsKey(Keys.member(intoId)) || read.containsKey(intoKey.get(Keys.SK).s())) {
                table.delete(operation, fromKey, EXISTS);
                return;
            }
            Outcome outcome = table.transact(operation, List.of(
                    Write.delete(table.name(), theirs, EXISTS, null, null),
                    Write.putNew(table.name(), intoItem),
                    Write.check(table.name(), Keys.membership(communityId, intoId), IS_NEW, REQUEST_BYTES_AT_MOST)));
            if (outcome.committed()) {
                return;
            }
        }
        throw new IllegalStateException(fromKey + " not moved to " + intoId);
    }

    /** Items of one partition, strongly consistent, in one request, by their sort keys. */
    private Map<String, Map<String, AttributeValue>> bySortKey(String operation, List<Map<String, AttributeValue>> keys) {
        Map<String, Map<String, AttributeValue>> items = new HashMap<>();
        table.batchGet(operation, keys, true).forEach(item -> items.put(Items.str(item, Keys.SK), item));
        return items;
    }

    /**
     * The update of META's counts (and of its stewards' set, with stewardCount) for a membership
     * change, on a condition; it weighs what MetaSizes knows of the item.
     */
    private Write recount(String communityId, int members, int stewards, String personId, String condition) {
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
                metaSizes.updateBytes(communityId, MetaSizes.recount(members, stewards, personId)), true);
    }
}
