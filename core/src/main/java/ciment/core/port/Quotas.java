package ciment.core.port;

import java.time.Duration;
import java.time.Instant;

/**
 * Counters of each person's writes per fixed window, shared by every container (the rule that reads them is
 * {@code WriteQuota}'s).
 */
public interface Quotas {

    /**
     * Counts one more write of this kind ("posts", "reactions", "creates") by the person in the window that
     * starts at {@code windowStart} and lasts {@code window}; false, and nothing counted, when the window already
     * holds {@code limit}. A counter is forgotten some time after its window ends.
     */
    boolean take(String personId, String kind, Instant windowStart, Duration window, int limit);
}
