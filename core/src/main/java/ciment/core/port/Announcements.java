package ciment.core.port;

import ciment.core.model.Announcement;
import ciment.core.model.Membership;
import ciment.core.model.Notice;
import ciment.core.model.Post;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Where announcements are kept, with their counts and acknowledgements, and how one is sent to every member: in
 * steps of a page of memberships each, outside the request that made it (the table's stream runs them).
 */
public interface Announcements {

    enum Made { MADE, ALREADY_TODAY }

    /**
     * Stores the announcement's post and claims its community's day, together: ALREADY_TODAY, and nothing
     * written, when the community announced something that day already.
     */
    Made announce(Announcement announcement, Post post);

    Optional<Announcement> find(String communityId, LocalDate day);

    /** A community's latest announcements, newest first. */
    List<Announcement> latest(String communityId, int limit);

    /** Keeps the person's acknowledgement once and counts it on the announcement; false when kept before. */
    boolean acknowledge(Announcement announcement, String personId, Instant at);

    /** A page of a community's memberships, and the person id to go on after when there are more. */
    record MemberPage(List<Membership> members, Optional<String> after) {
        public MemberPage {
            members = List.copyOf(members);
        }
    }

    /** At most {@code limit} memberships of the community, after the person id {@code after} (empty: the first). */
    MemberPage members(String communityId, Optional<String> after, int limit);

    /**
     * Writes these notices to the outbox, in batches, but for those written already (a retried step): a notice
     * is kept once, with its delivery's state, so it is never sent twice.
     */
    void tell(List<Notice> notices);

    /** Keeps the next step, whose arrival (the table's stream) runs it. Written again, it is the same step. */
    void continueAt(Announcement.Expansion next);
}
