package ciment.core.port;

import ciment.core.model.Follow;
import java.time.Instant;
import java.util.Map;

/** Who follows or muted which thread by their own say, and when each was last told about a thread. */
public interface Follows {

    /** Keeps the person's follow or mute of a thread, over any they had. */
    void set(Follow follow);

    /** Keeps a follow (a mention told them) unless they muted the thread: false, and nothing written, when muted. */
    boolean followUnlessMuted(Follow follow);

    /** The follows and mutes of a thread, by person id: one read. */
    Map<String, Follow> of(String communityId, String rootId);

    /**
     * Marks the person told about the thread because of {@code changeId}, unless they were told about it after
     * {@code since} because of another change (the same change again passes: its retry tells the same notice,
     * kept once). True: tell them now; false: an earlier notice within the window covers this change.
     */
    boolean markTold(String communityId, String rootId, String personId, String changeId, Instant at, Instant since);
}
