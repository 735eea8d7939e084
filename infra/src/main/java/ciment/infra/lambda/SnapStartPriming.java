package ciment.infra.lambda;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

/**
 * SnapStart's hooks for one function (org.crac: a no-op on a JVM without CRaC, such as the local runner's).
 * Before the snapshot of a published version: the store's warm-up read and index query (the SDK's classes,
 * its HTTP client, credentials, a first connection) and the classes the function's requests load, so that a
 * restored copy answers as a warm one does. After a restore: the init measured once before the snapshot (and
 * paid when the version was published) starts at 0, or every restored copy would bill it again with its
 * first request. Nothing else is per copy: secrets are the same for all, connections made before the
 * snapshot are reopened by the SDKs' retries, and ULIDs draw from SecureRandom, which Lambda's Java runtime
 * reseeds on restore.
 */
public final class SnapStartPriming implements Resource {
    private final Runnable warmUp;
    private final AtomicLong initMillis;
    private final List<String> requestClasses;

    /**
     * @param warmUp         the table's warm-up (waits for the store when it starts in the background)
     * @param requestClasses what a request loads beyond what building the function loaded (each in its jar)
     */
    SnapStartPriming(Runnable warmUp, AtomicLong initMillis, List<String> requestClasses) {
        this.warmUp = warmUp;
        this.initMillis = initMillis;
        this.requestClasses = List.copyOf(requestClasses);
    }

    /**
     * Registers a function's priming with the runtime. CRaC holds registered resources weakly: keep what this
     * returns for the container's life (the function's {@link LambdaFrame} does).
     */
    static SnapStartPriming register(Runnable warmUp, AtomicLong initMillis, List<String> requestClasses) {
        SnapStartPriming priming = new SnapStartPriming(warmUp, initMillis, requestClasses);
        Core.getGlobalContext().register(priming);
        return priming;
    }

    /** Throws what the table or a missing class throws: a version that cannot serve is better not published. */
    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) throws Exception {
        warmUp.run();
        for (String name : requestClasses) {
            Class.forName(name, true, SnapStartPriming.class.getClassLoader());
        }
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        initMillis.set(0);
    }
}
