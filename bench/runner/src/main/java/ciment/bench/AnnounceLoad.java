package ciment.bench;

import ciment.core.config.Settings;
import ciment.core.cost.Meter;
import ciment.core.cost.PriceTable;
import ciment.core.model.Slug;
import ciment.devkit.slack.FakeSlackApi;
import ciment.devkit.slack.SlashCommands;
import ciment.devkit.teams.FakeBotFramework;
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
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * An announcement to a large community on the local stack: the local runner (its stream reader, the same delivery
 * handlers as Lambda) with a community of {@code members} people, half on Slack and half on Teams, seeded through
 * the repositories. A Slack steward announces with `/ciment announce`; the benchmark waits until every member's
 * direct message reached the fake Slack Web API or Bot Connector, and reads the month's usage before and after:
 * members, time to deliver all (drain), writes and cost per member.
 */
final class AnnounceLoad {
    private static final String SLUG = "announce-bench";
    private static final String STEWARD = "U0ANNSTEW1";
    private static final String TENANT = "tenant-announce";
    private static final String TEXT = "The guild meets on Thursday at 10:00, room 4.";

    private final BenchStack stack;
    private final LocalRunner runner;
    private final DynamoRepositories store;
    private final RunnerHttp http;
    private final String table;

    AnnounceLoad(BenchStack stack) {
        this.stack = stack;
        Map<String, String> settings = new HashMap<>(stack.environment);
        settings.put("CIMENT_PORT", "0");
        settings.put("CIMENT_TABLE", "announce-bench-" + UUID.randomUUID().toString().substring(0, 8));
        // A Teams direct message with no conversation to answer (told from Slack) goes to the fake connector.
        settings.put("TEAMS_SERVICE_URL", stack.botFramework.serviceUrl());
        Settings runnerSettings = Settings.of(settings);
        this.runner = LocalRunner.start(runnerSettings);
        this.http = new RunnerHttp(runner);
        this.table = runnerSettings.table();
        this.store = DynamoRepositories.create(stack.dynamo, table, CapacityMeter.forSettings(runnerSettings));
    }

    String run(int members) throws Exception {
        try {
            stack.slackApi.addUser(STEWARD, "Ana Steward", "Ana Steward", "ana.steward@example.com");
            slashCommand("create " + SLUG + " Told to everyone");
            double seeded = seed(members);
            YearMonth month = YearMonth.now(ZoneOffset.UTC);
            Map<Meter, BigDecimal> before = CostLoad.totals(store, month);
            long started = System.nanoTime();
            slashCommand("announce " + SLUG + " " + TEXT);
            double answered = (System.nanoTime() - started) / 1e9;
            int delivered = awaitAll(members, Duration.ofMinutes(60));
            double drained = (System.nanoTime() - started) / 1e9;
            Thread.sleep(3_000); // the delivery functions flush their usage as their last batch ends
            Map<Meter, BigDecimal> used = CostLoad.minus(CostLoad.totals(store, month), before);
            return report(members, seeded, answered, delivered, drained, month, used);
        } finally {
            runner.close();
        }
    }

    /**
     * Half the members on Slack, half on Teams, each a person with one account, joined: their profile, identity link
     * and membership put by BatchWriteItem (as the repositories write them: enrolling and joining one by one takes
     * moto a quarter of a second each), then the community's count. Seconds taken.
     */
    private double seed(int members) {
        long started = System.nanoTime();
        var community = store.repositories().communities().find(new Slug(SLUG)).orElseThrow();
        List<WriteRequest> puts = new ArrayList<>();
        for (int i = 0; i < members; i++) {
            String person = String.format(Locale.ROOT, "P#PANN%06d", i);
            String name = "Member " + i;
            String identity = i % 2 == 0 ? "ID#slack#" + FakeSlackApi.TEAM_ID + "#" + slackUser(i)
                    : "ID#teams#" + TENANT + "#aad-ann-" + i;
            if (i % 2 == 1) {
                stack.botFramework.addMember(FakeBotFramework.Member.of("29:ann-" + i, "aad-ann-" + i, name,
                        "member" + i + "@example.com", "member" + i + "@example.com", TENANT));
            }
            puts.add(put(Map.of("pk", s(person), "sk", s("PROFILE"), "displayName", s(name),
                    "guest", AttributeValue.fromBool(false))));
            puts.add(put(Map.of("pk", s(identity), "sk", s("ID"), "gsi1pk", s(person), "gsi1sk", s(identity),
                    "personId", s(person.substring(2)), "displayName", s(name), "guest", AttributeValue.fromBool(false))));
            puts.add(put(Map.of("pk", s("C#" + community.id()), "sk", s("M#" + person.substring(2)), "gsi1pk", s(person),
                    "gsi1sk", s("C#" + community.id()), "slug", s(SLUG), "role", s("MEMBER"),
                    "since", s(Instant.now().toString()))));
        }
        for (int from = 0; from < puts.size(); from += 25) {
            List<WriteRequest> batch = puts.subList(from, Math.min(puts.size(), from + 25));
            Map<String, List<WriteRequest>> pending = Map.of(table, batch);
            while (!pending.isEmpty()) {
                Map<String, List<WriteRequest>> asked = pending;
                pending = stack.dynamo.batchWriteItem(b -> b.requestItems(asked)).unprocessedItems();
            }
        }
        stack.dynamo.updateItem(b -> b.tableName(table).key(Map.of("pk", s("C#" + community.id()), "sk", s("META")))
                .updateExpression("ADD memberCount :n").expressionAttributeValues(Map.of(":n",
                        AttributeValue.fromN(Integer.toString(members)))));
        return (System.nanoTime() - started) / 1e9;
    }

    private static WriteRequest put(Map<String, AttributeValue> item) {
        return WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build();
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static String slackUser(int i) {
        return String.format(Locale.ROOT, "U0ANN%06d", i);
    }

    /** Waits until each member got their direct message: how many did. */
    private int awaitAll(int members, Duration within) throws InterruptedException {
        Instant deadline = Instant.now().plus(within);
        int told = 0;
        while (Instant.now().isBefore(deadline)) {
            told = told();
            if (told >= members) {
                return told;
            }
            Thread.sleep(1_000);
        }
        return told;
    }

    private int told() {
        long slack = stack.slackApi.calls("chat.postMessage").stream()
                .filter(call -> String.valueOf(call.param("channel")).startsWith("U0ANN0")
                        && String.valueOf(call.param("text")).contains(SLUG)).map(call -> call.param("channel"))
                .distinct().count();
        long teams = stack.botFramework.sent().stream().filter(sent -> sent.json().contains(SLUG))
                .map(FakeBotFramework.SentActivity::conversationId).distinct().count();
        return (int) (slack + teams);
    }

    private String report(int members, double seeded, double answered, int delivered, double drained, YearMonth month,
            Map<Meter, BigDecimal> used) {
        PriceTable prices = PriceTable.select("us-east-1", "arm64", month);
        BigDecimal perMember = BigDecimal.ONE.divide(BigDecimal.valueOf(members), 12, RoundingMode.HALF_EVEN);
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%n## (f) An announcement to %,d members"
                + " on the local stack%n%n%,d members (half Slack, half Teams; seeded by BatchWriteItem in %.0f s). `/ciment announce`"
                + " answered in %.2f s; %,d of %,d direct messages delivered, all in %.0f s (%.1f a second): the"
                + " announcement's stream record, then steps of up to %d members, each writing their notices from the Slack"
                + " delivery function, then each outbox notice delivered by its tool's delivery function. Usage recorded by the meter (the"
                + " month's usage items before and after), priced at %s:%n%n| meter | per member | list cost per"
                + " member |%n|---|---|---|%n", members, members, seeded, answered, delivered, members, drained,
                delivered / drained, ciment.core.service.AnnouncementFanOut.PAGE, prices.id()));
        BigDecimal total = BigDecimal.ZERO;
        for (Meter meter : Meter.values()) {
            BigDecimal quantity = meter.reported(used.getOrDefault(meter, BigDecimal.ZERO), month).multiply(perMember);
            if (meter == Meter.DYNAMODB_STORED_BYTES || quantity.signum() == 0) {
                continue;
            }
            BigDecimal cost = prices.costOf(meter, quantity);
            total = total.add(cost);
            out.append(String.format(Locale.ROOT, "| %s %s | %s | $%s |%n", meter.serviceName(), meter.unit(),
                    quantity.setScale(4, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString(),
                    cost.setScale(9, RoundingMode.HALF_EVEN).toPlainString()));
        }
        return out.append(String.format(Locale.ROOT, "%nCost per member: $%s; for 10,000 members: $%s (Lambda time as"
                + " this machine took it, waiting on moto, which serves one request at a time).%n",
                total.setScale(8, RoundingMode.HALF_EVEN).toPlainString(),
                total.multiply(BigDecimal.valueOf(10_000)).setScale(4, RoundingMode.HALF_EVEN).toPlainString()))
                .toString();
    }

    private void slashCommand(String text) {
        SlashCommands.Signed signed = stack.slashCommands.sign(stack.slashCommands.command(STEWARD, "ana", text),
                Instant.now());
        http.post("/slack/events", signed.headers(), signed.body());
    }
}
