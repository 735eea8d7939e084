package ciment.core.testing;

import ciment.core.model.Post;
import ciment.core.port.Posts;
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
}
