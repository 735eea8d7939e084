package ciment.infra.lambda;

import ciment.core.config.Settings;
import ciment.core.cost.Meter;
import ciment.core.i18n.Language;
import ciment.core.model.Announcement;
import ciment.core.model.Notice;
import ciment.core.model.Post;
import ciment.core.port.Repositories;
import ciment.core.port.Senders;
import ciment.core.service.AnnouncementFanOut;
import ciment.core.service.Delivery;
import ciment.core.service.FollowUps;
import ciment.infra.aws.DynamoClients;
import ciment.infra.aws.SqsDeadLetters;
import ciment.infra.aws.TokenSeal;
import ciment.infra.dynamo.CapacityMeter;
import ciment.infra.dynamo.DynamoAnnouncements;
import ciment.infra.dynamo.DynamoMirrors;
import ciment.infra.dynamo.DynamoRepositories;
import ciment.infra.dynamo.DynamoSlackInstallations;
import ciment.infra.dynamo.Outbox;
import ciment.infra.metering.UsageMeter;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The table side of a delivery function, made once per container on one client: the outbox, the copies of posts,
 * the store (links, the people a sender reads, installs), how the stream's items read, the dead-letter queue, and
 * the usage meter, whose flush checks the budgets of the communities a batch touched (mirroring is most of a
 * community's cost). The one place the delivery functions wire the table's repositories.
 */
public final class DeliveryTable {
    private final DynamoRepositories store;
    private final Outbox outbox;
    private final DynamoMirrors copies;
    private final UsageMeter usage;
    private final Optional<SqsDeadLetters> deadLetters;
    private final Clock clock;
    private final Settings settings;

    private DeliveryTable(Settings settings, LambdaFrame frame, Clock clock) {
        DynamoDbClient dynamo = DynamoClients.create(settings);
        CapacityMeter meter = CapacityMeter.forSettings(settings);
        this.store = DynamoRepositories.create(dynamo, settings.table(), meter);
        this.outbox = new Outbox(dynamo, settings.table(), meter);
        this.copies = new DynamoMirrors(dynamo, settings.table(), meter);
        this.usage = FunctionTable.budgeted(store, settings);
        this.deadLetters = SqsDeadLetters.fromSettings(settings, frame.counting(Meter.QUEUE_REQUESTS));
        this.clock = clock;
        this.settings = settings;
    }

    /** The table of the frame's settings, its dead letters metered in the frame. */
    public static DeliveryTable of(LambdaFrame frame) {
        return of(frame, Clock.systemUTC());
    }

    /** @param clock when claims are made and found lapsed (tests: an attempt that stopped long ago) */
    public static DeliveryTable of(LambdaFrame frame, Clock clock) {
        return new DeliveryTable(frame.settings(), frame, clock);
    }

    /**
     * Delivery through {@code senders}' tool, on this table; the followers of threads told of the changes made from
     * that tool, in the deployment's language when theirs is not known.
     */
    public Delivery delivery(Senders senders) {
        return new Delivery(outbox, copies, store.repositories().links(), senders, clock)
                .followingUp(FollowUps.over(store.repositories(), senders.channels(), clock));
    }

    public Repositories store() {
        return store.repositories();
    }

    /** The Slack app's installs (OAuth mode), each bot token sealed: this role may only open them. */
    public DynamoSlackInstallations slackInstallations() {
        return store.slackInstallations(TokenSeal.openingOnly(settings));
    }

    public UsageMeter usage() {
        return usage;
    }

    /** The queue CIMENT_DEAD_LETTER_QUEUE_URL names, each message it takes metered; empty when none is named. */
    public Optional<SqsDeadLetters> deadLetters() {
        return deadLetters;
    }

    /** The notice an outbox item (as the stream shows it) holds; empty for any other item. */
    public Optional<Notice> notice(Map<String, AttributeValue> item) {
        return Outbox.notice(item);
    }

    /** The post or reply an item (as the stream shows it) holds; empty for any other item. */
    public Optional<Post> post(Map<String, AttributeValue> item) {
        return DynamoMirrors.post(item);
    }

    /** The step of sending an announcement an item (as the stream shows it) is; empty for any other item. */
    public Optional<Announcement.Expansion> announcement(Map<String, AttributeValue> item) {
        return DynamoAnnouncements.expansion(item);
    }

    /** Sends announcements to every member, a step at a time, on this table, in {@code fallback} when unknown. */
    public AnnouncementFanOut fanOut(Language fallback) {
        return new AnnouncementFanOut(store.repositories().announcements(), store.repositories().people(), fallback);
    }

    /** The table's warm-up read, before a snapshot. */
    public void prime() {
        store.prime();
    }
}
