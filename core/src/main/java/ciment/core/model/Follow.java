package ciment.core.model;

import java.time.Instant;

/**
 * A person's own say about a thread: they follow it (follow, or a mention that told them), or they muted it
 * (unfollow), which holds whatever they do in it later. Who posted or replied in a thread follows it without one:
 * that is read from the thread itself when a change is told, so writing a post or reply costs no write of this.
 *
 * @param rootId the id of the thread's first post
 * @param via    the post whose mention of them made them follow (they were told of it then), or null
 */
public record Follow(String communityId, String rootId, String personId, State state, Instant at, String via) {

    /** By their own say. */
    public Follow(String communityId, String rootId, String personId, State state, Instant at) {
        this(communityId, rootId, personId, state, at, null);
    }

    public enum State {
        FOLLOWING, MUTED;

        public String word() {
            return this == FOLLOWING ? "follow" : "muted";
        }

        public static State ofWord(String word) {
            return "muted".equals(word) ? MUTED : FOLLOWING;
        }
    }

    public boolean muted() {
        return state == State.MUTED;
    }
}
