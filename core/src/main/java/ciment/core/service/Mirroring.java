package ciment.core.service;

import ciment.core.i18n.Language;
import ciment.core.model.Link;
import ciment.core.model.Post;
import ciment.core.port.Links;
import ciment.core.port.MirrorCopies;
import ciment.core.port.MirrorCopies.Claim;
import ciment.core.port.MirrorCopies.Copy;
import ciment.core.port.MirrorSender;
import ciment.core.port.Pacing;
import ciment.core.port.Refused;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Mirroring, for one chat tool (part of {@link Delivery}): a new post or reply is sent to each channel of that tool
 * linked to its community, except where it shows already (its origin, an earlier copy); a change to a post (an
 * edit, a hide, a deletion, its reactions) reaches every copy the bot sent. Each copy is claimed before it is sent
 * and recorded with its message after, so a retried record never sends it twice; between the send and the record
 * lies the one window where an attempt that stops (killed, timed out) or gets no answer (a timeout, a 5xx) may
 * leave a copy unrecorded. A send that got no answer leaves its claim lapsed, not taken back; a claim held by
 * another attempt is waited for until it lapses (within this invocation's time); and before a lapsed or held
 * claim's copy is sent, the sender looks for it where the tool allows (Slack's message metadata): found, it is
 * recorded, not sent again. Where the tool cannot be searched (Teams) it is sent again: that window can show a
 * post twice. A channel whose tool refused for good ({@link Refused}) gives the record up with why, while the
 * other channels get their copies.
 */
final class Mirroring {
    private static final System.Logger LOG = System.getLogger(Mirroring.class.getName());
    /** A Retry-After this short is waited for within the invocation; a longer one fails the record, retried later. */
    static final Duration WAIT_AT_MOST = Duration.ofSeconds(5);
    /** What a wait for another attempt's claim leaves of the invocation, to claim and send after it. */
    static final Duration AFTER_A_WAIT = Duration.ofSeconds(1);
    /** How often a claim held by another attempt is looked at again while waiting for it. */
    private static final Duration LOOK_AGAIN_EVERY = Duration.ofSeconds(1);

    private final MirrorCopies copies;
    private final Links links;
    private final MirrorSender sender;
    private final Pacing pacing;
    private final Clock clock;
    /** The language of a channel whose stewards set none: each link is handed to the sender with its own. */
    private final Language channels;
    private Predicate<String> served = workspace -> true;

    Mirroring(MirrorCopies copies, Links links, MirrorSender sender, Pacing pacing, Clock clock, Language channels) {
        this.copies = copies;
        this.links = links;
        this.sender = sender;
        this.pacing = pacing;
        this.clock = clock;
        this.channels = channels;
    }

    /**
     * Mirrors only into channels of these workspaces (the deployment's allow-list). A channel of a workspace taken
     * off the list gets no new copy and no edit; a copy sent there before is still hidden or deleted with its post,
     * as that only takes away.
     */
    void servingOnly(Predicate<String> workspaces) {
        this.served = workspaces;
    }

    /** A post made (no {@code before}) or changed: see {@link Delivery#post}. */
    DeliveryOutcome mirror(Optional<Post> before, Post now, Instant deadline) {
        try {
            return before.isEmpty() ? sendEverywhere(now, deadline) : changeEverywhere(before.get(), now);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return DeliveryOutcome.RETRY;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "post {0} not mirrored to {1}: {2}", now.reference(), sender.platform().label(),
                    e.toString());
            return DeliveryOutcome.RETRY;
        }
    }

    private DeliveryOutcome sendEverywhere(Post post, Instant deadline) throws InterruptedException {
        DeliveryOutcome done = DeliveryOutcome.DONE;
        for (Link link : linksOf(post)) {
            if (served(link, post)) {
                done = done.and(sendTo(link, post, deadline));
            }
        }
        return done;
    }

    private DeliveryOutcome sendTo(Link link, Post post, Instant deadline) throws InterruptedException {
        String conversation = link.channel().id();
        Claim claim = copies.claim(post, sender.platform(), conversation, clock.instant(), deadline);
        if (claim == Claim.BUSY && foundEarlier(link, post)) {
            return DeliveryOutcome.DONE; // an attempt that stopped had sent it: recorded now
        }
        if (claim == Claim.BUSY) {
            claim = awaitClaim(post, conversation, deadline);
        }
        switch (claim) {
            case SENT -> {
                return DeliveryOutcome.DONE;
            }
            case BUSY -> {
                LOG.log(Level.INFO, "copy of {0} in {1} is being sent by another attempt", post.reference(),
                        link.channel().label());
                return DeliveryOutcome.RETRY;
            }
            case LAPSED -> {
                if (foundEarlier(link, post)) {
                    return DeliveryOutcome.DONE;
                }
            }
            case CLAIMED -> {
            }
        }
        Optional<String> thread = post.isReply() ? threadOf(post, conversation) : Optional.empty();
        String[] message = new String[1];
        Tried sent = attempt(link, post.reference(), () -> message[0] = sender.send(link, post, thread));
        if (sent.outcome().isDone()) {
            return recorded(post, conversation, message[0]);
        }
        if (sent.maybeDone()) {
            // No answer: the tool may have taken it. The next attempt looks for it before sending again.
            copies.lapse(post, sender.platform(), conversation);
        } else {
            // Not sent: a retry claims it again at once (and a refusal, given up, is met again if it comes).
            copies.release(post, sender.platform(), conversation);
        }
        return sent.outcome();
    }

    /** An earlier attempt's copy, where the tool lets it be found: recorded as sent. */
    private boolean foundEarlier(Link link, Post post) {
        Optional<String> thread = post.isReply() ? threadOf(post, link.channel().id()) : Optional.empty();
        Optional<String> earlier = sender.findEarlier(link, post, thread);
        earlier.ifPresent(message -> copies.sent(post, sender.platform(), link.channel().id(), message));
        return earlier.isPresent();
    }

    /** A copy sent: recorded. When the record fails, the claim stays, so that a retry looks before sending again. */
    private DeliveryOutcome recorded(Post post, String conversation, String message) {
        try {
            copies.sent(post, sender.platform(), conversation, message);
            return DeliveryOutcome.DONE;
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "copy of {0} in {1} was sent as {2} but not recorded: {3}", post.reference(),
                    conversation, message, e.toString());
            return DeliveryOutcome.RETRY;
        }
    }

    /**
     * A claim another attempt holds: waited for until that attempt sent the copy or its claim lapsed (the attempt
     * ended: its invocation's deadline passed), as long as this invocation has time left (a retry, started after
     * the attempt it follows, has more); BUSY when it lapses later, for a later attempt to go on waiting.
     */
    private Claim awaitClaim(Post post, String conversation, Instant deadline) throws InterruptedException {
        Instant now = clock.instant();
        Instant lapses = copies.lapsesAt(post, sender.platform(), conversation).orElse(now);
        Instant until = deadline.equals(Instant.MAX) || lapses.isBefore(deadline.minus(AFTER_A_WAIT)) ? lapses
                : deadline.minus(AFTER_A_WAIT);
        // Real time bounds the wait too: a clock that does not move (a test's) cannot hold it for good.
        long endsNanos = System.nanoTime() + Math.max(0, Duration.between(now, until).toNanos());
        while (true) {
            long left = Math.min(Duration.between(clock.instant(), until).toNanos(), endsNanos - System.nanoTime());
            Thread.sleep(Duration.ofNanos(Math.max(0, Math.min(left, LOOK_AGAIN_EVERY.toNanos()))).plusMillis(10));
            Claim claim = copies.claim(post, sender.platform(), conversation, clock.instant(), deadline);
            if (claim != Claim.BUSY || !clock.instant().isBefore(until) || System.nanoTime() >= endsNanos) {
                return claim;
            }
        }
    }

    /** An edit, a hide, a deletion or new counts: every copy the bot sent shows the post as it is now. */
    private DeliveryOutcome changeEverywhere(Post before, Post now) throws InterruptedException {
        if (!shownDifferently(before, now)) {
            return DeliveryOutcome.DONE;
        }
        Map<String, Link> mine = linksOf(now).stream()
                .collect(Collectors.toMap(l -> l.channel().id(), l -> l, (a, b) -> a));
        DeliveryOutcome done = DeliveryOutcome.DONE;
        for (Copy copy : copies.copiesOf(now.id())) {
            Link link = mine.get(copy.conversationId());
            if (copy.platform() != sender.platform() || copy.origin() || !copy.sent() || link == null
                    || !(now.isRemoved() || now.isHidden()) && !served(link, now)) {
                continue;
            }
            done = done.and(attempt(link, now.reference(), now.isRemoved()
                    ? () -> sender.delete(link, copy.messageId())
                    : () -> sender.update(link, copy.messageId(), now)).outcome());
        }
        return done;
    }

    private boolean served(Link link, Post post) {
        if (served.test(link.channel().workspace())) {
            return true;
        }
        LOG.log(Level.WARNING, "{0} not mirrored to {1}: workspace {2} is not served (allow-list)", post.reference(),
                link.channel().label(), link.channel().workspace());
        return false;
    }

    private static boolean shownDifferently(Post before, Post now) {
        return !Objects.equals(before.text(), now.text()) || before.isRemoved() != now.isRemoved()
                || before.isHidden() != now.isHidden() || !before.reactions().equals(now.reactions())
                || before.replyCount() != now.replyCount()
                // the latest reply's preview: a reply edited, or hidden or deleted (its words leave the copies too)
                || !Objects.equals(before.latestReply(), now.latestReply());
    }

    private Optional<String> threadOf(Post reply, String conversation) {
        return copies.copiesOf(reply.rootId()).stream()
                .filter(copy -> copy.platform() == sender.platform() && copy.conversationId().equals(conversation)
                        && copy.sent())
                .map(Copy::messageId).findFirst();
    }

    private List<Link> linksOf(Post post) {
        return links.links(post.communityId()).stream()
                .filter(link -> link.channel().platform() == sender.platform())
                .map(link -> link.language().isPresent() ? link : link.speaking(Optional.of(channels))).toList();
    }

    @FunctionalInterface
    private interface Send {
        void run() throws Exception;
    }

    /** How a call to the tool went, and whether the tool may have done it all the same (it gave no answer). */
    private record Tried(DeliveryOutcome outcome, boolean maybeDone) {
    }

    /**
     * One call in its conversation's turn; a short Retry-After is waited for once; a refusal for good gives the
     * copy up, anything else fails the record (and, but for a 429, may have been done: no answer came).
     */
    private Tried attempt(Link link, String post, Send send) throws InterruptedException {
        String conversation = sender.platform().key() + "#" + link.channel().id();
        for (int tries = 1; ; tries++) {
            pacing.awaitTurn(conversation);
            try {
                send.run();
                return new Tried(DeliveryOutcome.DONE, true);
            } catch (MirrorSender.RetryAfter later) {
                if (tries > 1 || later.waitFor().compareTo(WAIT_AT_MOST) > 0) {
                    LOG.log(Level.WARNING, "{0} in {1}: {2} asks to wait {3}; the record is retried", post,
                            link.channel().label(), sender.platform().label(), later.waitFor());
                    return new Tried(DeliveryOutcome.RETRY, false);
                }
                Thread.sleep(later.waitFor());
            } catch (Refused refused) {
                return new Tried(DeliveryOutcome.givenUp(post + " in " + link.channel().label() + ": "
                        + refused.getMessage()), false);
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                LOG.log(Level.WARNING, "{0} not mirrored to {1}: {2}", post, link.channel().label(), e.toString());
                return new Tried(DeliveryOutcome.RETRY, true);
            }
        }
    }
}
