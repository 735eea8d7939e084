package ciment.infra.lambda;

import ciment.core.Ciment;
import ciment.core.config.DefaultLanguage;
import ciment.core.config.Settings;
import ciment.core.config.WriteLimits;
import ciment.core.i18n.Language;
import ciment.core.port.Repositories;
import ciment.core.port.SlackInstallations;
import ciment.core.service.BudgetWatch;
import ciment.core.service.Finance;
import ciment.infra.aws.TokenSeal;
import ciment.infra.dynamo.DynamoRepositories;
import ciment.infra.metering.UsageMeter;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The table side of a function that answers requests (Slack, Teams, costs), made once per container: the store,
 * started on a thread of its own while the function loads its chat SDK ({@link StoreStartup}), and what is made on
 * it once it is ready: Ciment, the usage meter, the Slack app's installs. The one place these functions wire the
 * table's repositories.
 */
public final class FunctionTable {
    private final Settings settings;
    private final CompletableFuture<DynamoRepositories> store;

    private FunctionTable(Settings settings) {
        this.settings = settings;
        this.store = StoreStartup.begin(settings);
    }

    /** Starts the store of these settings, in the background. */
    public static FunctionTable starting(Settings settings) {
        return new FunctionTable(settings);
    }

    /** The repositories, once started (waits for them). */
    public Repositories store() {
        return started().repositories();
    }

    /** The table's repositories and what is measured on them (usage, storage), once started (waits for them). */
    public DynamoRepositories started() {
        return store.join();
    }

    /**
     * Ciment once the store has started; the write limits and the default language are read now, so that a
     * malformed one stops the start.
     */
    public CompletableFuture<Ciment> ciment() {
        WriteLimits limits = WriteLimits.fromSettings(settings);
        Language fallback = DefaultLanguage.fromSettings(settings);
        return store.thenApply(started -> new Ciment(started.repositories(), Clock.systemUTC(), finance(started), limits,
                fallback));
    }

    /**
     * The container's usage meter once the store has started; after each flush, the budgets of the communities it
     * touched are checked (alerts at 80% and 100%, once each).
     */
    public CompletableFuture<UsageMeter> budgetedUsage() {
        return store.thenApply(started -> budgeted(started, settings));
    }

    /** The container's usage meter once the store has started, checking no budget (the costs function's). */
    public CompletableFuture<UsageMeter> usage(Clock clock) {
        return store.thenApply(started -> UsageMeter.attachedTo(started, clock));
    }

    /** A usage meter on {@code store} whose flushes check the budgets of the communities they touched. */
    static UsageMeter budgeted(DynamoRepositories store, Settings settings) {
        UsageMeter usage = UsageMeter.attachedTo(store, Clock.systemUTC());
        usage.onFlushed(new BudgetWatch(store.repositories(), store.usage(), finance(store, settings), Clock.systemUTC(),
                DefaultLanguage.fromSettings(settings))::check);
        return usage;
    }

    /**
     * The Slack app's OAuth installs in the table, each workspace's bot token sealed with the stack's KMS key (one
     * seal per container: it keeps data keys).
     */
    public Supplier<SlackInstallations> sealedInstallations() {
        TokenSeal seal = TokenSeal.sealing(settings);
        return () -> store.join().slackInstallations(seal);
    }

    /** The table's warm-up read, before a snapshot (waits for the store). */
    public void prime() {
        store.join().prime();
    }

    /** What the finance commands and budget alerts read beyond the store: usage, prices, roles, public URL. */
    private Finance finance(DynamoRepositories started) {
        return finance(started, settings);
    }

    private static Finance finance(DynamoRepositories started, Settings settings) {
        return Finance.fromSettings(settings, started.usage());
    }
}
