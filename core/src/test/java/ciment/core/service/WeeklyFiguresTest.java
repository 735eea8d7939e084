package ciment.core.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.core.i18n.Catalogue;
import ciment.core.i18n.Language;
import ciment.core.model.Platform;
import ciment.core.model.Post;
import ciment.core.model.Slug;
import ciment.core.model.Ulid;
import ciment.core.port.Posts;
import ciment.core.reply.Insights;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The figures of a week, made from posts and replies: buckets, thresholds of 5 people, medians, tools. */
class WeeklyFiguresTest {
    /** A Thursday: this week began Monday 2026-11-30, the first shown 2026-11-09. */
    private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");
    private static final Instant MONDAY = Instant.parse("2026-11-30T00:00:00Z");
    private final List<Post> posts = new ArrayList<>();
    private final List<Post> replies = new ArrayList<>();

    private Post post(String author, Platform tool, Instant at) {
        Post post = new Post(Ulid.random(at), "c1", new Slug("data-guild"), author, author, tool, "words", at);
        posts.add(post);
        return post;
    }

    private Post question(String author, Platform tool, Instant at) {
        Post question = post(author, tool, at);
        posts.set(posts.size() - 1, question.withMarks(Post.Marks.QUESTION));
        return posts.getLast();
    }

    private Post reply(Post root, String author, Platform tool, Instant at) {
        Post reply = Post.reply(Ulid.random(at), root.id(), "c1", root.slug(), author, author, tool, "yes", at);
        replies.add(reply);
        return reply;
    }

    private List<Insights.Week> weeks() {
        return WeeklyFigures.of(new Posts.Recent(posts, replies, false), NOW);
    }

    private Insights.Week thisWeek() {
        return weeks().getLast();
    }

    @Test
    void fourMondayBasedWeeks_oldestFirst_theLastPartial() {
        List<Insights.Week> weeks = weeks();

        assertEquals(List.of(LocalDate.of(2026, 11, 9), LocalDate.of(2026, 11, 16), LocalDate.of(2026, 11, 23),
                LocalDate.of(2026, 11, 30)), weeks.stream().map(Insights.Week::monday).toList());
        assertEquals(List.of(false, false, false, true), weeks.stream().map(Insights.Week::partial).toList());
        assertEquals(Instant.parse("2026-11-09T00:00:00Z"), WeeklyFigures.start(NOW));
    }

    @Test
    void aPostAtMondayMidnight_countsInTheNewWeek_oneAMillisecondBefore_inThePrevious() {
        IntStream.range(0, 5).forEach(i -> post("p" + i, Platform.SLACK, MONDAY));
        IntStream.range(0, 5).forEach(i -> post("q" + i, Platform.SLACK, MONDAY.minusMillis(1)));
        post("q0", Platform.SLACK, MONDAY.minusMillis(1));

        List<Insights.Week> weeks = weeks();

        assertEquals(5, ((Insights.Count) weeks.get(3).all().posts()).value());
        assertEquals(6, ((Insights.Count) weeks.get(2).all().posts()).value());
        assertEquals(5, ((Insights.Count) weeks.get(2).all().active()).value());
    }

    @Test
    void fivePeople_areShown_four_areFewerThanFive_evenWithManyPosts() {
        IntStream.range(0, 5).forEach(i -> post("p" + i, Platform.SLACK, MONDAY.plusSeconds(i)));
        IntStream.range(0, 20).forEach(i -> reply(posts.getFirst(), "r" + (i % 4), Platform.SLACK, MONDAY.plusSeconds(60 + i)));

        Insights.Figures all = thisWeek().all();

        assertTrue(all.posts().shown());
        assertEquals("5", Catalogue.ENGLISH.say(all.posts().message()));
        assertFalse(all.replies().shown(), "20 replies by 4 people");
        assertEquals("fewer than 5 people", Catalogue.ENGLISH.say(all.replies().message()));
        assertEquals("9", Catalogue.ENGLISH.say(all.active().message()));
    }

    @Test
    void activeMembers_areDistinctPeople_whoPosted_replied_orAsked() {
        Post root = post("ada", Platform.SLACK, MONDAY);
        post("ada", Platform.SLACK, MONDAY.plusSeconds(1));
        reply(root, "bob", Platform.TEAMS, MONDAY.plusSeconds(2));
        reply(root, "ada", Platform.SLACK, MONDAY.plusSeconds(3));
        question("cy", Platform.TEAMS, MONDAY.plusSeconds(4));

        Insights.Count active = (Insights.Count) thisWeek().all().active();

        assertEquals(3, active.value());
        assertFalse(active.shown());
    }

    @Test
    void questionsAsked_andAnswered_eachNeedFivePeople() {
        for (int i = 0; i < 5; i++) {
            Post q = question("asker" + i, Platform.TEAMS, MONDAY.plusSeconds(i));
            reply(q, "helper" + (i % 3), Platform.SLACK, MONDAY.plusSeconds(600 + i));
        }

        Insights.Figures all = thisWeek().all();

        assertEquals("5", Catalogue.ENGLISH.say(all.asked().message()));
        assertEquals(new Insights.Count(5, 3), all.answered());
        assertEquals("fewer than 5 people", Catalogue.ENGLISH.say(all.answered().message()));
        assertEquals(0, ((Insights.Count) all.posts()).value(), "questions are not counted again as posts");
    }

    @Test
    void medianTimeToAFirstAnswer_ignoresTheAskersOwnReplies_andTakesAnEarlierAcceptedAnswer() {
        long[] minutes = {10, 20, 30, 40, 50};
        for (int i = 0; i < minutes.length; i++) {
            Post q = question("asker" + i, Platform.SLACK, MONDAY.plusSeconds(i));
            reply(q, "asker" + i, Platform.SLACK, q.createdAt().plus(Duration.ofMinutes(1))); // the asker: not an answer
            reply(q, "helper" + i, Platform.SLACK, q.createdAt().plus(Duration.ofMinutes(minutes[i])));
        }
        // The last question's asker found out and accepted their own reply, at 5 minutes: earlier than 50.
        Post last = posts.getLast();
        Post own = reply(last, "asker4", Platform.SLACK, last.createdAt().plus(Duration.ofMinutes(5)));
        posts.set(posts.size() - 1, last.withMarks(new Post.Marks(true, own.id(), false)));

        Insights.Median median = (Insights.Median) thisWeek().all().firstAnswer();

        assertEquals(5, median.questions());
        assertEquals(Duration.ofMinutes(20), median.value(), "5, 10, 20, 30, 40 minutes");
        assertEquals("20 min", Catalogue.ENGLISH.say(median.message()));
    }

    @Test
    void median_ofAnEvenCount_isTheMeanOfTheMiddleTwo_andOverFourQuestions_isNotShown() {
        assertEquals(Duration.ofMinutes(25), WeeklyFigures.median(List.of(Duration.ofMinutes(40), Duration.ofMinutes(10),
                Duration.ofMinutes(20), Duration.ofMinutes(30))));
        Insights.Median four = new Insights.Median(Duration.ofMinutes(25), 4);
        assertEquals("fewer than 5 questions", Catalogue.ENGLISH.say(four.message()));
        assertEquals("1,5 h", Catalogue.of(Language.FRENCH).orElseThrow().say(new Insights.Median(Duration.ofMinutes(90), 5).message()));
    }

    @Test
    void perTool_splitsByWhereEachWasWritten() {
        IntStream.range(0, 5).forEach(i -> post("s" + i, Platform.SLACK, MONDAY.plusSeconds(i)));
        IntStream.range(0, 2).forEach(i -> post("t" + i, Platform.TEAMS, MONDAY.plusSeconds(10 + i)));

        Insights.Week week = thisWeek();

        assertEquals(new Insights.Count(7, 7), week.all().posts());
        assertEquals(new Insights.Count(5, 5), week.tools().get(Platform.SLACK).posts());
        assertEquals(new Insights.Count(2, 2), week.tools().get(Platform.TEAMS).posts());
        assertEquals("7 (Slack: 5, Teams: fewer than 5 people)",
                Catalogue.ENGLISH.say(week.lines().get(1).value()));
    }

    @Test
    void removedPosts_areLeftOut_hiddenOnes_count() {
        IntStream.range(0, 4).forEach(i -> post("p" + i, Platform.SLACK, MONDAY.plusSeconds(i)));
        Post erased = post("gone", Platform.SLACK, MONDAY.plusSeconds(5));
        posts.set(posts.size() - 1, erased.asRemoved());
        Post hidden = post("hid", Platform.SLACK, MONDAY.plusSeconds(6));
        posts.set(posts.size() - 1, hidden.hiddenFor("spam"));

        assertEquals(new Insights.Count(5, 5), thisWeek().all().posts());
    }

    @Test
    void frenchNumbers_areGroupedTheFrenchWay() {
        String said = Catalogue.of(Language.FRENCH).orElseThrow().say(new Insights.Count(1234, 50).message());

        assertEquals("1 234", said.replace('\u202f', ' ').replace('\u00a0', ' '));
    }
}
