package ciment.core.testing;

import ciment.core.model.DigestCadence;
import ciment.core.port.Digests;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Each person's digest item in memory; marks and choices are counted among the writes, as the table's are. */
final class InMemoryDigests implements Digests {
    private final InMemoryTable table;

    InMemoryDigests(InMemoryTable table) {
        this.table = table;
    }

    @Override
    public boolean active(String personId, LocalDate day) {
        synchronized (table) {
            Subscriber kept = table.digests.get(personId);
            if (kept != null && kept.activeOn().filter(on -> !on.isBefore(day)).isPresent()) {
                return false;
            }
            table.digests.put(personId, new Subscriber(personId,
                    kept == null ? Optional.empty() : kept.chosen(), Optional.of(day)));
            table.writes++;
            return true;
        }
    }

    @Override
    public void choose(String personId, DigestCadence cadence) {
        synchronized (table) {
            Subscriber kept = table.digests.get(personId);
            table.digests.put(personId, new Subscriber(personId, Optional.of(cadence),
                    kept == null ? Optional.empty() : kept.activeOn()));
            table.writes++;
        }
    }

    @Override
    public Optional<Subscriber> find(String personId) {
        synchronized (table) {
            return Optional.ofNullable(table.digests.get(personId));
        }
    }

    @Override
    public List<Subscriber> shard(int shard) {
        synchronized (table) {
            return table.digests.values().stream().filter(s -> Digests.shardOf(s.personId()) == shard)
                    .sorted(java.util.Comparator.comparing(Subscriber::personId)).toList();
        }
    }

    @Override
    public void erase(String personId) {
        synchronized (table) {
            if (table.digests.remove(personId) != null) {
                table.writes++;
            }
        }
    }
}
