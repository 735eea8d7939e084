package ciment.core.model;

import java.time.Instant;

/**
 * A person's request to join a closed community, waiting for a steward's answer, which goes back to
 * {@code replyTo}: where they asked (null when unknown).
 */
public record JoinRequest(String communityId, Slug slug, String personId, String personName, Instant at,
        Recipient replyTo) {

    public JoinRequest(String communityId, Slug slug, String personId, String personName, Instant at) {
        this(communityId, slug, personId, personName, at, null);
    }
}
