package ciment.core.service;

import ciment.core.i18n.Message;
import ciment.core.model.AuditEntry;
import ciment.core.model.Caller;
import ciment.core.model.Community;
import ciment.core.model.Membership;
import ciment.core.model.Person;
import ciment.core.model.Post;
import ciment.core.model.PostRef;
import ciment.core.model.Refusal;
import ciment.core.model.Slug;
import ciment.core.port.Communities;
import ciment.core.port.Conversations;
import ciment.core.reply.Reply;
import java.util.List;

/** Replies and threads, reactions, edits and deletes by authors, hiding by stewards, and the audit trail. */
public record ConversationActions(Communities communities, Conversations conversations,
        CommunityActions communityActions, PostLocator locator, MentionNotices mentions, WriteQuota quota) {
    static final int AUDIT_PAGE = 20;

    public Reply reply(Person author, Caller caller, PostRef ref, String text) {
        if (ref.isReply()) {
            throw new Refusal(Message.of("core.reply.toRoot", ref.rootId()));
        }
        PostLocator.Located root = locator.locate(author, ref);
        if (root.post().isRemoved() || root.post().isHidden()) {
            throw new Refusal(Message.of(root.post().isRemoved() ? "core.reply.rootDeleted" : "core.reply.rootHidden",
                    ref));
        }
        writable(root);
        mentions.allow(caller, text, Message.of("core.nothing.replied"));
        quota.spend(author, WriteQuota.Kind.POST, Message.of("core.nothing.replied"));
        Post reply = Post.reply(PostActions.postId(caller, root.post().communityId()), root.post().id(),
                root.post().communityId(),
                root.post().slug(), author.id(), author.displayName(), caller.account().platform(), text, caller.at());
        return switch (conversations.addReply(reply)) {
            // ALREADY_THERE: this very request was handled before; show the same reply again.
            case ADDED, ALREADY_THERE -> {
                mentions.notify(author, caller, reply);
                yield new Reply.Posted(reply);
            }
            case ROOT_GONE -> throw new Refusal(Message.of("core.reply.rootGone", ref));
        };
    }

    public Reply thread(Person reader, PostRef ref) {
        PostLocator.Located found = locator.locate(reader, new PostRef(null, ref.isReply() ? ref.rootId() : ref.id()));
        List<Post> thread = conversations.thread(found.post().communityId(), found.post().id());
        if (thread.isEmpty()) {
            throw new Refusal(PostLocator.notFound(ref));
        }
        Post root = thread.get(0);
        // The accepted answer is kept on the question; its reply is marked as the thread is read.
        List<Post> replies = thread.subList(1, thread.size()).stream()
                .map(reply -> reply.id().equals(root.marks().answerId())
                        ? reply.withMarks(new Post.Marks(false, reply.id(), reply.isPinned())) : reply)
                .toList();
        return new Reply.Thread(root, replies);
    }

    public Reply react(Person person, PostRef ref, String emoji, boolean add) {
        PostLocator.Located found = locator.locate(person, ref);
        if (found.post().isHidden() || found.post().isRemoved()) {
            throw new Refusal(Message.of(found.post().isHidden() ? "core.react.hidden" : "core.react.deleted", ref));
        }
        writable(found);
        if (add && !found.post().shows(emoji) && found.post().emojiShown() >= Post.MAX_EMOJI) {
            throw full(ref, emoji);
        }
        quota.spend(person, WriteQuota.Kind.REACTION, Message.of("core.nothing.changed"));
        return switch (conversations.react(found.post(), emoji, person.id(), add)) {
            case CHANGED -> new Reply.Done(Message.of(add ? "core.react.done" : "core.unreact.done", emoji, ref));
            case UNCHANGED -> new Reply.Done(Message.of(add ? "core.react.already" : "core.unreact.never", emoji, ref));
            case FULL -> throw full(ref, emoji); // another emoji took the last place meanwhile
        };
    }

    /** Custom emoji are many: a post shows a bounded number of them, so that its item stays small. */
    private static Refusal full(PostRef ref, String emoji) {
        return new Refusal(Message.of("core.react.full", ref, Post.MAX_EMOJI, emoji));
    }

    public Reply edit(Person author, Caller caller, PostRef ref, String text) {
        PostLocator.Located found = locator.locate(author, ref);
        ownedBy(author, found.post(), "edit");
        writable(found);
        mentions.allow(caller, text, Message.of("core.nothing.edited"));
        if (!conversations.edit(found.post(), author.id(), text)) {
            throw new Refusal(Message.of("core.edit.notYours", ref));
        }
        Post edited = found.post().editedTo(text);
        mentions.notify(author, caller, edited); // people newly mentioned; the others were told already
        return new Reply.Posted(edited);
    }

    public Reply delete(Person author, Caller caller, PostRef ref) {
        PostLocator.Located found = locator.locate(author, ref);
        ownedBy(author, found.post(), "delete");
        AuditEntry entry = entry(caller, found, author, "deleted", "by its author");
        if (!conversations.delete(found.post(), author.id(), entry)) {
            throw new Refusal(Message.of("core.delete.notYours", ref));
        }
        return new Reply.Done(Message.of("core.delete.done", ref, found.post().slug()));
    }

    public Reply hide(Person steward, Caller caller, PostRef ref, String reason) {
        PostLocator.Located found = locator.locate(steward, ref);
        if (!found.membership().isSteward()) {
            throw new Refusal(Message.of("core.hide.notSteward", found.post().slug()));
        }
        if (found.post().isRemoved()) {
            throw new Refusal(Message.of("core.hide.removed", ref));
        }
        if (!conversations.hide(found.post(), reason, entry(caller, found, steward, "hid", reason))) {
            throw new Refusal(Message.of("core.hide.already", ref));
        }
        return new Reply.Done(Message.of("core.hide.done", ref, found.post().slug(), Message.verbatim(reason)));
    }

    public Reply audit(Person steward, Slug slug) {
        Community community = communityActions.visibleTo(steward, slug);
        boolean isSteward = communities.membership(community.id(), steward.id()).map(Membership::isSteward).orElse(false);
        if (!isSteward) {
            throw new Refusal(Message.of("core.audit.notSteward", slug));
        }
        return new Reply.Audit(slug.value(), conversations.audit(community.id(), AUDIT_PAGE));
    }

    private static AuditEntry entry(Caller caller, PostLocator.Located found, Person actor, String action, String reason) {
        return new AuditEntry(PostActions.postId(caller), found.post().communityId(), action,
                found.post().reference(), actor.id(), actor.displayName(), reason, caller.at());
    }

    private static void ownedBy(Person person, Post post, String verb) {
        if (post.isRemoved()) {
            throw new Refusal(Message.of("core.own.removed." + verb, post.reference()));
        }
        if (!person.id().equals(post.authorId())) {
            throw new Refusal(Message.of("core.own.notYours." + verb, post.reference(),
                    Message.verbatim(post.authorName())));
        }
        if (post.isHidden() && verb.equals("edit")) {
            throw new Refusal(Message.of("core.edit.hidden", post.reference()));
        }
    }

    private void writable(PostLocator.Located found) {
        communities.find(found.post().slug()).ifPresent(CommunityActions::writable);
    }

}
