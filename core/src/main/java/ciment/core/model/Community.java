package ciment.core.model;

import java.time.Instant;

/**
 * A community: a guild, a project, a practice. Open communities are free to join.
 * The counts are kept by the store with every membership change.
 */
public record Community(
        String id,
        Slug slug,
        String name,
        String purpose,
        boolean open,
        int memberCount,
        int stewardCount,
        String createdBy,
        Instant createdAt) {
}
