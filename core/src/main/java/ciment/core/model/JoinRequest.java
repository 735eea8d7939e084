package ciment.core.model;

import java.time.Instant;

/** A person's request to join a closed community, waiting for a steward's answer. */
public record JoinRequest(String communityId, Slug slug, String personId, String personName, Instant at) {
}
