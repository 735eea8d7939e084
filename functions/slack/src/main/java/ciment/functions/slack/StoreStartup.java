package ciment.functions.slack;

import ciment.core.config.Settings;
import ciment.core.service.Ciment;
import ciment.infra.DynamoStore;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the DynamoDB store on a thread of its own, started before Bolt: the AWS SDK's first client and
 * call cost about as much as Bolt itself (MEASURED.md), so on Lambda's two cores both load at once.
 * A command waits for it only if it arrives first.
 */
final class StoreStartup {
    private static final Logger LOG = LoggerFactory.getLogger(StoreStartup.class);

    private final CompletableFuture<Ciment> ciment = new CompletableFuture<>();

    private StoreStartup() {
    }

    static StoreStartup begin(Settings settings) {
        StoreStartup startup = new StoreStartup();
        Thread thread = new Thread(() -> startup.build(settings), "ciment-store-startup");
        thread.setDaemon(true);
        thread.start();
        return startup;
    }

    /** Ciment on its store, once ready; fails the command if the store could not be made at all. */
    Ciment ciment() {
        return ciment.join();
    }

    private void build(Settings settings) {
        try {
            DynamoStore store = DynamoStore.fromSettings(settings);
            try {
                store.prime();
            } catch (RuntimeException e) {
                // Priming only warms up; the first command will try the table itself.
                LOG.warn("Priming the DynamoDB store failed: {}", e.toString());
            }
            ciment.complete(new Ciment(store, Clock.systemUTC()));
        } catch (Throwable e) {
            LOG.error("The DynamoDB store could not be made", e);
            ciment.completeExceptionally(e);
        }
    }
}
