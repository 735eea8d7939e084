package ciment.devkit.teams;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** How the parts of {@link FakeBotFramework} answer: JSON, and the Bot Connector's error bodies. */
final class BotFrameworkHttp {
    private BotFrameworkHttp() {
    }

    static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    /** The Bot Connector's error body: {@code {"error":{"code":..,"message":..}}}. */
    static void error(HttpExchange exchange, int status, String code, String message) throws IOException {
        respond(exchange, status, Json.write(Map.of("error", Map.of("code", code, "message", message))));
    }

    /** A path segment as sent ('+' stays a plus, as in Teams' ids). */
    static String decode(String pathSegment) {
        return URLDecoder.decode(pathSegment.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    static String formDecode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }
}
