package ciment.core.service;

import ciment.core.model.Notice;
import ciment.core.model.Post;
import ciment.core.port.Links;
import ciment.core.port.MirrorCopies;
import ciment.core.port.Outbox;
import ciment.core.port.Refused;
import ciment.core.port.Senders;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Delivery through one chat tool, as its delivery function does it for each record of the table's stream: a
 * notice to someone of that tool is claimed, sent and marked delivered (a claim held by another attempt, or a send
 * that failed, is for a later retry; a retried notice delivered already is not sent again); a post or reply made
 * or changed is mirrored into the channels of that tool linked to its community ({@link Mirroring}). A tool that
 * refused for good gives the notice up, with why. Nothing is sent into a workspace off the deployment's allow-list.
 */
public final class Delivery {
    private static final System.Logger LOG = System.getLogger(Delivery.class.getName());

    private final Outbox outbox;
    private final Senders senders;
    private final Clock clock;
    /** Null: notices only. */
    private final Mirroring mirroring;
    /** Null: the followers of threads are told by no one here. */
    private FollowUps followUps;
    private Predicate<String> served = workspace -> true;

    /** @param copies where copies of posts are claimed and recorded (with links: unused when nothing is mirrored) */
    public Delivery(Outbox outbox, MirrorCopies copies, Links links, Senders senders, Clock clock) {
        this.outbox = outbox;
        this.senders = senders;
        this.clock = clock;
        this.mirroring = senders.mirrors() == null ? null
                : new Mirroring(copies, links, senders.mirrors(), senders.pacing(), clock, senders.channels());
    }

    /**
     * Delivers only into these workspaces (Slack team ids, Teams tenants: the deployment's allow-list). A notice to
     * someone elsewhere is dropped unsent and unclaimed (logged, not given up: taking a workspace off the list is a
     * decision, not a failure); a channel there gets no new copy and no edit, but a copy sent there before is still
     * hidden or deleted with its post, as that only takes away.
     */
    public Delivery servingOnly(Predicate<String> workspaces) {
        this.served = workspaces;
        if (mirroring != null) {
            mirroring.servingOnly(workspaces);
        }
        return this;
    }

    /**
     * Tells the followers of a thread of each change made from this tool ({@link Post#origin()}): the other tool's
     * delivery function, which sees the same record, leaves it, so each change is told once.
     */
    public Delivery followingUp(FollowUps told) {
        this.followUps = told;
        return this;
    }

    /** When an invocation with {@code timeLeft} ends, on this clock (null: it has no bound). */
    public Instant deadline(Duration timeLeft) {
        return timeLeft == null ? Instant.MAX : clock.instant().plus(timeLeft);
    }

    /** Done when the notice needs nothing more: delivered now or before, or not this tool's. */
    public DeliveryOutcome notice(Notice notice) {
        if (notice.to().account().platform() != senders.platform()) {
            return DeliveryOutcome.DONE;
        }
        if (!served.test(notice.to().account().workspace())) {
            LOG.log(Level.WARNING, "notice {0} not sent: {1} workspace {2} is not served (allow-list)", notice.id(),
                    senders.platform().label(), notice.to().account().workspace());
            return DeliveryOutcome.DONE;
        }
        Instant claimedAt = clock.instant();
        Outbox.Claim claim;
        try {
            claim = outbox.claim(notice.id(), claimedAt);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "notice {0} not claimed: {1}", notice.id(), e.toString());
            return DeliveryOutcome.RETRY;
        }
        return switch (claim) {
            case DELIVERED, GONE -> DeliveryOutcome.DONE;
            case BUSY -> {
                LOG.log(Level.WARNING, "notice {0} is claimed by another attempt: retry later", notice.id());
                yield DeliveryOutcome.RETRY;
            }
            case CLAIMED -> send(notice, claimedAt);
        };
    }

    /**
     * Done when the post needs nothing more from this tool (mirrored now or before, or mirrored by nothing); given up
     * when a channel refused its copy for good. {@code before} is the post as it was, for a change.
     *
     * @param deadline when this invocation ends (this clock's time): waits for another attempt end before it
     */
    public DeliveryOutcome post(Optional<Post> before, Post now, Instant deadline) {
        DeliveryOutcome mirrored = mirroring == null ? DeliveryOutcome.DONE : mirroring.mirror(before, now, deadline);
        return followUps == null || now.origin() != senders.platform() ? mirrored : mirrored.and(followUp(before, now));
    }

    /** Whether posts are mirrored or their threads' followers told here (else a record's post is not even read). */
    public boolean readsPosts() {
        return mirroring != null || followUps != null;
    }

    /** A change told again when its record is retried is told once: marks and notices are kept by change. */
    private DeliveryOutcome followUp(Optional<Post> before, Post now) {
        try {
            followUps.changed(before, now);
            return DeliveryOutcome.DONE;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "followers of {0} not told: {1}", now.reference(), e.toString());
            return DeliveryOutcome.RETRY;
        }
    }

    private DeliveryOutcome send(Notice notice, Instant claimedAt) {
        try {
            senders.pacing().awaitTurn(conversationOf(notice));
            senders.notices().send(notice);
        } catch (Refused refused) {
            release(notice, claimedAt, refused);
            return DeliveryOutcome.givenUp("notice " + notice.id() + ": " + refused.getMessage());
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            LOG.log(Level.WARNING, "notice {0} to {1} not sent: {2}", notice.id(), senders.platform().label(),
                    e.toString());
            release(notice, claimedAt, e);
            return DeliveryOutcome.RETRY;
        }
        try {
            outbox.delivered(notice, clock.instant());
        } catch (RuntimeException e) {
            // Sent: retrying the record could only send it again. Its claim lapses unrecorded.
            LOG.log(Level.ERROR, "notice {0} was sent but not marked delivered: {1}", notice.id(), e.toString());
        }
        return DeliveryOutcome.DONE;
    }

    private void release(Notice notice, Instant claimedAt, Exception why) {
        try {
            outbox.released(notice.id(), claimedAt, why.toString());
        } catch (RuntimeException e) {
            // The claim then lapses, and a later retry takes it.
            LOG.log(Level.WARNING, "claim of notice {0} not released: {1}", notice.id(), e.toString());
        }
    }

    /** The conversation a notice goes into, for pacing: the account's direct messages, or where they asked. */
    private static String conversationOf(Notice notice) {
        var to = notice.to();
        return to.account().platform().key() + "#" + (to.isDirect() ? to.account().userId() : to.conversationId());
    }
}
