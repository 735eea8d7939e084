package ciment.functions.teams;

import ciment.core.config.Settings;
import ciment.devkit.MotoServer;
import ciment.devkit.TemplateTable;
import ciment.devkit.teams.FakeBotFramework;
import ciment.devkit.teams.TeamsActivities;
import ciment.infra.DynamoClients;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.Select;

/** The Teams function on a fresh moto table, pointed at a fake Bot Framework, driven by API Gateway events. */
final class TeamsStack implements AutoCloseable {
    final FakeBotFramework fake = FakeBotFramework.start();
    final String table = "teams-" + UUID.randomUUID();
    final Settings settings;
    final DynamoDbClient dynamo;

    TeamsStack() {
        Map<String, String> values = new HashMap<>(fake.settings());
        values.put("AWS_ENDPOINT_URL", MotoServer.shared().endpoint().toString());
        values.put("AWS_REGION", "us-east-1");
        values.put("CIMENT_TABLE", table);
        settings = Settings.of(values);
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

    /** A Teams person: same tenant and ids in every message they send. */
    Person person(String name) {
        return new Person(UUID.randomUUID().toString(), "29:" + UUID.randomUUID(), UUID.randomUUID().toString(), name);
    }

    record Person(String tenant, String teamsId, String aadObjectId, String name) {
        Person sameTenantAs(Person other, String name) {
            return new Person(other.tenant, "29:" + UUID.randomUUID(), UUID.randomUUID().toString(), name);
        }
    }

    TeamsActivities.Message message(Person from, String text) {
        return TeamsActivities.message(fake.serviceUrl(), fake.botId())
                .tenant(from.tenant()).from(from.teamsId(), from.aadObjectId(), from.name()).text(text);
    }

    static APIGatewayV2HTTPEvent event(String body, String authorization) {
        Map<String, String> headers = new HashMap<>();
        headers.put("content-type", "application/json");
        if (authorization != null) {
            headers.put("authorization", authorization);
        }
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey("POST /api/messages")
                .withRawPath("/api/messages")
                .withHeaders(headers)
                .withBody(body)
                .withIsBase64Encoded(false)
                .build();
    }

    static APIGatewayV2HTTPEvent base64Event(String body, String authorization) {
        APIGatewayV2HTTPEvent event = event(Base64.getEncoder().encodeToString(body.getBytes(StandardCharsets.UTF_8)), authorization);
        event.setIsBase64Encoded(true);
        return event;
    }

    /** Sends the message with a valid token for its serviceUrl, as the Bot Connector does. */
    APIGatewayV2HTTPResponse send(TeamsFunction function, TeamsActivities.Message message) {
        return function.handleRequest(event(message.json(), FakeBotFramework.bearer(fake.token(message.serviceUrl()))), null);
    }

    int itemCount() {
        return dynamo.scan(b -> b.tableName(table).select(Select.COUNT)).count();
    }

    @Override
    public void close() {
        fake.close();
        dynamo.deleteTable(b -> b.tableName(table));
        dynamo.close();
    }
}
