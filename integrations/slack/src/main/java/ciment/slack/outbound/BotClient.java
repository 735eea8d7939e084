package ciment.slack.outbound;

import com.slack.api.Slack;
import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.methods.MethodsClient;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Web API client the app's handlers call Slack with (short call timeout): in single-workspace mode the one
 * bot token's; in OAuth mode the token of the workspace the request being handled comes from, which Bolt's
 * MultiTeamsAuthorization found in the installations ({@link #perRequest}'s middleware hands it over, on the
 * request's thread: Bolt runs a request's middleware and handler on one thread).
 */
public final class BotClient {
    private final MethodsClient fixed;
    private final Slack quick;
    private final ThreadLocal<MethodsClient> current = new ThreadLocal<>();
    private final Map<String, MethodsClient> byToken = new ConcurrentHashMap<>();

    private BotClient(MethodsClient fixed, Slack quick) {
        this.fixed = fixed;
        this.quick = quick;
    }

    /** One token for every request; null: there is none (Slack is never asked). */
    public static BotClient fixed(MethodsClient client) {
        return new BotClient(client, null);
    }

    /** The token of each request's workspace (OAuth mode); register {@link #middleware()} after Bolt's authorization. */
    public static BotClient perRequest(Slack quick) {
        return new BotClient(null, quick);
    }

    /** The client for the request being handled, or null when there is no token for it. */
    public MethodsClient get() {
        return quick == null ? fixed : current.get();
    }

    public Middleware middleware() {
        return (request, response, chain) -> {
            String token = request.getContext().getBotToken();
            current.set(token == null ? null : byToken.computeIfAbsent(token, quick::methods));
            try {
                return chain.next(request);
            } finally {
                current.remove();
            }
        };
    }
}
