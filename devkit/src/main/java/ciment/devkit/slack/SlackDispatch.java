package ciment.devkit.slack;

import ciment.devkit.slack.FakeSlackApi.Call;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@link FakeSlackApi}'s HTTP side: each Web API call is read (form or JSON parameters, the bearer token),
 * recorded, met by its faults, then answered by the part of the fake that plays its method; a method it does
 * not play gets {@code unknown_method}, as Slack answers. What Ciment posts to a response_url is recorded too.
 */
final class SlackDispatch {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String teamId;
    private final List<Call> calls;
    private final SlackFaults faults;
    private final SlackInstalls installs;
    private final SlackUsers users;
    private final FakeConversations conversations;
    private final SlackFiles files;
    private final SlackViews views;

    SlackDispatch(String teamId, List<Call> calls, SlackFaults faults, SlackInstalls installs, SlackUsers users,
            FakeConversations conversations, SlackFiles files, SlackViews views) {
        this.teamId = teamId;
        this.calls = calls;
        this.faults = faults;
        this.installs = installs;
        this.users = users;
        this.conversations = conversations;
        this.files = files;
        this.views = views;
    }

    void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestURI().getPath().substring("/api/".length());
            String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, Object> params = new LinkedHashMap<>(queryParams(exchange.getRequestURI().getRawQuery()));
            params.putAll(isJson(contentType) ? jsonParams(body) : formParams(body));
            Call call = new Call(method, Map.copyOf(withoutNulls(params)), token(exchange, params), contentType, body);
            calls.add(call);
            SlackFaults.Fault fault = faults.meet(method);
            if (fault != null && fault.status() != 200) {
                SlackFaults.fail(exchange, fault);
                return;
            }
            byte[] answer = JSON.writeValueAsBytes(answer(call));
            faults.afterCall(fault);
            exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
        }
    }

    private Map<String, Object> answer(Call call) {
        if (call.method().equals("oauth.v2.access")) {
            return installs.access(call);
        }
        Map<String, Object> installed = installs.answer(call).orElse(null);
        if (installed != null) {
            return installed;
        }
        if (call.token() == null) {
            return Map.of("ok", false, "error", "not_authed");
        }
        String refusal = faults.refusal(call.method(), call.param("channel"));
        if (refusal != null) {
            return Map.of("ok", false, "error", refusal);
        }
        return switch (call.method()) {
            case "auth.test" -> Map.of("ok", true, "url", "https://ciment-test.slack.com/", "team", "Ciment test",
                    "user", "ciment", "team_id", teamId, "user_id", FakeSlackApi.BOT_USER_ID,
                    "bot_id", FakeSlackApi.BOT_ID, "is_enterprise_install", false);
            case "users.info" -> users.info(call.param("user"), isTrue(call.param("include_locale")));
            case "chat.postMessage" -> conversations.post(call);
            case "chat.update", "chat.delete" -> conversations.change(call);
            case "conversations.history" -> conversations.history(call);
            case "conversations.replies" -> conversations.replies(call);
            case "chat.postEphemeral" -> Map.of("ok", true, "message_ts", conversations.nextTs());
            case "conversations.open" -> call.param("users") == null || call.param("users").contains(",")
                    ? Map.of("ok", false, "error", "invalid_arguments")
                    : Map.of("ok", true, "channel", Map.of("id", "D0" + call.param("users")));
            case "files.getUploadURLExternal" -> files.uploadUrl(call);
            case "files.completeUploadExternal" -> files.complete(call);
            case "views.open" -> views.open(call);
            case "views.update" -> views.update(call);
            case "views.publish" -> views.publish(call);
            default -> Map.of("ok", false, "error", "unknown_method");
        };
    }

    /** A post to a response_url: recorded as a call of the method {@code response_url}, with the URL's last part. */
    void handleResponseUrl(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath().substring("/hooks/".length());
            String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, Object> params = new LinkedHashMap<>(isJson(contentType) ? jsonParams(body) : formParams(body));
            params.put("path", path);
            calls.add(new Call("response_url", Map.copyOf(withoutNulls(params)), null, contentType, body));
            byte[] answer = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
        }
    }

    private static String token(HttpExchange exchange, Map<String, Object> params) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return authorization.substring(7).strip();
        }
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return authorization.strip(); // oauth.v2.access: the client's id and secret
        }
        Object token = params.get("token");
        return token == null ? null : token.toString();
    }

    private static boolean isJson(String contentType) {
        return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("application/json");
    }

    private static Map<String, Object> jsonParams(String body) throws IOException {
        return body.isBlank() ? Map.of() : JSON.readValue(body, new TypeReference<Map<String, Object>>() { });
    }

    private static Map<String, String> formParams(String body) {
        Map<String, String> params = new LinkedHashMap<>();
        if (body == null || body.isEmpty()) {
            return params;
        }
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            params.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return params;
    }

    private static Map<String, String> queryParams(String rawQuery) {
        return rawQuery == null ? Map.of() : formParams(rawQuery);
    }

    private static Map<String, Object> withoutNulls(Map<String, Object> params) {
        params.values().removeIf(value -> value == null);
        return params;
    }

    /** A boolean argument as Slack reads it: the SDK sends 1, curl users often true. */
    private static boolean isTrue(String value) {
        return "1".equals(value) || "true".equals(value);
    }
}
