package ciment.core.cost;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.YearMonth;

/**
 * What Ciment meters: one service's unit, as a price table prices it and a FOCUS export names it.
 * Quantities are kept exactly (whole numbers where the service counts whole ones): Lambda time as
 * megabyte-milliseconds, which the report turns into GB-seconds; stored bytes as a day's level, which
 * the report turns into GB-months.
 */
public enum Meter {
    API_REQUESTS("Amazon API Gateway", "Requests", "api"),
    LAMBDA_REQUESTS("AWS Lambda", "Requests", "lreq"),
    /** Configured memory (MB) × billed duration (ms), init included when it happened. */
    LAMBDA_MB_MILLIS("AWS Lambda", "GB-Seconds", "lmbms"),
    DYNAMODB_READ_UNITS("Amazon DynamoDB", "ReadRequestUnits", "rru"),
    DYNAMODB_WRITE_UNITS("Amazon DynamoDB", "WriteRequestUnits", "wru"),
    /** Bytes stored at the day's measure; a month of them is GB-months. */
    DYNAMODB_STORED_BYTES("Amazon DynamoDB", "GB-Mo", "bytes"),
    /** Stream reads: free when Lambda reads the stream, counted. */
    STREAM_REQUESTS("Amazon DynamoDB Streams", "Requests", "strq"),
    QUEUE_REQUESTS("Amazon Simple Queue Service", "Requests", "sqs"),
    /** Free, counted. */
    SLACK_CALLS("Slack Web API", "Calls", "slack"),
    /** Free, counted. */
    TEAMS_CALLS("Microsoft Bot Connector", "Calls", "teams");

    private final String serviceName;
    private final String unit;
    private final String key;

    Meter(String serviceName, String unit, String key) {
        this.serviceName = serviceName;
        this.unit = unit;
        this.key = key;
    }

    /** FOCUS ServiceName. */
    public String serviceName() {
        return serviceName;
    }

    /** FOCUS ConsumedUnit (after the report's conversion). */
    public String unit() {
        return unit;
    }

    /** Short stable name, as stored in usage items and price files. */
    public String key() {
        return key;
    }

    /** The meter of a short name, or a sentence saying it is unknown. */
    static Meter ofKey(String key) {
        for (Meter meter : values()) {
            if (meter.key.equals(key)) {
                return meter;
            }
        }
        throw new IllegalArgumentException("\"" + key + "\" is no meter: the meters are " + keys() + ".");
    }

    private static String keys() {
        StringBuilder keys = new StringBuilder();
        for (Meter meter : values()) {
            keys.append(keys.isEmpty() ? "" : ", ").append(meter.key);
        }
        return keys.toString();
    }

    private static final BigDecimal MB_MILLIS_PER_GB_SECOND = BigDecimal.valueOf(1024L * 1000L);
    private static final BigDecimal BYTES_PER_GB = BigDecimal.valueOf(1L << 30);

    /**
     * A stored quantity in the unit this meter is reported and priced in: MB-milliseconds become
     * GB-seconds (÷ 1024 ÷ 1000, exact); one day's stored bytes become that day's share of GB-months
     * (÷ 2^30 ÷ days in the month, the one division that does not end, kept to 34 significant digits);
     * other meters are counted as stored.
     */
    public BigDecimal reported(BigDecimal stored, YearMonth month) {
        return switch (this) {
            case LAMBDA_MB_MILLIS -> stored.divide(MB_MILLIS_PER_GB_SECOND);
            case DYNAMODB_STORED_BYTES -> stored.divide(BYTES_PER_GB.multiply(BigDecimal.valueOf(month.lengthOfMonth())),
                    MathContext.DECIMAL128);
            default -> stored;
        };
    }
}
