package ciment.infra.dynamo;

import static ciment.infra.dynamo.CommunityMeta.EXISTS;
import static ciment.infra.dynamo.DynamoCommunities.DECIDE;
import static ciment.infra.dynamo.DynamoCommunities.INVITATIONS_OF;
import static ciment.infra.dynamo.DynamoCommunities.INVITE;
import static ciment.infra.dynamo.DynamoCommunities.INVITED;
import static ciment.infra.dynamo.DynamoCommunities.PENDING_REQUEST;
import static ciment.infra.dynamo.DynamoCommunities.REQUEST;
import static ciment.infra.dynamo.DynamoCommunities.REQUESTS;
import static ciment.infra.dynamo.Keys.s;

import ciment.core.model.Invitation;
import ciment.core.model.JoinRequest;
import ciment.core.model.Membership;
import ciment.core.model.Role;
import ciment.core.model.Slug;
import ciment.core.port.Communities.Decided;
import ciment.core.port.Communities.Invited;
import ciment.core.port.Communities.Requested;
import ciment.infra.dynamo.Table.Outcome;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The ways into a community other than joining it: asking (a join request, which a steward decides) and
 * being invited. Both are items in the community's partition, in the first index under their person.
 */
record Admissions(Table table, CommunityMeta meta) {
    static final String IS_NEW = "attribute_not_exists(" + Keys.PK + ")";
    /**
     * A join request (ids, slug, a display name, a time, where to answer) is under 1 KB: one write unit, two
     * in a transaction (DynamoJoinRequestsTest weighs one with Teams' longest ids).
     */
    static final long REQUEST_BYTES_AT_MOST = CapacityCalculator.WRITE_UNIT_BYTES;
    /** An invitation (ids, slug, a time) is under 1 KB too. */
    static final long INVITATION_BYTES_AT_MOST = CapacityCalculator.WRITE_UNIT_BYTES;

    /** Puts the request on the condition that neither it nor the membership exists, in one transaction. */
    Requested request(JoinRequest request) {
        Outcome outcome = putUnlessMember(REQUEST, CommunityItems.joinRequest(request), request.communityId(),
                request.slug(), request.personId(), request.at());
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
    List<JoinRequest> requests(String communityId) {
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
    Optional<JoinRequest> pendingRequest(String communityId, String personId) {
        return table.get(PENDING_REQUEST, Keys.joinRequest(communityId, personId), true).map(CommunityItems::joinRequest);
    }

    /**
     * Approving deletes the request (it must exist), puts the membership and counts it, in one
     * transaction; declining is one conditional delete. Either is NO_REQUEST when another steward
     * answered first. A person who became a member meanwhile (invited, or the community opened) is
     * not counted twice: only their request is removed.
     */
    Decided decide(String communityId, String personId, boolean approve, Membership membership) {
        Map<String, AttributeValue> requestKey = Keys.joinRequest(communityId, personId);
        if (!approve) {
            return table.delete(DECIDE, requestKey, EXISTS).isPresent() ? Decided.DECLINED
                    : Decided.NO_REQUEST;
        }
        int stewards = membership.isSteward() ? 1 : 0;
        Outcome outcome = table.transact(DECIDE, List.of(
                Write.deleteKey(table.name(), requestKey, EXISTS, REQUEST_BYTES_AT_MOST, true),
                Write.putNew(table.name(), CommunityItems.membership(membership)),
                meta.recount(communityId, 1, stewards, personId, EXISTS)));
        if (outcome.committed()) {
            meta.recounted(communityId, 1, stewards, personId);
            return Decided.APPROVED;
        }
        if (outcome.conditionFailed(0)) {
            return Decided.NO_REQUEST;
        }
        if (outcome.conditionFailed(1) && !outcome.conditionFailed(2)) {
            return table.delete(DECIDE, requestKey, EXISTS).isPresent() ? Decided.APPROVED
                    : Decided.NO_REQUEST;
        }
        throw new IllegalStateException("request of " + personId + " to join " + communityId + " not answered: "
                + outcome.reasons());
    }

    /** Puts the invitation on the condition that neither it nor the membership exists, in one transaction. */
    Invited invite(Invitation invitation) {
        Outcome outcome = putUnlessMember(INVITE, CommunityItems.invitation(invitation), invitation.communityId(),
                invitation.slug(), invitation.personId(), invitation.at());
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

    /** A request or an invitation, new, and the check that its person is no member (weighed as a membership). */
    private Outcome putUnlessMember(String operation, Map<String, AttributeValue> item, String communityId, Slug slug,
            String personId, Instant at) {
        Membership wouldBe = new Membership(communityId, slug, personId, Role.MEMBER, at);
        return table.transact(operation, List.of(
                Write.putNew(table.name(), item),
                Write.check(table.name(), Keys.membership(communityId, personId), IS_NEW,
                        ItemSizes.of(CommunityItems.membership(wouldBe)))));
    }

    /** One read (consistent: a guest told of an invitation joins at once). */
    boolean invited(String communityId, String personId) {
        return table.get(INVITED, Keys.invitation(communityId, personId), true).isPresent();
    }

    /** One index query: invitations are in the index under their person. */
    List<String> invitationsOf(String personId) {
        return invitationItemsOf(INVITATIONS_OF, personId).stream()
                .map(item -> Keys.idIn(Items.str(item, Keys.PK), Keys.COMMUNITY_PREFIX)).toList();
    }

    List<Map<String, AttributeValue>> invitationItemsOf(String operation, String personId) {
        return table.queryAll(operation, Keys.underPerson(personId, Keys.invitation(Keys.COMMUNITY_PREFIX)));
    }

    List<Map<String, AttributeValue>> requestItemsOf(String operation, String personId) {
        return table.queryAll(operation, Keys.underPerson(personId, Keys.request(Keys.COMMUNITY_PREFIX)));
    }
}
