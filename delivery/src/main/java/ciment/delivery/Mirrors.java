package ciment.delivery;

import ciment.core.model.Link;
import ciment.core.model.Post;
import ciment.core.port.Links;
import ciment.core.port.MirrorSender;
import ciment.core.port.Refused;
import ciment.infra.DynamoMirrors;
import ciment.infra.DynamoMirrors.Copy;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mirroring, for one chat tool: a new post or reply is sent to each channel of that tool linked to its
 * community, except where it shows already (its origin, an earlier copy); a change to a post (an edit, a
 * hide, a deletion, its reactions) reaches every copy the bot sent. Each copy is claimed before it is sent and
 * recorded with its message after, so a retried record never sends it twice; between the send and the record
 * lies the one window where an attempt that stops may leave a copy unrecorded: the sender finds it again
 * where the tool allows (Slack's message metadata), otherwise it is sent again. A post item that cannot be
 * read, and a channel whose tool refused for good ({@link Refused}), give the record up with why (see
 * {@link Deliveries}: the dead-letter queue), while the other channels get their copies.
 */
public final class Mirrors {
    private static final Logger LOG = LoggerFactory.getLogger(Mirrors.class);
    /** A Retry-After this short is waited for within the invocation; a longer one fails the record, retried later. */
    static final Duration WAIT_AT_MOST = Duration.ofSeconds(5);

    private final DynamoMirrors copies;
    private final Links links;
    private final MirrorSender sender;
    private final Pacing pacing;
    private final Clock clock;
    private Predicate<String> served = workspace -> true;

    public Mirrors(DynamoMirrors copies, Links links, MirrorSender sender, Pacing pacing, Clock clock) {
        this.copies = copies;
        this.links = links;
        this.sender = sender;
        this.pacing = pacing;
        this.clock = clock;
    }

    /**
     * Mirrors only into channels of these workspaces (the deployment's allow-list). A channel of a workspace taken
     * off the list gets no new copy and no edit; a copy sent there before is still hidden or deleted with its post,
     * as that only takes away.
     */
    void servingOnly(Predicate<String> workspaces) {
        this.served = workspaces;
    }

    /**
     * Done when the record needs nothing more from this tool (mirrored now or before, or not a post); given up
     * when its post cannot be read (a poison record) or a channel refused its copy for good.
     */
    Outcome mirror(DynamodbStreamRecord record) {
        var images = record.getDynamodb();
        if (images == null || images.getNewImage() == null) {
            return Outcome.DONE;
        }
        Optional<Post> now;
        Optional<Post> before;
        try {
            now = DynamoMirrors.post(StreamImages.item(images.getNewImage()));
            before = images.getOldImage() == null || now.isEmpty() ? Optional.empty()
                    : DynamoMirrors.post(StreamImages.item(images.getOldImage()));
        } catch (RuntimeException unreadable) {
            return Outcome.givenUp("the post item cannot be read: " + unreadable);
        }
        if (now.isEmpty()) {
            return Outcome.DONE;
        }
        try {
            return before.isEmpty() ? sendEverywhere(now.get()) : changeEverywhere(before.get(), now.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.RETRY;
        } catch (RuntimeException e) {
            LOG.warn("post {} not mirrored to {}: {}", now.get().reference(), sender.platform().label(), e.toString());
            return Outcome.RETRY;
        }
    }

    private Outcome sendEverywhere(Post post) throws InterruptedException {
        Outcome done = Outcome.DONE;
        for (Link link : linksOf(post)) {
            if (served(link, post)) {
                done = done.and(sendTo(link, post));
            }
        }
        return done;
    }

    private Outcome sendTo(Link link, Post post) throws InterruptedException {
        String conversation = link.channel().id();
        DynamoMirrors.Claim claim = copies.claim(post, sender.platform(), conversation, clock.instant());
        switch (claim) {
            case SENT -> {
                return Outcome.DONE;
            }
            case BUSY -> {
                LOG.info("copy of {} in {} is being sent by another attempt", post.reference(), link.channel().label());
                return Outcome.RETRY;
            }
            case LAPSED -> {
                Optional<String> earlier = sender.findEarlier(link, post);
                if (earlier.isPresent()) {
                    copies.sent(post, sender.platform(), conversation, earlier.get());
                    return Outcome.DONE;
                }
            }
            case CLAIMED -> {
            }
        }
        Optional<String> thread = post.isReply() ? threadOf(post, conversation) : Optional.empty();
        Outcome sent = attempt(link, post.reference(), () -> {
            String message = sender.send(link, post, thread);
            copies.sent(post, sender.platform(), conversation, message);
        });
        if (!sent.isDone()) {
            // Not sent: a retry claims it again at once (and a refusal, given up, is met again if it comes).
            copies.release(post, sender.platform(), conversation);
        }
        return sent;
    }

    /** An edit, a hide, a deletion or new counts: every copy the bot sent shows the post as it is now. */
    private Outcome changeEverywhere(Post before, Post now) throws InterruptedException {
        if (!shownDifferently(before, now)) {
            return Outcome.DONE;
        }
        Map<String, Link> mine = linksOf(now).stream()
                .collect(Collectors.toMap(l -> l.channel().id(), l -> l, (a, b) -> a));
        Outcome done = Outcome.DONE;
        for (Copy copy : copies.copiesOf(now.id())) {
            Link link = mine.get(copy.conversationId());
            if (copy.platform() != sender.platform() || copy.origin() || !copy.sent() || link == null
                    || !(now.isRemoved() || now.isHidden()) && !served(link, now)) {
                continue;
            }
            done = done.and(attempt(link, now.reference(), now.isRemoved()
                    ? () -> sender.delete(link, copy.messageId())
                    : () -> sender.update(link, copy.messageId(), now)));
        }
        return done;
    }

    private boolean served(Link link, Post post) {
        if (served.test(link.channel().workspace())) {
            return true;
        }
        LOG.warn("{} not mirrored to {}: workspace {} is not served (allow-list)", post.reference(),
                link.channel().label(), link.channel().workspace());
        return false;
    }

    private static boolean shownDifferently(Post before, Post now) {
        return !Objects.equals(before.text(), now.text()) || before.isRemoved() != now.isRemoved()
                || before.isHidden() != now.isHidden() || !before.reactions().equals(now.reactions())
                || before.replyCount() != now.replyCount();
    }

    private Optional<String> threadOf(Post reply, String conversation) {
        return copies.copiesOf(reply.rootId()).stream()
                .filter(copy -> copy.platform() == sender.platform() && copy.conversationId().equals(conversation)
                        && copy.sent())
                .map(Copy::messageId).findFirst();
    }

    private List<Link> linksOf(Post post) {
        return links.links(post.communityId()).stream()
                .filter(link -> link.channel().platform() == sender.platform()).toList();
    }

    @FunctionalInterface
    private interface Send {
        void run() throws Exception;
    }

    /**
     * One send in its conversation's turn; a short Retry-After is waited for once; a refusal for good gives the
     * copy up, anything else fails the record.
     */
    private Outcome attempt(Link link, String post, Send send) throws InterruptedException {
        String conversation = sender.platform().key() + "#" + link.channel().id();
        for (int tries = 1; ; tries++) {
            pacing.awaitTurn(conversation);
            try {
                send.run();
                return Outcome.DONE;
            } catch (MirrorSender.RetryAfter later) {
                if (tries > 1 || later.waitFor().compareTo(WAIT_AT_MOST) > 0) {
                    LOG.warn("{} in {}: {} asks to wait {}; the record is retried", post, link.channel().label(),
                            sender.platform().label(), later.waitFor());
                    return Outcome.RETRY;
                }
                Thread.sleep(later.waitFor());
            } catch (Refused refused) {
                return Outcome.givenUp(post + " in " + link.channel().label() + ": " + refused.getMessage());
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                LOG.warn("{} not mirrored to {}: {}", post, link.channel().label(), e.toString());
                return Outcome.RETRY;
            }
        }
    }
}
