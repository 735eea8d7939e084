package ciment.functions.slack;

import ciment.infra.DynamoStore;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

/**
 * SnapStart's hooks for the Slack function. Before the snapshot of a published version: the store's
 * warm-up read and index query (the SDK's classes, its HTTP client, credentials, a first connection) and
 * the classes a slash command, an event and a button click load in Bolt, so that a restored copy answers
 * as a warm one does. Bolt itself is built in the constructor, before this runs.
 */
final class SlackPriming implements Resource {
    /** What a request loads beyond what building the Bolt app loaded (each found in ciment-slack.jar). */
    static final List<String> REQUEST_CLASSES = List.of(
            "com.slack.api.bolt.request.builtin.SlashCommandRequest",
            "com.slack.api.bolt.request.builtin.EventRequest",
            "com.slack.api.bolt.request.builtin.BlockActionRequest",
            "com.slack.api.bolt.response.Response",
            "com.slack.api.methods.request.chat.ChatPostMessageRequest",
            "com.slack.api.methods.response.chat.ChatPostMessageResponse",
            "com.slack.api.model.block.SectionBlock");

    /** CRaC holds registered resources weakly: the container's one function keeps its priming here. */
    private static volatile SlackPriming registered;

    private final Supplier<DynamoStore> store;
    private final AtomicLong initMillis;

    SlackPriming(Supplier<DynamoStore> store, AtomicLong initMillis) {
        this.store = store;
        this.initMillis = initMillis;
    }

    /** Registers the function's priming with the runtime (a no-op outside a CRaC/SnapStart JVM). */
    static SlackPriming register(CompletableFuture<DynamoStore> store, AtomicLong initMillis) {
        SlackPriming priming = new SlackPriming(store::join, initMillis);
        registered = priming;
        Core.getGlobalContext().register(priming);
        return priming;
    }

    static SlackPriming registered() {
        return registered;
    }

    /** Throws what the table throws: a version whose table cannot be read is better not published. */
    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) throws Exception {
        store.get().prime();
        for (String name : REQUEST_CLASSES) {
            Class.forName(name, true, SlackPriming.class.getClassLoader());
        }
    }

    /**
     * Every copy restored from the snapshot would otherwise bill, with its first request, the init that was
     * measured once before the snapshot (and paid when the version was published): it starts at 0. Nothing
     * else here is per copy: the signing secret and bot token are the same for all, connections made before
     * the snapshot are reopened by the SDK's retries, and ULIDs draw from SecureRandom, which Lambda's Java
     * runtime reseeds on restore.
     */
    @Override
    public void afterRestore(Context<? extends Resource> context) {
        initMillis.set(0);
    }
}
