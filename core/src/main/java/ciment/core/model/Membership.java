package ciment.core.model;

import java.time.Instant;

/** A person's place in a community. The slug is kept on it so "my communities" needs no extra read. */
public record Membership(String communityId, Slug slug, String personId, Role role, Instant since) {
    public boolean isSteward() {
        return role == Role.STEWARD;
    }
}
