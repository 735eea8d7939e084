package ciment.core.model;

import java.time.Instant;

/** A steward's invitation: the person may join the community without approval (a guest: only where invited). */
public record Invitation(String communityId, Slug slug, String personId, String invitedBy, Instant at) {
}
