package ciment.core.service;

import ciment.core.i18n.Catalogue;
import ciment.core.i18n.Message;
import ciment.core.model.Caller;
import ciment.core.model.ChatMessage;
import ciment.core.model.Community;
import ciment.core.model.Person;
import ciment.core.model.Post;
import ciment.core.model.Refusal;
import ciment.core.model.Slug;
import ciment.core.model.Text;
import ciment.core.port.Communities;
import ciment.core.port.Conversations;
import ciment.core.port.PersonalRecords;
import ciment.core.port.Posts;
import ciment.core.reply.Reply;
import java.util.List;

/**
 * "Save to community": a chat message (and the replies of its thread) becomes a community post with its
 * replies. The person saving it posts it, so it is theirs to edit or delete; each text starts with the name
 * of whoever wrote it in the chat tool, so the words stay credited to their author, and each post is recorded
 * as carrying their words: erasing their data removes it.
 */
public record CaptureActions(Communities communities, Posts posts, Conversations conversations,
        CommunityActions communityActions, PersonalRecords records, WriteQuota quota) {
    /** The most replies of a thread saved with its first message. */
    static final int MAX_REPLIES = 50;

    public Reply save(Person saver, Caller caller, Slug slug, List<ChatMessage> messages) {
        if (messages.isEmpty() || messages.get(0).text().isBlank()) {
            throw new Refusal(Message.of("core.save.noText"));
        }
        Community community = CommunityActions.writable(communityActions.visibleTo(saver, slug));
        if (communities.membership(community.id(), saver.id()).isEmpty()) {
            throw new Refusal(Message.of("core.save.notMember", slug));
        }
        // One post spent for the message and its thread: saving is one act, its replies come with it.
        quota.spend(saver, WriteQuota.Kind.POST, Message.of("core.nothing.saved"));
        Post root = new Post(PostActions.postId(caller, community.id()), community.id(), slug, saver.id(),
                saver.displayName(), caller.account().platform(), credited(messages.get(0)), caller.at());
        posts.add(root); // false: this very request was handled before, and its replies were too
        credit(messages.get(0), root, caller);
        List<ChatMessage> replies = messages.subList(1, Math.min(messages.size(), MAX_REPLIES + 1));
        for (int i = 0; i < replies.size(); i++) {
            if (replies.get(i).text().isBlank()) {
                continue;
            }
            // Derived from the request and the reply's place: saving again after a retry finds the same ids.
            Caller nth = new Caller(caller.account(), caller.introduction(),
                    caller.requestId() == null ? null : caller.requestId() + "/" + (i + 1), caller.at().plusMillis(i + 1L),
                    caller.directory(), caller.replyTo());
            Post reply = Post.reply(PostActions.postId(nth, community.id()), root.id(), community.id(), slug,
                    saver.id(), saver.displayName(), caller.account().platform(), credited(replies.get(i)), nth.at());
            conversations.addReply(reply);
            credit(replies.get(i), reply, caller);
        }
        return new Reply.Posted(root.withReplies(replies.size(), null));
    }

    /** The post carries its writer's words: recorded, unless the writer is the one saving it (it is theirs). */
    private void credit(ChatMessage message, Post post, Caller caller) {
        if (message.author() != null && !message.author().equals(caller.account())) {
            records.credit(message.author(), post);
        }
    }

    /** "Ada Lovelace in Slack: …", cut to a post's length. */
    static String credited(ChatMessage message) {
        // Part of the post's text, as stored: one language for every reader, English.
        String text = Catalogue.ENGLISH.say(Message.of("core.save.credit", Message.verbatim(message.authorName()),
                message.platform().label(), Message.verbatim(message.text().strip())));
        return Text.cut(text, Text.POST_MAX);
    }
}
