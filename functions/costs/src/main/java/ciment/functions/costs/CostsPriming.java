package ciment.functions.costs;

import ciment.infra.DynamoStore;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

/**
 * SnapStart's hooks for the costs function. Before the snapshot of a published version: the store's
 * warm-up read and index query (the SDK's classes, its HTTP client, credentials, a first connection) and
 * the classes a report loads, so that a restored copy answers as a warm one does.
 */
final class CostsPriming implements Resource {
    /** What a report loads beyond what the constructor loaded (each found in ciment-costs.jar). */
    static final List<String> REPORT_CLASSES = List.of(
            "ciment.core.service.CostPages",
            "ciment.core.cost.PriceTable",
            "com.fasterxml.jackson.databind.node.ObjectNode");

    /** CRaC holds registered resources weakly: the container's one function keeps its priming here. */
    private static volatile CostsPriming registered;

    private final Supplier<DynamoStore> store;
    private final AtomicLong initMillis;

    CostsPriming(Supplier<DynamoStore> store, AtomicLong initMillis) {
        this.store = store;
        this.initMillis = initMillis;
    }

    /** Registers the function's priming with the runtime (a no-op outside a CRaC/SnapStart JVM). */
    static CostsPriming register(CompletableFuture<DynamoStore> store, AtomicLong initMillis) {
        CostsPriming priming = new CostsPriming(store::join, initMillis);
        registered = priming;
        Core.getGlobalContext().register(priming);
        return priming;
    }

    static CostsPriming registered() {
        return registered;
    }

    /** Throws what the table throws: a version whose table cannot be read is better not published. */
    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) throws Exception {
        store.get().prime();
        for (String name : REPORT_CLASSES) {
            Class.forName(name, true, CostsPriming.class.getClassLoader());
        }
    }

    /**
     * The init measured once before the snapshot is not billed again by every restored copy: it starts at 0.
     * Nothing else to refresh: the function keeps no time and no randomness of its own (each report reads the
     * clock when it is asked, the prices are read per month asked), and connections made before the
     * snapshot are reopened by the SDK's retries.
     */
    @Override
    public void afterRestore(Context<? extends Resource> context) {
        initMillis.set(0);
    }
}
