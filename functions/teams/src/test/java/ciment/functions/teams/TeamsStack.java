package ciment.functions.teams;

import ciment.core.config.Settings;
import ciment.devkit.ApiGateway;
import ciment.devkit.MotoServer;
import ciment.devkit.TemplateTable;
import ciment.devkit.teams.FakeBotFramework;
import ciment.devkit.teams.TeamsActivities;
import ciment.infra.aws.DynamoClients;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Select;

/** The Teams function on a fresh moto table, pointed at a fake Bot Framework, driven by API Gateway events (JSON) through its stream entry. */
final class TeamsStack implements AutoCloseable {
    final FakeBotFramework fake = FakeBotFramework.start();
    final String table;
    final Settings settings;
    final DynamoDbClient dynamo;

    /** The tenant of {@link #person}: CIMENT_TRUSTED_DOMAINS trusts it for example.org, as {@link #emailOf} gives. */
    static final String TENANT = "6d1f0c4e-5a7b-4c3d-9e2f-0a1b2c3d4e5f";

    TeamsStack() {
        settings = Settings.of(fake.settings()).with(MotoServer.tableSettings("teams"))
                .with("CIMENT_TEAMS_ALLOWED_TENANTS", "*").with("CIMENT_TRUSTED_DOMAINS", "example.org=" + TENANT);
        table = settings.table();
        dynamo = DynamoClients.create(settings);
        TemplateTable.fromClasspath().create(dynamo, table);
    }

    /** The settings of a bot without an app id (the Bot Framework Emulator's case). */
    Settings withoutAppId() {
        return settings.with("MICROSOFT_APP_ID", "").with("MICROSOFT_APP_PASSWORD", "");
    }

    TeamsFunction function() {
        return new TeamsFunction(settings, false);
    }

    /** A Teams person of the trusted tenant: same tenant and ids in every message they send. */
    Person person(String name) {
        return new Person(TENANT, "29:" + UUID.randomUUID(), UUID.randomUUID().toString(), name);
    }

    /** A Teams person of a tenant of their own, which nothing trusts. */
    Person personElsewhere(String name) {
        return new Person(UUID.randomUUID().toString(), "29:" + UUID.randomUUID(), UUID.randomUUID().toString(), name);
    }

    record Person(String tenant, String teamsId, String aadObjectId, String name) {
        Person sameTenantAs(Person other, String name) {
            return new Person(other.tenant, "29:" + UUID.randomUUID(), UUID.randomUUID().toString(), name);
        }

        /** How a message names this person: Teams' mention tag (with {@link TeamsStack#mentioning}). */
        String at() {
            return "<at>" + name + "</at>";
        }
    }

    /** Makes the person known to the (fake) Bot Connector's member lookup, as a member of their tenant. */
    Person member(Person person) {
        String email = emailOf(person);
        fake.addMember(FakeBotFramework.Member.of(person.teamsId(), person.aadObjectId(), person.name(), email, email,
                person.tenant()));
        return person;
    }

    /**
     * Makes the person known to the Bot Connector as a Teams guest in their tenant (the host's): role
     * "guest", their own address as email, the host's #EXT# form as user principal name.
     */
    Person guest(Person person) {
        String email = person.name().toLowerCase(java.util.Locale.ROOT).replace(' ', '.') + "@supplier.example";
        fake.addMember(FakeBotFramework.Member.guest(person.teamsId(), person.aadObjectId(), person.name(), email,
                person.tenant()));
        return person;
    }

    /** The address {@link #member} gives the person. */
    static String emailOf(Person member) {
        return member.name().toLowerCase(java.util.Locale.ROOT).replace(' ', '.') + "@example.org";
    }

    /** A message from one person mentioning another (whose {@link Person#at()} the text holds). */
    TeamsActivities.Message mentioning(Person from, String text, Person mentioned) {
        return message(from, text).mentioning(mentioned.teamsId(), mentioned.name());
    }

    TeamsActivities.Message message(Person from, String text) {
        return TeamsActivities.message(fake.serviceUrl(), fake.botId())
                .tenant(from.tenant()).from(from.teamsId(), from.aadObjectId(), from.name()).text(text);
    }

    /** API Gateway's payload 2.0 carrying this body (and token, unless null), as an HTTP API hands it to Lambda. */
    static String event(String body, String authorization) {
        return ApiGateway.payloadV2(request(body, authorization));
    }

    /** The same, the body base64-encoded and flagged so. */
    static String base64Event(String body, String authorization) {
        return ApiGateway.payloadV2(request(body, authorization), ApiGateway.Body.BASE64);
    }

    private static ApiGateway.Request request(String body, String authorization) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("content-type", "application/json");
        if (authorization != null) {
            headers.put("authorization", authorization);
        }
        return ApiGateway.Request.post("/api/messages", headers, body);
    }

    /** The function's stream entry, as Lambda calls it, and its answer as API Gateway reads it. */
    static ApiGateway.Answer handle(TeamsFunction function, String eventJson) {
        return ApiGateway.Answer.read(ApiGateway.invoke(function, eventJson));
    }

    /** Sends the message with a valid token for its serviceUrl, as the Bot Connector does. */
    ApiGateway.Answer send(TeamsFunction function, TeamsActivities.Message message) {
        return handle(function, event(message.json(), FakeBotFramework.bearer(fake.token(message.serviceUrl()))));
    }

    /** The table's items, but the usage items that metering adds to on every invocation, a refused one too. */
    int itemCount() {
        return dynamo.scan(b -> b.tableName(table).select(Select.COUNT).filterExpression("NOT begins_with(sk, :use)")
                .expressionAttributeValues(java.util.Map.of(":use", AttributeValue.fromS("USE#")))).count();
    }

    @Override
    public void close() {
        fake.close();
        dynamo.deleteTable(b -> b.tableName(table));
        dynamo.close();
    }
}
