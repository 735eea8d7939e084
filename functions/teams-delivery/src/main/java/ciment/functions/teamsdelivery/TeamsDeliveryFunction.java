package ciment.functions.teamsdelivery;

import ciment.core.config.Settings;
import ciment.core.service.BudgetWatch;
import ciment.core.service.Finance;
import ciment.core.cost.Meter;
import ciment.delivery.DeadLetters;
import ciment.delivery.Deliveries;
import ciment.delivery.Mirrors;
import ciment.delivery.Pacing;
import ciment.infra.CapacityMeter;
import ciment.infra.DynamoClients;
import ciment.infra.DynamoMirrors;
import ciment.infra.DynamoRepositories;
import ciment.infra.Outbox;
import ciment.infra.Secrets;
import ciment.infra.SnapStartPriming;
import ciment.infra.UsageMeter;
import ciment.teams.AllowedTenants;
import ciment.teams.ClientCredentials;
import ciment.teams.TeamsCalls;
import ciment.teams.TeamsMirrorSender;
import ciment.teams.TeamsNoticeSender;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The Teams delivery Lambda function, as template.yaml names it: a batch of the table's stream in (the
 * event source mapping lets through new Teams outbox items, and posts and replies made or changed), each
 * notice sent as a proactive message through the Bot Connector, each post mirrored into the community's
 * linked Teams channels (a card naming its author; its changes redrawn, its deletion deleting the copies), and the records that failed handed back as a partial batch response for
 * Lambda to retry. Nothing goes into a tenant off CIMENT_TEAMS_ALLOWED_TENANTS (but a copy there is still hidden
 * or deleted with its post). The table's client, the Bot Connector clients and the bot's token are kept per container.
 */
public final class TeamsDeliveryFunction implements RequestHandler<DynamodbEvent, StreamsEventResponse> {
    /** What a request loads beyond what building the function loaded, for SnapStart's priming (each in this jar). */
    static final List<String> PRIMED_CLASSES = List.of(
            "com.amazonaws.services.lambda.runtime.events.DynamodbEvent",
            "com.amazonaws.services.lambda.runtime.events.StreamsEventResponse",
            "ciment.delivery.StreamImages",
            "ciment.delivery.Outcome");
    private static final Logger LOG = LoggerFactory.getLogger(TeamsDeliveryFunction.class);

    /** At most 7 sends a second into one Teams conversation. */
    static final Duration SEND_INTERVAL = Duration.ofMillis(150);

    /** Each message the dead-letter queue took (a hook for metering; nothing counts them yet). */
    static final Runnable DEAD_LETTER_SENT = () -> UsageMeter.countInRunning(Meter.QUEUE_REQUESTS);

    private final Deliveries deliveries;
    /** Meters each batch (issue 6): each record's work is its community's. */
    private final UsageMeter usage;
    /** The container's init, billed with its first invocation; 0 after. */
    private final AtomicLong initMillis;

    /**
     * Lambda's entry: the environment, with the app password that template.yaml names by ARN
     * (MICROSOFT_APP_PASSWORD_ARN) read first; refuses to start without MICROSOFT_APP_ID.
     */
    public TeamsDeliveryFunction() {
        this(Secrets.resolve(Settings.fromEnvironment()), false);
    }

    /**
     * @param allowUnauthenticated only for the local runner: without MICROSOFT_APP_ID, send without a token
     *                             (the Bot Framework Emulator's mode), as the Teams function accepts
     *                             activities without one there.
     */
    public TeamsDeliveryFunction(Settings settings, boolean allowUnauthenticated) {
        this(settings, allowUnauthenticated, Clock.systemUTC());
    }

    /** @param clock when claims of copies are made and found lapsed (tests: an attempt that stopped long ago) */
    TeamsDeliveryFunction(Settings settings, boolean allowUnauthenticated, Clock clock) {
        long startedNanos = System.nanoTime();
        boolean hasAppId = settings.get("MICROSOFT_APP_ID").isPresent();
        if (!hasAppId && !allowUnauthenticated) {
            throw new IllegalStateException("MICROSOFT_APP_ID is not set, and the Bot Connector takes proactive messages "
                    + "only with that app's token: set it (see CONTRACT.md's configuration table).");
        }
        if (!hasAppId) {
            LOG.warn("MICROSOFT_APP_ID is not set: Teams notices are sent WITHOUT a token (Bot Framework Emulator mode).");
        }
        // Before anything starts: without a list of tenants, nothing would be delivered.
        AllowedTenants tenants = AllowedTenants.fromSettings(settings);
        ClientCredentials credentials = ClientCredentials.fromSettings(settings, clock);
        // One table client serves the outbox and the store that export-my-data's file is sized from.
        DynamoDbClient dynamo = DynamoClients.create(settings);
        CapacityMeter meter = CapacityMeter.forSettings(settings);
        DynamoRepositories store = DynamoRepositories.create(dynamo, settings.table(), meter);
        // The copies of notices about a post are recorded, so that reactions and replies on them count.
        TeamsNoticeSender notices = TeamsNoticeSender.fromSettings(settings, credentials,
                store.repositories().personalRecords(), store.repositories().messageCopies());
        // Teams takes 7 messages a second per conversation: one turn every 150 ms, notices and mirrors alike.
        Pacing pacing = Pacing.every(SEND_INTERVAL);
        TeamsMirrorSender mirrors = new TeamsMirrorSender(credentials,
                settings.get("TEAMS_SERVICE_URL", TeamsNoticeSender.PUBLIC_SERVICE_URL));
        this.deliveries = new Deliveries(new Outbox(dynamo, settings.table(), meter), notices, clock, pacing,
                new Mirrors(new DynamoMirrors(dynamo, settings.table(), meter), store.repositories().links(), mirrors, pacing, clock),
                DeadLetters.fromSettings(settings, "ciment-teams-delivery", DEAD_LETTER_SENT))
                .servingOnly(tenants::allows);
        this.usage = store.meterUsage(Clock.systemUTC());
        deliveries.meteredBy(usage);
        // Mirroring is most of a community's cost: its budget is checked after each batch's flush too.
        usage.onFlushed(new BudgetWatch(store.repositories(), store.usage(), Finance.fromSettings(settings, store.usage()),
                Clock.systemUTC())::check);
        TeamsCalls.countWith(() -> UsageMeter.countInRunning(Meter.TEAMS_CALLS));
        this.initMillis = new AtomicLong((System.nanoTime() - startedNanos) / 1_000_000);
        SnapStartPriming.register(() -> store, initMillis, PRIMED_CLASSES);
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        usage.begin(context == null ? null : context.getAwsRequestId(), context == null ? 0 : context.getMemoryLimitInMB(),
                initMillis.getAndSet(0), UsageMeter.Trigger.STREAM);
        try {
            return deliveries.handle(event, context == null ? null : Duration.ofMillis(context.getRemainingTimeInMillis()));
        } finally {
            usage.end();
        }
    }
}
