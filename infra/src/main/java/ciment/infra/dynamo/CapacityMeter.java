package ciment.infra.dynamo;

import ciment.core.config.Settings;
import ciment.infra.aws.AwsClients;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Read and write units per store operation ("posts.add", "communities.join" ...), as DynamoDB
 * reported them (ReturnConsumedCapacity) and as computed from item sizes by DynamoDB's rules.
 * Which of the two to believe is the meter's {@link #source()}: AWS reports real units, while an
 * emulator (any endpoint override) reports made-up ones, so there the computed units apply.
 * Totals only, no list of calls: a warm container may serve millions of requests.
 */
public final class CapacityMeter {

    /** Where the units to trust come from. */
    public enum Source {
        REPORTED("reported by DynamoDB"),
        COMPUTED("computed from item sizes by DynamoDB's rules (the endpoint is an emulator)");

        private final String description;

        Source(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    /** Read and write capacity units. */
    public record Units(double read, double write) {
        public static final Units NONE = new Units(0, 0);

        public static Units read(double units) {
            return new Units(units, 0);
        }

        public static Units write(double units) {
            return new Units(0, units);
        }

        public Units plus(Units other) {
            return new Units(read + other.read, write + other.write);
        }
    }

    /** What an operation used so far: how many DynamoDB requests, and their units both ways. */
    public record Usage(long requests, Units reported, Units computed) {
        public static final Usage NONE = new Usage(0, Units.NONE, Units.NONE);

        public Usage plus(Usage other) {
            return new Usage(requests + other.requests, reported.plus(other.reported), computed.plus(other.computed));
        }

        /** The units to trust under a source. */
        public Units units(Source source) {
            return source == Source.REPORTED ? reported : computed;
        }
    }

    private final Source source;
    private final Map<String, Usage> byOperation = new TreeMap<>();
    /** Attributes each request to a community as well (issue 6), when a function meters its invocations. */
    private volatile Attribution usage;

    /**
     * Who else counts each request's units, by the partitions it touched: the running invocation's usage meter.
     * The table only reports to it; what the units cost, and whom, is metering's business.
     */
    public interface Attribution {
        /** One request on one partition. */
        void dynamo(String partition, Units reported, Units computed);

        /** One request over several partitions, weighted by their computed units. */
        void dynamo(Map<String, Double> partitions, Units reported, Units computed);
    }

    public CapacityMeter(Source source) {
        this.source = source;
    }

    /** Computed units when AWS_ENDPOINT_URL points at an emulator, reported ones on AWS itself. */
    public static CapacityMeter forSettings(Settings settings) {
        return new CapacityMeter(settings.get(AwsClients.ENDPOINT).isPresent() ? Source.COMPUTED : Source.REPORTED);
    }

    public Source source() {
        return source;
    }

    /** Adds one DynamoDB request made for an operation. */
    public synchronized void record(String operation, Units reported, Units computed) {
        byOperation.merge(operation, new Usage(1, reported, computed), Usage::plus);
    }

    /** Adds one DynamoDB request on one partition: to its operation, and to the running invocation's usage. */
    void record(String operation, String partition, Units reported, Units computed) {
        record(operation, reported, computed);
        Attribution attached = usage;
        if (attached != null) {
            attached.dynamo(partition, reported, computed);
        }
    }

    /** As {@link #record(String, String, Units, Units)}, for a request over several partitions (weights: their computed units). */
    void record(String operation, Map<String, Double> partitions, Units reported, Units computed) {
        record(operation, reported, computed);
        Attribution attached = usage;
        if (attached != null) {
            attached.dynamo(partitions, reported, computed);
        }
    }

    /** From now on, every request is also attributed by this usage meter. */
    public void attach(Attribution usage) {
        this.usage = usage;
    }

    /** Every operation's usage so far, sorted by operation name. */
    public synchronized Map<String, Usage> snapshot() {
        return Collections.unmodifiableMap(new TreeMap<>(byOperation));
    }

    public synchronized Usage usage(String operation) {
        return byOperation.getOrDefault(operation, Usage.NONE);
    }

    public synchronized Usage total() {
        return byOperation.values().stream().reduce(Usage.NONE, Usage::plus);
    }

    /** The units to trust, over every operation so far. */
    public Units units() {
        return total().units(source);
    }

    public synchronized void reset() {
        byOperation.clear();
    }
}
