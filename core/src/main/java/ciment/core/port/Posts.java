package ciment.core.port;

import ciment.core.model.Post;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Where posts are kept. */
public interface Posts {

    /** Stores a post; false (and nothing written) when a post with this id already exists. */
    boolean add(Post post);

    /** The newest posts of a community, newest first. */
    List<Post> latest(String communityId, int limit);

    /**
     * A page of a community's posts, newest first, older than the post {@code before} (from the newest when
     * empty): at most {@code limit} posts, fewer when they are long, since a page is read within a fixed size.
     */
    Page page(String communityId, Optional<String> before, int limit);

    /** The same page of each community (a home feed), by community id: read together where the store can. */
    default Map<String, Page> pages(List<String> communityIds, Optional<String> before, int limit) {
        Map<String, Page> pages = new LinkedHashMap<>();
        communityIds.forEach(id -> pages.put(id, page(id, before, limit)));
        return pages;
    }

    /**
     * What a community said lately, for its stewards' figures: its first posts made from {@code postsFrom} on and
     * the replies in the threads begun from {@code threadsFrom} on (ids are ULIDs, so each is one key range),
     * newest first, at most {@code cap} items in all (posts first); {@code capped} when more were there.
     */
    Recent recent(String communityId, Instant postsFrom, Instant threadsFrom, int cap);

    /** First posts and replies, newest first; {@code capped}: the cap left some out. */
    record Recent(List<Post> posts, List<Post> replies, boolean capped) {
        public Recent {
            posts = List.copyOf(posts);
            replies = List.copyOf(replies);
        }
    }

    /** Posts newest first; {@code more}: older posts may follow the last one. */
    record Page(List<Post> posts, boolean more) {
        public Page {
            posts = List.copyOf(posts);
        }
    }
}
