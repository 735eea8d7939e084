package ciment.delivery;

import ciment.core.model.Notice;
import ciment.core.port.NoticeSender;
import ciment.core.port.Refused;
import ciment.infra.Outbox;
import ciment.infra.UsageMeter;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse.BatchItemFailure;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a delivery function does with a batch of the table's stream: each new outbox item of its sender's
 * platform is claimed, sent and marked delivered. A record that fails (an unreadable item, a send that
 * throws, a claim held by another attempt) is reported in {@code batchItemFailures}, so that Lambda retries
 * from it (and, after MaximumRetryAttempts, sends it to the dead-letter queue) while the rest of the batch
 * goes on; a retried record that was delivered already is skipped, so retries never send twice. A record
 * that retrying cannot help (an item that cannot be read, a chat tool that refused for good) goes to
 * {@link DeadLetters} at once with its reason and counts as handled, unless the queue could not take it.
 * Posts and replies, new or changed, go to {@link Mirrors} (when the function mirrors): into the channels of
 * its tool linked to their community. Other records (other platforms, other items, removals) are skipped;
 * the event source mapping's filter keeps most of them away.
 */
public final class Deliveries {
    private static final Logger LOG = LoggerFactory.getLogger(Deliveries.class);
    private static final String INSERT = "INSERT";

    private final Outbox outbox;
    private final NoticeSender sender;
    private final Clock clock;
    private final Pacing pacing;
    private final Mirrors mirrors;
    private final DeadLetters deadLetters;
    private UsageMeter usage;
    private Predicate<String> served = workspace -> true;

    public Deliveries(Outbox outbox, NoticeSender sender, Clock clock) {
        this(outbox, sender, clock, Pacing.NONE, null);
    }

    /** @param mirrors mirrors posts into linked channels, pacing with the same turns; null: notices only */
    public Deliveries(Outbox outbox, NoticeSender sender, Clock clock, Pacing pacing, Mirrors mirrors) {
        this(outbox, sender, clock, pacing, mirrors, DeadLetters.LOG_ONLY);
    }

    /** @param deadLetters where records given up for good are kept, with why */
    public Deliveries(Outbox outbox, NoticeSender sender, Clock clock, Pacing pacing, Mirrors mirrors,
            DeadLetters deadLetters) {
        this.outbox = outbox;
        this.sender = sender;
        this.clock = clock;
        this.pacing = pacing;
        this.mirrors = mirrors;
        this.deadLetters = deadLetters;
    }

    public StreamsEventResponse handle(DynamodbEvent event) {
        return handle(event, null);
    }

    /**
     * @param timeLeft what is left of the invocation (Lambda's context), for waits that must end before it does;
     *                 null: no bound
     */
    public StreamsEventResponse handle(DynamodbEvent event, Duration timeLeft) {
        Instant deadline = timeLeft == null ? Instant.MAX : clock.instant().plus(timeLeft);
        List<BatchItemFailure> failures = new ArrayList<>();
        if (event.getRecords() != null) {
            for (DynamodbStreamRecord record : event.getRecords()) {
                Outcome outcome = usage == null ? work(record, deadline)
                        : usage.within(communityOf(record), () -> work(record, deadline));
                if (outcome.retry() || !keptIfGivenUp(record, outcome)) {
                    failures.add(BatchItemFailure.builder()
                            .withItemIdentifier(record.getDynamodb().getSequenceNumber()).build());
                }
            }
        }
        return StreamsEventResponse.builder().withBatchItemFailures(failures).build();
    }

    private Outcome work(DynamodbStreamRecord record, Instant deadline) {
        Outcome outcome = deliver(record);
        if (mirrors != null) {
            outcome = outcome.and(mirrors.mirror(record, deadline));
        }
        return outcome;
    }

    /**
     * Delivers only into these workspaces (Slack team ids, Teams tenants: the deployment's allow-list). A notice to
     * someone elsewhere is dropped unsent and unclaimed (logged, not a dead letter: taking a workspace off the
     * list is a decision, not a failure); mirrors likewise (see {@link Mirrors#servingOnly}).
     */
    public Deliveries servingOnly(Predicate<String> workspaces) {
        this.served = workspaces;
        if (mirrors != null) {
            mirrors.servingOnly(workspaces);
        }
        return this;
    }

    /** Meters each record's work as its community's (issue 6): a post's or reply's record has pk C#<id>. */
    public Deliveries meteredBy(UsageMeter usage) {
        this.usage = usage;
        return this;
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

    /**
     * A record given up (with nothing left to retry) goes to the dead-letter queue: true when kept there, or
     * when nothing was given up; false when the queue refused it, for Lambda to retry the record.
     */
    private boolean keptIfGivenUp(DynamodbStreamRecord record, Outcome outcome) {
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

    /** Done when the record needs nothing more: delivered now or before, or not this function's. */
    private Outcome deliver(DynamodbStreamRecord record) {
        Notice notice;
        try {
            Optional<Notice> found = noticeIn(record);
            if (found.isEmpty() || found.get().to().account().platform() != sender.platform()) {
                return Outcome.DONE;
            }
            notice = found.get();
            if (!served.test(notice.to().account().workspace())) {
                LOG.warn("notice {} not sent: {} workspace {} is not served (allow-list)", notice.id(),
                        sender.platform().label(), notice.to().account().workspace());
                return Outcome.DONE;
            }
        } catch (RuntimeException unreadable) {
            LOG.error("record {} holds an outbox item that cannot be read: {}", sequence(record), unreadable.toString());
            return Outcome.givenUp("the outbox item cannot be read: " + unreadable);
        }
        Instant claimedAt = clock.instant();
        Outbox.Claim claim;
        try {
            claim = outbox.claim(notice.id(), claimedAt);
        } catch (RuntimeException e) {
            LOG.warn("notice {} not claimed: {}", notice.id(), e.toString());
            return Outcome.RETRY;
        }
        switch (claim) {
            case DELIVERED, GONE -> {
                return Outcome.DONE;
            }
            case BUSY -> {
                LOG.warn("notice {} is claimed by another attempt: retry later", notice.id());
                return Outcome.RETRY;
            }
            case CLAIMED -> {
                return send(notice, claimedAt);
            }
        }
        throw new IllegalStateException("unknown claim " + claim);
    }

    private Outcome send(Notice notice, Instant claimedAt) {
        try {
            pacing.awaitTurn(conversationOf(notice));
            sender.send(notice);
        } catch (Refused refused) {
            release(notice, claimedAt, refused);
            return Outcome.givenUp("notice " + notice.id() + ": " + refused.getMessage());
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            LOG.warn("notice {} to {} not sent: {}", notice.id(), sender.platform().label(), e.toString());
            release(notice, claimedAt, e);
            return Outcome.RETRY;
        }
        try {
            outbox.delivered(notice.id(), clock.instant());
        } catch (RuntimeException e) {
            // Sent: retrying the record could only send it again. Its claim lapses unrecorded.
            LOG.error("notice {} was sent but not marked delivered: {}", notice.id(), e.toString());
        }
        return Outcome.DONE;
    }

    private void release(Notice notice, Instant claimedAt, Exception why) {
        try {
            outbox.released(notice.id(), claimedAt, why.toString());
        } catch (RuntimeException e) {
            // The claim then lapses after Outbox.CLAIM_LASTS, and a later retry takes it.
            LOG.warn("notice {}'s claim not released: {}", notice.id(), e.toString());
        }
    }

    private static Optional<Notice> noticeIn(DynamodbStreamRecord record) {
        if (!INSERT.equals(record.getEventName()) || record.getDynamodb() == null
                || record.getDynamodb().getNewImage() == null) {
            return Optional.empty();
        }
        return Outbox.notice(StreamImages.item(record.getDynamodb().getNewImage()));
    }

    /** The conversation a notice goes into, for pacing: the account's direct messages, or where they asked. */
    private static String conversationOf(Notice notice) {
        var to = notice.to();
        return to.account().platform().key() + "#" + (to.isDirect() ? to.account().userId() : to.conversationId());
    }

    private static String sequence(DynamodbStreamRecord record) {
        return record.getDynamodb() == null ? "?" : record.getDynamodb().getSequenceNumber();
    }
}
