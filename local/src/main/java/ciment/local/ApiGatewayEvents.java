package ciment.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Turns an HTTP request into the event JSON an API Gateway HTTP API hands Lambda (payload 1.0 or 2.0),
 * and the function's answer JSON back into HTTP, so the functions' stream entries run locally exactly
 * as deployed.
 */
final class ApiGatewayEvents {
    static final String STAGE = "local";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ApiGatewayEvents() {
    }

    /** Payload format 1.0, the Slack function's. */
    static String payloadV1(HttpCall call) {
        ObjectNode event = JSON.createObjectNode();
        event.put("version", "1.0");
        event.put("resource", call.path());
        event.put("path", call.path());
        event.put("httpMethod", call.method());
        ObjectNode headers = event.putObject("headers");
        ObjectNode multiValueHeaders = event.putObject("multiValueHeaders");
        call.headers().forEach((name, value) -> {
            headers.put(name, value);
            multiValueHeaders.putArray(name).add(value);
        });
        // 1.0 keeps a repeated parameter's last value, and every value in the multi-value map.
        Map<String, List<String>> query = queryParameters(call.rawQuery());
        if (query.isEmpty()) {
            event.putNull("queryStringParameters");
            event.putNull("multiValueQueryStringParameters");
        } else {
            ObjectNode single = event.putObject("queryStringParameters");
            ObjectNode multi = event.putObject("multiValueQueryStringParameters");
            query.forEach((name, values) -> {
                single.put(name, values.getLast());
                values.forEach(multi.putArray(name)::add);
            });
        }
        event.putNull("pathParameters");
        event.putNull("stageVariables");
        ObjectNode context = event.putObject("requestContext");
        context.put("requestId", UUID.randomUUID().toString());
        context.put("stage", STAGE);
        context.put("httpMethod", call.method());
        context.put("path", call.path());
        context.put("resourcePath", call.path());
        context.put("requestTimeEpoch", Instant.now().toEpochMilli());
        ObjectNode identity = context.putObject("identity");
        identity.put("sourceIp", call.sourceIp());
        identity.put("userAgent", call.headers().get("user-agent"));
        putBody(event, call);
        return event.toString();
    }

    /** Payload format 2.0, the Teams function's. */
    static String payloadV2(HttpCall call) {
        String routeKey = call.method() + " " + call.path();
        ObjectNode event = JSON.createObjectNode();
        event.put("version", "2.0");
        event.put("routeKey", routeKey);
        event.put("rawPath", call.path());
        event.put("rawQueryString", call.rawQuery());
        ObjectNode headers = event.putObject("headers");
        call.headers().forEach(headers::put);
        // 2.0 joins a repeated parameter's values with commas.
        Map<String, List<String>> query = queryParameters(call.rawQuery());
        if (!query.isEmpty()) {
            ObjectNode parameters = event.putObject("queryStringParameters");
            query.forEach((name, values) -> parameters.put(name, String.join(",", values)));
        }
        ObjectNode context = event.putObject("requestContext");
        context.put("routeKey", routeKey);
        context.put("stage", STAGE);
        context.put("requestId", UUID.randomUUID().toString());
        context.put("timeEpoch", Instant.now().toEpochMilli());
        ObjectNode http = context.putObject("http");
        http.put("method", call.method());
        http.put("path", call.path());
        http.put("protocol", "HTTP/1.1");
        http.put("sourceIp", call.sourceIp());
        http.put("userAgent", call.headers().get("user-agent"));
        putBody(event, call);
        return event.toString();
    }

    /** The function's answer ({statusCode, headers, body, isBase64Encoded}) as HTTP; none is an empty 200. */
    static HttpCall.Answer answer(String responseJson) {
        JsonNode response;
        try {
            response = responseJson == null || responseJson.isBlank() ? null : JSON.readTree(responseJson);
        } catch (JsonProcessingException notJson) {
            return notAnAnswer();
        }
        if (response == null || response.isNull()) {
            return HttpCall.Answer.text(200, "");
        }
        if (!response.path("statusCode").canConvertToInt()) {
            return notAnAnswer();
        }
        Map<String, String> headers = new LinkedHashMap<>();
        response.path("headers").properties().forEach(header -> headers.put(header.getKey(), header.getValue().asText()));
        JsonNode body = response.path("body");
        String text = body.isTextual() ? body.asText() : "";
        return new HttpCall.Answer(response.path("statusCode").intValue(), headers,
                response.path("isBase64Encoded").asBoolean(false)
                        ? Base64.getDecoder().decode(text)
                        : text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * HTTP APIs pass text bodies as they are and base64-encode the rest; Slack's form posts
     * (application/x-www-form-urlencoded) arrive base64-encoded, with isBase64Encoded true.
     */
    static boolean isText(String contentType) {
        if (contentType == null) {
            return true;
        }
        String type = contentType.toLowerCase(Locale.ROOT);
        return type.startsWith("text/") || type.startsWith("application/json") || type.contains("+json")
                || type.startsWith("application/xml");
    }

    private static void putBody(ObjectNode event, HttpCall call) {
        if (call.body().length == 0) {
            event.putNull("body");
            event.put("isBase64Encoded", false);
            return;
        }
        boolean binary = !isText(call.headers().get("content-type"));
        event.put("body", binary ? Base64.getEncoder().encodeToString(call.body()) : call.bodyText());
        event.put("isBase64Encoded", binary);
    }

    private static HttpCall.Answer notAnAnswer() {
        return HttpCall.Answer.text(502, "The function's answer is not an API Gateway response (statusCode, headers, body).");
    }

    private static Map<String, List<String>> queryParameters(String rawQuery) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return parameters;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            parameters.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return parameters;
    }
}
