package ciment.core.port;

import ciment.core.model.Post;
import java.util.List;

/** Where posts are kept. */
public interface Posts {

    /** Stores a post; false (and nothing written) when a post with this id already exists. */
    boolean add(Post post);

    /** The newest posts of a community, newest first. */
    List<Post> latest(String communityId, int limit);
}
