package ciment.bench;

import ciment.core.config.Settings;
import ciment.core.cost.Meter;
import ciment.core.cost.PriceTable;
import ciment.core.cost.UsageDay;
import ciment.devkit.slack.SlashCommands;
import ciment.devkit.teams.FakeBotFramework;
import ciment.devkit.teams.TeamsActivities;
import ciment.infra.dynamo.CapacityMeter;
import ciment.infra.dynamo.DynamoRepositories;
import ciment.local.LocalRunner;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * What 1,000 posts cost, as the meter records it: the local runner (every function metered as in Lambda, at
 * template.yaml's memory sizes) with {@link #COMMUNITIES} communities, each linked to one Slack and one Teams
 * channel, so that each post made with `/ciment post` ({@link #PER_SECOND} a second) is mirrored twice. The month's usage is read before and after the posts; the
 * difference, priced by the bundled us-east-1 arm64 table, is the posts' cost (Lambda time as this machine
 * took it).
 */
final class CostLoad {
    static final int COMMUNITIES = 10;
    /** Issue 5's sustained rate: a burst faster than Slack's pace per channel would bill the waits as Lambda time. */
    static final int PER_SECOND = 5;
    private static final String STEWARD = "U0COSTSTW1";
    private static final String TENANT = "tenant-cost";
    private static final String COMMAND_CHANNEL = "C0COSTCMD1";

    private final BenchStack stack;
    private final LocalRunner runner;
    private final DynamoRepositories store;
    private final RunnerHttp http;
    private final List<String> slackChannels = new ArrayList<>();
    private final List<String> teamsChannels = new ArrayList<>();

    CostLoad(BenchStack stack) {
        this.stack = stack;
        Map<String, String> settings = new HashMap<>(stack.environment);
        settings.put("CIMENT_PORT", "0");
        settings.put("CIMENT_TABLE", "cost-bench-" + UUID.randomUUID().toString().substring(0, 8));
        Settings runnerSettings = Settings.of(settings);
        this.runner = LocalRunner.start(runnerSettings);
        this.http = new RunnerHttp(runner);
        this.store = DynamoRepositories.create(stack.dynamo, runnerSettings.table(), CapacityMeter.forSettings(runnerSettings));
    }

    String run(int posts) throws Exception {
        try {
            link();
            YearMonth month = YearMonth.now(ZoneOffset.UTC);
            Map<Meter, BigDecimal> before = totals(month);
            long[] waitsBefore = waits();
            long started = System.nanoTime();
            List<String> texts = new ArrayList<>();
            for (int i = 0; i < posts; i++) {
                long wait = started + i * 1_000_000_000L / PER_SECOND - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(Duration.ofNanos(wait));
                }
                String text = "cost " + i + " " + UUID.randomUUID();
                texts.add(text);
                slashCommand("post " + slug(i % COMMUNITIES) + " " + text, COMMAND_CHANNEL);
            }
            awaitCopies(texts, Duration.ofMinutes(10));
            // The delivery functions flush their usage as their last batch ends.
            Thread.sleep(3_000);
            double seconds = (System.nanoTime() - started) / 1e9;
            long[] waitsAfter = waits();
            Map<Meter, BigDecimal> used = minus(totals(month), before);
            return report(month, posts, seconds, used) + emulatorWaits(month, posts, used, waitsBefore, waitsAfter);
        } finally {
            runner.close();
        }
    }

    private String report(YearMonth month, int posts, double seconds, Map<Meter, BigDecimal> used) {
        PriceTable prices = PriceTable.select("us-east-1", "arm64", month);
        BigDecimal scale = BigDecimal.valueOf(1000).divide(BigDecimal.valueOf(posts), 10, RoundingMode.HALF_EVEN);
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%d posts by `/ciment post`, %d a second, over %d"
                + " communities, each linked to one Slack and one Teams channel (%d copies), delivered in %.0f s. Usage"
                + " recorded by the meter (the month's usage items before and after), priced at %s:%n%n"
                + "| meter | per 1,000 posts | list cost per 1,000 posts |%n|---|---|---|%n", posts, PER_SECOND, COMMUNITIES,
                posts * 2, seconds, prices.id()));
        BigDecimal total = rows(out, prices, month, used, scale);
        return out.append(String.format(Locale.ROOT, "%nCost per 1,000 posts with 2 mirrored channels: $%s"
                + " (target: ≤ $0.01).%n", total.setScale(4, RoundingMode.HALF_EVEN).toPlainString())).toString();
    }

    /**
     * A table row per meter used (quantity times {@code scale}, its list cost), storage left out (it is measured
     * daily, not per request); the total cost.
     */
    static BigDecimal rows(StringBuilder out, PriceTable prices, YearMonth month, Map<Meter, BigDecimal> used,
            BigDecimal scale) {
        BigDecimal total = BigDecimal.ZERO;
        for (Meter meter : Meter.values()) {
            BigDecimal quantity = meter.reported(used.getOrDefault(meter, BigDecimal.ZERO), month).multiply(scale);
            if (meter == Meter.DYNAMODB_STORED_BYTES || quantity.signum() == 0) {
                continue;
            }
            BigDecimal cost = prices.costOf(meter, quantity);
            total = total.add(cost);
            out.append(String.format(Locale.ROOT, "| %s %s | %s | $%s |%n", meter.serviceName(), meter.unit(),
                    quantity.setScale(2, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString(),
                    cost.setScale(6, RoundingMode.HALF_EVEN).toPlainString()));
        }
        return total;
    }

    /** DynamoDB calls and their nanoseconds so far: the chat functions', then the delivery functions'. */
    private static long[] waits() {
        return new long[] {DynamoCallTimer.OTHER.calls(), DynamoCallTimer.OTHER.nanos(),
                DynamoCallTimer.DELIVERY.calls(), DynamoCallTimer.DELIVERY.nanos()};
    }

    /**
     * How much of the Lambda time was spent waiting on moto (which serves one request at a time, several times
     * slower than DynamoDB): each call's measured duration at its function's memory, and the cost without it.
     */
    private static String emulatorWaits(YearMonth month, int posts, Map<Meter, BigDecimal> used, long[] before, long[] after) {
        Map<String, Integer> memory = ciment.devkit.TemplateTable.functionMemory();
        long chatCalls = after[0] - before[0];
        long deliveryCalls = after[2] - before[2];
        double chatSeconds = (after[1] - before[1]) / 1e9;
        double deliverySeconds = (after[3] - before[3]) / 1e9;
        double waitedGbSeconds = (chatSeconds * memory.get("SlackFunction") + deliverySeconds
                * memory.get("SlackDeliveryFunction")) / 1024 * 1000 / posts;
        PriceTable prices = PriceTable.select("us-east-1", "arm64", month);
        BigDecimal measured = Meter.LAMBDA_MB_MILLIS.reported(used.getOrDefault(Meter.LAMBDA_MB_MILLIS, BigDecimal.ZERO), month)
                .multiply(BigDecimal.valueOf(1000.0 / posts));
        BigDecimal waited = BigDecimal.valueOf(waitedGbSeconds);
        BigDecimal saved = prices.costOf(Meter.LAMBDA_MB_MILLIS, waited.min(measured));
        return String.format(Locale.ROOT, "%nWaiting on the emulator: the chat function made %.1f DynamoDB calls per post"
                + " (%.1f ms each on moto) and the delivery functions %.1f (%.1f ms each); those waits are %.0f of the"
                + " %s GB-s per 1,000 posts above, $%s. Without them the Lambda compute would be $%s instead of the"
                + " $%s measured; in AWS it lies between, with DynamoDB's own latency and Slack's and the Bot"
                + " Connector's (loopback fakes here, answering in about a millisecond), neither measurable here.%n",
                (double) chatCalls / posts, chatCalls == 0 ? 0 : chatSeconds * 1000 / chatCalls,
                (double) deliveryCalls / posts, deliveryCalls == 0 ? 0 : deliverySeconds * 1000 / deliveryCalls,
                waitedGbSeconds, measured.setScale(0, RoundingMode.HALF_EVEN).toPlainString(),
                saved.setScale(4, RoundingMode.HALF_EVEN).toPlainString(),
                prices.costOf(Meter.LAMBDA_MB_MILLIS, measured.subtract(waited.min(measured))).setScale(4, RoundingMode.HALF_EVEN).toPlainString(),
                prices.costOf(Meter.LAMBDA_MB_MILLIS, measured).setScale(4, RoundingMode.HALF_EVEN).toPlainString());
    }

    private Map<Meter, BigDecimal> totals(YearMonth month) {
        return totals(store, month);
    }

    /** Every owner's quantities of the month on this store, added up per meter. */
    static Map<Meter, BigDecimal> totals(DynamoRepositories store, YearMonth month) {
        Map<Meter, BigDecimal> totals = new EnumMap<>(Meter.class);
        for (UsageDay day : store.usage().month(month)) {
            day.quantities().forEach((meter, quantity) -> totals.merge(meter, quantity, BigDecimal::add));
        }
        return totals;
    }

    static Map<Meter, BigDecimal> minus(Map<Meter, BigDecimal> after, Map<Meter, BigDecimal> before) {
        Map<Meter, BigDecimal> difference = new EnumMap<>(Meter.class);
        after.forEach((meter, quantity) -> difference.put(meter, quantity.subtract(before.getOrDefault(meter, BigDecimal.ZERO))));
        return difference;
    }

    /** A steward known on both tools creates the communities and links a Slack and a Teams channel to each. */
    private void link() {
        stack.slackApi.addUser(STEWARD, "Cora Steward", "Cora Steward", "cora.steward@example.com");
        stack.botFramework.addMember(FakeBotFramework.Member.of("29:cora", "aad-cora", "Cora Steward",
                "cora.steward@example.com", "cora.steward@example.com", TENANT));
        for (int i = 0; i < COMMUNITIES; i++) {
            String slack = String.format(Locale.ROOT, "C0COST%04d", i);
            String teams = "19:" + UUID.randomUUID().toString().replace("-", "") + "@thread.tacv2";
            slackChannels.add(slack);
            teamsChannels.add(teams);
            slashCommand("create " + slug(i) + " What posts cost", COMMAND_CHANNEL);
            slashCommand("link " + slug(i), slack);
            TeamsActivities.Message link = TeamsActivities.message(stack.botFramework.serviceUrl(), stack.botFramework.botId())
                    .tenant(TENANT).from("29:cora", "aad-cora", "Cora Steward").conversation(teams)
                    .channelName("Cost " + i).text("link " + slug(i));
            http.post("/api/messages", Map.of("Content-Type", "application/json", "Authorization",
                    FakeBotFramework.bearer(stack.botFramework.token(stack.botFramework.serviceUrl()))), link.json());
        }
    }

    private void awaitCopies(List<String> texts, Duration within) throws InterruptedException {
        Instant deadline = Instant.now().plus(within);
        while (Instant.now().isBefore(deadline)) {
            if (texts.stream().allMatch(this::copiedTwice)) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("not every post was copied into its two channels within " + within);
    }

    private boolean copiedTwice(String text) {
        int community = Integer.parseInt(text.split(" ")[1]) % COMMUNITIES;
        boolean slack = stack.slackApi.messages(slackChannels.get(community)).stream().anyMatch(m -> m.text().contains(text));
        boolean teams = stack.botFramework.sentTo(teamsChannels.get(community)).stream().anyMatch(s -> s.json().contains(text));
        return slack && teams;
    }

    private static String slug(int community) {
        return "cost-bench-" + community;
    }

    private void slashCommand(String text, String channel) {
        SlashCommands.Signed signed = stack.slashCommands.sign(stack.slashCommands.command(STEWARD, "cora", text)
                .inChannel(channel, channel.toLowerCase(Locale.ROOT)), Instant.now());
        http.post("/slack/events", signed.headers(), signed.body());
    }
}
