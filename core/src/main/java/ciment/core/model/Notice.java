package ciment.core.model;

import java.time.Instant;

/**
 * A message Ciment sends on its own, later than the request that caused it: a join request's answer,
 * an invitation. Kept in the store's outbox, delivered once by the recipient's chat tool's delivery
 * function.
 */
public record Notice(String id, Recipient to, String text, Instant at) {
}
