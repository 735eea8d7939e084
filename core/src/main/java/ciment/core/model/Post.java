package ciment.core.model;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * A post in a community. Its id is a ULID, so ids sort by time; the author's name is kept on
 * the post so that a feed needs no read per author.
 */
public record Post(
        String id,
        String communityId,
        Slug slug,
        String authorId,
        String authorName,
        Platform origin,
        String text,
        Instant createdAt,
        String rootId,
        int replyCount,
        String latestReply,
        Map<String, Integer> reactions,
        String hiddenReason,
        boolean edited) {

    /** What a hidden post shows in the place of its text, before the steward's reason. */
    public static final String HIDDEN_TEXT = "Hidden by a steward: ";
    /** How many characters of the latest reply its thread's first post keeps, for feeds. */
    public static final int PREVIEW = 140;

    public Post {
        reactions = reactions == null ? Map.of() : Map.copyOf(new TreeMap<>(reactions));
    }

    /** A first post of a thread as it is made: no replies, no reactions. */
    public Post(String id, String communityId, Slug slug, String authorId, String authorName, Platform origin,
            String text, Instant createdAt) {
        this(id, communityId, slug, authorId, authorName, origin, text, createdAt, null, 0, null, Map.of(), null, false);
    }

    /** A reply in the thread of {@code rootId}, as it is made. */
    public static Post reply(String id, String rootId, String communityId, Slug slug, String authorId, String authorName,
            Platform origin, String text, Instant createdAt) {
        return new Post(id, communityId, slug, authorId, authorName, origin, text, createdAt, rootId, 0, null, Map.of(),
                null, false);
    }

    public boolean isReply() {
        return rootId != null;
    }

    public boolean isHidden() {
        return hiddenReason != null;
    }

    /** What a thread's first post keeps of this reply, for feeds: its author and the start of its text. */
    public String preview() {
        String start = text.length() <= PREVIEW ? text : text.substring(0, text.offsetByCodePoints(0,
                text.codePointCount(0, Math.min(text.length(), PREVIEW)) - 1)) + "…";
        return authorName + ": " + start;
    }

    /** The same post with this many replies, the newest one shown by its preview. */
    public Post withReplies(int count, String latest) {
        return new Post(id, communityId, slug, authorId, authorName, origin, text, createdAt, rootId, count, latest,
                reactions, hiddenReason, edited);
    }

    public Post withReactions(Map<String, Integer> counts) {
        return new Post(id, communityId, slug, authorId, authorName, origin, text, createdAt, rootId, replyCount,
                latestReply, counts, hiddenReason, edited);
    }

    public Post editedTo(String newText) {
        return new Post(id, communityId, slug, authorId, authorName, origin, newText, createdAt, rootId, replyCount,
                latestReply, reactions, hiddenReason, true);
    }

    /** Hidden by a steward: the post keeps its place, its text gives way to the reason. */
    public Post hiddenFor(String reason) {
        return new Post(id, communityId, slug, authorId, authorName, origin, HIDDEN_TEXT + reason, createdAt, rootId,
                replyCount, latestReply, reactions, reason, edited);
    }

    /** Deleted by its author (or erased): a tombstone keeping its place, its replies and counts. */
    public Post asRemoved() {
        return new Post(id, communityId, slug, null, REMOVED, origin, REMOVED_TEXT, createdAt, rootId, replyCount,
                latestReply, reactions, hiddenReason, edited);
    }

    /**
     * One line under a post in feeds and threads: its reply count with the latest reply, and its reaction
     * counts (never who reacted). Empty when there is neither.
     */
    public String activity() {
        StringBuilder line = new StringBuilder();
        if (replyCount > 0) {
            line.append(replyCount).append(replyCount == 1 ? " reply" : " replies");
            if (latestReply != null) {
                line.append(", latest: ").append(latestReply);
            }
        }
        reactions.forEach((emoji, count) -> {
            if (count > 0) {
                line.append(line.isEmpty() ? "" : " · ").append(':').append(emoji).append(": ").append(count);
            }
        });
        return line.toString();
    }

    /** What a removed post shows in the place of its author. */
    public static final String REMOVED = "removed";
    /** What a removed post shows in the place of its text. */
    public static final String REMOVED_TEXT = "This post was removed.";

    /**
     * A post whose author erased their data: it keeps its place in its community (and in threads) but
     * has no text and no author any more; it shows as "removed".
     */
    public static Post removed(String id, String communityId, Slug slug, Platform origin, Instant createdAt) {
        return new Post(id, communityId, slug, null, REMOVED, origin, REMOVED_TEXT, createdAt);
    }

    /** A removed reply, in its thread. */
    public static Post removedReply(String id, String rootId, String communityId, Slug slug, Platform origin,
            Instant createdAt) {
        return reply(id, rootId, communityId, slug, null, REMOVED, origin, REMOVED_TEXT, createdAt);
    }

    public boolean isRemoved() {
        return authorId == null;
    }

    /** How a post is named in commands and shown to people: '#' and its id. */
    public String reference() {
        return isReply() ? "#" + rootId + "/" + id : "#" + id;
    }
}
