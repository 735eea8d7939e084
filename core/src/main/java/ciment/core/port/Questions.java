package ciment.core.port;

import ciment.core.model.Post;
import java.util.List;

/** Questions with their accepted answers, and the knowledge stewards pin. */
public interface Questions {

    /**
     * Marks a reply as the accepted answer of the question that starts its thread (another reply accepted
     * before gives way). False (nothing written) when the first post is not a question, or was removed or
     * hidden meanwhile.
     */
    boolean accept(Post question, Post answer);

    /** A community's questions: the unanswered ones newest first, then (unless only those) the answered ones. */
    List<Post> questions(String communityId, boolean unansweredOnly, int limit);

    /** Pins a post as knowledge, or unpins it. False (nothing written) when it already was, or is gone. */
    boolean pin(Post post, boolean pin);

    /** The posts pinned as knowledge in a community, newest first. */
    List<Post> knowledge(String communityId, int limit);
}
