package ciment.infra;

import ciment.core.cost.Meter;
import ciment.core.cost.UsageDay;
import ciment.infra.CapacityMeter.Source;
import ciment.infra.CapacityMeter.Units;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

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
 * Bot Connector's executor) count into it too.
 */
public final class UsageMeter {
    private static final Logger LOG = LoggerFactory.getLogger(UsageMeter.class);
    static final String PLATFORM_PARTITION = "PLATFORM";
    static final String DAY_PREFIX = "USE#";
    static final String REQUEST = "req";
    static final String INEXACT = "inexact";
    private static final String QUESTIONS = Keys.QUESTIONS_PREFIX;

    /** Every meter with an invocation running, for calls made where no meter is at hand (chat SDK hooks). */
    private static final Set<UsageMeter> RUNNING = ConcurrentHashMap.newKeySet();
    /** Chat calls made while no invocation runs (a chat SDK's checks at init): the next invocation's, as init is. */
    private static final Map<Meter, java.util.concurrent.atomic.LongAdder> BEFORE_ANY = new ConcurrentHashMap<>();
    /** The meter whose invocation this thread runs. */
    private static final ThreadLocal<UsageMeter> ON_THIS_THREAD = new ThreadLocal<>();

    /** What started an invocation, for the units it brings by itself. */
    public enum Trigger {
        /** API Gateway: one API request. */
        HTTP,
        /** A stream batch: one stream request (free when Lambda reads it, counted). */
        STREAM,
        OTHER
    }

    private final DynamoDbClient client;
    private final String table;
    private final Source source;
    private final Clock clock;
    private final List<Consumer<Set<String>>> listeners = new CopyOnWriteArrayList<>();
    private final ThreadLocal<String> scope = new ThreadLocal<>();
    /** Index entries put by a flush, owed to the owner's next flush (owner → write units). */
    private final Map<String, Integer> owed = new ConcurrentHashMap<>();
    /**
     * Lambda time of the flushes and their listeners, which run after the invocation's time was taken but
     * before it returns (billed): owed to the same owner's next flush (owner → MB-ms).
     */
    private final Map<String, Long> owedTime = new ConcurrentHashMap<>();
    private volatile Invocation current;
    private final java.util.concurrent.atomic.AtomicLong flushes = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong endingNanos = new java.util.concurrent.atomic.AtomicLong();

    public UsageMeter(DynamoDbClient client, String table, Source source, Clock clock) {
        this.client = client;
        this.table = table;
        this.source = source;
        this.clock = clock;
    }

    /** A meter fed by every table request metered by {@code capacity} (it attaches itself to it). */
    public static UsageMeter attachedTo(CapacityMeter capacity, DynamoDbClient client, String table, Clock clock) {
        UsageMeter usage = new UsageMeter(client, table, capacity.source(), clock);
        capacity.attach(usage);
        return usage;
    }

    /** How many flush UpdateItems this meter sent (the benchmark's metering overhead: one write unit each). */
    public long flushes() {
        return flushes.get();
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
        Invocation invocation = new Invocation(requestId == null ? java.util.UUID.randomUUID().toString() : requestId,
                memoryMb, initMillis, soleOwner);
        if (trigger == Trigger.HTTP) {
            invocation.unattributed.add(Meter.API_REQUESTS, BigDecimal.ONE);
        } else if (trigger == Trigger.STREAM) {
            invocation.unattributed.add(Meter.STREAM_REQUESTS, BigDecimal.ONE);
        }
        BEFORE_ANY.forEach((meter, calls) -> {
            long taken = calls.sumThenReset();
            if (taken > 0) {
                invocation.unattributed.add(meter, BigDecimal.valueOf(taken));
            }
        });
        current = invocation;
        RUNNING.add(this);
        ON_THIS_THREAD.set(this);
    }

    /** Ends the invocation begun last and flushes it: never throws. */
    public void end() {
        Invocation invocation = current;
        current = null;
        RUNNING.remove(this);
        ON_THIS_THREAD.remove();
        if (invocation == null) {
            return;
        }
        long started = System.nanoTime();
        try {
            Map<String, Tally> owners = invocation.close();
            LocalDate day = LocalDate.now(clock.withZone(java.time.ZoneOffset.UTC));
            owners.forEach((owner, tally) -> {
                long flushing = System.nanoTime();
                flush(owner, day, invocation.requestId, tally);
                oweTime(owner, invocation.memoryMb, System.nanoTime() - flushing);
            });
            Set<String> communities = new LinkedHashSet<>(owners.keySet());
            communities.remove(UsageDay.PLATFORM);
            long telling = System.nanoTime();
            for (Consumer<Set<String>> listener : listeners) {
                listener.accept(Set.copyOf(communities));
            }
            long told = System.nanoTime() - telling;
            communities.forEach(community -> oweTime(community, invocation.memoryMb, told / communities.size()));
        } catch (RuntimeException e) {
            LOG.error("usage of request {} not recorded: {}", invocation.requestId, e.toString());
        } finally {
            endingNanos.addAndGet(System.nanoTime() - started);
        }
    }

    private void oweTime(String owner, int memoryMb, long nanos) {
        owedTime.merge(owner, memoryMb * ((nanos + 999_999) / 1_000_000), Long::sum);
    }

    /** Runs work whose requests and calls (on no community partition) belong to a community. */
    public <T> T within(String communityId, Supplier<T> work) {
        String outer = scope.get();
        scope.set(communityId);
        Invocation invocation = current;
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

    /** Adds a counted unit (Slack or Teams call, queue send ...) to the running invocation, if any. */
    public void count(Meter meter, long quantity) {
        Invocation invocation = current;
        if (invocation != null) {
            invocation.add(scopeIn(invocation), meter, BigDecimal.valueOf(quantity), true);
        }
    }

    /**
     * For hooks that have no meter at hand (the chat SDKs): counts one into the invocation this thread runs,
     * else (a call made on an SDK's own thread) into the one running in this process (Lambda runs one; the
     * local runner may run several at once, and then one of them gets it: totals stay right); with none
     * running (Bolt's auth.test at init), into the next one to begin, as Lambda bills init with it.
     */
    public static void countInRunning(Meter meter) {
        UsageMeter usage = ON_THIS_THREAD.get();
        if (usage == null) {
            usage = RUNNING.stream().findFirst().orElse(null);
        }
        if (usage != null) {
            usage.count(meter, 1);
        } else {
            BEFORE_ANY.computeIfAbsent(meter, m -> new java.util.concurrent.atomic.LongAdder()).increment();
        }
    }

    /** One DynamoDB request on one partition (called by {@link Table} through the {@link CapacityMeter}). */
    void dynamo(String partition, Units reported, Units computed) {
        dynamo(Map.of(partition == null ? "" : partition, 1.0), reported, computed);
    }

    /**
     * One DynamoDB request over several partitions: the trusted units are split by each partition's weight
     * (its computed units; equal weights when none).
     */
    void dynamo(Map<String, Double> weights, Units reported, Units computed) {
        Invocation invocation = current;
        if (invocation == null || weights.isEmpty()) {
            return;
        }
        boolean exact = source == Source.REPORTED && (reported.read() > 0 || reported.write() > 0);
        Units trusted = exact ? reported : computed;
        double total = weights.values().stream().mapToDouble(Double::doubleValue).sum();
        String inScope = scopeIn(invocation);
        for (Map.Entry<String, Double> share : weights.entrySet()) {
            double part = total > 0 ? share.getValue() / total : 1.0 / weights.size();
            String community = communityOf(share.getKey());
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
    private String scopeIn(Invocation invocation) {
        String own = scope.get();
        return own != null ? own : invocation.activeScope;
    }

    /** The community whose partition this is ({@code C#<id>}, {@code Q#<id>}), or null. */
    static String communityOf(String partition) {
        if (partition == null) {
            return null;
        }
        if (partition.startsWith(Keys.COMMUNITY_PREFIX) && partition.length() > Keys.COMMUNITY_PREFIX.length()) {
            return partition.substring(Keys.COMMUNITY_PREFIX.length());
        }
        if (partition.startsWith(QUESTIONS) && partition.length() > QUESTIONS.length()) {
            return partition.substring(QUESTIONS.length());
        }
        return null;
    }

    /** The partition of an owner's usage items. */
    static String partition(String owner) {
        return UsageDay.PLATFORM.equals(owner) ? PLATFORM_PARTITION : Keys.community(owner);
    }

    private static BigDecimal units(double units) {
        // Units come in halves (eventually consistent reads) or split shares: keep six decimals, exactly.
        return BigDecimal.valueOf(units).setScale(6, java.math.RoundingMode.HALF_EVEN).stripTrailingZeros();
    }

    private void flush(String owner, LocalDate day, String requestId, Tally tally) {
        // The flush's own write, and an index entry put by an earlier one.
        int extra = 1 + owed.getOrDefault(owner, 0);
        tally.add(Meter.DYNAMODB_WRITE_UNITS, BigDecimal.valueOf(extra));
        long earlierFlushes = owedTime.getOrDefault(owner, 0L);
        if (earlierFlushes > 0) {
            tally.add(Meter.LAMBDA_MB_MILLIS, BigDecimal.valueOf(earlierFlushes));
        }
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, AttributeValue> values = new LinkedHashMap<>();
        StringBuilder add = new StringBuilder();
        int i = 0;
        for (Map.Entry<Meter, BigDecimal> quantity : tally.quantities.entrySet()) {
            if (quantity.getValue().signum() == 0) {
                continue;
            }
            names.put("#q" + i, quantity.getKey().key());
            values.put(":q" + i, AttributeValue.fromN(quantity.getValue().toPlainString()));
            add.append(add.isEmpty() ? "" : ", ").append("#q").append(i).append(" :q").append(i);
            i++;
        }
        if (!tally.exact) {
            names.put("#inexact", INEXACT);
            values.put(":one", AttributeValue.fromN("1"));
            add.append(", #inexact :one");
        }
        names.put("#req", REQUEST);
        names.put("#g2pk", Keys.GSI2_PK);
        names.put("#g2sk", Keys.GSI2_SK);
        values.put(":req", AttributeValue.fromS(requestId));
        values.put(":month", AttributeValue.fromS(DAY_PREFIX + day.toString().substring(0, 7)));
        values.put(":owner", AttributeValue.fromS(owner + "#" + String.format("%02d", day.getDayOfMonth())));
        String update = "SET #req = :req, #g2pk = :month, #g2sk = :owner ADD " + add;
        flushes.incrementAndGet();
        try {
            UpdateItemResponse response = client.updateItem(b -> b.tableName(table)
                    .key(Keys.key(partition(owner), DAY_PREFIX + day))
                    .updateExpression(update)
                    .conditionExpression("attribute_not_exists(#req) OR #req <> :req")
                    .expressionAttributeNames(names).expressionAttributeValues(values)
                    .returnValues(ReturnValue.ALL_OLD));
            settled(owner, earlierFlushes);
            // No index key before (ALL_OLD: moto leaves unchanged attributes out of UPDATED_OLD): this flush put
            // the item's index entry (a storage measure may have put it first).
            boolean created = !response.hasAttributes() || !response.attributes().containsKey(Keys.GSI2_PK);
            if (created) {
                owed.merge(owner, 1, Integer::sum);
            }
        } catch (ConditionalCheckFailedException alreadyCounted) {
            settled(owner, earlierFlushes);
            LOG.info("usage of request {} for {} was recorded already (a retried flush)", requestId, owner);
        } catch (RuntimeException e) {
            LOG.error("usage of request {} for {} on {} not recorded: {}", requestId, owner, day, e.toString());
        }
    }

    /** What a flush applied is no longer owed (time owed meanwhile, by another thread's flush, stays). */
    private void settled(String owner, long earlierFlushes) {
        owed.remove(owner);
        owedTime.computeIfPresent(owner, (o, time) -> time == earlierFlushes ? null : time - earlierFlushes);
    }

    /** One owner's quantities in one invocation. */
    static final class Tally {
        final Map<Meter, BigDecimal> quantities = new EnumMap<>(Meter.class);
        boolean exact = true;

        void add(Meter meter, BigDecimal quantity) {
            quantities.merge(meter, quantity, BigDecimal::add);
        }

        void addAll(Tally other) {
            other.quantities.forEach(this::add);
            exact &= other.exact;
        }

        /**
         * This tally split by weight, each quantity to six decimals; the heaviest takes what rounding left,
         * so the shares add up to the whole exactly.
         */
        Map<String, Tally> shares(Map<String, Long> weights) {
            long total = weights.values().stream().mapToLong(Long::longValue).sum();
            String heaviest = weights.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
            Map<String, Tally> shares = new LinkedHashMap<>();
            weights.keySet().forEach(owner -> shares.put(owner, new Tally()));
            quantities.forEach((meter, quantity) -> {
                BigDecimal given = BigDecimal.ZERO;
                for (Map.Entry<String, Long> weight : weights.entrySet()) {
                    if (!weight.getKey().equals(heaviest)) {
                        BigDecimal share = quantity.multiply(BigDecimal.valueOf(weight.getValue()))
                                .divide(BigDecimal.valueOf(total), 6, java.math.RoundingMode.DOWN);
                        shares.get(weight.getKey()).add(meter, share);
                        given = given.add(share);
                    }
                }
                shares.get(heaviest).add(meter, quantity.subtract(given));
            });
            shares.values().forEach(share -> share.exact = exact);
            return shares;
        }
    }

    private static final class Invocation {
        final String requestId;
        final int memoryMb;
        final long initMillis;
        /** The owner of everything in this invocation, or null to attribute by partition and scope. */
        final String soleOwner;
        final long startNanos = System.nanoTime();
        final Map<String, Tally> byCommunity = new HashMap<>();
        final Tally unattributed = new Tally();
        final Set<String> touched = new LinkedHashSet<>();
        final Map<String, Long> scopedNanos = new LinkedHashMap<>();
        /** The community the invocation's thread works for now ({@link #within}), for calls made on other threads. */
        volatile String activeScope;

        Invocation(String requestId, int memoryMb, long initMillis, String soleOwner) {
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
            Tally tally = community == null ? unattributed : byCommunity.computeIfAbsent(community, c -> new Tally());
            if (community != null) {
                touched.add(community);
            }
            tally.add(meter, quantity);
            tally.exact &= exact;
        }

        /** Every owner's tally, the invocation's own units included. */
        synchronized Map<String, Tally> close() {
            long millis = (System.nanoTime() - startNanos + 999_999) / 1_000_000;
            unattributed.add(Meter.LAMBDA_REQUESTS, BigDecimal.ONE);
            unattributed.add(Meter.LAMBDA_MB_MILLIS, BigDecimal.valueOf((long) memoryMb * (millis + initMillis)));
            Map<String, Tally> owners = new LinkedHashMap<>(byCommunity);
            if (soleOwner != null) {
                owners.put(soleOwner, unattributed);
            } else if (touched.size() == 1) {
                owners.computeIfAbsent(touched.iterator().next(), o -> new Tally()).addAll(unattributed);
            } else if (!scopedNanos.isEmpty()) {
                unattributed.shares(scopedNanos).forEach((community, share) ->
                        owners.computeIfAbsent(community, o -> new Tally()).addAll(share));
            } else {
                owners.computeIfAbsent(UsageDay.PLATFORM, o -> new Tally()).addAll(unattributed);
            }
            return owners;
        }

        /** Time the invocation's thread spent working for a community (outermost scopes only). */
        synchronized void spent(String community, long nanos) {
            scopedNanos.merge(community, Math.max(1, nanos), Long::sum);
        }
    }
}
