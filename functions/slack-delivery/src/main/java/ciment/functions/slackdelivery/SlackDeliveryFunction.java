package ciment.functions.slackdelivery;

import ciment.core.config.Settings;
import ciment.core.service.BudgetWatch;
import ciment.core.service.Finance;
import ciment.core.cost.Meter;
import ciment.core.port.SlackInstallations;
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
import ciment.infra.TokenSeal;
import ciment.infra.UsageMeter;
import ciment.slack.AllowedWorkspaces;
import ciment.slack.CimentSlackApp;
import ciment.slack.SlackCalls;
import ciment.slack.SlackMirrorSender;
import ciment.slack.SlackNoticeSender;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The Slack delivery Lambda function, as template.yaml names it: a batch of the table's stream in (the
 * event source mapping lets through new Slack outbox items, and posts and replies made or changed), each
 * notice told through Slack's Web API, each post mirrored into the community's linked Slack channels (as its
 * author; its changes and deletion following), and the records that failed handed back as a partial batch
 * response for Lambda to retry. Nothing goes into a workspace off CIMENT_SLACK_ALLOWED_WORKSPACES (but a copy
 * there is still hidden or deleted with its post).
 * The Web API client and the table's client are made once per container.
 */
public final class SlackDeliveryFunction implements RequestHandler<DynamodbEvent, StreamsEventResponse> {
    /** What a request loads beyond what building the function loaded, for SnapStart's priming (each in this jar). */
    static final List<String> PRIMED_CLASSES = List.of(
            "com.amazonaws.services.lambda.runtime.events.DynamodbEvent",
            "com.amazonaws.services.lambda.runtime.events.StreamsEventResponse",
            "ciment.delivery.StreamImages",
            "ciment.delivery.Outcome");
    /** Slack takes about one message a second per channel. */
    static final Duration SEND_INTERVAL = Duration.ofMillis(1100);

    /** Each message the dead-letter queue took (a hook for metering; nothing counts them yet). */
    static final Runnable DEAD_LETTER_SENT = () -> UsageMeter.countInRunning(Meter.QUEUE_REQUESTS);

    private final Deliveries deliveries;
    /** Meters each batch (issue 6): each record's work is its community's. */
    private final UsageMeter usage;
    /** The container's init, billed with its first invocation; 0 after. */
    private final AtomicLong initMillis;

    /**
     * Lambda's entry: the environment, with the bot token that template.yaml names by ARN (SLACK_BOT_TOKEN_ARN) read
     * first. In OAuth mode (SLACK_CLIENT_ID) each message goes with its workspace's installed bot token.
     */
    public SlackDeliveryFunction() {
        this(System.nanoTime(), Secrets.resolve(Settings.fromEnvironment()));
    }

    /**
     * For the local runner and tests: the same function on settings of their own. One table client serves
     * the outbox and the store that export-my-data's file is collected from.
     */
    public SlackDeliveryFunction(Settings settings) {
        this(System.nanoTime(), settings);
    }

    private SlackDeliveryFunction(long startedNanos, Settings settings) {
        // Before anything starts: without a list of workspaces, nothing would be delivered.
        AllowedWorkspaces workspaces = AllowedWorkspaces.fromSettings(settings);
        DynamoDbClient dynamo = DynamoClients.create(settings);
        CapacityMeter meter = CapacityMeter.forSettings(settings);
        DynamoRepositories store = DynamoRepositories.create(dynamo, settings.table(), meter);
        Clock clock = Clock.systemUTC();
        // One pace per channel for notices and mirrors alike.
        Pacing pacing = Pacing.every(SEND_INTERVAL);
        // OAuth installs: each workspace's bot token is in the table, sealed; this role may only open it.
        SlackInstallations installs = CimentSlackApp.isOAuth(settings)
                ? store.slackInstallations(TokenSeal.openingOnly(settings)) : null;
        this.deliveries = new Deliveries(new Outbox(dynamo, settings.table(), meter),
                new SlackNoticeSender(settings, store.repositories().personalRecords(), installs), clock, pacing,
                new Mirrors(new DynamoMirrors(dynamo, settings.table(), meter), store.repositories().links(),
                        new SlackMirrorSender(settings, store.repositories().people(), installs), pacing, clock),
                DeadLetters.fromSettings(settings, "ciment-slack-delivery", DEAD_LETTER_SENT))
                .servingOnly(workspaces::allowsWorkspace);
        this.usage = store.meterUsage(clock);
        deliveries.meteredBy(usage);
        // Mirroring is most of a community's cost: its budget is checked after each batch's flush too.
        usage.onFlushed(new BudgetWatch(store.repositories(), store.usage(), Finance.fromSettings(settings, store.usage()), clock)::check);
        SlackCalls.countWith(() -> UsageMeter.countInRunning(Meter.SLACK_CALLS));
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
