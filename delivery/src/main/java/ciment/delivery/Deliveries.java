package ciment.delivery;

import ciment.core.model.Notice;
import ciment.core.port.NoticeSender;
import ciment.infra.Outbox;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse.BatchItemFailure;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a delivery function does with a batch of the table's stream: each new outbox item of its sender's
 * platform is claimed, sent and marked delivered. A record that fails (an unreadable item, a send that
 * throws, a claim held by another attempt) is reported in {@code batchItemFailures}, so that Lambda retries
 * from it (and, after MaximumRetryAttempts, sends it to the dead-letter queue) while the rest of the batch
 * goes on; a retried record that was delivered already is skipped, so retries never send twice.
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

    public Deliveries(Outbox outbox, NoticeSender sender, Clock clock) {
        this(outbox, sender, clock, Pacing.NONE, null);
    }

    /** @param mirrors mirrors posts into linked channels, pacing with the same turns; null: notices only */
    public Deliveries(Outbox outbox, NoticeSender sender, Clock clock, Pacing pacing, Mirrors mirrors) {
        this.outbox = outbox;
        this.sender = sender;
        this.clock = clock;
        this.pacing = pacing;
        this.mirrors = mirrors;
    }

    public StreamsEventResponse handle(DynamodbEvent event) {
        List<BatchItemFailure> failures = new ArrayList<>();
        if (event.getRecords() != null) {
            for (DynamodbStreamRecord record : event.getRecords()) {
                if (!deliver(record) || (mirrors != null && !mirrors.mirror(record))) {
                    failures.add(BatchItemFailure.builder()
                            .withItemIdentifier(record.getDynamodb().getSequenceNumber()).build());
                }
            }
        }
        return StreamsEventResponse.builder().withBatchItemFailures(failures).build();
    }

    /** True when the record needs nothing more: delivered now or before, or not this function's. */
    private boolean deliver(DynamodbStreamRecord record) {
        Notice notice;
        try {
            Optional<Notice> found = noticeIn(record);
            if (found.isEmpty() || found.get().to().account().platform() != sender.platform()) {
                return true;
            }
            notice = found.get();
        } catch (RuntimeException unreadable) {
            LOG.error("record {} holds an outbox item that cannot be read: {}", sequence(record), unreadable.toString());
            return false;
        }
        Instant claimedAt = clock.instant();
        Outbox.Claim claim;
        try {
            claim = outbox.claim(notice.id(), claimedAt);
        } catch (RuntimeException e) {
            LOG.warn("notice {} not claimed: {}", notice.id(), e.toString());
            return false;
        }
        switch (claim) {
            case DELIVERED, GONE -> {
                return true;
            }
            case BUSY -> {
                LOG.warn("notice {} is claimed by another attempt: retry later", notice.id());
                return false;
            }
            case CLAIMED -> {
                return send(notice, claimedAt);
            }
        }
        throw new IllegalStateException("unknown claim " + claim);
    }

    private boolean send(Notice notice, Instant claimedAt) {
        try {
            pacing.awaitTurn(conversationOf(notice));
            sender.send(notice);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            LOG.warn("notice {} to {} not sent: {}", notice.id(), sender.platform().label(), e.toString());
            release(notice, claimedAt, e);
            return false;
        }
        try {
            outbox.delivered(notice.id(), clock.instant());
        } catch (RuntimeException e) {
            // Sent: retrying the record could only send it again. Its claim lapses unrecorded.
            LOG.error("notice {} was sent but not marked delivered: {}", notice.id(), e.toString());
        }
        return true;
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
