package ciment.core.port;

import ciment.core.model.Platform;
import java.util.Optional;

/**
 * Which chat message shows which post: the bot's copies of posts in a chat tool (the answer that shows a
 * post just made, a notice about a post). A reaction to the copy, or a reply in its thread, is then the
 * post's. Issue 5 mirrors posts into channels with the same records.
 *
 * <p>A record names only the conversation, the message and the post (as commands name it, {@code #<id>} or
 * {@code #<root>/<id>}): nobody's words, nobody's name.
 */
public interface MessageCopies {
    /** Records nothing and finds nothing: a tool without copies (tests, the Emulator without a table). */
    MessageCopies NONE = new MessageCopies() {
        @Override
        public boolean record(Platform platform, String conversationId, String messageId, String postRef) {
            return false;
        }

        @Override
        public Optional<String> find(Platform platform, String conversationId, String messageId) {
            return Optional.empty();
        }
    };

    /**
     * Records that the message {@code messageId} of the conversation shows the post; false (and nothing
     * changed) when the message was recorded already (a copy shows one post for good).
     */
    boolean record(Platform platform, String conversationId, String messageId, String postRef);

    /**
     * Records that someone's message in a linked channel became the post: the post's origin there, which
     * mirroring leaves alone (a bot cannot change people's messages) and never copies the post into again.
     */
    default boolean recordOrigin(Platform platform, String conversationId, String messageId, String postRef) {
        return record(platform, conversationId, messageId, postRef);
    }

    /** The post the message shows, as commands name it; empty when the message is no copy of a post. */
    Optional<String> find(Platform platform, String conversationId, String messageId);
}
