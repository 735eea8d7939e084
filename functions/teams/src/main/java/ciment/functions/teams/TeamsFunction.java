package ciment.functions.teams;

import ciment.core.config.Settings;
import ciment.core.service.Ciment;
import ciment.infra.DynamoStore;
import ciment.infra.Secrets;
import ciment.infra.StoreStartup;
import ciment.teams.BotConnectorAuth;
import ciment.teams.CimentBot;
import ciment.teams.ClientCredentials;
import ciment.teams.InboundAuth;
import ciment.teams.TeamsEndpoint;
import ciment.teams.WarmUp;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.microsoft.bot.builder.BotFrameworkAdapter;
import com.microsoft.bot.connector.authentication.AuthenticationConfiguration;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lambda entry for Bot Framework activities (API Gateway HTTP API, payload 2.0). One instance per
 * container: the store, the signing keys and the outbound token are made once, on background threads
 * started here, while the Bot Framework adapter loads.
 */
public final class TeamsFunction implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private static final Logger LOG = LoggerFactory.getLogger(TeamsFunction.class);
    private static final Map<String, String> TEXT = Map.of("Content-Type", "text/plain; charset=utf-8");
    private static final Map<String, String> JSON = Map.of("Content-Type", "application/json; charset=utf-8");

    private final TeamsEndpoint endpoint;

    /**
     * For Lambda: reads the environment, with the secret that template.yaml names by ARN
     * (MICROSOFT_APP_PASSWORD_ARN) read first, and refuses to start without MICROSOFT_APP_ID.
     */
    public TeamsFunction() {
        this(Secrets.resolve(Settings.fromEnvironment()), false);
    }

    /**
     * @param allowUnauthenticated only for the local runner: without MICROSOFT_APP_ID, accept activities
     *                             without a token (the Bot Framework Emulator's mode). With an app id set,
     *                             every activity is validated whatever this says.
     */
    public TeamsFunction(Settings settings, boolean allowUnauthenticated) {
        boolean hasAppId = settings.get("MICROSOFT_APP_ID").isPresent();
        if (!hasAppId && !allowUnauthenticated) {
            throw new IllegalStateException("MICROSOFT_APP_ID is not set, and the Teams function accepts only activities "
                    + "signed by the Bot Connector for that app id: set it (see CONTRACT.md's configuration table).");
        }
        Clock clock = Clock.systemUTC();
        CompletableFuture<DynamoStore> store = StoreStartup.begin(settings);

        ClientCredentials credentials = ClientCredentials.fromSettings(settings, clock);
        inBackground("ciment-warm-up", () -> {
            WarmUp.run(credentials);
            return null;
        });
        InboundAuth auth;
        if (hasAppId) {
            BotConnectorAuth connectorAuth = BotConnectorAuth.fromSettings(settings, clock);
            inBackground("ciment-signing-keys", () -> {
                connectorAuth.keys().prefetch();
                return null;
            });
            inBackground("ciment-bot-token", () -> {
                credentials.prefetch();
                return null;
            });
            auth = connectorAuth;
        } else {
            LOG.warn("MICROSOFT_APP_ID is not set: accepting Teams activities WITHOUT authentication "
                    + "(Bot Framework Emulator mode). Never run this way where the Bot Connector can reach it.");
            auth = InboundAuth.unauthenticated();
        }
        BotFrameworkAdapter adapter = new BotFrameworkAdapter(credentials, new AuthenticationConfiguration(), null, null, null);
        CimentBot bot = new CimentBot(new Ciment(store.join(), clock), clock);
        this.endpoint = new TeamsEndpoint(adapter, bot, auth);
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        String body = event.getBody();
        if (event.getIsBase64Encoded() && body != null) {
            try {
                body = new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return response(400, "The request body is marked base64 but is not valid base64.");
            }
        }
        TeamsEndpoint.Answer answer = endpoint.handle(body, header(event.getHeaders(), "Authorization"));
        return response(answer.status(), answer.body());
    }

    private static APIGatewayV2HTTPResponse response(int status, String body) {
        boolean json = body.startsWith("{") || body.startsWith("[");
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(status)
                .withHeaders(json ? JSON : TEXT)
                .withBody(body)
                .withIsBase64Encoded(false)
                .build();
    }

    /** API Gateway's 2.0 payload lower-cases header names; other callers may not. */
    private static String header(Map<String, String> headers, String name) {
        if (headers == null) {
            return null;
        }
        for (Map.Entry<String, String> header : headers.entrySet()) {
            if (header.getKey() != null && header.getKey().equalsIgnoreCase(name)) {
                return header.getValue();
            }
        }
        return null;
    }

    private static <T> CompletableFuture<T> inBackground(String name, java.util.function.Supplier<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                result.complete(work.get());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
        return result;
    }
}
