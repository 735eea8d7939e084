package ciment.bench;

import java.util.concurrent.atomic.LongAdder;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Times every DynamoDB call made in the benchmark's process (a global SDK interceptor, listed in this module's
 * resources only: the functions' jars do not carry it), split between the delivery functions (the local
 * runner's stream threads) and the rest, so that the cost part can say how much of the Lambda time it
 * measured was spent waiting on the emulator.
 */
public final class DynamoCallTimer implements ExecutionInterceptor {
    private static final ExecutionAttribute<Long> STARTED = new ExecutionAttribute<>("ciment.bench.started");
    static final Totals DELIVERY = new Totals();
    static final Totals OTHER = new Totals();

    /** Calls and the time they took, in nanoseconds. */
    static final class Totals {
        private final LongAdder calls = new LongAdder();
        private final LongAdder nanos = new LongAdder();

        long calls() {
            return calls.sum();
        }

        long nanos() {
            return nanos.sum();
        }
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        attributes.putAttribute(STARTED, System.nanoTime());
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        record(attributes);
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        record(attributes);
    }

    private static void record(ExecutionAttributes attributes) {
        Long started = attributes.getAttribute(STARTED);
        String service = attributes.getAttribute(software.amazon.awssdk.core.interceptor.SdkExecutionAttribute.SERVICE_NAME);
        if (started == null || !"DynamoDb".equals(service)) {
            return;
        }
        Totals totals = Thread.currentThread().getName().startsWith("ciment-stream-") ? DELIVERY : OTHER;
        totals.calls.increment();
        totals.nanos.add(System.nanoTime() - started);
    }
}
