package ciment.functions.teams;

import ciment.infra.DynamoStore;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

/**
 * SnapStart's hooks for the Teams function. Before the snapshot of a published version: the store's
 * warm-up read and index query (the SDK's classes, its HTTP client, credentials, a first connection) and
 * the classes an activity, a card and a messaging extension query load in the Bot Framework, so that a
 * restored copy answers as a warm one does. The adapter and the bot are built in the constructor, and the
 * signing keys and bot token fetched there, before this runs.
 */
final class TeamsPriming implements Resource {
    /** What an activity loads beyond what building the adapter loaded (each found in ciment-teams.jar). */
    static final List<String> REQUEST_CLASSES = List.of(
            "com.microsoft.bot.schema.Activity",
            "com.microsoft.bot.schema.Attachment",
            "com.microsoft.bot.builder.TurnContextImpl",
            "com.microsoft.bot.schema.teams.MessagingExtensionQuery",
            "com.microsoft.bot.connector.rest.RestConnectorClient");

    /** CRaC holds registered resources weakly: the container's one function keeps its priming here. */
    private static volatile TeamsPriming registered;

    private final Supplier<DynamoStore> store;
    private final AtomicLong initMillis;

    TeamsPriming(Supplier<DynamoStore> store, AtomicLong initMillis) {
        this.store = store;
        this.initMillis = initMillis;
    }

    /** Registers the function's priming with the runtime (a no-op outside a CRaC/SnapStart JVM). */
    static TeamsPriming register(CompletableFuture<DynamoStore> store, AtomicLong initMillis) {
        TeamsPriming priming = new TeamsPriming(store::join, initMillis);
        registered = priming;
        Core.getGlobalContext().register(priming);
        return priming;
    }

    static TeamsPriming registered() {
        return registered;
    }

    /** Throws what the table throws: a version whose table cannot be read is better not published. */
    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) throws Exception {
        store.get().prime();
        for (String name : REQUEST_CLASSES) {
            Class.forName(name, true, TeamsPriming.class.getClassLoader());
        }
    }

    /**
     * Every copy restored from the snapshot would otherwise bill, with its first request, the init that was
     * measured once before the snapshot (and paid when the version was published): it starts at 0. Nothing
     * else here is per copy: the Bot Connector token and the signing keys fetched before the snapshot carry
     * their own expiry and serve every copy alike, connections are reopened by the SDKs' retries, and ULIDs
     * draw from SecureRandom, which Lambda's Java runtime reseeds on restore.
     */
    @Override
    public void afterRestore(Context<? extends Resource> context) {
        initMillis.set(0);
    }
}
