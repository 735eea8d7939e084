package ciment.core.service;

import ciment.core.i18n.Listing;
import ciment.core.i18n.Message;
import ciment.core.model.Aggregate;
import ciment.core.model.Announcement;
import ciment.core.model.Caller;
import ciment.core.model.Community;
import ciment.core.model.Person;
import ciment.core.model.Post;
import ciment.core.model.Refusal;
import ciment.core.model.Slug;
import ciment.core.model.Text;
import ciment.core.port.Announcements;
import ciment.core.port.Communities;
import ciment.core.reply.Reply;
import java.util.List;
import java.util.Optional;

/**
 * A steward's announcement, posted in the community (marked as one) and told to each member directly: the
 * request writes the post and the day's announcement together, one transaction, and nothing more; the direct
 * messages are written later, page by page, from the table's stream ({@link AnnouncementFanOut}), so a community
 * of any size is answered at once. At most one a day (UTC) per community. Members acknowledge with Got it, once
 * each; stewards see how many were reached and acknowledged as counts, each only from 5 people, never who.
 */
public record AnnouncementActions(Communities communities, Announcements announcements,
        CommunityActions communityActions) {
    /** How many of a community's latest announcements its stewards see counted. */
    static final int SHOWN = 3;
    /** How much of an announcement's text names it among the counts. */
    private static final int EXCERPT = 60;

    public Reply announce(Person steward, Caller caller, Slug slug, String text) {
        Community community = CommunityActions.writable(communityActions.stewardedBy(steward, slug,
                Message.of("announce.action")));
        Post post = new Post(PostActions.postId(caller, community.id()), community.id(), slug, steward.id(),
                steward.displayName(), caller.account().platform(), text, caller.at()).withMarks(Post.Marks.ANNOUNCEMENT);
        Announcement announcement = new Announcement(community.id(), slug, Announcement.dayOf(caller.at()), post.id(),
                steward.id(), caller.account().platform(), text, caller.at(), 0, 0);
        // Read first: a second announcement the same day is refused without a write (the transaction's condition
        // holds the rule when two race).
        Optional<Announcement> today = announcements.find(community.id(), announcement.day());
        if (today.isEmpty() && announcements.announce(announcement, post) == Announcements.Made.MADE) {
            return announced(community, announcement);
        }
        Announcement made = today.or(() -> announcements.find(community.id(), announcement.day())).orElseThrow();
        if (made.postId().equals(post.id())) {
            return announced(community, made); // this very request, retried: already done
        }
        throw new Refusal(Message.of("announce.oncePerDay", slug, made.postReference()));
    }

    /** Got it, clicked by {@code person}: counted once per person and announcement, for its community's members. */
    public Reply acknowledge(Person person, Caller caller, String reference) {
        Announcement.Named named = Announcement.named(reference)
                .orElseThrow(() -> new Refusal(Message.of("announce.ack.gone")));
        Announcement announcement = announcements.find(named.communityId(), named.day())
                .orElseThrow(() -> new Refusal(Message.of("announce.ack.gone")));
        if (communities.membership(announcement.communityId(), person.id()).isEmpty()) {
            throw new Refusal(Message.of("announce.ack.notMember", announcement.slug()));
        }
        boolean first = announcements.acknowledge(announcement, person.id(), caller.at());
        return new Reply.Done(Message.of(first ? "announce.ack.done" : "announce.ack.again", announcement.slug()));
    }

    /** For the community's stewards: its latest announcements, reached and acknowledged, as counts from 5. */
    public Reply counts(Person steward, Slug slug) {
        Community community = communityActions.stewardedBy(steward, slug, Message.of("announce.action.counts"));
        List<Announcement> latest = announcements.latest(community.id(), SHOWN);
        if (latest.isEmpty()) {
            return new Reply.Done(Message.of("announce.counts.none", slug));
        }
        return new Reply.Done(Message.of("announce.counts", slug, Listing.semicolons(latest.stream()
                .map(AnnouncementActions::counted).toList())));
    }

    /** One announcement's line: its day, the start of its text, and its two counts. */
    static Message counted(Announcement a) {
        if (a.text().isEmpty()) { // its steward erased their data: their words went with them
            return Message.of("announce.counts.lineErased", a.day().toString(), count(a.reached()),
                    count(a.acknowledged()));
        }
        return Message.of("announce.counts.line", a.day().toString(), Message.verbatim(Text.cut(a.text(), EXCERPT)),
                count(a.reached()), count(a.acknowledged()));
    }

    /** A count of people, or "fewer than 5": below that it could point at someone. */
    static Message count(int people) {
        return people >= Aggregate.SMALLEST_SHOWN ? Message.of("announce.count", people)
                : Message.of("announce.count.few", Aggregate.SMALLEST_SHOWN);
    }

    private static Reply announced(Community community, Announcement announcement) {
        return new Reply.Done(Message.of("announce.done", community.slug(), announcement.postReference(),
                Math.max(0, community.memberCount() - 1)));
    }

}
