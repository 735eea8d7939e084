package ciment.infra.dynamo;

import ciment.core.config.Settings;
import ciment.core.model.Person;
import ciment.core.port.Repositories;
import ciment.core.port.Seal;
import ciment.infra.aws.DynamoClients;
import ciment.infra.aws.HmacSeal;
import ciment.infra.aws.TokenSeal;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Ciment's repositories on one DynamoDB table (ARCHITECTURE.md's single-table design), each the implementation of
 * its own port, made together once per container; and what a function makes on the same table, client and meter
 * (usage, its meter, installs). Every request is metered by the {@link CapacityMeter}, under the name of the
 * operation that made it.
 */
public final class DynamoRepositories {
    public static final String PRIME = "store.prime";

    private final DynamoDbClient client;
    private final Table table;
    private final CapacityMeter meter;
    private final DynamoUsage usage;
    private final DynamoPeople people;
    private final DynamoPrivacy privacy;
    private final Repositories repositories;

    private DynamoRepositories(DynamoDbClient client, String tableName, CapacityMeter meter, Seal seal) {
        this.client = client;
        this.table = new Table(client, tableName, meter);
        this.meter = meter;
        this.usage = new DynamoUsage(table);
        DynamoCommunities communities = new DynamoCommunities(table);
        DynamoGrants grants = new DynamoGrants(table, Clock.systemUTC());
        this.people = new DynamoPeople(table, communities, grants);
        this.privacy = DynamoPrivacy.over(table, communities, people, grants);
        this.repositories = new Repositories(communities, new DynamoPosts(table), new DynamoConversations(table),
                new DynamoQuestions(table), new DynamoLinks(table), new DynamoMessageCopies(table), people,
                new Outbox(table), privacy, seal, grants, new DynamoQuotas(table), new DynamoFollows(table),
                new DynamoDigests(table), new DynamoAnnouncements(table));
    }

    /** On this client, table and meter, feed cursors sealed with a key of this process ({@link HmacSeal}). */
    public static DynamoRepositories create(DynamoDbClient client, String tableName, CapacityMeter meter) {
        return create(client, tableName, meter, HmacSeal.ofThisProcess());
    }

    /** With the seal of feed cursors (one key for every container: see {@link HmacSeal}). */
    static DynamoRepositories create(DynamoDbClient client, String tableName, CapacityMeter meter, Seal seal) {
        return new DynamoRepositories(client, tableName, meter, seal);
    }

    /** The repositories a function uses: its client (once per container), table and meter from the settings. */
    public static DynamoRepositories fromSettings(Settings settings) {
        return create(DynamoClients.create(settings), settings.table(), CapacityMeter.forSettings(settings),
                HmacSeal.fromSettings(settings));
    }

    /** One per port, for {@code Ciment} and the services. */
    public Repositories repositories() {
        return repositories;
    }

    public CapacityMeter meter() {
        return meter;
    }

    /** Usage days, budgets and alerts (issue 6), on this table, client and meter. */
    public DynamoUsage usage() {
        return usage;
    }

    /** The client every repository here shares (the usage meter writes with it too). */
    public DynamoDbClient client() {
        return client;
    }

    public String tableName() {
        return table.name();
    }

    /** Measures stored bytes per community into the usage items (a daily job). */
    public StorageMeasure storageMeasure() {
        return new StorageMeasure(table);
    }

    /**
     * The Slack app's OAuth installs and states (multi-workspace mode), on this table and meter, their bot tokens
     * sealed and opened with {@code seal} (made once per container: it keeps data keys).
     */
    public DynamoSlackInstallations slackInstallations(TokenSeal seal) {
        return new DynamoSlackInstallations(table, seal);
    }

    /**
     * Reads a key that does not exist: loads the SDK's classes, resolves the endpoint and opens the connection, so
     * that the first real request does not pay for them. Call it during init, from a background thread while the
     * chat SDK starts; it throws what the read throws.
     */
    public void prime() {
        table.get(PRIME, Keys.key("PRIME", "PRIME"), false);
        // Most commands also query the index (a community by slug): load that path too.
        table.query(PRIME, q -> q.indexName(Keys.GSI1).keyConditionExpression("gsi1pk = :none")
                .expressionAttributeValues(Map.of(":none", AttributeValue.fromS("PRIME"))).limit(1));
    }

    /** The steps of a merge, for tests that interrupt one. */
    List<DynamoMerge.Step> mergeSteps(Person from, Person into) {
        return people.merging().steps(from, into);
    }

    /** The steps of an erasure, for tests that interrupt one. */
    List<DynamoPrivacy.Step> eraseSteps(Person person) {
        return privacy.steps(person);
    }
}
