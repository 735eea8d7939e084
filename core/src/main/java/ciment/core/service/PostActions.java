package ciment.core.service;

import ciment.core.i18n.Message;
import ciment.core.model.Caller;
import ciment.core.model.Community;
import ciment.core.model.Person;
import ciment.core.model.Post;
import ciment.core.model.Refusal;
import ciment.core.model.Slug;
import ciment.core.model.Ulid;
import ciment.core.port.Communities;
import ciment.core.port.Posts;
import ciment.core.reply.Reply;

/** Posting to a community (FeedActions reads them). */
public record PostActions(Communities communities, Posts posts, CommunityActions communityActions,
        MentionNotices mentions, WriteQuota quota) {
    /** A post, or with {@link Post.Marks#QUESTION} a question (ask). */
    public Reply post(Person author, Caller caller, Slug slug, String text, Post.Marks marks) {
        Community community = CommunityActions.writable(communityActions.visibleTo(author, slug));
        if (communities.membership(community.id(), author.id()).isEmpty()) {
            throw new Refusal(Message.of(marks.question() ? "core.ask.notMember" : "core.post.notMember", slug));
        }
        Message nothingDone = Message.of(marks.question() ? "core.nothing.asked" : "core.nothing.posted");
        mentions.allow(caller, text, nothingDone);
        quota.spend(author, WriteQuota.Kind.POST, nothingDone);
        Post post = new Post(postId(caller, community.id()), community.id(), slug, author.id(), author.displayName(),
                caller.account().platform(), text, caller.at()).withMarks(marks);
        // A false answer means this very request was already handled: the post exists, show it again.
        posts.add(post);
        mentions.notify(author, caller, post);
        return new Reply.Posted(post);
    }

    /**
     * A post's or reply's id, carrying its community's hint ({@link #hintOf}): naming the post later, the
     * person's communities with that hint are the only ones to look in (one, mostly), not all of them.
     */
    static String postId(Caller caller, String communityId) {
        return Ulid.withHint(postId(caller), hintOf(communityId));
    }

    static int hintOf(String communityId) {
        return Math.floorMod(communityId.hashCode(), Ulid.HINTS);
    }

    static String postId(Caller caller) {
        if (caller.requestId() == null || caller.requestId().isBlank()) {
            return Ulid.random(caller.at());
        }
        var account = caller.account();
        return Ulid.derived(caller.at(), String.join("|", account.platform().key(), account.workspace(),
                caller.requestId()));
    }

}
