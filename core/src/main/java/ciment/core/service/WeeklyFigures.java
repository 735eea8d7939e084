package ciment.core.service;

import ciment.core.model.Platform;
import ciment.core.model.Post;
import ciment.core.port.Posts;
import ciment.core.reply.Insights;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A community's figures by week, made on read from its posts and replies (nothing is counted as it is written).
 * A removed post or reply (deleted by its author, or erased with them) is left out: nothing of an erased person
 * stays, not even in a count. A hidden one counts: it was written, a steward hid its words.
 */
final class WeeklyFigures {
    static final int WEEKS = 4;

    private WeeklyFigures() {
    }

    /** The first day of the first week shown: the Monday {@link #WEEKS} - 1 weeks before this week's, in UTC. */
    static Instant start(Instant now) {
        return monday(now).minusWeeks(WEEKS - 1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    static List<Insights.Week> of(Posts.Recent recent, Instant now) {
        List<Post> posts = recent.posts().stream().filter(p -> !p.isRemoved()).toList();
        List<Post> replies = recent.replies().stream().filter(r -> !r.isRemoved()).toList();
        Map<String, Answer> answers = firstAnswers(posts, replies);
        LocalDate thisWeek = monday(now);
        List<Insights.Week> weeks = new ArrayList<>();
        for (int back = WEEKS - 1; back >= 0; back--) {
            LocalDate monday = thisWeek.minusWeeks(back);
            Instant from = monday.atStartOfDay(ZoneOffset.UTC).toInstant();
            Instant to = from.plus(Duration.ofDays(7));
            Predicate<Post> inWeek = p -> !p.createdAt().isBefore(from) && p.createdAt().isBefore(to);
            List<Post> weekPosts = posts.stream().filter(inWeek).toList();
            List<Post> weekReplies = replies.stream().filter(inWeek).toList();
            Map<Platform, Insights.Figures> tools = new EnumMap<>(Platform.class);
            for (Platform tool : Platform.values()) {
                Predicate<Post> on = p -> p.origin() == tool;
                tools.put(tool, figures(weekPosts.stream().filter(on).toList(),
                        weekReplies.stream().filter(on).toList(), answers));
            }
            weeks.add(new Insights.Week(monday, back == 0, figures(weekPosts, weekReplies, answers), tools));
        }
        return weeks;
    }

    private static LocalDate monday(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    private static Insights.Figures figures(List<Post> posts, List<Post> replies, Map<String, Answer> answers) {
        List<Post> started = posts.stream().filter(p -> !p.isQuestion()).toList();
        List<Post> asked = posts.stream().filter(Post::isQuestion).toList();
        Set<String> active = new HashSet<>();
        posts.forEach(p -> active.add(p.authorId()));
        replies.forEach(r -> active.add(r.authorId()));
        List<Answer> answered = asked.stream().map(q -> answers.get(q.id())).filter(a -> a != null).toList();
        Set<String> answerers = new HashSet<>();
        answered.forEach(a -> answerers.add(a.by()));
        return new Insights.Figures(new Insights.Count(active.size(), active.size()), count(started), count(replies),
                count(asked), new Insights.Count(answered.size(), answerers.size()),
                new Insights.Median(median(answered.stream().map(Answer::after).toList()), answered.size()));
    }

    private static Insights.Count count(List<Post> made) {
        return new Insights.Count(made.size(), (int) made.stream().map(Post::authorId).distinct().count());
    }

    /** How long after being asked a question got its first answer, and from whom (to count the people). */
    private record Answer(Duration after, String by) {
    }

    /**
     * Each question's first answer: the first reply by someone other than the asker, or the accepted answer
     * when it came earlier (an asker may accept their own reply, having found out).
     */
    private static Map<String, Answer> firstAnswers(List<Post> posts, List<Post> replies) {
        Map<String, Post> questions = new HashMap<>();
        posts.stream().filter(Post::isQuestion).forEach(q -> questions.put(q.id(), q));
        Map<String, Post> first = new HashMap<>();
        for (Post reply : replies) {
            Post question = questions.get(reply.rootId());
            if (question == null) {
                continue;
            }
            boolean answers = !reply.authorId().equals(question.authorId()) || reply.id().equals(question.marks().answerId());
            if (answers) {
                first.merge(question.id(), reply, (a, b) -> a.createdAt().isAfter(b.createdAt()) ? b : a);
            }
        }
        Map<String, Answer> answers = new HashMap<>();
        first.forEach((id, reply) -> answers.put(id, new Answer(
                Duration.between(questions.get(id).createdAt(), reply.createdAt()), reply.authorId())));
        return answers;
    }

    static Duration median(List<Duration> durations) {
        if (durations.isEmpty()) {
            return Duration.ZERO;
        }
        List<Duration> sorted = durations.stream().sorted(Comparator.naturalOrder()).toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : sorted.get(middle - 1).plus(sorted.get(middle)).dividedBy(2);
    }
}
