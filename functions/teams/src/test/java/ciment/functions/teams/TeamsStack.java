package ciment.functions.teams;

import ciment.core.config.Settings;
import ciment.devkit.MotoServer;
import ciment.devkit.TemplateTable;
import ciment.devkit.teams.FakeBotFramework;
import ciment.devkit.teams.TeamsActivities;
import ciment.infra.DynamoClients;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.Select;

/** The Teams function on a fresh moto table, pointed at a fake Bot Framework, driven by API Gateway events (JSON) through its stream entry. */
final class TeamsStack implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

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

    /** API Gateway's payload 2.0 carrying this body (and token, unless null), as an HTTP API hands it to Lambda. */
    static String event(String body, String authorization) {
        return event(body, false, authorization);
    }

    static String base64Event(String body, String authorization) {
        return event(Base64.getEncoder().encodeToString(body.getBytes(StandardCharsets.UTF_8)), true, authorization);
    }

    private static String event(String body, boolean base64, String authorization) {
        ObjectNode event = JSON.createObjectNode();
        event.put("version", "2.0");
        event.put("routeKey", "POST /api/messages");
        event.put("rawPath", "/api/messages");
        event.put("rawQueryString", "");
        ObjectNode headers = event.putObject("headers");
        headers.put("content-type", "application/json");
        if (authorization != null) {
            headers.put("authorization", authorization);
        }
        ObjectNode context = event.putObject("requestContext");
        context.put("routeKey", "POST /api/messages");
        context.put("stage", "$default");
        context.put("timeEpoch", 1735689600000L);
        context.putObject("http").put("method", "POST").put("path", "/api/messages").put("sourceIp", "203.0.113.7");
        event.put("body", body);
        event.put("isBase64Encoded", base64);
        return event.toString();
    }

    /** What the function wrote back, as API Gateway reads it. */
    record Answer(int statusCode, Map<String, String> headers, String body, boolean isBase64Encoded) {
    }

    /** The function's stream entry, as Lambda calls it: event JSON in, answer JSON out. */
    static String handleRaw(TeamsFunction function, String eventJson) {
        try {
            ByteArrayOutputStream output = new ByteArrayOutputStream();
            function.handleRequest(new ByteArrayInputStream(eventJson.getBytes(StandardCharsets.UTF_8)), output, null);
            return output.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Answer handle(TeamsFunction function, String eventJson) {
        try {
            JsonNode answer = JSON.readTree(handleRaw(function, eventJson));
            Map<String, String> headers = new HashMap<>();
            answer.path("headers").properties().forEach(h -> headers.put(h.getKey(), h.getValue().asText()));
            return new Answer(answer.path("statusCode").asInt(), headers, answer.path("body").asText(null),
                    answer.path("isBase64Encoded").asBoolean());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends the message with a valid token for its serviceUrl, as the Bot Connector does. */
    Answer send(TeamsFunction function, TeamsActivities.Message message) {
        return handle(function, event(message.json(), FakeBotFramework.bearer(fake.token(message.serviceUrl()))));
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
