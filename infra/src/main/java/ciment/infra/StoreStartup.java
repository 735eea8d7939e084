package ciment.infra;

import ciment.core.config.Settings;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes and primes the DynamoDB store on a thread of its own, so that a function starts its chat SDK
 * meanwhile: the AWS SDK's first client and call cost about as much as Bolt or the Bot Framework
 * adapter (MEASURED.md): on two cores both load at once.
 */
public final class StoreStartup {
    private static final Logger LOG = LoggerFactory.getLogger(StoreStartup.class);

    private StoreStartup() {
    }

    /**
     * Starts the store; the future completes with it once primed. A failed priming only warns (it
     * only warms up: the first request will reach the table itself); a store that cannot be made at
     * all (bad settings) fails the future.
     */
    public static CompletableFuture<DynamoStore> begin(Settings settings) {
        CompletableFuture<DynamoStore> store = new CompletableFuture<>();
        Thread thread = new Thread(() -> build(settings, store), "ciment-store");
        thread.setDaemon(true);
        thread.start();
        return store;
    }

    private static void build(Settings settings, CompletableFuture<DynamoStore> result) {
        DynamoStore store;
        try {
            store = DynamoStore.fromSettings(settings);
        } catch (Throwable e) {
            LOG.error("The DynamoDB store could not be made", e);
            result.completeExceptionally(e);
            return;
        }
        try {
            store.prime();
        } catch (RuntimeException e) {
            LOG.warn("Could not reach the table {} at start; the first request will try again: {}", settings.table(), e.toString());
        }
        result.complete(store);
    }
}
