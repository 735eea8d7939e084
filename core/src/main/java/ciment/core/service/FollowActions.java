package ciment.core.service;

import ciment.core.i18n.Message;
import ciment.core.model.Caller;
import ciment.core.model.Follow;
import ciment.core.model.NoticeLevel;
import ciment.core.model.Person;
import ciment.core.model.Post;
import ciment.core.model.PostRef;
import ciment.core.port.Follows;
import ciment.core.port.People;
import ciment.core.reply.Reply;

/**
 * follow and unfollow a thread of a community the person belongs to (a post of any other is refused as not
 * found, as thread refuses it); notices sets what they are told on their own. Each writes one item (notices:
 * their profile and each of their accounts, where their language is kept too).
 */
public record FollowActions(Follows follows, People people, PostLocator locator) {

    public Reply follow(Person person, Caller caller, PostRef ref, boolean follow) {
        Post post = locator.locate(person, ref).post();
        String root = post.isReply() ? post.rootId() : post.id();
        follows.set(new Follow(post.communityId(), root, person.id(),
                follow ? Follow.State.FOLLOWING : Follow.State.MUTED, caller.at()));
        return new Reply.Done(Message.of(follow ? "follows.follow.done" : "follows.unfollow.done", "#" + root,
                post.slug()));
    }

    public Reply notices(Person person, NoticeLevel level) {
        people.chooseNotices(person, level);
        return new Reply.Done(Message.of("follows.notices." + level.word()));
    }
}
