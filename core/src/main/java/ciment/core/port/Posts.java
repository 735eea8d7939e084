package ciment.core.port;

import ciment.core.model.Post;
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

    /** Posts newest first; {@code more}: older posts may follow the last one. */
    record Page(List<Post> posts, boolean more) {
        public Page {
            posts = List.copyOf(posts);
        }
    }
}
