package ciment.core.port;

import ciment.core.model.DigestCadence;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Each person's digest item: the cadence they chose (none: the default) and the last day they made a request. The
 * items are spread over {@link #SHARDS} partitions by person, so that the digest run reads every recipient with one
 * query per shard, and never scans the table.
 */
public interface Digests {
    /** Partitions the items are spread over: enough that one never grows hot, few enough to query them all. */
    int SHARDS = 16;

    /** A person's digest item. */
    record Subscriber(String personId, Optional<DigestCadence> chosen, Optional<LocalDate> activeOn) {
        /** People active within this many days get the weekly digest unless they chose otherwise. */
        public static final int ACTIVE_DAYS = 30;

        /** What export-my-data shows of it: the cadence chosen ("digest"), the last day active ("lastActiveOn"). */
        public Map<String, String> exported() {
            Map<String, String> kept = new LinkedHashMap<>();
            chosen.ifPresent(cadence -> kept.put("digest", cadence.name().toLowerCase(Locale.ROOT)));
            activeOn.ifPresent(day -> kept.put("lastActiveOn", day.toString()));
            return kept;
        }

        /** The cadence that applies on {@code today}: the one chosen, else weekly for the recently active. */
        public DigestCadence cadence(LocalDate today) {
            return chosen.orElseGet(() -> activeOn.filter(day -> !day.isBefore(today.minusDays(ACTIVE_DAYS))).isPresent()
                    ? DigestCadence.WEEKLY : DigestCadence.OFF);
        }
    }

    /** The shard of a person's item: the same in every JVM ({@link String#hashCode} is specified). */
    static int shardOf(String personId) {
        return Math.floorMod(personId.hashCode(), SHARDS);
    }

    /** Marks the person active on {@code day}; writes only when the day kept is older (false: nothing written). */
    boolean active(String personId, LocalDate day);

    /** Keeps the cadence the person chose. */
    void choose(String personId, DigestCadence cadence);

    Optional<Subscriber> find(String personId);

    /** Every item of one shard ({@code 0 <= shard < SHARDS}). */
    List<Subscriber> shard(int shard);

    /** Removes the person's item (erase-my-data); nothing when there is none. */
    void erase(String personId);
}
