package ciment.devkit;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * API Gateway's side of a Lambda call, as JSON: the event an HTTP request becomes (an HTTP API's
 * payload 1.0 or 2.0), the function's stream entry called as Lambda calls it, and the answer read back.
 * The local runner, the benchmark and the functions' tests all go through here.
 */
public final class ApiGateway {
    public static final String STAGE = "local";
    /** HTTP APIs take payloads up to 10 MB and answer 413 above; each function then applies its route's own bound. */
    public static final int MAX_PAYLOAD_BYTES = 10 * 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private ApiGateway() {
    }

    /** How the body goes into the event. */
    public enum Body {
        /** As an HTTP API sends it: text types as they are, anything else (Slack's form posts) base64-encoded and flagged. */
        AS_HTTP_API_SENDS_IT,
        /** As text, isBase64Encoded false, whatever the content type. */
        TEXT,
        /** Base64-encoded and flagged, whatever the content type. */
        BASE64
    }

    /** One HTTP request as API Gateway sees it: header names in lower case, repeated headers joined by commas. */
    public record Request(String method, String path, String rawQuery, Map<String, String> headers, byte[] body,
                          String sourceIp) {
        public Request {
            rawQuery = rawQuery == null ? "" : rawQuery;
            Map<String, String> lowerCased = new LinkedHashMap<>();
            headers.forEach((name, value) -> lowerCased.put(name.toLowerCase(Locale.ROOT), value));
            headers = Collections.unmodifiableMap(lowerCased);
        }

        /** A POST from loopback with no query, as the tests and the benchmark send them. */
        public static Request post(String path, Map<String, String> headers, String body) {
            return new Request("POST", path, "", headers, body.getBytes(StandardCharsets.UTF_8), "127.0.0.1");
        }

        /** The request, its body read no further than {@link #MAX_PAYLOAD_BYTES}: beyond, PayloadTooLarge. */
        public static Request read(HttpExchange exchange) throws IOException {
            Map<String, String> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, String.join(",", values)));
            String length = exchange.getRequestHeaders().getFirst("Content-Length");
            if (length != null && length.matches("[0-9]{1,18}") && Long.parseLong(length) > MAX_PAYLOAD_BYTES) {
                throw new PayloadTooLarge();
            }
            byte[] body = exchange.getRequestBody().readNBytes(MAX_PAYLOAD_BYTES + 1);
            if (body.length > MAX_PAYLOAD_BYTES) {
                throw new PayloadTooLarge();
            }
            return new Request(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    exchange.getRequestURI().getRawQuery(), headers, body,
                    exchange.getRemoteAddress().getAddress().getHostAddress());
        }

        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** A request larger than an HTTP API takes: API Gateway answers it 413 without calling any function. */
    public static final class PayloadTooLarge extends RuntimeException {
        PayloadTooLarge() {
            super("the request body is over " + MAX_PAYLOAD_BYTES + " bytes", null, false, false);
        }

        /** API Gateway's own answer. */
        public Answer answer() {
            return new Answer(413, Map.of("Content-Type", "application/json"),
                    "{\"message\":\"Request Entity Too Large\"}".getBytes(StandardCharsets.UTF_8));
        }
    }

    /** What a function answered ({statusCode, headers, body, isBase64Encoded}), the body decoded. */
    public record Answer(int status, Map<String, String> headers, byte[] body) {
        public static Answer text(int status, String text) {
            return new Answer(status, Map.of("Content-Type", "text/plain; charset=utf-8"),
                    text.getBytes(StandardCharsets.UTF_8));
        }

        /** The function's answer JSON, which must be a response with a whole-number status; a missing or null body is an empty one. */
        public static Answer read(String responseJson) {
            JsonNode response = parse(responseJson);
            if (response == null || !response.path("statusCode").isInt()) {
                throw new IllegalArgumentException("not an API Gateway response: " + responseJson);
            }
            return of(response);
        }

        /** As the local runner serves the function's answer: none is an empty 200, anything but a response a 502. */
        public static Answer served(String responseJson) {
            if (responseJson == null || responseJson.isBlank()) {
                return text(200, "");
            }
            JsonNode response = parse(responseJson);
            if (response != null && response.isNull()) {
                return text(200, "");
            }
            return response != null && response.path("statusCode").canConvertToInt()
                    ? of(response)
                    : text(502, "The function's answer is not an API Gateway response (statusCode, headers, body).");
        }

        private static JsonNode parse(String json) {
            try {
                return JSON.readTree(json == null ? "" : json);
            } catch (JsonProcessingException notJson) {
                return null;
            }
        }

        private static Answer of(JsonNode response) {
            Map<String, String> headers = new LinkedHashMap<>();
            response.path("headers").properties().forEach(header -> headers.put(header.getKey(), header.getValue().asText()));
            JsonNode body = response.path("body");
            String text = body.isTextual() ? body.asText() : "";
            return new Answer(response.path("statusCode").intValue(), headers,
                    response.path("isBase64Encoded").asBoolean(false)
                            ? Base64.getDecoder().decode(text)
                            : text.getBytes(StandardCharsets.UTF_8));
        }

        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** Payload format 1.0, the Slack function's: 1.0 keeps multi-value maps of the headers and query. */
    public static String payloadV1(Request request) {
        return payloadV1(request, Body.AS_HTTP_API_SENDS_IT);
    }

    public static String payloadV1(Request request, Body body) {
        ObjectNode event = JSON.createObjectNode();
        event.put("version", "1.0");
        event.put("resource", request.path());
        event.put("path", request.path());
        event.put("httpMethod", request.method());
        ObjectNode headers = event.putObject("headers");
        ObjectNode multiValueHeaders = event.putObject("multiValueHeaders");
        request.headers().forEach((name, value) -> {
            headers.put(name, value);
            multiValueHeaders.putArray(name).add(value);
        });
        // 1.0 keeps a repeated parameter's last value, and every value in the multi-value map.
        Map<String, List<String>> query = queryParameters(request.rawQuery());
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
        context.put("httpMethod", request.method());
        context.put("path", request.path());
        context.put("resourcePath", request.path());
        context.put("requestTimeEpoch", Instant.now().toEpochMilli());
        ObjectNode identity = context.putObject("identity");
        identity.put("sourceIp", request.sourceIp());
        identity.put("userAgent", request.headers().get("user-agent"));
        putBody(event, request, body);
        return event.toString();
    }

    /** Payload format 2.0, the Teams function's: 2.0 joins a repeated query parameter's values with commas. */
    public static String payloadV2(Request request) {
        return payloadV2(request, Body.AS_HTTP_API_SENDS_IT);
    }

    public static String payloadV2(Request request, Body body) {
        String routeKey = request.method() + " " + request.path();
        ObjectNode event = JSON.createObjectNode();
        event.put("version", "2.0");
        event.put("routeKey", routeKey);
        event.put("rawPath", request.path());
        event.put("rawQueryString", request.rawQuery());
        ObjectNode headers = event.putObject("headers");
        request.headers().forEach(headers::put);
        Map<String, List<String>> query = queryParameters(request.rawQuery());
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
        http.put("method", request.method());
        http.put("path", request.path());
        http.put("protocol", "HTTP/1.1");
        http.put("sourceIp", request.sourceIp());
        http.put("userAgent", request.headers().get("user-agent"));
        putBody(event, request, body);
        return event.toString();
    }

    /** The function's stream entry, as Lambda calls it: the event's JSON in, the answer's JSON out. */
    public static String invoke(RequestStreamHandler function, String eventJson) {
        return invoke(function, eventJson, null);
    }

    public static String invoke(RequestStreamHandler function, String eventJson, Context context) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try {
            function.handleRequest(new ByteArrayInputStream(eventJson.getBytes(StandardCharsets.UTF_8)), output, context);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return output.toString(StandardCharsets.UTF_8);
    }

    /**
     * The stream entry of a function loaded apart (a shaded jar on a class loader of its own), called
     * through reflection with plain JDK types: the event's JSON in, the answer's JSON out.
     */
    public static String invokeLoadedApart(Object function, String eventJson) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try {
            Class<?> context = function.getClass().getClassLoader().loadClass(Context.class.getName());
            function.getClass().getMethod("handleRequest", InputStream.class, OutputStream.class, context)
                    .invoke(function, new ByteArrayInputStream(eventJson.getBytes(StandardCharsets.UTF_8)), output, null);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(function.getClass().getName() + " failed", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException(function.getClass().getName() + " is not a RequestStreamHandler", e);
        }
        return output.toString(StandardCharsets.UTF_8);
    }

    /** HTTP APIs pass text bodies as they are and base64-encode the rest. */
    public static boolean isText(String contentType) {
        if (contentType == null) {
            return true;
        }
        String type = contentType.toLowerCase(Locale.ROOT);
        return type.startsWith("text/") || type.startsWith("application/json") || type.contains("+json")
                || type.startsWith("application/xml");
    }

    private static void putBody(ObjectNode event, Request request, Body encoding) {
        if (request.body().length == 0) {
            event.putNull("body");
            event.put("isBase64Encoded", false);
            return;
        }
        boolean base64 = switch (encoding) {
            case AS_HTTP_API_SENDS_IT -> !isText(request.headers().get("content-type"));
            case TEXT -> false;
            case BASE64 -> true;
        };
        event.put("body", base64 ? Base64.getEncoder().encodeToString(request.body()) : request.bodyText());
        event.put("isBase64Encoded", base64);
    }

    private static Map<String, List<String>> queryParameters(String rawQuery) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        if (rawQuery.isEmpty()) {
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
