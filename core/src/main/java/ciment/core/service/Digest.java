package ciment.core.service;

import ciment.core.model.Community;
import ciment.core.model.DigestCadence;
import ciment.core.model.Post;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What one person's digest shows for a period: the busiest threads of their communities (counts only: a thread's
 * replies and reactions, never who), the unanswered questions there that match their skills, and the open
 * communities made in the period that match them. Nothing else: no name of anyone who wrote or reacted.
 *
 * @param since the period's first day (UTC); it ends the day the digest is sent
 */
public record Digest(DigestCadence cadence, LocalDate since, List<Post> busiest, List<Post> questions,
        List<Community> communities) {

    public Digest {
        busiest = List.copyOf(busiest);
        questions = List.copyOf(questions);
        communities = List.copyOf(communities);
    }

    /** Nothing to say: no digest is sent. */
    public boolean isEmpty() {
        return busiest.isEmpty() && questions.isEmpty() && communities.isEmpty();
    }

    /** How many times each community is shown (by id): the run's cost is shared among them in proportion. */
    public Map<String, Integer> shown() {
        Map<String, Integer> shown = new LinkedHashMap<>();
        Stream.concat(busiest.stream(), questions.stream()).forEach(post -> shown.merge(post.communityId(), 1, Integer::sum));
        communities.forEach(community -> shown.merge(community.id(), 1, Integer::sum));
        return shown;
    }

    /** A thread's activity: its replies and reactions together. */
    static int activity(Post post) {
        return post.replyCount() + post.reactions().values().stream().mapToInt(Integer::intValue).sum();
    }
}
