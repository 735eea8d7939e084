package ciment.bench;

import ciment.devkit.ApiGateway;
import ciment.devkit.slack.FakeSlackApi;
import ciment.devkit.slack.SlackInteractions;
import ciment.functions.slack.SlackFunction;
import ciment.functions.teams.TeamsFunction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * `make bench`: (a) cold starts of each function under the real Lambda runtime client, against a
 * bare Bolt app and a bare Bot Framework bot started the same way, (b) warm latency of `post`,
 * (c) DynamoDB units per use case. Prints Markdown and writes it to bench/results/latest.md.
 */
public final class Benchmark {
    private static final String TEAMS_COMMUNITY = "bench-teams";
    private static final int COLD_ROUNDS = Integer.getInteger("ciment.bench.rounds", 7);
    private static final int WARM_REQUESTS = Integer.getInteger("ciment.bench.requests", 1000);
    private static final String FEED_COMMUNITY = "bench-feed";
    private static final String SHORT_POST = "Who knows a good SQL formatter? ".repeat(6).strip();
    /** Which parts to run: cold, warm, units, mirror, cost, digest, announce (all but announce by default). */
    private static final String PARTS = System.getProperty("ciment.bench.parts", "cold,warm,units,mirror,cost,digest");
    /** Members of the announce part's community (10,000 by default; fewer for a quick try). */
    private static final int ANNOUNCE_MEMBERS = Integer.getInteger("ciment.bench.announceMembers", 10_000);
    /** Posts of the cost part (its figures are per 1,000). */
    private static final int COST_POSTS = Integer.getInteger("ciment.bench.costPosts", 300);
    /** Only the cold starts whose label contains one of these words (all by default). */
    private static final List<String> ONLY = List.of(System.getProperty("ciment.bench.only", "").split(","));
    /**
     * Another checkout, built (its functions' jars in place), whose Slack and Teams functions are timed in the same
     * rounds as today's: a change's effect on cold starts, measured on one machine at one time.
     */
    private static final String BEFORE = System.getProperty("ciment.bench.before", "");

    private Benchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("ciment.repo.root", ".")).toAbsolutePath().normalize();
        StringBuilder report = new StringBuilder();
        try (BenchStack stack = new BenchStack()) {
            SlackFunction slack = new SlackFunction(stack.settings);
            TeamsFunction teams = new TeamsFunction(stack.settings, false);
            seed(stack, slack, teams);

            report.append(header());
            if (PARTS.contains("cold")) {
                report.append(coldStarts(stack, root));
            }
            if (PARTS.contains("warm")) {
                report.append(warmLatency(stack, slack, teams));
            }
            if (PARTS.contains("units")) {
                report.append(capacity(stack));
            }
            if (PARTS.contains("mirror")) {
                report.append(new MirrorLoad(stack).run());
            }
            if (PARTS.contains("cost")) {
                report.append(metering(stack, slack)).append(new CostLoad(stack).run(COST_POSTS));
            }
            if (PARTS.contains("digest")) {
                report.append(new DigestLoad(stack).run());
            }
            if (PARTS.contains("announce")) {
                String announce = new AnnounceLoad(stack).run(ANNOUNCE_MEMBERS);
                report.append(announce);
                Path dated = root.resolve("bench/results/announce-" + LocalDate.now() + ".md");
                Files.createDirectories(dated.getParent());
                Files.writeString(dated, header() + announce);
            }
            report.append(jarSizes(root));
        }
        System.out.println(report);
        Path results = root.resolve("bench/results/latest.md");
        Files.createDirectories(results.getParent());
        Files.writeString(results, report);
        System.out.println("Written to " + root.relativize(results));
    }

    private static void seed(BenchStack stack, SlackFunction slack, TeamsFunction teams) {
        slackSays(stack, slack, "create " + BenchStack.COMMUNITY + " Where the benchmark posts");
        WarmLatency.expectOk(ApiGateway.invoke(teams,
                Events.teams(stack.teamsMessage("join " + BenchStack.COMMUNITY).nextId().json(), stack.teamsToken())));
        slackSays(stack, slack, "skills add SQL");
        WarmLatency.expectOk(ApiGateway.invoke(teams, Events.teams(stack.teamsMessage("create " + TEAMS_COMMUNITY
                + " Where Teams clicks").nextId().json(), stack.teamsToken())));
        WarmLatency.expectOk(ApiGateway.invoke(teams,
                Events.teams(stack.teamsMessage("skills add sql").nextId().json(), stack.teamsToken())));
        // The feed is read from a community of its own: moto's query time grows with the partition
        // (p50 143 ms once `bench` held 1,100 posts, 48 ms for 25), where DynamoDB's reads one page.
        slackSays(stack, slack, "create " + FEED_COMMUNITY + " Where the benchmark reads");
        for (int i = 0; i < 25; i++) {
            slackSays(stack, slack, "post " + FEED_COMMUNITY + " " + SHORT_POST + " " + i);
        }
    }

    private static void slackSays(BenchStack stack, SlackFunction slack, String text) {
        WarmLatency.expectOk(ApiGateway.invoke(slack,
                Events.slack(stack.slashCommands.sign(stack.slashCommand(text), Instant.now()))));
    }

    private static String header() {
        return "# Ciment benchmark, " + LocalDate.now() + "\n\n"
                + "Machine: " + Runtime.getRuntime().availableProcessors() + " cores, JDK "
                + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + "). "
                + "DynamoDB is moto's server on loopback; Slack and the Bot Connector are loopback fakes.\n\n";
    }

    private static String coldStarts(BenchStack stack, Path root) throws Exception {
        ColdStart coldStart = new ColdStart(runtimeJars(root), stack.environment);
        Map<String, ColdStart.Function> functions = new LinkedHashMap<>();
        functions.put("bare Bolt app", new ColdStart.Function("bare Bolt app",
                root.resolve("bench/bare-bolt/target/bare-bolt.jar"), "ciment.bench.bare.BareBoltFunction::handleRequest"));
        functions.put("Ciment Slack", new ColdStart.Function("Ciment Slack",
                root.resolve("functions/slack/target/ciment-slack.jar"), "ciment.functions.slack.SlackFunction"));
        functions.put("bare Bot Framework bot", new ColdStart.Function("bare Bot Framework bot",
                root.resolve("bench/bare-bot/target/bare-bot.jar"), "ciment.bench.bare.BareBotFunction::handleRequest"));
        functions.put("Ciment Teams", new ColdStart.Function("Ciment Teams",
                root.resolve("functions/teams/target/ciment-teams.jar"), "ciment.functions.teams.TeamsFunction"));
        if (!BEFORE.isBlank()) {
            Path before = Path.of(BEFORE);
            functions.put("Ciment Slack before", new ColdStart.Function("Ciment Slack before",
                    before.resolve("functions/slack/target/ciment-slack.jar"), "ciment.functions.slack.SlackFunction"));
            functions.put("Ciment Teams before", new ColdStart.Function("Ciment Teams before",
                    before.resolve("functions/teams/target/ciment-teams.jar"), "ciment.functions.teams.TeamsFunction"));
        }

        functions.keySet().removeIf(label -> ONLY.stream().noneMatch(label::contains));
        Map<String, List<Double>> seconds = new LinkedHashMap<>();
        functions.keySet().forEach(name -> seconds.put(name, new ArrayList<>()));
        for (int round = 0; round <= COLD_ROUNDS; round++) {
            for (ColdStart.Function function : functions.values()) {
                ColdStart.Run run = coldStart.once(function, coldEvent(stack, function));
                checkAnswer(function, run);
                if (round > 0) { // round 0 warms the disk cache and the fakes
                    seconds.get(function.label()).add(run.seconds());
                }
            }
        }
        StringBuilder out = new StringBuilder("## (a) Cold start: JVM launch to first answered request\n\n")
                .append("Each function's shaded jar started by the real Lambda runtime interface client (")
                .append(String.join(" ", ColdStart.JVM_FLAGS)).append("), one `post` each, ")
                .append(COLD_ROUNDS).append(" rounds taken in turn after one discarded round.\n\n")
                .append("| function | median (s) | min–max (s) | vs its baseline |\n|---|---|---|---|\n");
        double boltMedian = Percentiles.median(seconds.getOrDefault("bare Bolt app", List.of(Double.NaN)));
        double botMedian = Percentiles.median(seconds.getOrDefault("bare Bot Framework bot", List.of(Double.NaN)));
        for (var entry : seconds.entrySet()) {
            double median = Percentiles.median(entry.getValue());
            String label = entry.getKey();
            String ratio = label.startsWith("Ciment Slack") ? String.format("%.2f×", median / boltMedian)
                    : label.startsWith("Ciment Teams") ? String.format("%.2f×", median / botMedian) : "baseline";
            out.append(String.format("| %s | %.2f | %s | %s |%n", entry.getKey(), median,
                    Percentiles.rangeOf(entry.getValue()), ratio));
        }
        return out.append('\n').toString();
    }

    private static String coldEvent(BenchStack stack, ColdStart.Function function) {
        String text = "post " + BenchStack.COMMUNITY + " Cold start at " + Instant.now();
        if (function.label().contains("Bolt") || function.label().contains("Slack")) {
            return Events.slack(stack.slashCommands.sign(stack.slashCommand(text), Instant.now()));
        }
        return Events.teams(stack.teamsMessage(text).nextId().json(), stack.teamsToken());
    }

    private static void checkAnswer(ColdStart.Function function, ColdStart.Run run) {
        ApiGateway.Answer answer = ApiGateway.Answer.read(run.answer());
        boolean posted = !function.label().startsWith("Ciment Slack") || answer.bodyText().contains("Posted");
        if (answer.status() != 200 || !posted) {
            throw new IllegalStateException(function.label() + " answered " + run.answer());
        }
    }

    private static String warmLatency(BenchStack stack, SlackFunction slack, TeamsFunction teams) {
        WarmLatency warm = new WarmLatency(stack);
        String text = SHORT_POST;
        Percentiles slackFeed = warm.slack(slack, WARM_REQUESTS, i -> "feed " + FEED_COMMUNITY);
        Percentiles slackPost = warm.slack(slack, WARM_REQUESTS, i -> "post " + BenchStack.COMMUNITY + " " + text + " " + i);
        Percentiles teamsPost = warm.teams(teams, WARM_REQUESTS, i -> "post " + BenchStack.COMMUNITY + " " + text + " " + i);
        SlackInteractions slackUi = new SlackInteractions(BenchStack.SIGNING_SECRET, FakeSlackApi.TEAM_ID);
        Percentiles home = warm.slackSigned(slack, WARM_REQUESTS, i -> slackUi.homeOpened(BenchStack.SLACK_USER, Instant.now()));
        Percentiles searchPeople = warm.teamsActivities(teams, WARM_REQUESTS,
                i -> stack.teamsMessage("").composeQuery("searchPeople", "sql"));
        Percentiles searchCommunities = warm.teamsActivities(teams, WARM_REQUESTS,
                i -> stack.teamsMessage("").composeQuery("searchCommunities", "bench"));
        // A steward's "Join requests" button: the click path whole (token check, the person, the steward check,
        // the card drawn again) without a transaction, which moto serves by copying the whole table.
        Percentiles cardClick = warm.teamsActivities(teams, WARM_REQUESTS, i -> stack.teamsMessage("")
                .cardAction("requests", Map.of("slug", TEAMS_COMMUNITY, "card", "info")));
        return "## (b) Warm latency, in one warm instance\n\n"
                + "Each request signed (Slack) or carrying a fresh token check (Teams) and answered in full, "
                + "the Teams reply sent through the fake Bot Connector.\n\n"
                + "| request | p50 (ms) | p99 (ms) | max (ms) | n |\n|---|---|---|---|---|\n"
                + row("Slack `post` (" + text.length() + " characters)", slackPost)
                + row("Teams `post` (" + text.length() + " characters)", teamsPost)
                + row("Slack `feed <slug>` (a page of 20 of its 25 posts)", slackFeed)
                + row("Slack App Home opened (views.publish to the fake Web API)", home)
                + row("Teams messaging extension `searchPeople` (2 people declare the skill)", searchPeople)
                + row("Teams messaging extension `searchCommunities`", searchCommunities)
                + row("Teams card click (Action.Execute, a steward's Join requests: the requests card drawn)", cardClick)
                + "\n";
    }

    /**
     * What metering adds to a Slack `post`: its flush updates (one write unit each, one per owner the request
     * touched) and the time spent flushing and checking budgets before the answer leaves.
     */
    private static String metering(BenchStack stack, SlackFunction slack) {
        var meter = slack.frame.usageMeter();
        long flushesBefore = meter.flushes();
        long nanosBefore = meter.endingTime().toNanos();
        int requests = 300;
        Percentiles posts = new WarmLatency(stack).slack(slack, requests,
                i -> "post " + BenchStack.COMMUNITY + " " + SHORT_POST + " metered " + i);
        int served = requests + WarmLatency.WARM_UP; // the warm-up requests are metered too
        double flushes = (meter.flushes() - flushesBefore) / (double) served;
        double millis = (meter.endingTime().toNanos() - nanosBefore) / 1e6 / served;
        return String.format(java.util.Locale.ROOT, "%n## (e) Metering and cost%n%n"
                + "Metering overhead on %d warm Slack `post`s (p50 %.1f ms): %.2f usage updates per request, one write"
                + " unit each, and %.1f ms per request spent recording usage and checking"
                + " budgets before the answer (%.0f%% of the p50), warm-up requests included.%n%n", requests, posts.p50(), flushes, millis,
                100 * millis / posts.p50());
    }

    private static String row(String name, Percentiles p) {
        return String.format("| %s | %.1f | %.1f | %.1f | %d |%n", name, p.p50(), p.p99(), p.max(), p.count());
    }

    private static String capacity(BenchStack stack) {
        StringBuilder out = new StringBuilder("## (c) DynamoDB capacity units per use case\n\n")
                .append("Computed by DynamoDB's sizing rules (moto reports placeholder figures, shown for reference); ")
                .append("eventually consistent reads except where a write depends on them.\n\n")
                .append("| use case | DynamoDB calls | read units | write units | moto reported (r / w) |\n")
                .append("|---|---|---|---|---|\n");
        for (CapacityUnits.Row row : new CapacityUnits(stack).measure()) {
            out.append(String.format("| %s | %d | %.1f | %.1f | %.1f / %.1f |%n", row.useCase(), row.requests(),
                    row.read(), row.write(), row.reportedRead(), row.reportedWrite()));
        }
        return out.append('\n').toString();
    }

    private static String jarSizes(Path root) throws IOException {
        StringBuilder out = new StringBuilder("## Deployable jars\n\n| jar | MB |\n|---|---|\n");
        for (String jar : List.of("functions/slack/target/ciment-slack.jar", "functions/teams/target/ciment-teams.jar",
                "functions/slack-delivery/target/ciment-slack-delivery.jar",
                "functions/teams-delivery/target/ciment-teams-delivery.jar")) {
            out.append(String.format("| %s | %.1f |%n", jar, Files.size(root.resolve(jar)) / 1_048_576.0));
        }
        return out.toString();
    }

    private static List<Path> runtimeJars(Path root) throws IOException {
        try (Stream<Path> jars = Files.list(root.resolve("bench/runner/target/lambda-runtime"))) {
            return jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
        }
    }
}
