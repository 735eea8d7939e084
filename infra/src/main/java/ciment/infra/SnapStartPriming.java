package ciment.infra;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
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
    /** CRaC holds registered resources weakly: the container's function keeps its priming here. */
    private static volatile SnapStartPriming registered;

    private final Supplier<DynamoRepositories> store;
    private final AtomicLong initMillis;
    private final List<String> requestClasses;

    SnapStartPriming(Supplier<DynamoRepositories> store, AtomicLong initMillis, List<String> requestClasses) {
        this.store = store;
        this.initMillis = initMillis;
        this.requestClasses = List.copyOf(requestClasses);
    }

    /**
     * Registers a function's priming with the runtime.
     *
     * @param requestClasses what a request loads beyond what building the function loaded (each in its jar)
     */
    public static SnapStartPriming register(Supplier<DynamoRepositories> store, AtomicLong initMillis, List<String> requestClasses) {
        SnapStartPriming priming = new SnapStartPriming(store, initMillis, requestClasses);
        registered = priming;
        Core.getGlobalContext().register(priming);
        return priming;
    }

    /** The priming registered last in this JVM (Lambda runs one function per container). */
    public static SnapStartPriming registered() {
        return registered;
    }

    /** Throws what the table or a missing class throws: a version that cannot serve is better not published. */
    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) throws Exception {
        store.get().prime();
        for (String name : requestClasses) {
            Class.forName(name, true, SnapStartPriming.class.getClassLoader());
        }
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        initMillis.set(0);
    }
}
