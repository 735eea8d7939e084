package ciment.core.port;

import ciment.core.model.Notice;
import java.time.Instant;

/**
 * The outbox as delivery works it: a notice waiting to be sent is claimed by one attempt at a time, marked
 * delivered once sent, or released when its send failed, so that a record handed over again (a retried batch) is
 * sent once. A claim lapses after a while (an attempt that stopped between claim and delivered): a later attempt
 * may then take it over (and send again: the tool may show the notice twice).
 */
public interface Outbox {
    /** What a claim found. */
    enum Claim {
        /** This attempt holds the notice: send it, then say delivered or released. */
        CLAIMED,
        /** Sent already (a retried record): nothing to do. */
        DELIVERED,
        /** Another attempt claimed it, and its claim has not lapsed: try again later. */
        BUSY,
        /** No such notice (expired, or never written): nothing to do. */
        GONE
    }

    /** Claims the notice for one attempt, made at {@code now}; give the same {@code now} to {@link #released}. */
    Claim claim(String noticeId, Instant now);

    /** Marks the notice sent; false when it was already (or is gone). */
    boolean delivered(String noticeId, Instant now);

    /**
     * Marks the notice sent and, for an announcement's, counts it reached on the announcement in the same change:
     * only the change that marks it counts, so a notice counts once. False when it was already (or is gone).
     */
    default boolean delivered(Notice notice, Instant now) {
        return delivered(notice.id(), now);
    }

    /**
     * Gives up the claim made at {@code claimedAt} after a failed send, so that the next retry may claim at once,
     * and keeps why it failed; false when there was none.
     */
    boolean released(String noticeId, Instant claimedAt, String reason);
}
