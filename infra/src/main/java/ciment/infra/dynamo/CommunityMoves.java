package ciment.infra.dynamo;

import static ciment.infra.dynamo.Admissions.IS_NEW;
import static ciment.infra.dynamo.Admissions.REQUEST_BYTES_AT_MOST;
import static ciment.infra.dynamo.CommunityMeta.ANOTHER_STEWARD;
import static ciment.infra.dynamo.CommunityMeta.EXISTS;
import static ciment.infra.dynamo.Keys.s;

import ciment.core.model.Invitation;
import ciment.core.model.JoinRequest;
import ciment.core.model.Membership;
import ciment.core.model.Role;
import ciment.infra.dynamo.Table.Outcome;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Merging people, in the communities: {@code into} takes {@code from}'s memberships, join requests and
 * invitations ({@link DynamoMerge} runs these steps). Each move reads what is there, then writes on the
 * condition that it is still so, and can run again.
 */
record CommunityMoves(Table table, CommunityMeta meta) {
    /** Reads of items that changed meanwhile before a move gives up. */
    private static final int ATTEMPTS = 3;

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
                        Write.putNew(table.name(), CommunityItems.membership(
                                new Membership(communityId, from.slug(), intoId, Role.MEMBER, from.since())))));
                if (outcome.committed()) {
                    return;
                }
            } else if (intoRole.isEmpty()) {
                outcome = table.transact(operation, List.of(
                        Write.putNew(table.name(), CommunityItems.membership(
                                new Membership(communityId, from.slug(), intoId, Role.STEWARD, from.since()))),
                        meta.recount(communityId, 1, 1, intoId, EXISTS)));
                if (outcome.committed()) {
                    meta.recounted(communityId, 1, 1, intoId);
                }
            } else if (from.isSteward() && intoRole.get() == Role.MEMBER) {
                Map<String, AttributeValue> promoted = new HashMap<>(ours);
                promoted.put(CommunityItems.ROLE, s(Role.STEWARD.name()));
                outcome = table.transact(operation, List.of(
                        Write.update(table.name(), Keys.membership(communityId, intoId), "SET #role = :role",
                                "#role = :was", Map.of("#role", CommunityItems.ROLE),
                                Map.of(":role", s(Role.STEWARD.name()), ":was", s(Role.MEMBER.name())),
                                Math.max(ItemSizes.of(ours), ItemSizes.of(promoted)), true),
                        meta.recount(communityId, 0, 1, intoId, EXISTS)));
                if (outcome.committed()) {
                    meta.recounted(communityId, 0, 1, intoId);
                }
            } else {
                // Both are members now, and into is a steward if from was: from leaves.
                int stewards = from.isSteward() ? -1 : 0;
                outcome = table.transact(operation, List.of(
                        Write.delete(table.name(), theirs, "#role = :role", Map.of("#role", CommunityItems.ROLE),
                                Map.of(":role", s(from.role().name()))),
                        meta.recount(communityId, -1, stewards, fromId,
                                from.isSteward() ? ANOTHER_STEWARD : EXISTS)));
                if (outcome.committed()) {
                    meta.recounted(communityId, -1, stewards, fromId);
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
                CommunityItems.joinRequest(new JoinRequest(request.communityId(), request.slug(), intoId, intoName,
                        request.at(), request.replyTo())));
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
                    Write.check(table.name(), Keys.membership(communityId, intoId), IS_NEW,
                            REQUEST_BYTES_AT_MOST)));
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
}
