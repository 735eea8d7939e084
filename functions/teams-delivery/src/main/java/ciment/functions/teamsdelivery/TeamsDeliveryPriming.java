package ciment.functions.teamsdelivery;

import ciment.infra.DynamoStore;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

/**
 * SnapStart's hooks for the Teams delivery function. Before the snapshot of a published version: the
 * store's warm-up read and index query (the SDK's classes, its HTTP client, credentials, a first
 * connection) and the classes a batch of stream records loads, so that a restored copy delivers as a warm
 * one does. The senders and the outbox are built in the constructor, before this runs.
 */
final class TeamsDeliveryPriming implements Resource {
    /** What a batch loads beyond what the constructor loaded (each found in ciment-teams-delivery.jar). */
    static final List<String> BATCH_CLASSES = List.of(
            "com.amazonaws.services.lambda.runtime.events.DynamodbEvent",
            "com.amazonaws.services.lambda.runtime.events.StreamsEventResponse",
            "ciment.delivery.StreamImages",
            "ciment.delivery.Outcome");

    /** CRaC holds registered resources weakly: the container's one function keeps its priming here. */
    private static volatile TeamsDeliveryPriming registered;

    private final Supplier<DynamoStore> store;
    private final AtomicLong initMillis;

    TeamsDeliveryPriming(Supplier<DynamoStore> store, AtomicLong initMillis) {
        this.store = store;
        this.initMillis = initMillis;
    }

    /** Registers the function's priming with the runtime (a no-op outside a CRaC/SnapStart JVM). */
    static TeamsDeliveryPriming register(DynamoStore store, AtomicLong initMillis) {
        TeamsDeliveryPriming priming = new TeamsDeliveryPriming(() -> store, initMillis);
        registered = priming;
        Core.getGlobalContext().register(priming);
        return priming;
    }

    static TeamsDeliveryPriming registered() {
        return registered;
    }

    /** Throws what the table throws: a version whose table cannot be read is better not published. */
    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) throws Exception {
        store.get().prime();
        for (String name : BATCH_CLASSES) {
            Class.forName(name, true, TeamsDeliveryPriming.class.getClassLoader());
        }
    }

    /**
     * Every copy restored from the snapshot would otherwise bill, with its first batch, the init that was
     * measured once before the snapshot (and paid when the version was published): it starts at 0. Nothing
     * else here is per copy: the pace between sends starts empty in each copy (no send is made before the
     * snapshot), connections are reopened by the SDKs' retries, and ULIDs draw from SecureRandom, which
     * Lambda's Java runtime reseeds on restore.
     */
    @Override
    public void afterRestore(Context<? extends Resource> context) {
        initMillis.set(0);
    }
}
