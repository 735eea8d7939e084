package ciment.core.model;

import java.time.Instant;

/** One moderation action in a community's audit trail: who did what to which post, why, and when. */
public record AuditEntry(String id, String communityId, String action, String post, String actorId, String actorName,
        String reason, Instant at) {

    public String sentence() {
        return actorName + " " + action + " " + post + (reason == null || reason.isBlank() ? "" : ": " + reason);
    }
}
