package ciment.core.port;

import ciment.core.model.Community;
import ciment.core.model.Membership;
import ciment.core.model.Slug;
import java.util.List;
import java.util.Optional;

/** Where communities and memberships are kept. Every change is atomic: it happens whole or not at all. */
public interface Communities {

    enum Created { CREATED, SLUG_TAKEN }

    enum Joined { JOINED, ALREADY_MEMBER, NO_SUCH_COMMUNITY }

    enum Left { LEFT, NOT_MEMBER, LAST_STEWARD }

    /** Claims the slug, stores the community and its first steward together. */
    Created create(Community community, Membership firstSteward);

    Optional<Community> find(Slug slug);

    /** Adds the membership and counts it on the community. */
    Joined join(Membership membership);

    /**
     * Removes the membership and uncounts it. A steward's leaving is refused (LAST_STEWARD) when
     * they are the last one, even when several leave at the same moment.
     */
    Left leave(String communityId, String personId);

    Optional<Membership> membership(String communityId, String personId);

    List<Membership> membershipsOf(String personId);

    /** Every community, by slug. */
    List<Community> catalog();
}
