package ciment.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.core.config.Settings;
import ciment.devkit.MotoServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The finance routes on the local runner: the costs function behind CIMENT_FINANCE_TOKEN as a bearer token
 * (AWS authorizes them with IAM instead). No token or a wrong one is a 401 with a challenge; a runner without
 * a token refuses every call (403); the right token gets the JSON, the FOCUS CSV and the chart.
 */
class CostRoutesTest {
    private static final String TOKEN = "finance-" + UUID.randomUUID();
    private static LocalRunner runner;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        runner = LocalRunner.start(settings(Map.of("CIMENT_FINANCE_TOKEN", TOKEN)));
    }

    @AfterAll
    static void stop() {
        runner.close();
    }

    static Settings settings(Map<String, String> more) {
        Map<String, String> values = new HashMap<>(more);
        values.put("CIMENT_PORT", "0");
        values.putAll(MotoServer.tableSettings("costs"));
        return Settings.of(values);
    }

    private HttpResponse<String> get(LocalRunner on, String pathAndQuery, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(on.url() + pathAndQuery)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void withoutAToken_is401_withABearerChallenge() {
        HttpResponse<String> answer = get(runner, "/costs?month=2026-11", null);

        assertEquals(401, answer.statusCode());
        assertTrue(answer.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
        assertTrue(answer.body().startsWith("The finance routes need Authorization: Bearer"), answer.body());
    }

    @Test
    void withAWrongToken_is401_forTheChartToo() {
        assertEquals(401, get(runner, "/costs?month=2026-11", "Bearer " + TOKEN + "x").statusCode());
        assertEquals(401, get(runner, "/costs/chart.svg", "Basic " + TOKEN).statusCode());
    }

    @Test
    void withTheToken_json_csv_andChart_are200() {
        HttpResponse<String> json = get(runner, "/costs?month=2026-11&format=json", "Bearer " + TOKEN);
        HttpResponse<String> csv = get(runner, "/costs?month=2026-11&format=csv", "Bearer " + TOKEN);
        HttpResponse<String> svg = get(runner, "/costs/chart.svg?month=2026-11&allocate=platform", "Bearer " + TOKEN);

        assertEquals(200, json.statusCode(), json.body());
        assertTrue(json.body().startsWith("{\"month\":\"2026-11\""), json.body());
        assertEquals(200, csv.statusCode());
        assertTrue(csv.body().startsWith("BillingPeriodStart,BillingPeriodEnd,ChargePeriodStart"), csv.body());
        assertEquals(200, svg.statusCode());
        assertEquals("image/svg+xml", svg.headers().firstValue("Content-Type").orElse(""));
    }

    @Test
    void withTheToken_aBadMonthOrFormat_is400_inOneSentence() {
        HttpResponse<String> month = get(runner, "/costs?month=2026-1", "Bearer " + TOKEN);
        HttpResponse<String> format = get(runner, "/costs?format=xlsx", "Bearer " + TOKEN);

        assertEquals(400, month.statusCode());
        assertEquals("The month reads as YYYY-MM, for example month=2026-11.", month.body().strip());
        assertEquals(400, format.statusCode());
        assertEquals("The format is json or csv, for example format=csv.", format.body().strip());
    }

    @Test
    void aRunnerWithoutFinanceToken_refusesTheRoutes_403() {
        try (LocalRunner closed = LocalRunner.start(settings(Map.of()))) {
            HttpResponse<String> answer = get(closed, "/costs", "Bearer anything");

            assertEquals(403, answer.statusCode());
            assertTrue(answer.body().startsWith("The finance routes are closed on this runner: set CIMENT_FINANCE_TOKEN"),
                    answer.body());
        }
    }
}
