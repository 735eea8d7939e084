package ciment.core.service;

import ciment.core.i18n.Message;
import ciment.core.model.Community;
import ciment.core.model.Membership;
import ciment.core.model.Person;
import ciment.core.model.Post;
import ciment.core.model.Slug;
import ciment.core.port.Communities;
import ciment.core.port.Posts;
import ciment.core.reply.Reply;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Feeds, a page at a time. The home feed is built on read, from each of the reader's communities: a post is
 * written once whatever the number of members, and a page costs one small read per community.
 */
public record FeedActions(Communities communities, Posts posts, CommunityActions communityActions, FeedCursor cursors) {
    static final int PAGE = 20;
    /** Posts read per community for a home page: about twice a page in all, however many communities. */
    private static final int HOME_READ = 2 * PAGE;

    /** A closed community's posts are for its members; a guest reads only where they belong or are invited. */
    public Reply communityFeed(Person reader, Slug slug, Optional<String> cursor) {
        Optional<String> before = cursors.before(slug.value(), cursor);
        Community community = communityActions.readableBy(reader, slug);
        Posts.Page page = posts.page(community.id(), before, PAGE);
        return feed(slug.value(), page.posts(), page.more(), before.isPresent(),
                Message.of("core.feed.empty", slug));
    }

    /**
     * All my communities, newest first: a few posts from each, merged. The page stops where a community
     * that has more could hold a newer post than the next one shown; the next page goes on from there.
     */
    public Reply homeFeed(Person person, Optional<String> cursor) {
        Optional<String> before = cursors.before("", cursor);
        List<Membership> mine = communities.membershipsOf(person.id());
        if (mine.isEmpty()) {
            return new Reply.Feed("", List.of(), Message.of("core.feed.noCommunity"));
        }
        int each = Math.max(2, Math.min(PAGE, Math.ceilDiv(HOME_READ, mine.size())));
        List<Post> read = new ArrayList<>();
        String oldestSure = "";
        boolean more = false;
        List<String> ids = mine.stream().map(Membership::communityId).toList();
        for (Posts.Page page : posts.pages(ids, before, each).values()) {
            read.addAll(page.posts());
            if (page.more() && !page.posts().isEmpty()) {
                more = true;
                String oldest = page.posts().get(page.posts().size() - 1).id();
                oldestSure = oldest.compareTo(oldestSure) > 0 ? oldest : oldestSure;
            }
        }
        String boundary = oldestSure;
        List<Post> sure = read.stream()
                .sorted(Comparator.comparing(Post::id).reversed())
                .filter(post -> post.id().compareTo(boundary) >= 0)
                .toList();
        List<Post> shown = sure.subList(0, Math.min(PAGE, sure.size()));
        return feed("", shown, more || shown.size() < read.size(), before.isPresent(),
                Message.of("core.feed.homeEmpty"));
    }

    private Reply feed(String feed, List<Post> shown, boolean more, boolean older, Message emptyHint) {
        String next = more && !shown.isEmpty()
                ? (feed.isEmpty() ? "feed " : "feed " + feed + " ") + cursors.more(feed, shown.get(shown.size() - 1).id())
                : "";
        return new Reply.Feed(feed, shown, emptyHint, next, older);
    }
}
