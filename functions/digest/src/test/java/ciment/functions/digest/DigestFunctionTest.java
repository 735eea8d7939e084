package ciment.functions.digest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ciment.core.config.Settings;
import ciment.core.cost.Meter;
import ciment.core.cost.UsageDay;
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
import ciment.core.port.People;
import ciment.core.port.Repositories;
import ciment.devkit.MotoServer;
import ciment.devkit.TemplateTable;
import ciment.infra.aws.DynamoClients;
import ciment.infra.dynamo.CapacityMeter;
import ciment.infra.dynamo.DynamoRepositories;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The digest function on moto, given the scheduled event as Lambda gives it: one notice per recipient however many
 * times it runs, and each run's usage the community's whose question the digest showed.
 */
class DigestFunctionTest {
    private static final Instant NOW = Instant.parse("2026-12-08T07:00:00Z");
    private static final String EVENT = "{\"version\":\"0\",\"detail-type\":\"Scheduled Event\",\"source\":\"aws.events\","
            + "\"time\":\"2026-12-08T07:00:00Z\",\"detail\":{}}";
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final Settings settings = Settings.of(MotoServer.tableSettings("digest"));
    private final DynamoDbClient dynamo = DynamoClients.create(settings);
    private final DynamoRepositories tables;
    private final String guild = Ulid.random(NOW);

    DigestFunctionTest() {
        TemplateTable.fromClasspath().create(dynamo, settings.table());
        tables = DynamoRepositories.create(dynamo, settings.table(), new CapacityMeter(CapacityMeter.Source.COMPUTED));
        Repositories store = tables.repositories();
        Slug slug = Slug.parse("data-guild");
        store.communities().create(Community.founded(guild, slug, "Data tips", "P1", NOW),
                new Membership(guild, slug, "P1", Role.STEWARD, NOW));
        store.posts().add(new Post(Ulid.random(NOW.minusSeconds(3600)), guild, slug, "P1", "Ada", Platform.SLACK,
                "Which SQL formatter do you use?", NOW.minusSeconds(3600)).withMarks(Post.Marks.QUESTION));
        Person grace = store.people().enroll(new ChatAccount(Platform.SLACK, "T1", "U0GRACE"),
                new Person(Ulid.random(NOW), "Grace"), Optional.empty());
        store.communities().join(new Membership(guild, slug, grace.id(), Role.MEMBER, NOW));
        store.people().declare(grace, People.Kind.SKILL, Topic.of("SQL"));
        store.digests().choose(grace.id(), DigestCadence.DAILY);
    }

    @AfterEach
    void close() {
        dynamo.close();
    }

    private String run(DigestFunction function) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        function.handleRequest(new ByteArrayInputStream(EVENT.getBytes(StandardCharsets.UTF_8)), out, null);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aScheduledEventRunTwice_writesOneNotice_andEachRunIsTheShownCommunitys() throws IOException {
        DigestFunction function = new DigestFunction(settings, clock);

        assertEquals("{\"due\":1,\"sent\":1,\"communities\":1}", run(function));
        assertEquals("{\"due\":1,\"sent\":1,\"communities\":1}", run(function));

        long notices = dynamo.scan(b -> b.tableName(settings.table()).filterExpression("begins_with(pk, :out)")
                .expressionAttributeValues(Map.of(":out", AttributeValue.fromS("OUT#")))).count();
        assertEquals(1, notices, "the notice's id comes from the person and the day: a second run writes none");
        UsageDay guildsDay = tables.usage().month(YearMonth.of(2026, 12)).stream()
                .filter(day -> day.owner().equals(guild)).findFirst().orElseThrow();
        assertEquals(0, BigDecimal.valueOf(2).compareTo(guildsDay.quantity(Meter.LAMBDA_REQUESTS)),
                "both invocations are the community's the digests showed, none the platform's");
    }
}
