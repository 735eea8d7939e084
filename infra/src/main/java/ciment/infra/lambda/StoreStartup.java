package ciment.infra.lambda;

import ciment.core.config.Settings;
import ciment.infra.dynamo.DynamoRepositories;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes and primes the DynamoDB store on a thread of its own, so that a function starts its chat SDK
 * meanwhile: the AWS SDK's first client and call cost about as much as Bolt or the Bot Framework
 * adapter (MEASURED.md): on two cores both load at once.
 */
final class StoreStartup {
    private static final Logger LOG = LoggerFactory.getLogger(StoreStartup.class);

    private StoreStartup() {
    }

    /**
     * Starts the store; the future completes with it once primed. A failed priming only warns (it
     * only warms up: the first request will reach the table itself); a store that cannot be made at
     * all (bad settings) fails the future.
     */
    static CompletableFuture<DynamoRepositories> begin(Settings settings) {
        return begin(settings.table(), () -> DynamoRepositories.fromSettings(settings), DynamoRepositories::prime);
    }

    /**
     * The same with the making and priming given; whatever happens on the thread, the future completes
     * (an Error while priming, a class missing from a damaged jar, fails it rather than leaving every
     * request waiting on it forever).
     */
    static <T> CompletableFuture<T> begin(String table, Supplier<T> make, Consumer<T> prime) {
        CompletableFuture<T> store = new CompletableFuture<>();
        Thread thread = new Thread(() -> build(table, make, prime, store), "ciment-store");
        thread.setDaemon(true);
        thread.start();
        return store;
    }

    private static <T> void build(String table, Supplier<T> make, Consumer<T> prime, CompletableFuture<T> result) {
        T store;
        try {
            store = make.get();
        } catch (Throwable e) {
            LOG.error("The DynamoDB store could not be made", e);
            result.completeExceptionally(e);
            return;
        }
        try {
            prime.accept(store);
        } catch (RuntimeException e) {
            LOG.warn("Could not reach the table {} at start; the first request will try again: {}", table, e.toString());
        } catch (Throwable e) {
            LOG.error("The DynamoDB store broke while starting", e);
            result.completeExceptionally(e);
            return;
        }
        result.complete(store);
    }
}
