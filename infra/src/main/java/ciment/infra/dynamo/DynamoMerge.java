package ciment.infra.dynamo;

import ciment.core.model.Person;
import java.util.List;

/**
 * Makes one person part of another, as a sequence of steps rather than one transaction (a person's
 * items can outnumber a transaction's 100). Each step moves what is left of {@code from} and is safe
 * to run again, so a merge interrupted anywhere (a Lambda timeout, a crash) is finished by running it
 * again. The order matters: from's address leads to into first (an account enrolling meanwhile joins
 * into), then the accounts (a caller resolves to into from then on), then what from belongs to, and
 * from's PROFILE is marked last, as an alias of into: their posts keep from's id.
 */
record DynamoMerge(PersonMoves people, DynamoCommunities communities, DynamoGrants grants) {
    /** A step of a merge, named for tests that stop between two. */
    record Step(String name, Runnable action) {
    }

    void run(Person from, Person into) {
        if (from.id().equals(into.id())) {
            return;
        }
        steps(from, into).forEach(step -> step.action().run());
    }

    List<Step> steps(Person from, Person into) {
        String op = DynamoPeople.MERGE;
        return List.of(
                new Step("email", () -> people.moveEmail(from, into)),
                new Step("accounts", () -> people.moveAccounts(from, into)),
                new Step("memberships", () -> communities.membershipItemsOf(op, from.id()).stream()
                        .map(CommunityItems::membership)
                        .forEach(m -> communities.moves().moveMembership(op, m.communityId(), from.id(), into.id()))),
                new Step("requests", () -> communities.admissions().requestItemsOf(op, from.id()).stream()
                        .map(CommunityItems::joinRequest)
                        .forEach(r -> communities.moves().moveRequest(op, r, into.id(), into.displayName()))),
                new Step("invitations", () -> communities.admissions().invitationItemsOf(op, from.id()).stream()
                        .map(CommunityItems::invitation)
                        .forEach(i -> communities.moves().moveInvitation(op, i, into.id()))),
                new Step("topics", () -> people.moveTopics(from, into)),
                new Step("grants", () -> grants.move(op, from.id(), into.id())),
                new Step("alias", () -> people.markMerged(from, into)));
    }
}
