package ciment.delivery;

import ciment.core.model.Announcement;
import ciment.core.model.Notice;
import ciment.core.model.Platform;
import ciment.core.model.Post;
import ciment.core.service.AnnouncementFanOut;
import ciment.core.service.Delivery;
import ciment.core.service.DeliveryOutcome;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse.BatchItemFailure;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A delivery function's batch of the table's stream, handed to core's {@link Delivery} record by record: a new
 * outbox item's notice, a post or reply made or changed (its images before and after). A record that fails (a send
 * that throws, a claim held by another attempt) is reported in {@code batchItemFailures}, so that Lambda retries
 * from it (and, after MaximumRetryAttempts, sends it to the dead-letter queue) while the rest of the batch goes on.
 * A record that retrying cannot help (an item that cannot be read, a chat tool that refused for good) goes to
 * {@link DeadLetters} at once with its reason and counts as handled, unless the queue could not take it. Other
 * records (other items, removals) are skipped; the event source mapping's filter keeps most of them away.
 */
public final class Deliveries {
    /** What a batch loads beyond what building a delivery function loaded, for SnapStart's priming. */
    public static final List<String> REQUEST_CLASSES = List.of(
            "com.amazonaws.services.lambda.runtime.events.DynamodbEvent",
            "com.amazonaws.services.lambda.runtime.events.StreamsEventResponse",
            "ciment.delivery.StreamImages",
            "ciment.core.service.DeliveryOutcome");
    private static final Logger LOG = LoggerFactory.getLogger(Deliveries.class);
    private static final String INSERT = "INSERT";

    private final Delivery delivery;
    private final Function<Map<String, AttributeValue>, Optional<Notice>> notices;
    private final Function<Map<String, AttributeValue>, Optional<Post>> posts;
    private final DeadLetters deadLetters;
    private Scope scope = (community, work) -> work.get();
    /** Null: announcements are not sent from here. */
    private Announcing announcing;

    /**
     * @param notices     the notice an item holds, empty for any other item (the table's mapping: infra's Outbox)
     * @param posts       the post or reply an item holds, empty for any other item (infra's DynamoMirrors)
     * @param deadLetters where records given up for good are kept, with why
     */
    public Deliveries(Delivery delivery, Function<Map<String, AttributeValue>, Optional<Notice>> notices,
            Function<Map<String, AttributeValue>, Optional<Post>> posts, DeadLetters deadLetters) {
        this.delivery = delivery;
        this.notices = notices;
        this.posts = posts;
        this.deadLetters = deadLetters;
    }

    /** Delivers only into these workspaces: see {@link Delivery#servingOnly}. */
    public Deliveries servingOnly(Predicate<String> workspaces) {
        delivery.servingOnly(workspaces);
        return this;
    }

    /**
     * Also sends announcements to every member, a step (a page of members) per new announcement or step item: the
     * fan-out writes outbox notices, which the delivery functions then deliver as any other.
     *
     * @param steps the step an item is, empty for any other item (infra's DynamoAnnouncements)
     * @param tool  this function's chat tool: only the announcer's tool sends an announcement
     */
    public Deliveries announcing(Function<Map<String, AttributeValue>, Optional<Announcement.Expansion>> steps,
            AnnouncementFanOut fanOut, Platform tool) {
        this.announcing = new Announcing(steps, fanOut, tool);
        return this;
    }

    private record Announcing(Function<Map<String, AttributeValue>, Optional<Announcement.Expansion>> steps,
            AnnouncementFanOut fanOut, Platform tool) {
    }

    /** Meters each record's work as its community's (issue 6): a post's or reply's record has pk C#<id>. */
    public Deliveries meteredBy(Scope scope) {
        this.scope = scope;
        return this;
    }

    public StreamsEventResponse handle(DynamodbEvent event) {
        return handle(event, null);
    }

    /**
     * @param timeLeft what is left of the invocation (Lambda's context), for waits that must end before it does;
     *                 null: no bound
     */
    public StreamsEventResponse handle(DynamodbEvent event, Duration timeLeft) {
        Instant deadline = delivery.deadline(timeLeft);
        List<BatchItemFailure> failures = new ArrayList<>();
        if (event.getRecords() != null) {
            for (DynamodbStreamRecord record : event.getRecords()) {
                DeliveryOutcome outcome = scope.within(communityOf(record), () -> work(record, deadline));
                if (outcome.retry() || !keptIfGivenUp(record, outcome)) {
                    failures.add(BatchItemFailure.builder()
                            .withItemIdentifier(record.getDynamodb().getSequenceNumber()).build());
                }
            }
        }
        return StreamsEventResponse.builder().withBatchItemFailures(failures).build();
    }

    private DeliveryOutcome work(DynamodbStreamRecord record, Instant deadline) {
        DeliveryOutcome outcome = notice(record);
        if (announcing != null) {
            outcome = outcome.and(announcement(record, deadline));
        }
        return delivery.readsPosts() ? outcome.and(post(record, deadline)) : outcome;
    }

    /**
     * A new announcement, or its next step, sent to a page of members; a step that failed is retried whole (it
     * writes the same notices again, which are not new, so nobody is told twice).
     */
    private DeliveryOutcome announcement(DynamodbStreamRecord record, Instant deadline) {
        if (!INSERT.equals(record.getEventName()) || record.getDynamodb() == null
                || record.getDynamodb().getNewImage() == null) {
            return DeliveryOutcome.DONE;
        }
        Optional<Announcement.Expansion> step;
        try {
            step = announcing.steps().apply(StreamImages.item(record.getDynamodb().getNewImage()));
        } catch (RuntimeException unreadable) {
            return DeliveryOutcome.givenUp("the announcement item cannot be read: " + unreadable);
        }
        if (step.isEmpty()) {
            return DeliveryOutcome.DONE;
        }
        try {
            int told = announcing.fanOut().step(step.get(), announcing.tool(), deadline);
            LOG.info("announcement {} step {}: {} members told", step.get().announcement().reference(),
                    step.get().page(), told);
            return DeliveryOutcome.DONE;
        } catch (RuntimeException e) {
            LOG.warn("announcement {} step {} failed, to retry: {}", step.get().announcement().reference(),
                    step.get().page(), e.toString());
            return DeliveryOutcome.of(false);
        }
    }

    /** The community whose partition the record's item is in, or null (a notice: its own partition). */
    static String communityOf(DynamodbStreamRecord record) {
        if (record.getDynamodb() == null || record.getDynamodb().getKeys() == null
                || record.getDynamodb().getKeys().get("pk") == null) {
            return null;
        }
        String pk = record.getDynamodb().getKeys().get("pk").getS();
        return pk != null && pk.startsWith("C#") && pk.length() > 2 ? pk.substring(2) : null;
    }

    /** A new outbox item's notice, delivered; an item that cannot be read is a poison record, given up. */
    private DeliveryOutcome notice(DynamodbStreamRecord record) {
        Optional<Notice> notice;
        try {
            notice = INSERT.equals(record.getEventName()) && record.getDynamodb() != null
                    && record.getDynamodb().getNewImage() != null
                    ? notices.apply(StreamImages.item(record.getDynamodb().getNewImage())) : Optional.empty();
        } catch (RuntimeException unreadable) {
            LOG.error("record {} holds an outbox item that cannot be read: {}", sequence(record),
                    unreadable.toString());
            return DeliveryOutcome.givenUp("the outbox item cannot be read: " + unreadable);
        }
        return notice.map(delivery::notice).orElse(DeliveryOutcome.DONE);
    }

    /** A post or reply made or changed, mirrored; a post item that cannot be read is a poison record, given up. */
    private DeliveryOutcome post(DynamodbStreamRecord record, Instant deadline) {
        var images = record.getDynamodb();
        if (images == null || images.getNewImage() == null) {
            return DeliveryOutcome.DONE;
        }
        Optional<Post> now;
        Optional<Post> before;
        try {
            now = posts.apply(StreamImages.item(images.getNewImage()));
            before = images.getOldImage() == null || now.isEmpty() ? Optional.empty()
                    : posts.apply(StreamImages.item(images.getOldImage()));
        } catch (RuntimeException unreadable) {
            return DeliveryOutcome.givenUp("the post item cannot be read: " + unreadable);
        }
        return now.map(post -> delivery.post(before, post, deadline)).orElse(DeliveryOutcome.DONE);
    }

    /**
     * A record given up (with nothing left to retry) goes to the dead-letter queue: true when kept there, or
     * when nothing was given up; false when the queue refused it, for Lambda to retry the record.
     */
    private boolean keptIfGivenUp(DynamodbStreamRecord record, DeliveryOutcome outcome) {
        if (outcome.givenUp().isEmpty()) {
            return true;
        }
        try {
            deadLetters.send(String.join("; ", outcome.givenUp()), DeadLetters.Summary.of(record));
            return true;
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            LOG.error("record {} was given up ({}) but the dead-letter queue did not take it: {}", sequence(record),
                    outcome.givenUp(), e.toString());
            return false;
        }
    }

    private static String sequence(DynamodbStreamRecord record) {
        return record.getDynamodb() == null ? "?" : record.getDynamodb().getSequenceNumber();
    }

    /** Runs a record's work as its community's (the container's usage meter); null: a notice's, nobody's. */
    @FunctionalInterface
    public interface Scope {
        DeliveryOutcome within(String communityId, Supplier<DeliveryOutcome> work);
    }
}
