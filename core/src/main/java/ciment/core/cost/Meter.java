package ciment.core.cost;

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
}
