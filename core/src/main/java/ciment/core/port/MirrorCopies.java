package ciment.core.port;

import ciment.core.model.Platform;
import ciment.core.model.Post;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where each post shows, conversation by conversation, as mirroring works it: each copy is claimed before it is
 * sent and recorded with its message after, so that a retried record never sends it twice. A claim lasts until
 * its holder's invocation ends (its deadline); the post's origin and the bot's own answers showing it are copies
 * too, so mirroring never sends the post where it shows already.
 */
public interface MirrorCopies {
    /** What a claim found. */
    enum Claim {
        /** This attempt holds the copy: send it, then say {@link #sent}. */
        CLAIMED,
        /** Sent (or the post's origin) already: nothing to send. */
        SENT,
        /** Another attempt holds it, and may still be running: try again later. */
        BUSY,
        /** An attempt claimed it and stopped: it may have sent it. Held now by this attempt, which looks first. */
        LAPSED
    }

    /** A copy of a post in a conversation: its message once sent, and whether it is the post's origin. */
    record Copy(Platform platform, String conversationId, String messageId, boolean origin) {
        public boolean sent() {
            return messageId != null;
        }
    }

    /**
     * A claim by an attempt made at {@code now} whose invocation ends by {@code heldUntil} (its deadline): the claim
     * lapses then at the latest.
     */
    Claim claim(Post post, Platform platform, String conversationId, Instant now, Instant heldUntil);

    /** The copy was sent as this message: recorded on the copy, and as the message's (reactions and replies on it). */
    void sent(Post post, Platform platform, String conversationId, String messageId);

    /** A claim whose send failed: taken back (unless sent meanwhile), so that a retry claims it at once. */
    void release(Post post, Platform platform, String conversationId);

    /**
     * A claim whose send may have been done all the same (no answer came): left lapsed, unless sent meanwhile, so
     * that the next attempt finds it {@link Claim#LAPSED} and looks for the copy before sending.
     */
    void lapse(Post post, Platform platform, String conversationId);

    /** When the claim another attempt holds on the copy lapses; empty when none holds it (sent, or not claimed). */
    Optional<Instant> lapsesAt(Post post, Platform platform, String conversationId);

    /** Every copy of a post (or reply: its id), on every tool. */
    List<Copy> copiesOf(String postId);
}
