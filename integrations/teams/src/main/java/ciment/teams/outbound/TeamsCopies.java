package ciment.teams.outbound;

import ciment.core.model.Platform;
import ciment.core.port.MessageCopies;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot's Teams messages that show a post (MessageCopies), by the conversation they are in and their id.
 * A channel's reply chain is part of the conversation id Teams gives ({@code 19:…@thread.tacv2;messageid=<root>}):
 * a copy is kept under the channel alone, so a reaction or a reply finds it from wherever Teams names it.
 */
public final class TeamsCopies {
    private static final Logger LOG = LoggerFactory.getLogger(TeamsCopies.class);
    private static final String MESSAGE_ID = ";messageid=";

    /** Teams' reactions, as Ciment's emoji names (Slack's). */
    private static final Map<String, String> EMOJI = Map.of(
            "like", "thumbsup",
            "heart", "heart",
            "laugh", "laughing",
            "surprised", "open_mouth",
            "sad", "cry",
            "angry", "angry");

    /** Keeps no copy: reactions and replies in Teams then reach no post. */
    public static final TeamsCopies NONE = new TeamsCopies(MessageCopies.NONE);

    private final MessageCopies copies;

    public TeamsCopies(MessageCopies copies) {
        this.copies = copies;
    }

    /**
     * Records that the message shows the post. A copy is a convenience (reactions and replies in Teams),
     * the post is made: a failure is logged, never thrown after the answer was sent.
     */
    public void record(String conversationId, String messageId, String postRef) {
        if (conversationId == null || messageId == null || messageId.isBlank() || postRef == null) {
            return;
        }
        try {
            copies.record(Platform.TEAMS, channelOf(conversationId), messageId, postRef);
        } catch (RuntimeException failed) {
            LOG.warn("Copy of post {} in message {} not recorded: {}", postRef, messageId, failed.toString());
        }
    }

    /** The post the message shows, as commands name it; empty when it is no copy. */
    public Optional<String> find(String conversationId, String messageId) {
        if (conversationId == null || messageId == null || messageId.isBlank()) {
            return Optional.empty();
        }
        return copies.find(Platform.TEAMS, channelOf(conversationId), messageId);
    }

    /** The post a message of a channel's reply chain answers: the first message of the chain is a copy. */
    public Optional<String> chainRootPost(String conversationId) {
        return rootMessageOf(conversationId).flatMap(root -> find(conversationId, root));
    }

    /** The conversation without the reply chain Teams may add to a channel's id. */
    public static String channelOf(String conversationId) {
        int at = conversationId.toLowerCase(Locale.ROOT).indexOf(MESSAGE_ID);
        return at < 0 ? conversationId : conversationId.substring(0, at);
    }

    /** The id of the first message of the reply chain the conversation id names, if it names one. */
    public static Optional<String> rootMessageOf(String conversationId) {
        if (conversationId == null) {
            return Optional.empty();
        }
        int at = conversationId.toLowerCase(Locale.ROOT).indexOf(MESSAGE_ID);
        String id = at < 0 ? "" : conversationId.substring(at + MESSAGE_ID.length()).strip();
        return id.isEmpty() ? Optional.empty() : Optional.of(id);
    }

    /** A Teams reaction's emoji name; empty for a reaction Ciment does not count (a custom one). */
    public static Optional<String> emojiOf(String reactionType) {
        return Optional.ofNullable(reactionType == null ? null : EMOJI.get(reactionType.toLowerCase(Locale.ROOT)));
    }
}
