package ciment.core.service;

import ciment.core.Refusal;
import ciment.core.model.Community;
import ciment.core.model.Membership;
import ciment.core.model.Person;
import ciment.core.model.Post;
import ciment.core.model.Slug;
import ciment.core.model.Ulid;
import ciment.core.port.Communities;
import ciment.core.port.Posts;
import ciment.core.reply.Reply;
import java.util.Comparator;
import java.util.List;

/** Posting to a community and reading feeds. */
final class PostActions {
    static final int PAGE = 20;

    private final Communities communities;
    private final Posts posts;
    private final CommunityActions communityActions;

    PostActions(Communities communities, Posts posts, CommunityActions communityActions) {
        this.communities = communities;
        this.posts = posts;
        this.communityActions = communityActions;
    }

    Reply post(Person author, Caller caller, Slug slug, String text) {
        Community community = CommunityActions.writable(communityActions.visibleTo(author, slug));
        if (communities.membership(community.id(), author.id()).isEmpty()) {
            throw new Refusal("Only members can post in " + slug + ": join " + slug + " first.");
        }
        Post post = new Post(postId(caller), community.id(), slug, author.id(), author.displayName(),
                caller.account().platform(), text, caller.at());
        // A false answer means this very request was already handled: the post exists, show it again.
        posts.add(post);
        return new Reply.Posted(post);
    }

    /** A closed community's posts are for its members; a guest reads only where they belong or are invited. */
    Reply communityFeed(Person reader, Slug slug) {
        Community community = communityActions.visibleTo(reader, slug);
        if (!community.open() && communities.membership(community.id(), reader.id()).isEmpty()) {
            throw new Refusal(slug + " is closed: its posts are for its members. Send join " + slug + " to ask.");
        }
        return new Reply.Feed(slug.value(), posts.latest(community.id(), PAGE),
                "Nothing posted in " + slug + " yet: be the first with post " + slug + " <text>.");
    }

    Reply homeFeed(Person person) {
        List<Membership> mine = communities.membershipsOf(person.id());
        if (mine.isEmpty()) {
            return new Reply.Feed("", List.of(),
                    "You are not in any community yet: send communities to find one, or create your own.");
        }
        // Built on read: a post costs the same whatever the number of members.
        List<Post> newest = mine.stream()
                .flatMap(m -> posts.latest(m.communityId(), PAGE).stream())
                .sorted(Comparator.comparing(Post::id).reversed())
                .limit(PAGE)
                .toList();
        return new Reply.Feed("", newest, "Nothing posted in your communities yet: start with post <slug> <text>.");
    }

    private static String postId(Caller caller) {
        if (caller.requestId() == null || caller.requestId().isBlank()) {
            return Ulid.random(caller.at());
        }
        var account = caller.account();
        return Ulid.derived(caller.at(), String.join("|", account.platform().key(), account.workspace(),
                caller.requestId()));
    }

}
