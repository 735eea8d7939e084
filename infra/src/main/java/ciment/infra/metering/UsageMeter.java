package ciment.infra.metering;

import ciment.core.cost.Meter;
import ciment.core.cost.UsageDay;
import ciment.infra.dynamo.CapacityMeter;
import ciment.infra.dynamo.CapacityMeter.Source;
import ciment.infra.dynamo.CapacityMeter.Units;
import ciment.infra.dynamo.DynamoRepositories;
import ciment.infra.dynamo.UsageItems;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * What one container's invocations use, attributed to the community that caused it (issue 6, item 1), and
 * added to each owner's usage item of the day at the end of each invocation.
 *
 * <p>Rules, in order:
 * <ol>
 * <li>A DynamoDB request whose key (or query's key condition) is in a community's partition ({@code C#<id>},
 *     or its questions in the index, {@code Q#<id>}) goes to that community. A transaction or batch that
 *     touches several partitions is split by each item's computed units.</li>
 * <li>Inside {@link #within(String, Supplier)} (code that knows its community: a delivery record), every
 *     other request and call goes to that community.</li>
 * <li>Everything else (requests on no community's partition, Slack and Teams calls outside a scope, and the
 *     invocation's own units: API request, Lambda request, MB-ms, stream request, queue sends) goes to the
 *     invocation's owner: the one community touched if exactly one was; else, when the work ran in community
 *     scopes (a delivery batch's records), shared among those communities in proportion to the time spent
 *     in each (each record's community caused it, and a batch over several communities needs no platform
 *     write); else {@link UsageDay#PLATFORM}.</li>
 * </ol>
 * DynamoDB units are the trusted ones of the {@link CapacityMeter}'s source; an owner whose units were, even
 * once, computed from item sizes (an emulator, or a request DynamoDB reported nothing for) is marked inexact.
 * Lambda time is memory × measured duration in whole milliseconds, plus the container's init on its first
 * invocation (Lambda bills init). The flushes and their listeners run after that duration is taken, and are
 * billed too: their time is added to the same owner's next flush from this container.
 *
 * <p>The flush: one UpdateItem per owner at {@link #end()}, on {@code <owner's partition>} /
 * {@code USE#<yyyy-mm-dd>} (the day from the clock, UTC), that ADDs every quantity and SETs {@code req} to the
 * invocation's request id on the condition that it differs, so that the SDK retrying a flush DynamoDB
 * already applied counts once. Remaining window: a retry that arrives after another invocation flushed the
 * same owner's day counts again (it would take a lost response and a concurrent flush within the SDK's
 * retry delay). The flush counts itself as one write unit (the item stays under 1 KB); the first flush of
 * an owner's day also puts its keys-only index entry, one more write unit, which DynamoDB's response
 * reveals (no old index key) and the container adds to that owner's next flush. A flush that fails is
 * logged, never thrown.
 *
 * <p>One invocation at a time per container (Lambda's model); calls made on other threads during it (the
 * Bot Connector's executor) count into it too, and calls made while none runs (a chat SDK's checks at init) into
 * the next one, as Lambda bills init with it. The meter is the container's: nothing of it is static.
 */
public final class UsageMeter implements CapacityMeter.Attribution {
    private static final Logger LOG = LoggerFactory.getLogger(UsageMeter.class);

    /** What started an invocation, for the units it brings by itself. */
    public enum Trigger {
        /** API Gateway: one API request. */
        HTTP,
        /** A stream batch: one stream request (free when Lambda reads it, counted). */
        STREAM,
        OTHER
    }

    private final UsageFlush flush;
    private final Source source;
    private final Clock clock;
    private final List<Consumer<Set<String>>> listeners = new CopyOnWriteArrayList<>();
    private final ThreadLocal<String> scope = new ThreadLocal<>();
    /** Calls counted while no invocation ran (a chat SDK's checks at init): the next invocation's, as init is. */
    private final Map<Meter, AtomicLong> beforeAny = new EnumMap<>(Meter.class);
    private volatile UsageInvocation current;
    private final AtomicLong endingNanos = new AtomicLong();

    public UsageMeter(DynamoDbClient client, String table, Source source, Clock clock) {
        this.flush = new UsageFlush(client, table);
        this.source = source;
        this.clock = clock;
        for (Meter meter : Meter.values()) {
            beforeAny.put(meter, new AtomicLong());
        }
    }

    /**
     * A usage meter for this container's invocations, fed by every request the store's capacity meter sees (and any
     * other table object made on the same capacity meter). Make one per container.
     */
    public static UsageMeter attachedTo(DynamoRepositories store, Clock clock) {
        return attachedTo(store.meter(), store.client(), store.tableName(), clock);
    }

    /** A meter fed by every table request metered by {@code capacity} (it attaches itself to it). */
    public static UsageMeter attachedTo(CapacityMeter capacity, DynamoDbClient client, String table, Clock clock) {
        UsageMeter usage = new UsageMeter(client, table, capacity.source(), clock);
        capacity.attach(usage);
        return usage;
    }

    /** How many flush UpdateItems this meter sent (the benchmark's metering overhead: one write unit each). */
    public long flushes() {
        return flush.flushes();
    }

    /** Time spent in {@link #end()} so far (flushes and their listeners): what metering adds to the answers. */
    public Duration endingTime() {
        return Duration.ofNanos(endingNanos.get());
    }

    /** Called with the communities an invocation touched, after its flush (budget alerts hang here). */
    public void onFlushed(Consumer<Set<String>> communitiesTouched) {
        listeners.add(communitiesTouched);
    }

    public void begin(String requestId, int memoryMb, long initMillis) {
        begin(requestId, memoryMb, initMillis, Trigger.OTHER);
    }

    /** Starts an invocation; {@code initMillis} is the container's init on its first invocation, else 0. */
    public void begin(String requestId, int memoryMb, long initMillis, Trigger trigger) {
        begin(requestId, memoryMb, initMillis, trigger, null);
    }

    /**
     * Starts an invocation that no community causes, whatever partitions it reads (finance's reports, the
     * storage measure): all of it is the platform's, in one flush.
     */
    public void beginForThePlatform(String requestId, int memoryMb, long initMillis, Trigger trigger) {
        begin(requestId, memoryMb, initMillis, trigger, UsageDay.PLATFORM);
    }

    private void begin(String requestId, int memoryMb, long initMillis, Trigger trigger, String soleOwner) {
        UsageInvocation invocation = new UsageInvocation(requestId == null ? UUID.randomUUID().toString() : requestId,
                memoryMb, initMillis, soleOwner);
        if (trigger == Trigger.HTTP) {
            invocation.add(null, Meter.API_REQUESTS, BigDecimal.ONE, true);
        } else if (trigger == Trigger.STREAM) {
            invocation.add(null, Meter.STREAM_REQUESTS, BigDecimal.ONE, true);
        }
        current = invocation;
        beforeAny.forEach((meter, calls) -> {
            long taken = calls.getAndSet(0);
            if (taken > 0) {
                invocation.add(null, meter, BigDecimal.valueOf(taken), true);
            }
        });
    }

    /** Ends the invocation begun last and flushes it: never throws. */
    public void end() {
        UsageInvocation invocation = current;
        current = null;
        if (invocation == null) {
            return;
        }
        long started = System.nanoTime();
        try {
            Map<String, UsageTally> owners = invocation.close();
            LocalDate day = LocalDate.now(clock.withZone(ZoneOffset.UTC));
            owners.forEach((owner, tally) -> {
                long flushing = System.nanoTime();
                flush.flush(owner, day, invocation.requestId, tally);
                flush.oweTime(owner, invocation.memoryMb, System.nanoTime() - flushing);
            });
            Set<String> communities = new LinkedHashSet<>(owners.keySet());
            communities.remove(UsageDay.PLATFORM);
            long telling = System.nanoTime();
            for (Consumer<Set<String>> listener : listeners) {
                listener.accept(Set.copyOf(communities));
            }
            long told = System.nanoTime() - telling;
            communities.forEach(community -> flush.oweTime(community, invocation.memoryMb, told / communities.size()));
        } catch (RuntimeException e) {
            LOG.error("usage of request {} not recorded: {}", invocation.requestId, e.toString());
        } finally {
            endingNanos.addAndGet(System.nanoTime() - started);
        }
    }

    /**
     * Shares the running invocation's units that no community's partition took (its Lambda time, its writes
     * elsewhere) among these communities, in proportion to their weights: a digest run's, by how many times each
     * community was shown. Said before the invocation ends; nothing when none runs.
     */
    public void inProportion(Map<String, ? extends Number> weights) {
        UsageInvocation invocation = current;
        if (invocation != null) {
            weights.forEach((community, weight) -> invocation.weigh(community, weight.longValue()));
        }
    }

    /** Runs work whose requests and calls (on no community partition) belong to a community. */
    public <T> T within(String communityId, Supplier<T> work) {
        String outer = scope.get();
        scope.set(communityId);
        UsageInvocation invocation = current;
        String outerActive = null;
        long started = System.nanoTime();
        if (invocation != null) {
            if (communityId != null) {
                invocation.touch(communityId);
            }
            outerActive = invocation.activeScope;
            invocation.activeScope = communityId;
        }
        try {
            return work.get();
        } finally {
            if (invocation != null && communityId != null && outer == null) {
                invocation.spent(communityId, System.nanoTime() - started);
            }
            if (outer == null) {
                scope.remove();
            } else {
                scope.set(outer);
            }
            if (invocation != null) {
                invocation.activeScope = outerActive;
            }
        }
    }

    public void within(String communityId, Runnable work) {
        within(communityId, () -> {
            work.run();
            return null;
        });
    }

    /**
     * Adds counted units (Slack or Teams calls, queue sends ...) to the running invocation, on whatever thread
     * (an SDK's own counts for the scope the invocation's thread is in); while none runs (a chat SDK's checks at
     * init), to the next one, as Lambda bills init with it.
     */
    public void count(Meter meter, long quantity) {
        UsageInvocation invocation = current;
        if (invocation != null) {
            invocation.add(scopeIn(invocation), meter, BigDecimal.valueOf(quantity), true);
        } else {
            beforeAny.get(meter).addAndGet(quantity);
        }
    }

    /** A hook that counts one unit of {@code meter} each time it runs (the chat SDKs' call listeners). */
    public Runnable counting(Meter meter) {
        return () -> count(meter, 1);
    }

    /** One DynamoDB request on one partition (called by {@code Table} through the {@link CapacityMeter}). */
    @Override
    public void dynamo(String partition, Units reported, Units computed) {
        dynamo(Map.of(partition == null ? "" : partition, 1.0), reported, computed);
    }

    /**
     * One DynamoDB request over several partitions: the trusted units are split by each partition's weight
     * (its computed units; equal weights when none).
     */
    @Override
    public void dynamo(Map<String, Double> weights, Units reported, Units computed) {
        UsageInvocation invocation = current;
        if (invocation == null || weights.isEmpty()) {
            return;
        }
        boolean exact = source == Source.REPORTED && (reported.read() > 0 || reported.write() > 0);
        Units trusted = exact ? reported : computed;
        double total = weights.values().stream().mapToDouble(Double::doubleValue).sum();
        String inScope = scopeIn(invocation);
        for (Map.Entry<String, Double> share : weights.entrySet()) {
            double part = total > 0 ? share.getValue() / total : 1.0 / weights.size();
            String community = UsageItems.communityOf(share.getKey());
            String owner = community != null ? community : inScope;
            if (community != null) {
                invocation.touch(community);
            }
            invocation.add(owner, Meter.DYNAMODB_READ_UNITS, units(trusted.read() * part), exact);
            invocation.add(owner, Meter.DYNAMODB_WRITE_UNITS, units(trusted.write() * part), exact);
        }
    }

    /**
     * The community of the scope this request or call is made in: this thread's, else (an SDK's own thread,
     * working for the invocation's thread meanwhile) the scope the invocation's thread is in.
     */
    private String scopeIn(UsageInvocation invocation) {
        String own = scope.get();
        return own != null ? own : invocation.activeScope;
    }

    private static BigDecimal units(double units) {
        // Units come in halves (eventually consistent reads) or split shares: keep six decimals, exactly.
        return BigDecimal.valueOf(units).setScale(6, RoundingMode.HALF_EVEN).stripTrailingZeros();
    }
}
