package ciment.functions.teamsdelivery;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
import ciment.devkit.stream.StreamEvents;
import ciment.devkit.stream.TableStream;
import ciment.devkit.teams.FakeBotFramework;
import ciment.infra.aws.DynamoClients;
import ciment.infra.dynamo.CapacityMeter;
import ciment.infra.dynamo.DynamoRepositories;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The Teams delivery function metering a batch: each copy's Bot Connector calls are its community's. */
class TeamsDeliveryMeteringTest {
    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    private static final String A = Ulid.random(NOW);
    private static final String B = Ulid.random(NOW);

    private final FakeBotFramework botFramework = FakeBotFramework.start();
    private final Channel inA = new Channel(Platform.TEAMS, "tenant", "19:a@thread.tacv2", "A", botFramework.serviceUrl());
    private final Channel inB = new Channel(Platform.TEAMS, "tenant", "19:b@thread.tacv2", "B", botFramework.serviceUrl());
    private final Settings settings;
    private final DynamoDbClient dynamo;
    private final DynamoRepositories dynamoRepositories;
    private final Repositories store;
    private final TableStream stream;
    private final TeamsDeliveryFunction function;

    TeamsDeliveryMeteringTest() {
        settings = Settings.of(botFramework.settings()).with(MotoServer.tableSettings("teams-metering"))
                .with("CIMENT_TEAMS_ALLOWED_TENANTS", "*");
        dynamo = DynamoClients.create(settings);
        TemplateTable.fromClasspath().create(dynamo, settings.table());
        dynamoRepositories = DynamoRepositories.create(dynamo, settings.table(), new CapacityMeter(CapacityMeter.Source.COMPUTED));
        store = dynamoRepositories.repositories();
        store.links().link(new Link(A, new Slug("guild-a"), inA, "P1", NOW));
        store.links().link(new Link(B, new Slug("guild-b"), inB, "P1", NOW));
        stream = TableStream.fromLatest(MotoServer.shared().endpoint(), "us-east-1", settings.table());
        function = new TeamsDeliveryFunction(settings, false);
    }

    @AfterEach
    void stop() {
        stream.close();
        dynamo.close();
        botFramework.close();
    }

    /** A Slack message that became a post, as the channel intake records it. */
    private void fromSlack(String community, String slug, String text, String messageTs) {
        Post post = new Post(Ulid.random(NOW), community, new Slug(slug), "P2", "Ada", Platform.SLACK, text, NOW);
        store.posts().add(post);
        store.messageCopies().recordOrigin(Platform.SLACK, "C0ORIGIN", messageTs, post.reference());
    }

    @Test
    void batch_withPostsOfTwoCommunities_countsEachCopysConnectorCall_madeOnTheSdksThread_forItsCommunity() {
        fromSlack(A, "guild-a", "In A", "1700000000.000100");
        fromSlack(B, "guild-b", "In B", "1700000000.000200");

        var records = stream.poll();
        assertEquals(List.of(), function.handleRequest(StreamEvents.event(records), null).getBatchItemFailures());

        Map<String, UsageDay> days = dynamoRepositories.usage().month(YearMonth.now(ZoneOffset.UTC)).stream()
                .collect(Collectors.toMap(UsageDay::owner, d -> d));
        assertEquals(Set.of(A, B), days.keySet(), "no platform write for a batch of two communities' records");
        assertEquals(botFramework.sentTo(inA.id()).size(), days.get(A).quantity(Meter.TEAMS_CALLS).intValue());
        assertEquals(botFramework.sentTo(inB.id()).size(), days.get(B).quantity(Meter.TEAMS_CALLS).intValue());
        assertEquals(1, botFramework.sentTo(inA.id()).size(), "one copy, one call");
        assertEquals(0, java.math.BigDecimal.ONE.compareTo(days.get(A).quantity(Meter.STREAM_REQUESTS)
                .add(days.get(B).quantity(Meter.STREAM_REQUESTS))), "the batch's one stream request, shared");
    }
}
