package ciment.local;

import ciment.core.config.Settings;
import ciment.devkit.ApiGateway;
import ciment.devkit.ApiGateway.Answer;
import ciment.devkit.ApiGateway.Request;
import ciment.devkit.MotoServer;
import ciment.devkit.TemplateTable;
import ciment.devkit.stream.TableStream;
import ciment.functions.costs.CostsFunction;
import ciment.functions.costs.FinanceToken;
import ciment.functions.slack.SlackFunction;
import ciment.functions.slackdelivery.SlackDeliveryFunction;
import ciment.functions.teams.TeamsFunction;
import ciment.functions.teamsdelivery.TeamsDeliveryFunction;
import ciment.infra.aws.DynamoClients;
import ciment.infra.aws.SqsDeadLetters;
import ciment.infra.aws.TokenSeal;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Serves template.yaml's HTTP routes on 127.0.0.1 through the same handler classes as Lambda, called
 * as Lambda calls them: API Gateway's event JSON in, the response JSON out. It also feeds the table's
 * stream to the delivery functions, as their event source mappings do in AWS ({@link StreamFeeder}).
 * Without AWS_ENDPOINT_URL it starts moto's server itself and creates the table from template.yaml, and the
 * delivery functions' dead-letter queue (template.yaml's DeliveryDeadLetters) in moto's SQS:
 * {@code <table>-delivery-dead-letters}, so {@code ciment-delivery-dead-letters} by default.
 */
public final class LocalRunner implements AutoCloseable {
    /** template.yaml's Timeout of the delivery functions: an invocation still running then is stopped. */
    static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(60);
    /** Where the runner runs a scheduled function at once: {@code POST /local/schedules/<FunctionName>}. */
    static final String SCHEDULES = "/local/schedules/";

    private final HttpServer server;
    private final ExecutorService executor;
    private final Optional<MotoServer> emulator;
    private final Settings settings;
    private final Map<String, Route> routes;
    private final StreamFeeder deliveries;
    private final List<StreamFeeder.Consumer> deliveryFunctions;
    private final Schedules schedules;

    private LocalRunner(HttpServer server, ExecutorService executor, Optional<MotoServer> emulator, Settings settings,
            Map<String, Route> routes, StreamFeeder deliveries, List<StreamFeeder.Consumer> deliveryFunctions,
            Schedules schedules) {
        this.server = server;
        this.executor = executor;
        this.emulator = emulator;
        this.settings = settings;
        this.routes = routes;
        this.deliveries = deliveries;
        this.deliveryFunctions = deliveryFunctions;
        this.schedules = schedules;
    }

    public static void main(String[] args) {
        LocalRunner runner = start(Settings.fromEnvironment());
        Runtime.getRuntime().addShutdownHook(new Thread(runner::close, "ciment-stop"));
        runner.printWelcome();
    }

    /** Starts everything; CIMENT_PORT 0 picks a free port (tests). */
    public static LocalRunner start(Settings unlisted) {
        Settings given = LocalAllowLists.anyWhenUnset(unlisted, System.err);
        Optional<MotoServer> emulator = given.get("AWS_ENDPOINT_URL").isPresent()
                ? Optional.empty()
                : Optional.of(MotoServer.start());
        Settings settings = emulator.map(moto -> given.with(Map.of(
                        "AWS_ENDPOINT_URL", moto.endpoint().toString(),
                        "AWS_ACCESS_KEY_ID", "local",
                        "AWS_SECRET_ACCESS_KEY", "local")))
                .orElse(given);
        StreamFeeder deliveries = null;
        Schedules schedules = null;
        try {
            createTable(settings);
            settings = settings.with(SqsDeadLetters.QUEUE_URL,
                    SqsDeadLetters.createQueue(settings, deadLetterQueueName(settings)));
            // OAuth installs seal each workspace's bot token with a KMS key (template.yaml's TokensKey): the emulator's.
            if (settings.get("SLACK_CLIENT_ID").isPresent() && settings.get(TokenSeal.KMS_KEY).isEmpty()) {
                settings = settings.with(TokenSeal.KMS_KEY, TokenSeal.createKey(settings));
            }
            SqsDeadLetters deadLetters = new SqsDeadLetters(settings, settings.require(SqsDeadLetters.QUEUE_URL), () -> {
            });
            List<StreamFeeder.Consumer> deliveryFunctions = deliveryFunctions(settings);
            deliveries = StreamFeeder.start(TableStream.fromLatest(URI.create(settings.require("AWS_ENDPOINT_URL")),
                    settings.get("AWS_REGION", "us-east-1"), settings.table()), deliveryFunctions,
                    deadLetters::send);
            Map<String, Route> routes = new LinkedHashMap<>();
            Route slack = slackRoute(settings);
            routes.put("POST /slack/events", slack);
            // OAuth installs (SLACK_CLIENT_ID set): the Slack function serves them, as in AWS.
            routes.put("GET /slack/install", slack);
            routes.put("GET /slack/oauth_redirect", slack);
            routes.put("POST /api/messages", teamsRoute(settings));
            routes.put("GET /health", call -> Answer.text(200, "ok"));
            Route costs = costsRoute(settings);
            routes.put("GET /costs", costs);
            routes.put("GET /costs/chart.svg", costs);
            schedules = Schedules.of(settings, Clock.systemUTC());
            if (!settings.get(Schedules.SETTING, "on").equals("off")) {
                schedules.start();
            }
            int port = Integer.parseInt(settings.get("CIMENT_PORT", "3000"));
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
            ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
            server.setExecutor(executor);
            LocalRunner runner = new LocalRunner(server, executor, emulator, settings, routes, deliveries,
                    deliveryFunctions, schedules);
            server.createContext("/", runner::serve);
            server.start();
            return runner;
        } catch (IOException | RuntimeException e) {
            if (deliveries != null) {
                deliveries.close();
            }
            if (schedules != null) {
                schedules.close();
            }
            emulator.ifPresent(MotoServer::close);
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The settings the handlers got (with the emulator's endpoint when the runner started one). */
    public Settings settings() {
        return settings;
    }

    /**
     * Hands these stream records to the delivery functions again, now (as Lambda may hand a record over
     * twice), and returns once they are handled.
     */
    void feedStreamAgain(List<DynamodbStreamRecord> records) {
        deliveries.feedNow(records);
    }

    /**
     * Kills the running container of a delivery function ("ciment-slack-delivery", "ciment-teams-delivery") as a
     * crash would (see {@link Containers#kill}); returns how many were killed.
     */
    int killDeliveryContainer(String function) {
        return deliveryFunctions.stream().filter(consumer -> consumer.name.equals(function))
                .mapToInt(consumer -> consumer.containers.kill()).sum();
    }

    /** How many stalls of the stream's feeding were said since the start (see {@link StreamFeeder}). */
    int streamStalls() {
        return deliveries.stalls();
    }

    @Override
    public void close() {
        server.stop(0);
        schedules.close();
        deliveries.close();
        deliveryFunctions.forEach(function -> function.containers.close());
        executor.shutdownNow();
        emulator.ifPresent(MotoServer::close);
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            Answer answer;
            try {
                Request call = Request.read(exchange);
                Route route = routes.get(call.method() + " " + call.path());
                answer = route != null ? route.invoke(call)
                        : call.path().startsWith(SCHEDULES) ? schedule(call) : notFound(call);
            } catch (ApiGateway.PayloadTooLarge tooLarge) {
                discardRestOfBody(exchange);
                answer = tooLarge.answer();
            }
            answer.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
            exchange.sendResponseHeaders(answer.status(), answer.body().length == 0 ? -1 : answer.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer.body());
            }
        } catch (RuntimeException e) {
            System.err.println("ciment: " + exchange.getRequestURI() + " failed: " + e);
            exchange.sendResponseHeaders(500, -1);
        }
    }

    /**
     * Reads what the client is still sending before answering 413, as API Gateway does: closing on an
     * unread body resets the connection, and the client then sees no answer at all.
     */
    private static void discardRestOfBody(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().transferTo(OutputStream.nullOutputStream());
    }

    private Answer notFound(Request call) {
        boolean pathKnown = routes.keySet().stream().anyMatch(key -> key.endsWith(" " + call.path()));
        return pathKnown
                ? Answer.text(405, call.method() + " is not served on " + call.path() + ".")
                : Answer.text(404, "Nothing is served on " + call.path() + ": see CONTRACT.md for the routes.");
    }

    /**
     * {@code POST /local/schedules/<FunctionName>}: runs a scheduled function now, as its schedule would (local
     * only: template.yaml's API has no such route). 202 with what ran and what its handler answered; 404 for a
     * function the template does not schedule.
     */
    private Answer schedule(Request call) {
        String name = call.path().substring(SCHEDULES.length());
        if (!call.method().equals("POST")) {
            return Answer.text(405, call.method() + " is not served on " + call.path() + ": POST runs it.");
        }
        return schedules.fire(name)
                .map(answered -> new Answer(202, Map.of("Content-Type", "application/json"),
                        ("{\"ran\":\"" + name + "\",\"answered\":" + (answered.startsWith("{") ? answered : "null")
                                + "}").getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .orElseGet(() -> Answer.text(404, name + " is no scheduled function of template.yaml: "
                        + String.join(", ", schedules.names()) + " are."));
    }

    /** The dead-letter queue's name: one per table, so that runners on one emulator keep theirs apart. */
    static String deadLetterQueueName(Settings settings) {
        return settings.table() + "-delivery-dead-letters";
    }

    private static void createTable(Settings settings) {
        try (DynamoDbClient dynamo = DynamoClients.create(settings)) {
            TemplateTable.fromClasspath().create(dynamo, settings.table());
        }
    }

    private static Route slackRoute(Settings settings) {
        if (settings.get("SLACK_SIGNING_SECRET").isEmpty()) {
            return call -> Answer.text(503,
                    "Slack is off on this runner: set SLACK_SIGNING_SECRET (and SLACK_BOT_TOKEN, or SLACK_CLIENT_ID and SLACK_CLIENT_SECRET for installs) and restart.");
        }
        Containers<SlackFunction> slack = new Containers<>("ciment-slack", () -> new SlackFunction(settings),
                concurrency(settings));
        return call -> Answer.served(slack.invoke((function, context) ->
                ApiGateway.invoke(function, ApiGateway.payloadV1(call), context)));
    }

    private static Route teamsRoute(Settings settings) {
        Containers<TeamsFunction> teams = new Containers<>("ciment-teams", () -> new TeamsFunction(settings, true),
                concurrency(settings));
        return call -> Answer.served(teams.invoke((function, context) ->
                ApiGateway.invoke(function, ApiGateway.payloadV2(call), context)));
    }

    /**
     * The finance routes, through the costs function as in AWS; where AWS authorizes them with IAM, the runner
     * asks for {@code Authorization: Bearer <CIMENT_FINANCE_TOKEN>} first (none set: closed).
     */
    private static Route costsRoute(Settings settings) {
        FinanceToken token = FinanceToken.fromSettings(settings);
        Containers<CostsFunction> costs = new Containers<>("ciment-costs", () -> new CostsFunction(settings),
                concurrency(settings));
        return call -> token.check(call.headers().get("authorization"))
                .map(refusal -> challenge(Answer.text(refusal.status(), refusal.sentence())))
                .orElseGet(() -> Answer.served(costs.invoke((function, context) ->
                        ApiGateway.invoke(function, ApiGateway.payloadV2(call), context))));
    }

    /** A 401 says how to authenticate (RFC 6750). */
    private static Answer challenge(Answer answer) {
        if (answer.status() != 401) {
            return answer;
        }
        Map<String, String> headers = new LinkedHashMap<>(answer.headers());
        headers.put("WWW-Authenticate", "Bearer realm=\"ciment-finance\"");
        return new Answer(answer.status(), headers, answer.body());
    }

    /**
     * The delivery functions, each behind template.yaml's filter for its platform: Slack's when there is a
     * bot token to send with, Teams' always (without MICROSOFT_APP_ID, unauthenticated as the Emulator is).
     * Their containers live as Lambda's: stopped at the timeout, each on a network of its own to the emulator.
     */
    private static List<StreamFeeder.Consumer> deliveryFunctions(Settings settings) {
        URI emulator = URI.create(settings.require("AWS_ENDPOINT_URL"));
        URI relayed = "http".equals(emulator.getScheme()) ? emulator : null;
        List<StreamFeeder.Consumer> functions = new ArrayList<>();
        if (settings.get("SLACK_BOT_TOKEN").isPresent() || settings.get("SLACK_CLIENT_ID").isPresent()) {
            functions.add(new StreamFeeder.Consumer("ciment-slack-delivery", DeliveryFilters.deliveryFilter("slack"),
                    new Containers<>("ciment-slack-delivery",
                            endpoint -> new SlackDeliveryFunction(on(settings, endpoint)), 1, DELIVERY_TIMEOUT, relayed)));
        }
        functions.add(new StreamFeeder.Consumer("ciment-teams-delivery", DeliveryFilters.deliveryFilter("teams"),
                new Containers<>("ciment-teams-delivery",
                        endpoint -> new TeamsDeliveryFunction(on(settings, endpoint), true), 1, DELIVERY_TIMEOUT, relayed)));
        return functions;
    }

    /** The settings of a container that reaches the emulator at {@code endpoint} (null: where the runner does). */
    private static Settings on(Settings settings, URI endpoint) {
        return endpoint == null ? settings : settings.with("AWS_ENDPOINT_URL", endpoint.toString());
    }

    /** How many containers a function may run at once (CIMENT_LOCAL_CONCURRENCY, default 4). */
    private static int concurrency(Settings settings) {
        return Integer.parseInt(settings.get("CIMENT_LOCAL_CONCURRENCY", "4"));
    }

    private void printWelcome() {
        System.out.println(Welcome.text(url(), settings, emulator.isPresent()));
    }

    /** What serves a route: a function's containers, or the runner itself. */
    interface Route {
        Answer invoke(Request call);
    }
}
