package ciment.bench;

import ciment.core.config.Settings;
import ciment.devkit.slack.FakeSlackApi;
import ciment.devkit.slack.SlackInteractions;
import ciment.devkit.slack.SlashCommands;
import ciment.devkit.teams.FakeBotFramework;
import ciment.devkit.teams.TeamsActivities;
import ciment.local.LocalRunner;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Mirroring on the local stack: the local runner (its stream reader polling moto every 200 ms, the same
 * delivery handlers as Lambda) with a community linked to 2 Slack and 2 Teams channels. Messages are written
 * in Slack channel A as Slack delivers them (signed events); the benchmark watches the fake Slack Web API and
 * Bot Connector for their copies in the three other channels, polling every 5 ms.
 * <ul>
 * <li>latency: a message every 1.5 s (slower than Slack's pace, so no queue), received to copy seen;</li>
 * <li>sustained: 5 messages a second for 60 s; every copy must arrive exactly once, copies into one Slack
 * channel at least 1 s apart and into one Teams channel at most 7 in any second.</li>
 * </ul>
 */
final class MirrorLoad {
    private static final String SLUG = "mirror-bench";
    private static final String SLACK_A = "C0BENCHA01";
    private static final String SLACK_B = "C0BENCHB01";
    private static final String STEWARD = "U0MIRSTEW1";
    private static final String WRITER = "U0MIRWRIT1";
    private static final String TENANT = "tenant-mirror";
    private static final Duration POLL = Duration.ofMillis(5);

    private final BenchStack stack;
    private final LocalRunner runner;
    private final RunnerHttp http;
    private final SlackInteractions events;
    private final List<String> teamsChannels = List.of(teamsChannel(), teamsChannel());
    private final Map<String, Map<String, Long>> firstSeen = new ConcurrentHashMap<>();

    MirrorLoad(BenchStack stack) {
        this.stack = stack;
        Map<String, String> settings = new HashMap<>(stack.environment);
        settings.put("CIMENT_PORT", "0");
        settings.put("CIMENT_TABLE", "mirror-bench-" + UUID.randomUUID().toString().substring(0, 8));
        this.runner = LocalRunner.start(Settings.of(settings));
        this.http = new RunnerHttp(runner);
        this.events = new SlackInteractions(BenchStack.SIGNING_SECRET, FakeSlackApi.TEAM_ID);
    }

    String run() throws Exception {
        try {
            link();
            String latency = latency(40);
            String sustained = sustained(5, Duration.ofSeconds(60));
            return "\n## (d) Mirroring on the local stack\n\n" + latency + "\n" + sustained;
        } finally {
            runner.close();
        }
    }

    /** A steward known on both tools (one email) creates the community and links the four channels. */
    private void link() {
        stack.slackApi.addUser(STEWARD, "Mira Steward", "Mira Steward", "mira.steward@example.com");
        stack.slackApi.addUser(WRITER, "Wes Writer", "Wes Writer", "wes.writer@example.com");
        stack.botFramework.addMember(FakeBotFramework.Member.of("29:mira", "aad-mira", "Mira Steward",
                "mira.steward@example.com", "mira.steward@example.com", TENANT));
        slashCommand("create " + SLUG + " Mirrors under load", SLACK_A, "a");
        slashCommand("link " + SLUG, SLACK_A, "a");
        slashCommand("link " + SLUG, SLACK_B, "b");
        for (String channel : teamsChannels) {
            TeamsActivities.Message link = TeamsActivities.message(stack.botFramework.serviceUrl(), stack.botFramework.botId())
                    .tenant(TENANT).from("29:mira", "aad-mira", "Mira Steward").conversation(channel)
                    .channelName("Bench " + channel.substring(3, 8)).text("link " + SLUG);
            http.post("/api/messages", Map.of("Content-Type", "application/json", "Authorization",
                    FakeBotFramework.bearer(stack.botFramework.token(stack.botFramework.serviceUrl()))), link.json());
        }
    }

    private String latency(int messages) throws Exception {
        List<Long> nanos = new ArrayList<>();
        for (int i = 0; i < messages; i++) {
            String text = "latency " + i + " " + UUID.randomUUID();
            long sent = System.nanoTime();
            write(text);
            Map<String, Long> seen = awaitCopies(text, Duration.ofSeconds(30));
            seen.values().forEach(at -> nanos.add(at - sent));
            Thread.sleep(1_500);
        }
        Percentiles copies = Percentiles.ofNanos(nanos);
        double p95 = at(nanos, 0.95);
        return String.format(Locale.ROOT, "Latency, message received (signed event sent) to copy sent, %d messages"
                + " into Slack channel A, each copied into Slack channel B and two Teams channels (%d copies):"
                + " p50 %.0f ms, p95 %.0f ms, max %.0f ms (target: p95 ≤ 2,000 ms).%n", messages, copies.count(),
                copies.p50(), p95, copies.max());
    }

    private String sustained(int perSecond, Duration lasting) throws Exception {
        List<String> texts = new ArrayList<>();
        long start = System.nanoTime();
        long every = 1_000_000_000L / perSecond;
        int total = (int) (lasting.toSeconds() * perSecond);
        Thread watcher = Thread.ofVirtual().start(this::watchAll);
        for (int i = 0; i < total; i++) {
            long due = start + i * every;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(Duration.ofNanos(wait));
            }
            String text = "sustained " + i + " " + UUID.randomUUID();
            texts.add(text);
            write(text);
        }
        double written = (System.nanoTime() - start) / 1e9;
        Instant deadline = Instant.now().plus(Duration.ofMinutes(10));
        while (Instant.now().isBefore(deadline) && !allSeen(texts)) {
            Thread.sleep(200);
        }
        watcher.interrupt();
        double drained = (System.nanoTime() - start) / 1e9;
        int expected = texts.size() * 3;
        int delivered = 0;
        int doubled = 0;
        for (String text : texts) {
            for (String channel : otherChannels()) {
                long copies = copiesIn(channel, text);
                delivered += copies > 0 ? 1 : 0;
                doubled += copies > 1 ? 1 : 0;
            }
        }
        double slackGap = minGapSeconds(SLACK_B, texts);
        int teamsBurst = teamsChannels.stream().mapToInt(channel -> maxInOneSecond(channel, texts)).max().orElse(0);
        return String.format(Locale.ROOT, "Sustained: %d messages at %d a second into Slack channel A (written in %.1f s),"
                + " %d copies expected: %d delivered, %d delivered more than once, all in %.0f s (Slack channel B"
                + " receives at most one a second, so it drains last). Smallest gap between two copies into Slack"
                + " channel B: %.2f s (limit: about 1 s); most copies into one Teams channel within a second: %d"
                + " (limit: 7).%n", texts.size(), perSecond, written, expected, delivered, doubled, drained, slackGap,
                teamsBurst);
    }

    /** The message as Slack's Events API delivers it: a person writing in channel A. */
    private void write(String text) {
        Instant now = Instant.now();
        String ts = now.getEpochSecond() + String.format(Locale.ROOT, ".%06d", now.getNano() / 1000);
        SlashCommands.Signed event = events.event(SlackInteractions.message(WRITER, SLACK_A, ts, null, text),
                SlackInteractions.newEventId(), now);
        http.post("/slack/events", event.headers(), event.body());
    }

    private Map<String, Long> awaitCopies(String text, Duration within) throws InterruptedException {
        Instant deadline = Instant.now().plus(within);
        Map<String, Long> seen = new HashMap<>();
        while (seen.size() < 3 && Instant.now().isBefore(deadline)) {
            for (String channel : otherChannels()) {
                if (!seen.containsKey(channel) && copiesIn(channel, text) > 0) {
                    seen.put(channel, System.nanoTime());
                }
            }
            Thread.sleep(POLL);
        }
        if (seen.size() < 3) {
            throw new IllegalStateException("copies of “" + text + "” not all seen within " + within + ": " + seen.keySet());
        }
        return seen;
    }

    /** Notes when each copy is first seen, for the rate checks. */
    private void watchAll() {
        while (!Thread.currentThread().isInterrupted()) {
            long now = System.nanoTime();
            for (FakeSlackApi.Message message : stack.slackApi.messages(SLACK_B)) {
                firstSeen.computeIfAbsent(SLACK_B, c -> new ConcurrentHashMap<>()).putIfAbsent(message.text(), now);
            }
            for (String channel : teamsChannels) {
                for (FakeBotFramework.SentActivity sent : stack.botFramework.sentTo(channel)) {
                    firstSeen.computeIfAbsent(channel, c -> new ConcurrentHashMap<>()).putIfAbsent(sent.json(), now);
                }
            }
            try {
                Thread.sleep(POLL);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private boolean allSeen(List<String> texts) {
        return texts.stream().allMatch(text -> otherChannels().stream().allMatch(channel -> copiesIn(channel, text) > 0));
    }

    private long copiesIn(String channel, String text) {
        if (channel.equals(SLACK_B)) {
            return stack.slackApi.messages(SLACK_B).stream().filter(m -> m.text().contains(text)).count();
        }
        return stack.botFramework.sentTo(channel).stream().filter(s -> s.json().contains(text)).count();
    }

    private double minGapSeconds(String channel, List<String> texts) {
        List<Long> times = seenTimes(channel, texts);
        double min = Double.MAX_VALUE;
        for (int i = 1; i < times.size(); i++) {
            min = Math.min(min, (times.get(i) - times.get(i - 1)) / 1e9);
        }
        return min;
    }

    private int maxInOneSecond(String channel, List<String> texts) {
        List<Long> times = seenTimes(channel, texts);
        int most = 0;
        for (int i = 0, j = 0; i < times.size(); i++) {
            while (times.get(i) - times.get(j) >= 1_000_000_000L) {
                j++;
            }
            most = Math.max(most, i - j + 1);
        }
        return most;
    }

    private List<Long> seenTimes(String channel, List<String> texts) {
        Map<String, Long> seen = firstSeen.getOrDefault(channel, Map.of());
        return seen.entrySet().stream().filter(e -> texts.stream().anyMatch(e.getKey()::contains))
                .map(Map.Entry::getValue).sorted().toList();
    }

    private List<String> otherChannels() {
        return List.of(SLACK_B, teamsChannels.get(0), teamsChannels.get(1));
    }

    private void slashCommand(String text, String channel, String name) {
        SlashCommands.Signed signed = stack.slashCommands.sign(stack.slashCommands.command(STEWARD, "mira", text)
                .inChannel(channel, name), Instant.now());
        http.post("/slack/events", signed.headers(), signed.body());
    }

    private static double at(List<Long> nanos, double fraction) {
        double[] sorted = nanos.stream().mapToDouble(n -> n / 1e6).sorted().toArray();
        int rank = (int) Math.ceil(fraction * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static String teamsChannel() {
        return "19:" + UUID.randomUUID().toString().replace("-", "") + "@thread.tacv2";
    }
}
