package ciment.core.testing;

import ciment.core.model.Post;
import ciment.core.port.Questions;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Accepted answers and pins in memory, as marks on the stored posts. */
final class InMemoryQuestions implements Questions {
    private final InMemoryTable table;

    InMemoryQuestions(InMemoryTable table) {
        this.table = table;
    }

    @Override
    public boolean accept(Post question, Post answer) {
        synchronized (table) {
            Post root = table.posts.get(question.id());
            if (root == null || !root.isQuestion() || root.isRemoved() || root.isHidden()) {
                return false;
            }
            table.posts.put(root.id(), root.withMarks(new Post.Marks(true, answer.id(), root.isPinned())));
            table.writes++;
            return true;
        }
    }

    @Override
    public List<Post> questions(String communityId, boolean unansweredOnly, int limit) {
        synchronized (table) {
            Comparator<Post> answeredLast = Comparator.comparing(Post::isAnswered);
            return table.posts.values().stream()
                    .filter(p -> p.communityId().equals(communityId) && p.isQuestion() && !p.isRemoved())
                    .filter(p -> !unansweredOnly || !p.isAnswered())
                    .sorted(answeredLast.thenComparing(Comparator.comparing(Post::id).reversed())).limit(limit).toList();
        }
    }

    @Override
    public boolean pin(Post post, boolean pin) {
        synchronized (table) {
            Post current = table.current(post);
            if (current == null || current.isRemoved() || current.isPinned() == pin) {
                return false;
            }
            Post.Marks marks = current.marks();
            table.store(current.withMarks(new Post.Marks(marks.question(), marks.answerId(), pin)));
            table.writes++;
            return true;
        }
    }

    @Override
    public List<Post> knowledge(String communityId, int limit) {
        synchronized (table) {
            return Stream.concat(table.posts.values().stream(), table.replies.values().stream())
                    .filter(p -> p.communityId().equals(communityId) && p.isPinned())
                    .sorted(Comparator.comparing(Post::id).reversed()).limit(limit).toList();
        }
    }
}
