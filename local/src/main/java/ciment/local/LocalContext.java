package ciment.local;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

/**
 * The Lambda context a local invocation gets: a request id, a memory size and a deadline, like in AWS.
 * Metering (issue 6) bills MB-ms from the memory size: each function's in template.yaml (a test keeps them equal).
 */
final class LocalContext implements Context {
    private static final int TIMEOUT_MILLIS = 10_000;
    /** template.yaml's Globals: Function: MemorySize. */
    static final int MEMORY_MB = 1024;
    /** The functions template.yaml gives another memory size: the delivery functions wait on chat tools, not the CPU. */
    static final Map<String, Integer> MEMORY_BY_FUNCTION = Map.of("ciment-slack-delivery", 512,
            "ciment-teams-delivery", 512);

    private final String functionName;
    private final String requestId = UUID.randomUUID().toString();
    private final long deadline;

    static int memoryOf(String functionName) {
        return MEMORY_BY_FUNCTION.getOrDefault(functionName, MEMORY_MB);
    }

    LocalContext(String functionName) {
        this(functionName, java.time.Duration.ofMillis(TIMEOUT_MILLIS));
    }

    /** With the function's own timeout (the delivery functions': template.yaml's). */
    LocalContext(String functionName, java.time.Duration timeout) {
        this.functionName = functionName;
        this.deadline = System.currentTimeMillis() + timeout.toMillis();
    }

    @Override
    public String getAwsRequestId() {
        return requestId;
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/" + functionName;
    }

    @Override
    public String getLogStreamName() {
        return "local";
    }

    @Override
    public String getFunctionName() {
        return functionName;
    }

    @Override
    public String getFunctionVersion() {
        return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
        return "arn:aws:lambda:local:000000000000:function:" + functionName;
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
        return (int) Math.max(0, deadline - System.currentTimeMillis());
    }

    @Override
    public int getMemoryLimitInMB() {
        return memoryOf(functionName);
    }

    @Override
    public LambdaLogger getLogger() {
        return new LambdaLogger() {
            @Override
            public void log(String message) {
                System.err.println("[" + functionName + "] " + message);
            }

            @Override
            public void log(byte[] message) {
                log(new String(message, StandardCharsets.UTF_8));
            }
        };
    }
}
