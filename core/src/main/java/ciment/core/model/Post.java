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

    /** How a post is named in commands and shown to people: '#' and its id. */
    public String reference() {
        return "#" + id;
    }
}
