package ciment.functions.costs;

import ciment.core.config.Settings;
import ciment.core.cost.PriceTable;
import ciment.core.service.CostPages;
import ciment.infra.BodyLimit;
import ciment.infra.DynamoRepositories;
import ciment.infra.SnapStartPriming;
import ciment.infra.StoreStartup;
import ciment.infra.UsageMeter;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Lambda entry of the finance routes, as template.yaml names it. Two kinds of event:
 * <ul>
 * <li>API Gateway HTTP API (payload 2.0), already authorized by IAM: {@code GET /costs} and
 *     {@code GET /costs/chart.svg}, answered by {@link CostPages};</li>
 * <li>the daily schedule (EventBridge, {@code "detail-type": "Scheduled Event"}): each community's stored
 *     bytes are measured for the day.</li>
 * </ul>
 */
public final class CostsFunction implements RequestStreamHandler {
    /** What a request loads beyond what building the function loaded, for SnapStart's priming (each in this jar). */
    static final List<String> PRIMED_CLASSES = List.of(
            "ciment.core.service.CostPages",
            "ciment.core.cost.PriceTable",
            "com.fasterxml.jackson.databind.node.ObjectNode");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The finance routes are GETs, which carry no body; the schedule's event has none either. */
    static final BodyLimit BODY_LIMIT = new BodyLimit(0);

    private final CompletableFuture<DynamoRepositories> store;
    private final CompletableFuture<UsageMeter> usage;
    private final Settings settings;
    private final Clock clock;
    private final AtomicLong initMillis;

    /** For Lambda: the environment. */
    public CostsFunction() {
        this(Settings.fromEnvironment());
    }

    /** On settings of its own (the local runner, tests). */
    public CostsFunction(Settings settings) {
        this(settings, Clock.systemUTC());
    }

    public CostsFunction(Settings settings, Clock clock) {
        long started = System.nanoTime();
        this.settings = settings;
        this.clock = clock;
        this.store = StoreStartup.begin(settings);
        this.usage = store.thenApply(table -> table.meterUsage(clock));
        this.initMillis = new AtomicLong((System.nanoTime() - started) / 1_000_000);
        SnapStartPriming.register(store::join, initMillis, PRIMED_CLASSES);
    }

    /**
     * Metered like every function; finance's reports and the storage measure are nobody's community's doing,
     * so all of it is the platform's (one flush, whatever partitions were read).
     */
    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        Optional<byte[]> bytes = BODY_LIMIT.readEvent(input);
        JsonNode event = bytes.map(CostsFunction::read).orElse(null);
        UsageMeter meter = usage.exceptionally(failed -> null).join();
        if (meter != null) {
            meter.beginForThePlatform(context == null ? null : context.getAwsRequestId(),
                    context == null ? 0 : context.getMemoryLimitInMB(), initMillis.getAndSet(0),
                    isSchedule(event) ? UsageMeter.Trigger.OTHER : UsageMeter.Trigger.HTTP);
        }
        try {
            output.write((bytes.isEmpty() ? tooLarge() : handle(event)).getBytes(StandardCharsets.UTF_8));
        } finally {
            if (meter != null) {
                meter.end();
            }
        }
    }

    /** The event as JSON; null when it is not JSON. */
    private static JsonNode read(byte[] eventJson) {
        try {
            return JSON.readTree(eventJson);
        } catch (IOException notJson) {
            return null;
        }
    }

    /** The daily schedule's event (EventBridge), not an API Gateway request. */
    private static boolean isSchedule(JsonNode event) {
        return event != null && "Scheduled Event".equals(event.path("detail-type").asText());
    }

    String handle(byte[] eventJson) {
        return handle(read(eventJson));
    }

    private String handle(JsonNode event) {
        if (event == null || !event.isObject()) {
            return response(400, "text/plain; charset=utf-8", "The request is not an API Gateway event (payload 2.0 JSON).\n");
        }
        if (isSchedule(event)) {
            return measureStorage();
        }
        if (!BODY_LIMIT.admits(event.path("body").isTextual() ? event.path("body").asText() : null,
                event.path("isBase64Encoded").asBoolean(false))) {
            return tooLarge();
        }
        String method = event.path("requestContext").path("http").path("method").asText("GET");
        if (!method.equals("GET")) {
            return response(405, "text/plain; charset=utf-8", method + " is not served here: the finance routes are"
                    + " read with GET.\n");
        }
        CostPages.Page page = pages().get(path(event), query(event));
        return response(page.status(), page.contentType(), page.body());
    }

    private static String tooLarge() {
        return response(BodyLimit.STATUS, "text/plain; charset=utf-8", BODY_LIMIT.refusal() + "\n");
    }

    private CostPages pages() {
        DynamoRepositories table = store.join();
        return new CostPages(table.usage(), table.repositories().communities(), month -> PriceTable.fromSettings(settings, month), clock);
    }

    /** Today's (UTC) stored bytes of every community and the platform, written as the day's level. */
    private String measureStorage() {
        Map<String, Long> bytes = store.join().storageMeasure().measure(LocalDate.now(clock.withZone(ZoneOffset.UTC)));
        ObjectNode answer = JSON.createObjectNode();
        answer.put("measured", bytes.size());
        return answer.toString();
    }

    /** The route's path, without the stage that rawPath carries in AWS ("/dev/costs"). */
    private static String path(JsonNode event) {
        String routeKey = event.path("routeKey").asText("");
        int space = routeKey.indexOf(' ');
        if (space > 0 && routeKey.startsWith("GET ")) {
            return routeKey.substring(space + 1);
        }
        return event.path("rawPath").asText("");
    }

    private static Map<String, String> query(JsonNode event) {
        Map<String, String> query = new LinkedHashMap<>();
        event.path("queryStringParameters").properties().forEach(e -> query.put(e.getKey(), e.getValue().asText()));
        return query;
    }

    private static String response(int status, String contentType, String body) {
        ObjectNode response = JSON.createObjectNode();
        response.put("statusCode", status);
        ObjectNode headers = response.putObject("headers");
        headers.put("Content-Type", contentType);
        headers.put("Cache-Control", "no-store");
        response.put("body", body);
        response.put("isBase64Encoded", false);
        return response.toString();
    }
}
