package ciment.core.service;

import ciment.core.i18n.Message;
import ciment.core.model.AuditEntry;
import ciment.core.model.Caller;
import ciment.core.model.Channel;
import ciment.core.model.Community;
import ciment.core.model.Link;
import ciment.core.model.Person;
import ciment.core.model.Post;
import ciment.core.model.PostRef;
import ciment.core.model.Refusal;
import ciment.core.model.Text;
import ciment.core.port.Communities;
import ciment.core.port.Conversations;
import ciment.core.port.Links;
import ciment.core.port.MessageCopies;
import ciment.core.port.Posts;
import ciment.core.reply.Reply;
import java.util.Optional;
import java.util.Set;

/**
 * Messages written in a linked channel become the community's posts, replies in their threads its replies,
 * and their edits and deletions follow. Whoever writes in the channel takes part (the steward who linked it
 * let its readers in); the message and its post are recorded as one (a copy), so that a retried event, a
 * reply, a reaction or an edit finds the post. Messages of channels that are not linked are not Ciment's:
 * they are let be, nothing read beyond the link, nothing written.
 */
public record ChannelIntake(Communities communities, Links links, Posts posts, Conversations conversations,
        MessageCopies copies, MentionNotices mentions, WriteQuota quota) {
    /** The channel's link, when the caller writes in a linked channel. */
    public Optional<Link> linkOf(Caller caller) {
        return caller.channel() == null ? Optional.empty() : links.linkOf(caller.channel());
    }

    /**
     * A message: a post, or with {@code rootMessageId} (the first message of its thread) a reply. Empty when
     * the message is no business of Ciment's (not a linked channel, a thread whose first message is no post).
     */
    public Optional<Reply> message(Person author, Caller caller, Link link, String messageId, String rootMessageId,
            String text) {
        Channel channel = caller.channel();
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        if (Text.length(text) > Text.POST_MAX) {
            return Optional.of(new Reply.Refused(tooLong(STAYS)));
        }
        Community community = communities.find(link.slug()).orElse(null);
        if (community == null || community.archived()) {
            return Optional.of(new Reply.Refused(Message.of("core.intake.archived", link.slug())));
        }
        if (rootMessageId != null && !rootMessageId.equals(messageId)) {
            return copies.find(channel.platform(), channel.id(), rootMessageId)
                    .map(root -> reply(author, caller, link, messageId, PostRef.parse(root), text));
        }
        spend(author, caller, text);
        Post post = new Post(PostActions.postId(caller, community.id()), community.id(), link.slug(), author.id(),
                author.displayName(), channel.platform(), text, caller.at());
        // The origin first: once the post is in the table its mirroring may start, and must find it shown here.
        copies.recordOrigin(channel.platform(), channel.id(), messageId, post.reference());
        posts.add(post); // false: a retried event, the post is there already
        mentions.notify(author, caller, post);
        return Optional.of(new Reply.Posted(post));
    }

    private Reply reply(Person author, Caller caller, Link link, String messageId, PostRef root, String text) {
        Post first = conversations.find(Set.of(link.communityId()), new PostRef(null, root.isReply() ? root.rootId()
                : root.id())).orElse(null);
        if (first == null || first.isRemoved() || first.isHidden()) {
            return new Reply.Refused(Message.of("core.intake.rootGone"));
        }
        spend(author, caller, text);
        Post reply = Post.reply(PostActions.postId(caller, link.communityId()), first.id(), link.communityId(),
                link.slug(), author.id(), author.displayName(), caller.account().platform(), text, caller.at());
        // As for a post: shown here before it can be mirrored (a reply refused below leaves an unread record).
        Channel channel = caller.channel();
        copies.recordOrigin(channel.platform(), channel.id(), messageId, reply.reference());
        return switch (conversations.addReply(reply)) {
            case ADDED, ALREADY_THERE -> {
                mentions.notify(author, caller, reply);
                yield new Reply.Posted(reply);
            }
            case ROOT_GONE -> new Reply.Refused(Message.of("core.intake.rootGone"));
        };
    }

    /**
     * A message over the limits is not taken in, and its writer is told (the tools say a refusal to them alone):
     * refused, it stays in the channel only. Throws {@link Refusal}.
     */
    private void spend(Person author, Caller caller, String text) {
        mentions.allow(caller, text, STAYS);
        quota.spend(author, WriteQuota.Kind.POST, STAYS);
    }

    private static final Message STAYS = Message.of("core.intake.stays");

    private static Message tooLong(Message outcome) {
        return Message.of("core.intake.tooLong", Text.POST_MAX, outcome);
    }

    /** The message was edited in the channel: so is its post, when the same person wrote both. */
    public Optional<Reply> edited(Person author, Caller caller, Link link, String messageId, String text) {
        if (Text.length(text) > Text.POST_MAX) {
            // Slack takes 40,000 characters in a message: a post item stays bounded whatever is edited in.
            return postOf(caller, link, messageId).map(post -> new Reply.Refused(tooLong(Message.of("core.intake.keepsWords"))));
        }
        return postOf(caller, link, messageId).map(post -> {
            if (!conversations.edit(post, author.id(), text)) {
                throw new Refusal(Message.of("core.intake.notAuthorEdit", post.reference()));
            }
            return new Reply.Posted(post.editedTo(text));
        });
    }

    /** The message was deleted in the channel: its post shows as removed. */
    public Optional<Reply> deleted(Person author, Caller caller, Link link, String messageId) {
        return postOf(caller, link, messageId).map(post -> {
            AuditEntry entry = new AuditEntry(PostActions.postId(caller), post.communityId(), "deleted",
                    post.reference(), author.id(), author.displayName(), "in " + caller.channel().label(), caller.at());
            if (!conversations.delete(post, author.id(), entry)) {
                throw new Refusal(Message.of("core.intake.notAuthorDelete", post.reference()));
            }
            return new Reply.Done(Message.of("core.intake.deleted", post.reference()));
        });
    }

    /** The post a message of the link's channel became (not a removed one). */
    private Optional<Post> postOf(Caller caller, Link link, String messageId) {
        Channel channel = caller.channel();
        return copies.find(channel.platform(), channel.id(), messageId)
                .flatMap(ref -> conversations.find(Set.of(link.communityId()), PostRef.parse(ref)))
                .filter(post -> !post.isRemoved());
    }
}
