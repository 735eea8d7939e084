package ciment.bench;

import ciment.devkit.slack.SlashCommands;
import ciment.devkit.teams.FakeBotFramework;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** API Gateway HTTP API events as JSON, the form Lambda hands them to a function. */
final class Events {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Events() {
    }

    /** Payload 1.0 (bolt-aws-lambda's), with the body as text for the bare app and Ciment alike. */
    static String slack(SlashCommands.Signed signed) {
        ObjectNode event = JSON.createObjectNode();
        event.put("version", "1.0");
        event.put("resource", "/slack/events");
        event.put("path", "/slack/events");
        event.put("httpMethod", "POST");
        ObjectNode headers = event.putObject("headers");
        signed.headers().forEach((name, value) -> headers.put(name.toLowerCase(), value));
        ObjectNode context = event.putObject("requestContext");
        context.put("requestId", UUID.randomUUID().toString());
        context.put("stage", "$default");
        context.putObject("identity").put("sourceIp", "127.0.0.1");
        event.put("body", signed.body());
        event.put("isBase64Encoded", false);
        return event.toString();
    }

    /** Payload 2.0, carrying a Bot Connector activity and its token. */
    static String teams(String activityJson, String token) {
        ObjectNode event = JSON.createObjectNode();
        event.put("version", "2.0");
        event.put("routeKey", "POST /api/messages");
        event.put("rawPath", "/api/messages");
        event.put("rawQueryString", "");
        ObjectNode headers = event.putObject("headers");
        headers.put("content-type", "application/json");
        headers.put("authorization", FakeBotFramework.bearer(token));
        ObjectNode context = event.putObject("requestContext");
        context.put("requestId", UUID.randomUUID().toString());
        context.put("routeKey", "POST /api/messages");
        context.put("stage", "$default");
        context.put("timeEpoch", Instant.now().toEpochMilli());
        ObjectNode http = context.putObject("http");
        http.put("method", "POST");
        http.put("path", "/api/messages");
        http.put("sourceIp", "127.0.0.1");
        event.put("body", activityJson);
        event.put("isBase64Encoded", false);
        return event.toString();
    }

    static Map<String, Object> parse(String json) {
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> map = JSON.readValue(json, Map.class);
            return map;
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(json, e);
        }
    }
}
