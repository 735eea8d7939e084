package ciment.infra.lambda;

import ciment.core.config.Settings;
import ciment.core.cost.Meter;
import ciment.infra.aws.Secrets;
import ciment.infra.metering.UsageMeter;
import com.amazonaws.services.lambda.runtime.Context;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What every Ciment function does around its work, one frame per container: its init timed (billed with its first
 * invocation), its settings read (in Lambda with its secrets), SnapStart's hooks registered, each invocation
 * metered and flushed (the budget checks hang on the flush) and given the time Lambda leaves it. A function makes
 * its frame first, wires itself on the frame's settings, calls {@link #started} last, and hands each invocation's
 * work to {@link #request} or {@link #batch}. Nothing here is static: the local runner runs several containers of a
 * function in one JVM, each with its own frame.
 */
public final class LambdaFrame {
    private final long startedNanos;
    private final Settings settings;
    /** The container's init, billed with its first invocation; 0 after (and after a SnapStart restore). */
    private final AtomicLong initMillis = new AtomicLong();
    /** Units counted before the meter was made (a chat SDK's checks while the store starts): handed over then. */
    private final Map<Meter, AtomicLong> early = new EnumMap<>(Meter.class);
    private volatile UsageMeter meter;
    private CompletableFuture<UsageMeter> usage = CompletableFuture.completedFuture(null);
    /** Held here: CRaC holds registered resources weakly. */
    private SnapStartPriming priming;

    /** A container on settings of its own (the local runner, tests): its init starts now. */
    public LambdaFrame(Settings settings) {
        this(System.nanoTime(), settings);
    }

    private LambdaFrame(long startedNanos, Settings settings) {
        this.startedNanos = startedNanos;
        this.settings = settings;
        for (Meter kind : Meter.values()) {
            early.put(kind, new AtomicLong());
        }
    }

    /**
     * Lambda's container: the environment, each secret that template.yaml names by ARN (NAME_ARN) read as NAME
     * (CONTRACT.md's names); its init starts before the secrets are read.
     */
    public static LambdaFrame fromEnvironment() {
        long started = System.nanoTime();
        return new LambdaFrame(started, Secrets.resolve(Settings.fromEnvironment()));
    }

    /** What the function is configured by. */
    public Settings settings() {
        return settings;
    }

    /** A hook that counts one unit into this container's running invocation (chat SDKs' calls, dead letters sent). */
    public Runnable counting(Meter kind) {
        return () -> count(kind);
    }

    /** Last in a function's constructor, with its meter ready: see {@link #started(CompletableFuture, Runnable, List)}. */
    public void started(UsageMeter usage, Runnable warmUp, List<String> requestClasses) {
        started(CompletableFuture.completedFuture(usage), warmUp, requestClasses);
    }

    /**
     * Last in a function's constructor: the init is measured, SnapStart's priming registered and the meter taken
     * (once its table is ready: an invocation waits for it; a meter that failed to be made meters nothing).
     *
     * @param warmUp         the table's warm-up read, before a snapshot
     * @param requestClasses what a request loads beyond what building the function loaded (each in its jar)
     */
    public void started(CompletableFuture<UsageMeter> usage, Runnable warmUp, List<String> requestClasses) {
        this.usage = usage;
        usage.thenAccept(this::attach);
        initMillis.set((System.nanoTime() - startedNanos) / 1_000_000);
        priming = SnapStartPriming.register(warmUp, initMillis, requestClasses);
    }

    /** This container's SnapStart hooks. */
    public SnapStartPriming priming() {
        return priming;
    }

    /** This container's meter, once made (the benchmark reads its overhead). */
    public UsageMeter usageMeter() {
        return usage.join();
    }

    /** One API Gateway request, metered (one API request more). */
    public <T, E extends Exception> T request(Context context, Work<T, E> work) throws E {
        return invoke(context, UsageMeter.Trigger.HTTP, work);
    }

    /** One batch of the table's stream, metered (one stream request more). */
    public <T, E extends Exception> T batch(Context context, Work<T, E> work) throws E {
        return invoke(context, UsageMeter.Trigger.STREAM, work);
    }

    /** One invocation, metered: its work is given what is left of Lambda's time (null: no bound, no context). */
    public <T, E extends Exception> T invoke(Context context, UsageMeter.Trigger trigger, Work<T, E> work) throws E {
        return invoke(context, trigger, false, work);
    }

    /** One invocation that no community causes (finance's reports, the storage measure): all the platform's. */
    public <T, E extends Exception> T invokeForThePlatform(Context context, UsageMeter.Trigger trigger, Work<T, E> work)
            throws E {
        return invoke(context, trigger, true, work);
    }

    private <T, E extends Exception> T invoke(Context context, UsageMeter.Trigger trigger, boolean platform,
            Work<T, E> work) throws E {
        UsageMeter running = usage.exceptionally(failed -> null).join();
        if (running != null) {
            String requestId = context == null ? null : context.getAwsRequestId();
            int memoryMb = context == null ? 0 : context.getMemoryLimitInMB();
            if (platform) {
                running.beginForThePlatform(requestId, memoryMb, initMillis.getAndSet(0), trigger);
            } else {
                running.begin(requestId, memoryMb, initMillis.getAndSet(0), trigger);
            }
        }
        try {
            return work.run(context == null ? null : Duration.ofMillis(context.getRemainingTimeInMillis()));
        } finally {
            if (running != null) {
                running.end();
            }
        }
    }

    private void count(Meter kind) {
        UsageMeter ready = meter;
        if (ready != null) {
            ready.count(kind, 1);
            return;
        }
        early.get(kind).incrementAndGet();
        ready = meter;
        if (ready != null) {
            handOver(ready); // made meanwhile: what it took over may have missed this one
        }
    }

    private void attach(UsageMeter made) {
        if (made == null) {
            return; // nothing metered (a function without a table)
        }
        meter = made;
        handOver(made);
    }

    private void handOver(UsageMeter to) {
        early.forEach((kind, counted) -> {
            long taken = counted.getAndSet(0);
            if (taken > 0) {
                to.count(kind, taken);
            }
        });
    }

    /** A function's work in one invocation. */
    @FunctionalInterface
    public interface Work<T, E extends Exception> {
        /** @param timeLeft what Lambda leaves of the invocation, for waits that must end before it does; null: no bound */
        T run(Duration timeLeft) throws E;
    }
}
