package ciment.core.testing;

import ciment.core.port.Quotas;
import java.time.Duration;
import java.time.Instant;

/** Write counters per person, kind and window, in memory (not counted among the writes: they hold no content). */
final class InMemoryQuotas implements Quotas {
    private final InMemoryTable table;

    InMemoryQuotas(InMemoryTable table) {
        this.table = table;
    }

    @Override
    public boolean take(String personId, String kind, Instant windowStart, Duration window, int limit) {
        synchronized (table) {
            String key = personId + "#" + kind + "#" + windowStart;
            if (table.quotas.getOrDefault(key, 0) >= limit) {
                return false;
            }
            table.quotas.merge(key, 1, Integer::sum);
            return true;
        }
    }
}
