package ciment.core.testing;

import ciment.core.model.Post;
import ciment.core.model.Ulid;
import ciment.core.port.Posts;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Posts (first posts of threads) in memory, newest first as the table's sort key orders them. */
final class InMemoryPosts implements Posts {
    private final InMemoryTable table;

    InMemoryPosts(InMemoryTable table) {
        this.table = table;
    }

    @Override
    public boolean add(Post post) {
        synchronized (table) {
            if (table.posts.containsKey(post.id())) {
                return false;
            }
            table.stored.accept(post);
            table.posts.put(post.id(), post);
            table.writes++;
            return true;
        }
    }

    @Override
    public List<Post> latest(String communityId, int limit) {
        synchronized (table) {
            return table.posts.values().stream()
                    .filter(p -> p.communityId().equals(communityId))
                    .sorted(Comparator.comparing(Post::id).reversed())
                    .limit(limit)
                    .toList();
        }
    }

    /** Pages as the table does, without its size limit: at most {@code limit} posts. */
    @Override
    public Page page(String communityId, Optional<String> before, int limit) {
        synchronized (table) {
            List<Post> older = table.posts.values().stream()
                    .filter(p -> p.communityId().equals(communityId))
                    .filter(p -> before.isEmpty() || p.id().compareTo(before.get()) < 0)
                    .sorted(Comparator.comparing(Post::id).reversed())
                    .toList();
            return new Page(older.subList(0, Math.min(limit, older.size())), older.size() > limit);
        }
    }

    /** As the table reads them: two key ranges by id (a reply's by its thread's id), newest first, capped in all. */
    @Override
    public Recent recent(String communityId, Instant postsFrom, Instant threadsFrom, int cap) {
        synchronized (table) {
            List<Post> posts = table.posts.values().stream()
                    .filter(p -> p.communityId().equals(communityId))
                    .filter(p -> p.id().compareTo(Ulid.earliest(postsFrom)) >= 0)
                    .sorted(Comparator.comparing(Post::id).reversed())
                    .toList();
            List<Post> replies = table.replies.values().stream()
                    .filter(r -> r.communityId().equals(communityId))
                    .filter(r -> r.rootId().compareTo(Ulid.earliest(threadsFrom)) >= 0)
                    .sorted(Comparator.comparing(Post::rootId).thenComparing(Post::id).reversed())
                    .toList();
            int postsKept = Math.min(cap, posts.size());
            int repliesKept = Math.min(cap - postsKept, replies.size());
            return new Recent(posts.subList(0, postsKept), replies.subList(0, repliesKept),
                    postsKept < posts.size() || repliesKept < replies.size());
        }
    }
}
