package ciment.devkit.teams;

import static ciment.devkit.teams.BotFrameworkHttp.formDecode;
import static ciment.devkit.teams.BotFrameworkHttp.respond;

import ciment.devkit.teams.FakeBotFramework.TokenRequest;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The client-credentials token endpoint the bot's outbound tokens come from: the app's id and password for
 * the Bot Framework's scope give an access token; every request is recorded with its tenant.
 */
final class TokenEndpoint {
    private final String appId;
    private final String appPassword;
    private final AtomicInteger issued = new AtomicInteger();
    private final List<TokenRequest> requests = new CopyOnWriteArrayList<>();
    private final List<String> accessTokens = new CopyOnWriteArrayList<>();

    TokenEndpoint(String appId, String appPassword) {
        this.appId = appId;
        this.appPassword = appPassword;
    }

    List<TokenRequest> requests() {
        return List.copyOf(requests);
    }

    List<String> accessTokens() {
        return List.copyOf(accessTokens);
    }

    void issue(HttpExchange exchange, String tenant, String form) throws IOException {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : form.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                fields.put(formDecode(pair.substring(0, equals)), formDecode(pair.substring(equals + 1)));
            }
        }
        requests.add(new TokenRequest(tenant, Map.copyOf(fields)));
        if (!"client_credentials".equals(fields.get("grant_type")) || !FakeBotFramework.SCOPE.equals(fields.get("scope"))) {
            respond(exchange, 400, Json.write(Map.of("error", "invalid_request")));
            return;
        }
        if (!appId.equals(fields.get("client_id")) || !appPassword.equals(fields.get("client_secret"))) {
            respond(exchange, 401, Json.write(Map.of("error", "invalid_client")));
            return;
        }
        String accessToken = "fake-access-token-" + issued.incrementAndGet();
        accessTokens.add(accessToken);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("token_type", "Bearer");
        answer.put("expires_in", 3599);
        answer.put("ext_expires_in", 3599);
        answer.put("access_token", accessToken);
        respond(exchange, 200, Json.write(answer));
    }
}
