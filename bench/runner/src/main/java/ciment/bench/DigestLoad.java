package ciment.bench;

import ciment.core.config.Settings;
import ciment.core.cost.Meter;
import ciment.core.cost.PriceTable;
import ciment.core.model.ChatAccount;
import ciment.core.model.Community;
import ciment.core.model.DigestCadence;
import ciment.core.model.Membership;
import ciment.core.model.Person;
import ciment.core.model.Platform;
import ciment.core.model.Post;
import ciment.core.model.Role;
import ciment.core.model.Slug;
import ciment.core.model.Topic;
import ciment.core.model.Ulid;
import ciment.core.port.Repositories;
import ciment.devkit.slack.FakeSlackApi;
import ciment.infra.dynamo.BulkSeed;
import ciment.infra.dynamo.CapacityMeter;
import ciment.infra.dynamo.DynamoRepositories;
import ciment.local.LocalRunner;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A digest run over {@link #PEOPLE} people, as the local runner fires the schedule ({@code POST
 * /local/schedules/DigestFunction}: the same handler as Lambda, at template.yaml's memory): each person (written in
 * bulk, {@link BulkSeed}) in 3 of {@link #COMMUNITIES} communities, a third of them declaring a skill their communities' questions match, every
 * community with busy threads. The digests are written to the outbox and delivered by the delivery functions
 * through the fake Slack API. The month's usage is read before the run and after the last digest is delivered: the
 * difference, priced by the bundled us-east-1 arm64 table, is a run's cost, delivery included.
 */
final class DigestLoad {
    static final int PEOPLE = Integer.getInteger("ciment.bench.digestPeople", 1000);
    static final int COMMUNITIES = 20;
    static final int MEMBERSHIPS = 3;
    /** Weekly digests in a month: 52 weeks over 12 months. */
    static final BigDecimal WEEKLY_RUNS_A_MONTH = BigDecimal.valueOf(52).divide(BigDecimal.valueOf(12), 4, RoundingMode.HALF_EVEN);

    private final BenchStack stack;
    private final LocalRunner runner;
    private final DynamoRepositories dynamo;
    private final RunnerHttp http;
    private final String table;

    DigestLoad(BenchStack stack) {
        this.stack = stack;
        Map<String, String> settings = new HashMap<>(stack.environment);
        settings.put("CIMENT_PORT", "0");
        settings.put("CIMENT_TABLE", "digest-bench-" + UUID.randomUUID().toString().substring(0, 8));
        settings.put("CIMENT_LOCAL_SCHEDULES", "off"); // fired once, by POST, not by the clock
        Settings runnerSettings = Settings.of(settings);
        this.table = runnerSettings.table();
        this.runner = LocalRunner.start(runnerSettings);
        this.http = new RunnerHttp(runner);
        this.dynamo = DynamoRepositories.create(stack.dynamo, runnerSettings.table(),
                CapacityMeter.forSettings(runnerSettings));
    }

    String run() throws Exception {
        try {
            long seeding = System.nanoTime();
            seed(dynamo.repositories());
            double seeded = (System.nanoTime() - seeding) / 1e9;
            YearMonth month = YearMonth.now(ZoneOffset.UTC);
            Map<Meter, BigDecimal> before = CostLoad.totals(dynamo, month);
            int messagesBefore = digestsSent();
            long started = System.nanoTime();
            String answered = http.schedule("DigestFunction");
            double ran = (System.nanoTime() - started) / 1e9;
            int sent = Integer.parseInt(answered.replaceAll("(?s).*\"sent\":(\\d+).*", "$1"));
            Instant deadline = Instant.now().plus(Duration.ofMinutes(15));
            while (digestsSent() - messagesBefore < sent && Instant.now().isBefore(deadline)) {
                Thread.sleep(200);
            }
            double drained = (System.nanoTime() - started) / 1e9;
            Thread.sleep(3_000); // the delivery functions flush their usage as their last batch ends
            Map<Meter, BigDecimal> used = CostLoad.minus(CostLoad.totals(dynamo, month), before);
            System.out.println("digest bench: " + answered + " in " + ran + " s, drained in " + drained + " s: " + used);
            return report(month, sent, digestsSent() - messagesBefore, seeded, ran, drained, used, answered);
        } finally {
            runner.close();
        }
    }

    private int digestsSent() {
        return (int) stack.slackApi.calls("chat.postMessage").stream()
                .filter(call -> String.valueOf(call.param("text")).startsWith("Your day in your communities")).count();
    }

    /** Communities with busy threads and open questions, and people in them: written straight to the table. */
    private void seed(Repositories store) {
        Instant now = Instant.now();
        List<Community> communities = new java.util.ArrayList<>();
        String founder = Ulid.random(now);
        BulkSeed threads = new BulkSeed(stack.dynamo, table);
        for (int c = 0; c < COMMUNITIES; c++) {
            Slug slug = Slug.parse(String.format(Locale.ROOT, "digest-bench-%02d", c));
            Community community = Community.founded(Ulid.random(now), slug, "Where the digest bench happens", founder, now);
            store.communities().create(community, new Membership(community.id(), slug, founder, Role.STEWARD, now));
            communities.add(community);
            for (int p = 0; p < 10; p++) {
                Post post = new Post(Ulid.random(now.minusSeconds(3600 + p)), community.id(), slug, founder, "Cora",
                        Platform.SLACK, "A thread people talk about " + p, now.minusSeconds(3600 + p), null, p, null,
                        Map.of("tada", p % 3), null, false);
                threads.thread(post);
            }
            for (int q = 0; q < 3; q++) {
                Post question = new Post(Ulid.random(now.minusSeconds(600 + q)), community.id(), slug, founder, "Cora",
                        Platform.SLACK, "Which SQL formatter do you use? " + q, now.minusSeconds(600 + q)).withMarks(Post.Marks.QUESTION);
                threads.thread(question);
            }
        }
        threads.flush();
        Topic sql = Topic.of("SQL");
        BulkSeed people = new BulkSeed(stack.dynamo, table);
        for (int i = 0; i < PEOPLE; i++) {
            Person person = new Person(Ulid.random(now), "Person " + i);
            ChatAccount account = new ChatAccount(Platform.SLACK, FakeSlackApi.TEAM_ID,
                    String.format(Locale.ROOT, "U0DG%06d", i));
            List<Membership> memberships = new java.util.ArrayList<>();
            for (int m = 0; m < MEMBERSHIPS; m++) {
                Community community = communities.get((i + m * 7) % COMMUNITIES);
                memberships.add(new Membership(community.id(), community.slug(), person.id(), Role.MEMBER, now));
            }
            // Daily, so that the bench runs any day of the week; a weekly run costs the same, on Mondays.
            people.person(account, person, i % 3 == 0 ? List.of(sql) : List.of(), memberships, DigestCadence.DAILY);
        }
        people.flush();
    }

    private String report(YearMonth month, int sent, int delivered, double seeded, double ran, double drained,
            Map<Meter, BigDecimal> used, String answered) {
        PriceTable prices = PriceTable.select("us-east-1", "arm64", month);
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%n## Digest: a run over %,d people%n%n"
                + "%,d people (seeded in %.0f s), each in %d of %d communities with busy threads and open questions,"
                + " a third declaring a skill those questions match; the digest function fired by `POST"
                + " /local/schedules/DigestFunction` (one invocation, at 1,024 MB), answering %s in %.1f s; %,d"
                + " digests delivered by the Slack delivery function through the fake Slack API %.1f s after the run"
                + " began. Usage recorded by the meter (the month's usage items before and after, digest function"
                + " and delivery together), priced at %s:%n%n| meter | per run | list cost per run |%n|---|---|---|%n",
                PEOPLE, PEOPLE, seeded, MEMBERSHIPS, COMMUNITIES, answered, ran, delivered, drained, prices.id()));
        BigDecimal total = CostLoad.rows(out, prices, month, used, BigDecimal.ONE);
        BigDecimal perPerson = sent == 0 ? BigDecimal.ZERO : total.divide(BigDecimal.valueOf(sent), 8, RoundingMode.HALF_EVEN);
        BigDecimal month1000 = perPerson.multiply(BigDecimal.valueOf(1000)).multiply(WEEKLY_RUNS_A_MONTH);
        return out.append(String.format(Locale.ROOT, "%nA run: $%s, $%s per digest. A month of weekly digests for"
                + " 1,000 people (%s runs): $%s.%n", total.setScale(4, RoundingMode.HALF_EVEN).toPlainString(),
                perPerson.setScale(6, RoundingMode.HALF_EVEN).toPlainString(), WEEKLY_RUNS_A_MONTH.toPlainString(),
                month1000.setScale(4, RoundingMode.HALF_EVEN).toPlainString())).toString();
    }
}
