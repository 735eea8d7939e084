package ciment.functions.costs;

import ciment.core.config.Settings;
import ciment.core.cost.PriceTable;
import ciment.core.service.CostPages;
import ciment.infra.dynamo.DynamoRepositories;
import ciment.infra.lambda.BodyLimit;
import ciment.infra.metering.UsageMeter;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The finance routes' events, behind {@link CostsFunction}. Two kinds:
 * <ul>
 * <li>API Gateway HTTP API (payload 2.0), already authorized by IAM: {@code GET /costs} and
 *     {@code GET /costs/chart.svg}, answered by {@link CostPages};</li>
 * <li>the daily schedule (EventBridge, {@code "detail-type": "Scheduled Event"}): each community's stored
 *     bytes are measured for the day.</li>
 * </ul>
 */
record CostsRoutes(Supplier<DynamoRepositories> store, Settings settings, Clock clock) {
    /** What a request loads beyond what building the function loaded, for SnapStart's priming (each in this jar). */
    static final List<String> REQUEST_CLASSES = List.of(
            "ciment.core.service.CostPages",
            "ciment.core.cost.PriceTable",
            "com.fasterxml.jackson.databind.node.ObjectNode");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The finance routes are GETs, which carry no body; the schedule's event has none either. */
    static final BodyLimit BODY_LIMIT = new BodyLimit(0);

    /** An event as far as {@link #BODY_LIMIT} lets it be read: too large, else its JSON (null when not JSON). */
    record Event(boolean tooLarge, JsonNode json) {
        static Event read(InputStream input) throws IOException {
            Optional<byte[]> bytes = BODY_LIMIT.readEvent(input);
            return new Event(bytes.isEmpty(), bytes.map(CostsRoutes::read).orElse(null));
        }

        /** What it is metered as: an API request, or the schedule's (none). */
        UsageMeter.Trigger trigger() {
            return isSchedule(json) ? UsageMeter.Trigger.OTHER : UsageMeter.Trigger.HTTP;
        }
    }

    /** The event as JSON; null when it is not JSON. */
    static JsonNode read(byte[] eventJson) {
        try {
            return JSON.readTree(eventJson);
        } catch (IOException notJson) {
            return null;
        }
    }

    /** The daily schedule's event (EventBridge), not an API Gateway request. */
    static boolean isSchedule(JsonNode event) {
        return event != null && "Scheduled Event".equals(event.path("detail-type").asText());
    }

    /** The answer to an event's bytes (as Lambda hands them over). */
    String handle(byte[] eventJson) {
        return handle(read(eventJson));
    }

    /** The answer to an event, written to {@code output} (and returned). */
    String answer(Event event, OutputStream output) throws IOException {
        String answer = event.tooLarge() ? tooLarge() : handle(event.json());
        output.write(answer.getBytes(StandardCharsets.UTF_8));
        return answer;
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
        DynamoRepositories table = store.get();
        return new CostPages(table.usage(), table.repositories().communities(), month -> PriceTable.fromSettings(settings, month), clock);
    }

    /** Today's (UTC) stored bytes of every community and the platform, written as the day's level. */
    private String measureStorage() {
        Map<String, Long> bytes = store.get().storageMeasure().measure(LocalDate.now(clock.withZone(ZoneOffset.UTC)));
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
