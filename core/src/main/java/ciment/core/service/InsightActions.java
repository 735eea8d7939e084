package ciment.core.service;

import ciment.core.i18n.Message;
import ciment.core.model.Community;
import ciment.core.model.Grant;
import ciment.core.model.Membership;
import ciment.core.model.Person;
import ciment.core.model.Refusal;
import ciment.core.model.Slug;
import ciment.core.port.Communities;
import ciment.core.port.Posts;
import ciment.core.reply.Insights;
import ciment.core.reply.Reply;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * {@code insights <slug>}: how a community lives, for its stewards and admins, made on read from its recent posts
 * and replies (the post path writes nothing more for it), in aggregate only.
 */
public record InsightActions(Communities communities, Posts posts, CommunityActions communityActions, Roles roles,
        Clock clock) {
    /**
     * At most this many posts and replies are read (about 500 read units, items of 400 bytes): a community of
     * 2,000 posts a month, three replies each, fits; a busier one is shown from its latest, and says so.
     */
    static final int CAP = 10_000;
    /**
     * Replies are read by their thread's key (THREAD#root#id): threads begun up to a week before the first week
     * shown still count their replies; replies in older threads are not counted (most come within days).
     */
    static final Duration THREADS_BEFORE = Duration.ofDays(7);

    public Reply insights(Person person, Slug slug) {
        Community community = allowed(person, slug);
        Instant now = clock.instant();
        Instant start = WeeklyFigures.start(now);
        Posts.Recent recent = posts.recent(community.id(), start, start.minus(THREADS_BEFORE), CAP);
        return new Insights(slug.value(), WeeklyFigures.of(recent, now),
                recent.posts().size() + recent.replies().size(), recent.capped());
    }

    /** The community, for one of its stewards (one read) or an admin (read only when not a steward). */
    private Community allowed(Person person, Slug slug) {
        Community community = communityActions.existing(slug);
        boolean steward = communities.membership(community.id(), person.id()).map(Membership::isSteward).orElse(false);
        if (!steward && !roles.of(person).contains(Grant.ADMIN)) {
            throw new Refusal(Message.of("insights.only", slug));
        }
        return community;
    }
}
