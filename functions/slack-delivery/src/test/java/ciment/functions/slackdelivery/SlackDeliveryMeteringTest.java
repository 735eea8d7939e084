package ciment.functions.slackdelivery;

import ciment.infra.metering.UsageMeter;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.core.config.Settings;
import ciment.core.cost.Meter;
import ciment.core.cost.UsageDay;
import ciment.core.model.Channel;
import ciment.core.model.Link;
import ciment.core.model.Platform;
import ciment.core.model.Post;
import ciment.core.model.Slug;
import ciment.core.model.Ulid;
import ciment.core.port.Repositories;
import ciment.devkit.MotoServer;
import ciment.devkit.TemplateTable;
import ciment.devkit.slack.FakeSlackApi;
import ciment.devkit.stream.StreamEvents;
import ciment.devkit.stream.TableStream;
import ciment.infra.aws.DynamoClients;
import ciment.infra.dynamo.CapacityMeter;
import ciment.infra.dynamo.DynamoRepositories;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The Slack delivery function metering a batch: each record's work is its community's, the batch's own shared; budgets checked. */
class SlackDeliveryMeteringTest {
    private static final Instant AT = Instant.ofEpochSecond(1_699_999_990);
    private static final String A = Ulid.random(AT);
    private static final String B = Ulid.random(AT);

    private final FakeSlackApi slackApi = FakeSlackApi.start();
    private final Settings settings = Settings.of(MotoServer.tableSettings("slack-metering"))
            .with(Map.of("CIMENT_SLACK_ALLOWED_WORKSPACES", "*",
                    "SLACK_BOT_TOKEN", "xoxb-metering", "SLACK_API_URL", slackApi.baseUrl()));
    private final DynamoDbClient dynamo = DynamoClients.create(settings);
    private final DynamoRepositories dynamoRepositories = DynamoRepositories.create(dynamo, settings.table(), new CapacityMeter(CapacityMeter.Source.COMPUTED));
    private final Repositories store = dynamoRepositories.repositories();
    private final TableStream stream;
    private final SlackDeliveryFunction function;

    SlackDeliveryMeteringTest() {
        TemplateTable.fromClasspath().create(dynamo, settings.table());
        store.links().link(new Link(A, Slug.parse("guild-a"), channel("C0A"), "P1", AT));
        store.links().link(new Link(B, Slug.parse("guild-b"), channel("C0B"), "P1", AT));
        stream = TableStream.fromLatest(MotoServer.shared().endpoint(), "us-east-1", settings.table());
        function = new SlackDeliveryFunction(settings);
    }

    private static Channel channel(String id) {
        return new Channel(Platform.SLACK, FakeSlackApi.TEAM_ID, id, id.toLowerCase(), null);
    }

    @AfterEach
    void stop() {
        stream.close();
        dynamo.close();
        slackApi.close();
    }

    @Test
    void batch_withPostsOfTwoCommunities_givesEachItsOwnWork_andSharesTheBatchItselfBetweenThem() {
        store.posts().add(new Post(Ulid.random(AT), A, Slug.parse("guild-a"), "P2", "Ada", Platform.TEAMS, "In A", AT));
        store.posts().add(new Post(Ulid.random(AT), B, Slug.parse("guild-b"), "P2", "Ada", Platform.TEAMS, "In B", AT));
        List<DynamodbStreamRecord> records = stream.poll();
        int callsBefore = slackApi.calls().size();

        function.handleRequest(StreamEvents.event(records), null);

        Map<String, UsageDay> days = dynamoRepositories.usage().month(YearMonth.now(ZoneOffset.UTC)).stream()
                .collect(Collectors.toMap(UsageDay::owner, d -> d));
        assertEquals(java.util.Set.of(A, B), days.keySet(), "no platform write for a batch of two communities' records");
        for (String community : List.of(A, B)) {
            UsageDay day = days.get(community);
            assertTrue(day.quantity(Meter.SLACK_CALLS).intValue() >= 1, community + " paid its copy's call");
            assertTrue(day.quantity(Meter.DYNAMODB_WRITE_UNITS).intValue() >= 2, "its copy's claim and record, and the flush");
            assertTrue(day.quantity(Meter.LAMBDA_REQUESTS).signum() > 0, community + " shares the batch's request");
        }
        assertEquals(slackApi.calls().size() - callsBefore, days.get(A).quantity(Meter.SLACK_CALLS).intValue()
                + days.get(B).quantity(Meter.SLACK_CALLS).intValue(), "every call counted, once");
        assertEquals(0, BigDecimal.ONE.compareTo(days.get(A).quantity(Meter.LAMBDA_REQUESTS)
                .add(days.get(B).quantity(Meter.LAMBDA_REQUESTS))), "the batch's one Lambda request, shared");
        assertEquals(0, BigDecimal.ONE.compareTo(days.get(A).quantity(Meter.STREAM_REQUESTS)
                .add(days.get(B).quantity(Meter.STREAM_REQUESTS))), "and its one stream request");
    }

    @Test
    void batch_thatTakesACommunityPastItsBudget_claimsItsAlerts_andLeavesACommunityWithoutABudgetAlone() {
        YearMonth month = YearMonth.now(ZoneOffset.UTC);
        dynamoRepositories.usage().setBudget(A, new BigDecimal("1.00"));
        // Earlier usage of A this month: two million API requests, $2.00.
        var earlier = UsageMeter.attachedTo(dynamoRepositories, java.time.Clock.systemUTC());
        earlier.begin("earlier", 128, 0);
        earlier.within(A, () -> earlier.count(Meter.API_REQUESTS, 2_000_000));
        earlier.end();
        store.posts().add(new Post(Ulid.random(AT), A, Slug.parse("guild-a"), "P2", "Ada", Platform.TEAMS, "In A", AT));
        store.posts().add(new Post(Ulid.random(AT), B, Slug.parse("guild-b"), "P2", "Ada", Platform.TEAMS, "In B", AT));

        function.handleRequest(StreamEvents.event(stream.poll()), null);

        assertFalse(dynamoRepositories.usage().claimAlert(A, month, 80), "the batch's flush checked A's budget and claimed 80%");
        assertFalse(dynamoRepositories.usage().claimAlert(A, month, 100), "and 100%");
        assertTrue(dynamoRepositories.usage().claimAlert(B, month, 80), "B has no budget: nothing claimed");
    }
}
