package ciment.infra.metering;

import ciment.core.cost.Meter;
import ciment.core.cost.UsageDay;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** What one invocation used so far, by community, and what no community caused yet (see {@link UsageMeter}'s rules). */
final class UsageInvocation {
    final String requestId;
    final int memoryMb;
    private final long initMillis;
    /** The owner of everything in this invocation, or null to attribute by partition and scope. */
    private final String soleOwner;
    private final long startNanos = System.nanoTime();
    private final Map<String, UsageTally> byCommunity = new HashMap<>();
    private final UsageTally unattributed = new UsageTally();
    private final Set<String> touched = new LinkedHashSet<>();
    private final Map<String, Long> scopedNanos = new LinkedHashMap<>();
    /** What the work said each community caused, in proportion (a digest run: how often each was shown). */
    private final Map<String, Long> weights = new LinkedHashMap<>();
    /** The community the invocation's thread works for now ({@link UsageMeter#within}), for calls made on other threads. */
    volatile String activeScope;

    UsageInvocation(String requestId, int memoryMb, long initMillis, String soleOwner) {
        this.requestId = requestId;
        this.memoryMb = memoryMb;
        this.initMillis = initMillis;
        this.soleOwner = soleOwner;
    }

    synchronized void touch(String community) {
        if (soleOwner == null) {
            touched.add(community);
        }
    }

    /** Adds to a community, or (null) to whoever will own the invocation. */
    synchronized void add(String community, Meter meter, BigDecimal quantity, boolean exact) {
        if (quantity.signum() == 0 && exact) {
            return;
        }
        if (soleOwner != null) {
            community = null; // the invocation's own units: all the sole owner's
        }
        UsageTally tally = community == null ? unattributed : byCommunity.computeIfAbsent(community, c -> new UsageTally());
        if (community != null) {
            touched.add(community);
        }
        tally.add(meter, quantity);
        tally.exact &= exact;
    }

    /** Every owner's tally, the invocation's own units included. */
    synchronized Map<String, UsageTally> close() {
        long millis = (System.nanoTime() - startNanos + 999_999) / 1_000_000;
        unattributed.add(Meter.LAMBDA_REQUESTS, BigDecimal.ONE);
        unattributed.add(Meter.LAMBDA_MB_MILLIS, BigDecimal.valueOf((long) memoryMb * (millis + initMillis)));
        Map<String, UsageTally> owners = new LinkedHashMap<>(byCommunity);
        if (soleOwner != null) {
            owners.put(soleOwner, unattributed);
        } else if (!weights.isEmpty()) {
            unattributed.shares(weights).forEach((community, share) ->
                    owners.computeIfAbsent(community, o -> new UsageTally()).addAll(share));
        } else if (touched.size() == 1) {
            owners.computeIfAbsent(touched.iterator().next(), o -> new UsageTally()).addAll(unattributed);
        } else if (!scopedNanos.isEmpty()) {
            unattributed.shares(scopedNanos).forEach((community, share) ->
                    owners.computeIfAbsent(community, o -> new UsageTally()).addAll(share));
        } else {
            owners.computeIfAbsent(UsageDay.PLATFORM, o -> new UsageTally()).addAll(unattributed);
        }
        return owners;
    }

    /** Adds to what the work says each community caused, its weight in the sharing of the invocation's own units. */
    synchronized void weigh(String community, long weight) {
        if (weight > 0) {
            weights.merge(community, weight, Long::sum);
        }
    }

    /** Time the invocation's thread spent working for a community (outermost scopes only). */
    synchronized void spent(String community, long nanos) {
        scopedNanos.merge(community, Math.max(1, nanos), Long::sum);
    }
}
