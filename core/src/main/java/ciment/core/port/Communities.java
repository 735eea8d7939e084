package ciment.core.port;

import ciment.core.model.Community;
import ciment.core.model.Invitation;
import ciment.core.model.JoinRequest;
import ciment.core.model.Membership;
import ciment.core.model.Role;
import ciment.core.model.Slug;
import java.util.List;
import java.util.Optional;

/** Where communities and memberships are kept. Every change is atomic: it happens whole or not at all. */
public interface Communities {

    enum Created { CREATED, SLUG_TAKEN }

    enum Joined { JOINED, ALREADY_MEMBER, NO_SUCH_COMMUNITY }

    enum Left { LEFT, NOT_MEMBER, LAST_STEWARD }

    enum Requested { FILED, ALREADY_FILED, ALREADY_MEMBER }

    enum Decided { APPROVED, DECLINED, NO_REQUEST }

    enum RoleChanged { CHANGED, ALREADY, NOT_MEMBER, LAST_STEWARD }

    enum Invited { INVITED, ALREADY_INVITED, ALREADY_MEMBER }

    /** A change to one of a community's settings; counts are never written this way. */
    sealed interface Change {
        record Openness(boolean open) implements Change {
        }

        record Tags(List<String> tags) implements Change {
            public Tags {
                tags = List.copyOf(tags);
            }
        }

        record Archival(boolean archived) implements Change {
        }

        record Purpose(String purpose) implements Change {
        }

        /** The welcome message shown to whoever joins; empty: none. */
        record WelcomeMessage(String message) implements Change {
        }

        /** The guidelines shown to whoever joins and in info; empty: none. */
        record Guidelines(String guidelines) implements Change {
        }
    }

    /** Claims the slug, stores the community and its first steward together. */
    Created create(Community community, Membership firstSteward);

    Optional<Community> find(Slug slug);

    /** Changes one setting of an existing community. */
    void change(String communityId, Change change);

    /** Adds the membership and counts it on the community, using up any invitation the person had. */
    Joined join(Membership membership);

    /**
     * Removes the membership and uncounts it. A steward's leaving is refused (LAST_STEWARD) when
     * they are the last one, even when several leave at the same moment.
     */
    Left leave(String communityId, String personId);

    Optional<Membership> membership(String communityId, String personId);

    List<Membership> membershipsOf(String personId);

    /** A community's memberships, every one (a steward's `members` lists them). */
    List<Membership> members(String communityId);

    /** The person ids of a community's stewards, without reading its other memberships. */
    List<String> stewards(String communityId);

    /** Every community, by slug. */
    List<Community> catalog();

    /** Files a request to join a closed community (refused when already filed, or already a member). */
    Requested request(JoinRequest request);

    /** The requests waiting in a community, oldest first. */
    List<JoinRequest> requests(String communityId);

    /** The person's request waiting in a community, if any. */
    Optional<JoinRequest> pendingRequest(String communityId, String personId);

    /**
     * Answers a request: approving removes it and adds the membership in one change; declining removes
     * it. NO_REQUEST when there was none (already answered by another steward, say).
     */
    Decided decide(String communityId, String personId, boolean approve, Membership membershipIfApproved);

    /** Invites a person (refused when already invited, or already a member). */
    Invited invite(Invitation invitation);

    /** Whether the person holds an invitation to the community. */
    boolean invited(String communityId, String personId);

    /** The ids of the communities a person is invited to. */
    List<String> invitationsOf(String personId);

    /**
     * Makes a member a steward or a steward a member. Making the last steward a member is refused
     * (LAST_STEWARD), even when several stewards are removed at the same moment.
     */
    RoleChanged setRole(String communityId, String personId, Role role);
}
