package ciment.core.reply;

import ciment.core.i18n.Catalogue;
import ciment.core.i18n.Message;
import ciment.core.model.Aggregate;
import ciment.core.model.Platform;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A community's activity over its last weeks, for its stewards (and admins): counts in aggregate, per week and
 * per chat tool, never per person. A figure made by fewer than {@link Aggregate#SMALLEST_SHOWN} people (a median
 * over fewer questions) is not shown: it could point at someone.
 *
 * @param weeks  oldest first, Monday-based UTC weeks, the last one begun this week
 * @param read   how many posts and replies the figures were made from
 * @param capped whether older posts or replies were left out (the figures are then from the latest {@code read})
 */
public record Insights(String community, List<Week> weeks, int read, boolean capped) implements Reply.Beside {
    public Insights {
        weeks = List.copyOf(weeks);
    }

    @Override
    public String summary(Catalogue words) {
        return words.say("insights.summary", community, weeks.size(), Aggregate.SMALLEST_SHOWN);
    }

    /** The line under the weeks: from how many posts and replies, when the cap left older ones out. */
    public Message readMessage() {
        return capped ? Message.of("insights.capped", read) : Message.of("insights.read", read);
    }

    /** A week from its Monday: every figure, and the same per tool (where the post or reply was written). */
    public record Week(LocalDate monday, boolean partial, Figures all, Map<Platform, Figures> tools) {
        public Week {
            tools = Map.copyOf(new EnumMap<>(tools));
        }

        /** "Week of 2026-11-30", "(so far)" for the week under way. */
        public Message title() {
            return Message.of(partial ? "insights.week.partial" : "insights.week", monday.toString());
        }

        /** One line per figure: its name, then its value in all and per tool. */
        public List<Line> lines() {
            List<Line> lines = new ArrayList<>();
            lines.add(line("insights.active", Figures::active));
            lines.add(line("insights.posts", Figures::posts));
            lines.add(line("insights.replies", Figures::replies));
            lines.add(line("insights.asked", Figures::asked));
            lines.add(line("insights.answered", Figures::answered));
            lines.add(line("insights.firstAnswer", Figures::firstAnswer));
            return lines;
        }

        private Line line(String key, Function<Figures, Figure> figure) {
            List<Object> perTool = new ArrayList<>();
            for (Platform tool : Platform.values()) {
                perTool.add(Message.of("insights.tool", tool.label(), figure.apply(tools.getOrDefault(tool, Figures.NONE))
                        .message()));
            }
            return new Line(Message.of(key), Message.of("insights.value", figure.apply(all).message(),
                    perTool.get(0), perTool.get(1)));
        }
    }

    /** A figure's name and what it says. */
    public record Line(Message label, Message value) {
    }

    /** The figures of a week, in all or for one tool. */
    public record Figures(Figure active, Figure posts, Figure replies, Figure asked, Figure answered,
            Figure firstAnswer) {
        public static final Figures NONE = new Figures(Count.NONE, Count.NONE, Count.NONE, Count.NONE, Count.NONE,
                Median.NONE);
    }

    /** A figure as a reader sees it: its value, or why it is not shown. */
    public sealed interface Figure {
        boolean shown();

        Message message();
    }

    /** How many (posts, people...), made by {@code people} distinct people. */
    public record Count(int value, int people) implements Figure {
        public static final Count NONE = new Count(0, 0);

        @Override
        public boolean shown() {
            return value == 0 || people >= Aggregate.SMALLEST_SHOWN;
        }

        @Override
        public Message message() {
            return shown() ? Message.of("insights.count", value)
                    : Message.of("insights.fewerPeople", Aggregate.SMALLEST_SHOWN);
        }
    }

    /** The median time to a first answer over {@code questions} answered questions. */
    public record Median(Duration value, int questions) implements Figure {
        public static final Median NONE = new Median(Duration.ZERO, 0);

        @Override
        public boolean shown() {
            return questions >= Aggregate.SMALLEST_SHOWN;
        }

        @Override
        public Message message() {
            if (questions == 0) {
                return Message.of("insights.noAnswer");
            }
            if (!shown()) {
                return Message.of("insights.fewerQuestions", Aggregate.SMALLEST_SHOWN);
            }
            long minutes = Math.max(1, value.toMinutes());
            if (minutes < 60) {
                return Message.of("insights.minutes", minutes);
            }
            double hours = value.toMinutes() / 60.0;
            return hours < 48 ? Message.of("insights.hours", hours) : Message.of("insights.days", hours / 24);
        }
    }
}
