package ciment.functions.teams;

import ciment.infra.lambda.BodyLimit;
import ciment.teams.inbound.TeamsEndpoint;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.schema.Serialization;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * API Gateway's HTTP API (payload 2.0) in and out for the Teams endpoint, behind {@link TeamsFunction}: the event's
 * JSON in, the response's JSON out, read and written with the Jackson that Bot Framework loads anyway (the Lambda
 * runtime's own POJO serializer never loads). The endpoint gets only the body and the Authorization header.
 */
final class TeamsGateway {
    /** What a request loads beyond what building the function loaded, for SnapStart's priming (each in this jar). */
    static final List<String> REQUEST_CLASSES = List.of(
            "com.microsoft.bot.schema.Activity",
            "com.microsoft.bot.schema.Attachment",
            "com.microsoft.bot.builder.TurnContextImpl",
            "com.microsoft.bot.schema.teams.MessagingExtensionQuery",
            "com.microsoft.bot.connector.rest.RestConnectorClient");
    private static final Map<String, String> TEXT = Map.of("Content-Type", "text/plain; charset=utf-8");
    private static final Map<String, String> JSON = Map.of("Content-Type", "application/json; charset=utf-8");
    /**
     * The largest activity: 256 KiB. Teams caps a message at about 28 KB; an activity carries it as text and again
     * as HTML, with its mentions and channel data, and a messaging extension's action carries the whole message it
     * was invoked on (messagePayload) besides; a card's submit, our own few inputs. Nine times Teams' cap leaves
     * room for any of them; Lambda itself would take 6 MB.
     */
    static final BodyLimit BODY_LIMIT = new BodyLimit(256 * 1024);

    private final TeamsEndpoint endpoint;

    TeamsGateway(TeamsEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    /** One event's bytes in, its response's out; the answer is returned. */
    TeamsEndpoint.Answer handle(InputStream input, OutputStream output) throws IOException {
        Optional<byte[]> event = BODY_LIMIT.readEvent(input);
        TeamsEndpoint.Answer answer = event.isEmpty() ? tooLarge() : handle(event.get());
        output.write(response(answer.status(), answer.body()).getBytes(StandardCharsets.UTF_8));
        return answer;
    }

    /** Takes from the event only what the endpoint needs: the headers, the body and whether it is base64. */
    private TeamsEndpoint.Answer handle(byte[] eventJson) {
        JsonNode event;
        try {
            event = Serialization.jsonToTree(new String(eventJson, StandardCharsets.UTF_8));
        } catch (IOException notJson) {
            event = null;
        }
        if (event == null || !event.isObject()) {
            return new TeamsEndpoint.Answer(400, "The request is not an API Gateway event (payload 2.0 JSON).");
        }
        JsonNode bodyNode = event.path("body");
        String body = bodyNode.isTextual() ? bodyNode.asText() : null;
        boolean base64 = event.path("isBase64Encoded").asBoolean(false);
        if (!BODY_LIMIT.admits(body, base64)) {
            return tooLarge();
        }
        if (base64 && body != null) {
            try {
                body = new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return new TeamsEndpoint.Answer(400, "The request body is marked base64 but is not valid base64.");
            }
        }
        return endpoint.handle(body, header(event.path("headers"), "Authorization"));
    }

    /** A body over {@link #BODY_LIMIT}: 413 and one sentence, before the activity is parsed or its token read. */
    private static TeamsEndpoint.Answer tooLarge() {
        return new TeamsEndpoint.Answer(BodyLimit.STATUS, BODY_LIMIT.refusal());
    }

    /** The response as API Gateway reads it. */
    private static String response(int status, String body) {
        boolean json = body.startsWith("{") || body.startsWith("[");
        ObjectNode response = Serialization.createObjectNode();
        response.put("statusCode", status);
        ObjectNode headers = response.putObject("headers");
        (json ? JSON : TEXT).forEach(headers::put);
        response.put("body", body);
        response.put("isBase64Encoded", false);
        return Serialization.toStringSilent(response);
    }

    /** API Gateway's 2.0 payload lower-cases header names; other callers may not. */
    private static String header(JsonNode headers, String name) {
        for (Map.Entry<String, JsonNode> header : headers.properties()) {
            if (header.getKey().equalsIgnoreCase(name) && header.getValue().isTextual()) {
                return header.getValue().asText();
            }
        }
        return null;
    }
}
