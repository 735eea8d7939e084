package ciment.core.testing;

import ciment.core.model.AuditEntry;
import ciment.core.model.Post;
import ciment.core.model.PostRef;
import ciment.core.port.Conversations;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Replies, reactions, edits and moderation in memory, keeping each thread's first post up to date as the table does. */
final class InMemoryConversations implements Conversations {
    private final InMemoryTable table;

    InMemoryConversations(InMemoryTable table) {
        this.table = table;
    }

    @Override
    public Optional<Post> find(Collection<String> communityIds, PostRef ref) {
        synchronized (table) {
            Post post = ref.isReply() ? table.replies.get(ref.id()) : table.posts.get(ref.id());
            return Optional.ofNullable(post).filter(p -> communityIds.contains(p.communityId()))
                    .filter(p -> !ref.isReply() || ref.rootId().equals(p.rootId()));
        }
    }

    @Override
    public Added addReply(Post reply) {
        synchronized (table) {
            if (table.replies.containsKey(reply.id())) {
                return Added.ALREADY_THERE;
            }
            table.stored.accept(reply);
            Post root = table.posts.get(reply.rootId());
            if (root == null || root.isRemoved() || root.isHidden()) {
                return Added.ROOT_GONE;
            }
            table.replies.put(reply.id(), reply);
            table.posts.put(root.id(), root.withReplies(root.replyCount() + 1, reply.preview()));
            table.writes++;
            return Added.ADDED;
        }
    }

    @Override
    public List<Post> thread(String communityId, String rootId) {
        synchronized (table) {
            Post root = table.posts.get(rootId);
            if (root == null || !root.communityId().equals(communityId)) {
                return List.of();
            }
            List<Post> thread = new ArrayList<>(List.of(root));
            table.replies.values().stream().filter(r -> rootId.equals(r.rootId())).sorted(Comparator.comparing(Post::id))
                    .forEach(thread::add);
            return thread;
        }
    }

    @Override
    public Reacted react(Post post, String emoji, String personId, boolean add) {
        synchronized (table) {
            Post current = table.current(post);
            if (current == null || current.isHidden() || current.isRemoved()) {
                return Reacted.UNCHANGED;
            }
            String key = post.id() + "#" + emoji + "#" + personId;
            if (add && !current.reactions().containsKey(emoji) && current.reactions().size() >= Post.MAX_EMOJI) {
                return Reacted.FULL;
            }
            if (add ? !table.reactions.add(key) : !table.reactions.remove(key)) {
                return Reacted.UNCHANGED;
            }
            Map<String, Integer> counts = new HashMap<>(current.reactions());
            counts.merge(emoji, add ? 1 : -1, Integer::sum);
            counts.values().removeIf(count -> count <= 0); // as in the table: an emoji nobody shows leaves its place
            table.store(current.withReactions(counts));
            table.writes++;
            return Reacted.CHANGED;
        }
    }

    @Override
    public boolean edit(Post post, String authorId, String text) {
        synchronized (table) {
            Post current = table.current(post);
            if (current == null || !authorId.equals(current.authorId())) {
                return false;
            }
            table.store(current.editedTo(text));
            table.writes++;
            Post root = current.isReply() ? table.posts.get(current.rootId()) : null;
            if (root != null && current.preview().equals(root.latestReply())) {
                table.posts.put(root.id(), root.withReplies(root.replyCount(), current.editedTo(text).preview()));
            }
            return true;
        }
    }

    @Override
    public boolean delete(Post post, String authorId, AuditEntry entry) {
        synchronized (table) {
            Post current = table.current(post);
            if (current == null || !authorId.equals(current.authorId())) {
                return false;
            }
            table.store(current.asRemoved());
            table.audits.add(entry);
            table.writes++;
            forgetLatestReply(current);
            return true;
        }
    }

    @Override
    public boolean hide(Post post, String reason, AuditEntry entry) {
        synchronized (table) {
            Post current = table.current(post);
            if (current == null || current.isHidden() || current.isRemoved()) {
                return false;
            }
            table.store(current.hiddenFor(reason));
            table.audits.add(entry);
            table.writes++;
            forgetLatestReply(current);
            return true;
        }
    }

    /** A reply gone from view leaves its thread's first post if it was the latest one shown there. */
    private void forgetLatestReply(Post current) {
        Post root = current.isReply() ? table.posts.get(current.rootId()) : null;
        if (root != null && current.preview().equals(root.latestReply())) {
            table.posts.put(root.id(), root.withReplies(root.replyCount(), null));
        }
    }

    @Override
    public List<AuditEntry> audit(String communityId, int limit) {
        synchronized (table) {
            return table.audits.stream().filter(a -> a.communityId().equals(communityId))
                    .sorted(Comparator.comparing(AuditEntry::id).reversed()).limit(limit).toList();
        }
    }
}
