package ciment.core.model;

import java.time.Instant;

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
        Instant createdAt) {

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

    public boolean isRemoved() {
        return authorId == null;
    }

    /** How a post is named in commands and shown to people: '#' and its id. */
    public String reference() {
        return "#" + id;
    }
}
