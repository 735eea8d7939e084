package ciment.core.port;

import ciment.core.model.Link;
import ciment.core.model.Platform;
import ciment.core.model.Post;
import java.time.Duration;
import java.util.Optional;

/**
 * Shows posts in the linked channels of one chat tool, for the delivery functions (module delivery): Slack as
 * the author (name and picture, "via Teams"), Teams as a card naming the author (a bot cannot post as a user).
 * Throwing means "not done, try again later"; {@link RetryAfter} says when the tool asked to be called again.
 */
public interface MirrorSender {
    Platform platform();

    /**
     * Sends the post into the link's channel; a reply goes into the thread of its first post's copy there
     * ({@code threadMessageId}), or stands alone when the first post has none. Returns the new message's id.
     */
    String send(Link link, Post post, Optional<String> threadMessageId) throws Exception;

    /** Shows the post as it is now (edited, hidden, its reactions) in its earlier copy. */
    void update(Link link, String messageId, Post post) throws Exception;

    /** Removes a copy: its post was deleted. */
    void delete(Link link, String messageId) throws Exception;

    /**
     * A copy of this post sent earlier into the channel by an attempt that stopped before recording it, when the
     * tool lets it be found (Slack: the message's metadata names the post): in the thread of {@code threadMessageId}
     * for a reply sent there, else among the channel's messages. Empty when there is none, or the tool cannot say
     * (Teams): the post is then sent again.
     */
    default Optional<String> findEarlier(Link link, Post post, Optional<String> threadMessageId) {
        return Optional.empty();
    }

    /** The tool refused for now and said when to call again (HTTP 429 and Retry-After). */
    final class RetryAfter extends Exception {
        /** The wait when the tool said none, or said it as a date rather than seconds. */
        public static final Duration DEFAULT_WAIT = Duration.ofSeconds(1);

        private final Duration wait;

        public RetryAfter(Duration wait, String message) {
            super(message);
            this.wait = wait;
        }

        /** A Retry-After header's wait: its seconds, or {@link #DEFAULT_WAIT} when absent or unreadable. */
        public static Duration waitOf(String retryAfter) {
            if (retryAfter == null) {
                return DEFAULT_WAIT;
            }
            try {
                return Duration.ofSeconds(Math.max(0, Long.parseLong(retryAfter.strip())));
            } catch (NumberFormatException notSeconds) {
                return DEFAULT_WAIT;
            }
        }

        public Duration waitFor() {
            return wait;
        }
    }
}
