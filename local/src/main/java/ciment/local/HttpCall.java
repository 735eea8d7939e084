package ciment.local;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** One HTTP request as API Gateway sees it: header names in lower case, repeated headers joined by commas. */
record HttpCall(String method, String path, String rawQuery, Map<String, String> headers, byte[] body, String sourceIp) {

    static HttpCall read(HttpExchange exchange) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> header : exchange.getRequestHeaders().entrySet()) {
            headers.put(header.getKey().toLowerCase(Locale.ROOT), String.join(",", header.getValue()));
        }
        String query = exchange.getRequestURI().getRawQuery();
        return new HttpCall(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(), query == null ? "" : query,
                headers, exchange.getRequestBody().readAllBytes(), exchange.getRemoteAddress().getAddress().getHostAddress());
    }

    String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The answer to send back. */
    record Answer(int status, Map<String, String> headers, byte[] body) {
        static Answer text(int status, String text) {
            return new Answer(status, Map.of("Content-Type", "text/plain; charset=utf-8"),
                    text.getBytes(StandardCharsets.UTF_8));
        }
    }
}
