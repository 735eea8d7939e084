package ciment.local;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a soak measured ({@link MirrorSoak}): the actions by kind, the copies expected and delivered, duplicates
 * and copies left visible by tool, the lag of each action (from its answer to the moment every other channel showed
 * it) and after the last, stalls, dead letters, faults armed and met, and what was wrong.
 */
record SoakReport(MirrorSoak.Options options, Duration wall, Map<String, Integer> actions, int posts,
        int copiesExpected, Map<String, Integer> copiesDelivered, Map<String, Integer> duplicates,
        Map<String, Integer> leftVisible, List<Duration> lags, Map<String, List<Duration>> lagsByTool, int actionsNotDone,
        Duration afterTheLast, int stalls,
        int deadLetters, Map<String, Integer> faultsArmed, Map<String, Integer> faultsMet, List<String> problems) {

    Duration lag(double percentile) {
        return percentile(lags, percentile);
    }

    private static Duration percentile(List<Duration> lags, double percentile) {
        if (lags.isEmpty()) {
            return Duration.ZERO;
        }
        List<Duration> sorted = lags.stream().sorted().toList();
        int index = (int) Math.ceil(percentile / 100 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    int duplicates(String tool) {
        return duplicates.getOrDefault(tool, 0);
    }

    int faultsMet(String prefix) {
        return faultsMet.entrySet().stream().filter(e -> e.getKey().startsWith(prefix)).mapToInt(Map.Entry::getValue)
                .sum();
    }

    /** The figures as a Markdown page (bench/results/soak-*.md). */
    String toMarkdown(String title) {
        StringBuilder page = new StringBuilder("# " + title + "\n\n");
        page.append("Run: `make soak` (").append(options.actions()).append(" actions, seed ").append(options.seed())
                .append(", one action every ").append(options.every().toMillis()).append(" ms, a fault every ")
                .append(options.faultEvery()).append(" actions). Wall time: ").append(seconds(wall)).append(".\n\n");
        page.append("| Figure | Value |\n|---|---|\n");
        row(page, "Actions", actions.values().stream().mapToInt(Integer::intValue).sum() + " (" + actions + ")");
        row(page, "Posts written (messages and thread replies)", posts);
        row(page, "Copies expected (each post in the 3 other channels)", copiesExpected);
        row(page, "Copies delivered, by tool", copiesDelivered);
        row(page, "Duplicate copies, by tool", duplicates.isEmpty() ? "none" : duplicates);
        row(page, "Duplicates left visible after their post was deleted", leftVisible.isEmpty() ? "none" : leftVisible);
        row(page, "Lag after each action, p50 / p95 / max", seconds(lag(50)) + " / " + seconds(lag(95)) + " / "
                + seconds(lag(100)));
        lagsByTool.forEach((tool, lags) -> row(page, "… until both " + tool + " channels showed it, p50 / p95 / max",
                seconds(percentile(lags, 50)) + " / " + seconds(percentile(lags, 95)) + " / "
                        + seconds(percentile(lags, 100))));
        row(page, "Actions never shown everywhere", actionsNotDone);
        row(page, "Lag after the last action (all shown everywhere)", seconds(afterTheLast));
        row(page, "Stalls said (no progress with records waiting)", stalls);
        row(page, "Dead letters", deadLetters);
        row(page, "Faults armed", faultsArmed);
        row(page, "Faults met, by kind", faultsMet);
        row(page, "Problems found", problems.isEmpty() ? "none" : problems.size());
        problems.stream().limit(50).forEach(problem -> page.append("\n- ").append(problem));
        return page.append('\n').toString();
    }

    private static void row(StringBuilder page, String figure, Object value) {
        page.append("| ").append(figure).append(" | ").append(value).append(" |\n");
    }

    static String seconds(Duration duration) {
        return String.format("%.1f s", duration.toMillis() / 1000.0);
    }

    /** Gathers the figures as the soak counts them. */
    static final class Builder {
        private final MirrorSoak.Options options;
        private final Instant started;
        private final Instant lastAccepted;
        private Instant lastDone;
        private final Map<String, Integer> actions = new TreeMap<>();
        private int posts;
        private int copiesExpected;
        private final Map<String, Integer> copiesDelivered = new TreeMap<>();
        private final Map<String, Integer> duplicates = new TreeMap<>();
        private final Map<String, Integer> leftVisible = new TreeMap<>();
        private final List<Duration> lags = new ArrayList<>();
        private final Map<String, List<Duration>> lagsByTool = new TreeMap<>();
        private int actionsNotDone;
        private int stalls;
        private int deadLetters;
        private final Map<String, Integer> faultsArmed = new TreeMap<>();
        private final Map<String, Integer> faultsMet = new TreeMap<>();
        private final List<String> problems = new ArrayList<>();

        Builder(MirrorSoak.Options options, Instant started, Instant lastAccepted) {
            this.options = options;
            this.started = started;
            this.lastAccepted = lastAccepted;
            this.lastDone = lastAccepted;
        }

        void action(String kind, int count) {
            actions.put(kind, count);
        }

        void posts(int count) {
            posts = count;
        }

        void lastDone(Instant at) {
            lastDone = at;
        }

        /** An action's lag; null: never shown everywhere ({@code missing} says where not). */
        void lag(String missing, Duration lag) {
            if (lag == null) {
                actionsNotDone++;
                problems.add(missing);
            } else {
                lags.add(lag);
            }
        }

        /** How long an action took to show in every channel of one tool (the origin's other channel, or both). */
        void lagIn(String tool, Duration lag) {
            lagsByTool.computeIfAbsent(tool, t -> new ArrayList<>()).add(lag);
        }

        /** A post's copies in one channel of this tool. */
        void copies(String tool, int count) {
            copiesExpected++;
            if (count > 0) {
                copiesDelivered.merge(tool, 1, Integer::sum);
            }
            if (count > 1) {
                duplicates.merge(tool, count - 1, Integer::sum);
            }
        }

        void leftVisible(String tool, int count) {
            leftVisible.merge(tool, count, Integer::sum);
        }

        void problem(String problem) {
            problems.add(problem);
        }

        void stalls(int count) {
            stalls = count;
        }

        void deadLetters(int count) {
            deadLetters = count;
        }

        void faultArmed(String kind, int count) {
            faultsArmed.put(kind, count);
        }

        void faultMet(String kind, int count) {
            faultsMet.put(kind, count);
        }

        SoakReport build() {
            return new SoakReport(options, Duration.between(started, Instant.now()), actions, posts, copiesExpected,
                    copiesDelivered, duplicates, leftVisible, List.copyOf(lags), lagsByTool, actionsNotDone,
                    Duration.between(lastAccepted, lastDone), stalls, deadLetters, faultsArmed, faultsMet,
                    List.copyOf(problems));
        }
    }
}
