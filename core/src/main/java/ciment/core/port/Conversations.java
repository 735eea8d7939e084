package ciment.core.port;

import ciment.core.model.AuditEntry;
import ciment.core.model.Post;
import ciment.core.model.PostRef;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Threads, reactions, edits and moderation of posts, and the audit trail of each community. */
public interface Conversations {

    /** The post named, looked for in these communities (a post is kept under its community). */
    Optional<Post> find(Collection<String> communityIds, PostRef ref);

    /** What adding a reply did. */
    enum Added { ADDED, ALREADY_THERE, ROOT_GONE }

    /**
     * Stores a reply and counts it on its thread's first post, which keeps the reply's preview as its latest.
     * ALREADY_THERE (nothing written) when this reply exists; ROOT_GONE (nothing kept) when the first post
     * was removed or hidden meanwhile.
     */
    Added addReply(Post reply);

    /** A thread whole: its first post, then its replies oldest first; empty when the first post is not there. */
    List<Post> thread(String communityId, String rootId);

    /** What a reaction did: counted (or taken back); nothing to change; refused, the post showing its most emoji. */
    enum Reacted { CHANGED, UNCHANGED, FULL }

    /**
     * Adds (or takes back) a person's reaction with this emoji, once per person and emoji, and counts it on
     * the post. UNCHANGED (nothing written) when there was nothing to change or the post is hidden or gone;
     * FULL (nothing kept) when the emoji is new to a post that shows {@link Post#MAX_EMOJI} already, even when
     * several people add new ones at the same moment. An emoji nobody shows any more leaves its place.
     */
    Reacted react(Post post, String emoji, String personId, boolean add);

    /** Rewrites the text of a post by its author; false (nothing written) when not theirs or removed. */
    boolean edit(Post post, String authorId, String text);

    /** The author deletes their post: it stays as removed; the audit trail keeps the action. False: not theirs. */
    boolean delete(Post post, String authorId, AuditEntry entry);

    /**
     * A steward hides a post with a reason, kept in the audit trail; a hidden reply's words leave its thread's
     * first post too (the preview of its latest reply, as for a deleted one). False (nothing written): already
     * hidden.
     */
    boolean hide(Post post, String reason, AuditEntry entry);

    /** The newest moderation actions of a community, newest first. */
    List<AuditEntry> audit(String communityId, int limit);
}
