package ciment.functions.costs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.core.config.Settings;
import ciment.core.cost.Meter;
import ciment.core.cost.UsageDay;
import ciment.core.model.Community;
import ciment.core.model.Membership;
import ciment.core.model.Role;
import ciment.core.model.Slug;
import ciment.core.model.Ulid;
import ciment.core.port.Repositories;
import ciment.devkit.ApiGateway;
import ciment.devkit.MotoServer;
import ciment.devkit.TemplateTable;
import ciment.infra.aws.DynamoClients;
import ciment.infra.dynamo.CapacityMeter;
import ciment.infra.dynamo.DynamoRepositories;
import ciment.infra.metering.UsageMeter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The costs function on moto: the routes' answers from usage the meter wrote, and the daily storage measure. */
class CostsFunctionTest {
    private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final Settings settings = Settings.of(MotoServer.tableSettings("costs"));
    private final DynamoDbClient dynamo = DynamoClients.create(settings);
    private final DynamoRepositories dynamoRepositories;
    private final Repositories store;
    private final String guild = Ulid.random(NOW);
    private final CostsFunction function;

    CostsFunctionTest() {
        TemplateTable.fromClasspath().create(dynamo, settings.table());
        dynamoRepositories = DynamoRepositories.create(dynamo, settings.table(), new CapacityMeter(CapacityMeter.Source.COMPUTED));
        store = dynamoRepositories.repositories();
        store.communities().create(Community.founded(guild, Slug.parse("data-guild"), "Data tips", "P1", NOW),
                new Membership(guild, Slug.parse("data-guild"), "P1", Role.STEWARD, NOW));
        UsageMeter meter = UsageMeter.attachedTo(dynamoRepositories, clock);
        meter.begin("r1", 128, 0);
        meter.within(guild, () -> meter.count(Meter.API_REQUESTS, 1_000_000));
        meter.end();
        function = new CostsFunction(settings, clock);
    }

    @AfterEach
    void close() {
        dynamo.close();
    }

    private ApiGateway.Answer get(String path, String query) {
        ApiGateway.Request request = new ApiGateway.Request("GET", path, query, Map.of(), new byte[0], "127.0.0.1");
        return ApiGateway.Answer.read(ApiGateway.invoke(function, ApiGateway.payloadV2(request)));
    }

    @Test
    void json_namesTheCommunityBySlug_withItsCostInCents() throws Exception {
        ApiGateway.Answer answer = get("/costs", "month=2026-11&format=json");

        assertEquals(200, answer.status(), answer.bodyText());
        assertEquals("application/json", answer.headers().get("Content-Type"));
        JsonNode report = JSON.readTree(answer.bodyText());
        assertEquals("2026-11", report.path("month").asText());
        JsonNode owner = report.path("totals").path("owners").get(0);
        assertEquals("data-guild", owner.path("community").asText(), answer.bodyText());
        assertTrue(owner.path("usd").decimalValue().compareTo(java.math.BigDecimal.ONE) >= 0, answer.bodyText());
    }

    @Test
    void csv_isFocus_andTheChartIsSvg() {
        ApiGateway.Answer csv = get("/costs", "month=2026-11&format=csv");
        ApiGateway.Answer svg = get("/costs/chart.svg", "month=2026-11");

        assertEquals(200, csv.status());
        assertTrue(csv.bodyText().startsWith("BillingPeriodStart,"), csv.bodyText());
        assertTrue(csv.bodyText().contains("data-guild"), csv.bodyText());
        assertEquals(200, svg.status());
        assertEquals("image/svg+xml", svg.headers().get("Content-Type"));
        assertTrue(svg.bodyText().contains("<svg"));
    }

    @Test
    void aReport_isMeteredAsThePlatforms_evenThoughItReadsEveryCommunity() {
        java.math.BigDecimal platformBefore = quantity(UsageDay.PLATFORM, Meter.API_REQUESTS);
        java.util.List<UsageDay> guildBefore = dynamoRepositories.usage().monthOf(guild, YearMonth.of(2026, 11));

        assertEquals(200, get("/costs", "month=2026-11&format=json").status());

        assertEquals(0, platformBefore.add(java.math.BigDecimal.ONE).compareTo(quantity(UsageDay.PLATFORM, Meter.API_REQUESTS)),
                "the report's API request is the platform's");
        assertTrue(quantity(UsageDay.PLATFORM, Meter.DYNAMODB_READ_UNITS).signum() > 0, "and so are its reads");
        assertEquals(guildBefore, dynamoRepositories.usage().monthOf(guild, YearMonth.of(2026, 11)), "the community read pays nothing");
    }

    private java.math.BigDecimal quantity(String owner, Meter meter) {
        return dynamoRepositories.usage().monthOf(owner, YearMonth.of(2026, 11)).stream().map(day -> day.quantity(meter))
                .reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add);
    }

    @Test
    void badMonthOrFormat_isA400_inOneSentence() {
        ApiGateway.Answer month = get("/costs", "month=2026-13");
        ApiGateway.Answer format = get("/costs", "format=pdf");

        assertEquals(400, month.status());
        assertEquals("The month reads as YYYY-MM, for example month=2026-11.", month.bodyText().strip());
        assertEquals(400, format.status());
    }

    @Test
    void aGetCarryingABody_gets413_andAnEventLargerThanAGetCanBe_isNotEvenParsed() {
        ApiGateway.Request withBody = new ApiGateway.Request("GET", "/costs", "month=2026-11", Map.of(),
                "x".getBytes(StandardCharsets.UTF_8), "127.0.0.1");
        for (ApiGateway.Body encoding : ApiGateway.Body.values()) {
            ApiGateway.Answer answer = ApiGateway.Answer.read(ApiGateway.invoke(function,
                    ApiGateway.payloadV2(withBody, encoding)));
            assertEquals(413, answer.status(), encoding.toString());
            assertEquals(CostsRoutes.BODY_LIMIT.refusal(), answer.bodyText().strip());
        }

        ApiGateway.Answer huge = ApiGateway.Answer.read(ApiGateway.invoke(function,
                "x".repeat(CostsRoutes.BODY_LIMIT.maxEventBytes() + 1)));
        assertEquals(413, huge.status(), "not 400: it was never parsed");
    }

    @Test
    void theDailySchedule_measuresStoredBytes_intoTodaysUsage() throws Exception {
        String event = "{\"source\":\"aws.events\",\"detail-type\":\"Scheduled Event\",\"time\":\"2026-11-20T03:00:00Z\"}";

        String answer = new String(function.routes.handle(event.getBytes(StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8),
                StandardCharsets.UTF_8);

        assertTrue(JSON.readTree(answer).path("measured").asInt() >= 2, answer);
        assertTrue(dynamoRepositories.usage().monthOf(guild, YearMonth.of(2026, 11)).stream()
                .anyMatch(day -> day.quantity(Meter.DYNAMODB_STORED_BYTES).signum() > 0));
        assertTrue(dynamoRepositories.usage().month(YearMonth.of(2026, 11)).stream()
                .anyMatch(day -> day.owner().equals(UsageDay.PLATFORM)));
    }
}
