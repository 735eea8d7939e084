package ciment.functions.teams;

import ciment.core.config.Settings;
import ciment.core.config.WriteLimits;
import ciment.core.port.Repositories;
import ciment.core.service.BudgetWatch;
import ciment.core.service.Ciment;
import ciment.core.service.Finance;
import ciment.core.service.PeopleSearch;
import ciment.infra.BodyLimit;
import ciment.infra.DynamoRepositories;
import ciment.core.cost.Meter;
import ciment.infra.Secrets;
import ciment.infra.UsageMeter;
import ciment.infra.SnapStartPriming;
import ciment.infra.StoreStartup;
import ciment.teams.AllowedTenants;
import ciment.teams.BotConnectorAuth;
import ciment.teams.CimentBot;
import ciment.teams.ClientCredentials;
import ciment.teams.InboundAuth;
import ciment.teams.TeamsCalls;
import ciment.teams.TeamsEndpoint;
import ciment.teams.TeamsWire;
import ciment.teams.WarmUp;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.builder.BotFrameworkAdapter;
import com.microsoft.bot.connector.authentication.AuthenticationConfiguration;
import com.microsoft.bot.schema.Serialization;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lambda entry for Bot Framework activities (API Gateway HTTP API, payload 2.0), as template.yaml names
 * it: the event's JSON in, the response's JSON out, read and written with the Jackson that Bot Framework
 * loads anyway (the Lambda runtime's own POJO serializer never loads). One instance per container: the
 * store, the signing keys and the outbound token are made once, on background threads started here,
 * while the Bot Framework adapter loads.
 */
public final class TeamsFunction implements RequestStreamHandler {
    /** What a request loads beyond what building the function loaded, for SnapStart's priming (each in this jar). */
    static final List<String> PRIMED_CLASSES = List.of(
            "com.microsoft.bot.schema.Activity",
            "com.microsoft.bot.schema.Attachment",
            "com.microsoft.bot.builder.TurnContextImpl",
            "com.microsoft.bot.schema.teams.MessagingExtensionQuery",
            "com.microsoft.bot.connector.rest.RestConnectorClient");
    private static final Logger LOG = LoggerFactory.getLogger(TeamsFunction.class);
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
    /** Meters each invocation (issue 6). */
    private final UsageMeter usage;
    /** The container's init, billed with its first invocation; 0 after. */
    private final AtomicLong initMillis;

    /**
     * For Lambda: reads the environment, with the secret that template.yaml names by ARN
     * (MICROSOFT_APP_PASSWORD_ARN) read first, and refuses to start without MICROSOFT_APP_ID.
     */
    public TeamsFunction() {
        this(System.nanoTime(), Secrets.resolve(Settings.fromEnvironment()), false);
    }

    /**
     * @param allowUnauthenticated only for the local runner: without MICROSOFT_APP_ID, accept activities
     *                             without a token (the Bot Framework Emulator's mode). With an app id set,
     *                             every activity is validated whatever this says.
     */
    public TeamsFunction(Settings settings, boolean allowUnauthenticated) {
        this(System.nanoTime(), settings, allowUnauthenticated);
    }

    private TeamsFunction(long startedNanos, Settings settings, boolean allowUnauthenticated) {
        boolean hasAppId = settings.get("MICROSOFT_APP_ID").isPresent();
        if (!hasAppId && !allowUnauthenticated) {
            throw new IllegalStateException("MICROSOFT_APP_ID is not set, and the Teams function accepts only activities "
                    + "signed by the Bot Connector for that app id: set it (see CONTRACT.md's configuration table).");
        }
        // Before anything starts: without a list of tenants, nothing would be served.
        AllowedTenants tenants = AllowedTenants.fromSettings(settings);
        Clock clock = Clock.systemUTC();
        CompletableFuture<DynamoRepositories> store = StoreStartup.begin(settings);

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
        // A single-tenant bot's own organisation: people of any other tenant take part as guests.
        DynamoRepositories table = store.join();
        Repositories repositories = table.repositories();
        CimentBot bot = new CimentBot(new Ciment(repositories, clock, Finance.fromSettings(settings, table.usage()),
                WriteLimits.fromSettings(settings)), new PeopleSearch(repositories.people()), repositories.messageCopies(),
                clock, settings.get("MICROSOFT_APP_TENANT_ID"));
        this.endpoint = new TeamsEndpoint(adapter, bot, auth, tenants);
        adapter.use(TeamsCalls.middleware());
        adapter.use(TeamsWire.middleware()); // no activity larger than Teams takes leaves the turn
        TeamsCalls.countWith(() -> UsageMeter.countInRunning(Meter.TEAMS_CALLS));
        this.usage = table.meterUsage(clock);
        // After each flush, the budgets of the communities it touched (alerts at 80% and 100%, once each).
        usage.onFlushed(new BudgetWatch(repositories, table.usage(), Finance.fromSettings(settings, table.usage()),
                clock)::check);
        this.initMillis = new AtomicLong((System.nanoTime() - startedNanos) / 1_000_000);
        SnapStartPriming.register(store::join, initMillis, PRIMED_CLASSES);
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        usage.begin(context == null ? null : context.getAwsRequestId(), context == null ? 0 : context.getMemoryLimitInMB(),
                initMillis.getAndSet(0), UsageMeter.Trigger.HTTP);
        try {
            Optional<byte[]> event = BODY_LIMIT.readEvent(input);
            TeamsEndpoint.Answer answer = event.isEmpty() ? tooLarge() : handle(event.get());
            output.write(response(answer.status(), answer.body()).getBytes(StandardCharsets.UTF_8));
        } finally {
            usage.end();
        }
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
