package ciment.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.core.config.Settings;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LocalRunnerTest {
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void withoutAnEndpoint_startsItsOwnEmulator_andStopsItOnClose() throws Exception {
        URI emulator;
        try (LocalRunner runner = LocalRunner.start(Settings.of(Map.of("CIMENT_PORT", "0")))) {
            emulator = URI.create(runner.settings().require("AWS_ENDPOINT_URL"));
            assertEquals("127.0.0.1", emulator.getHost());
            assertEquals(200, status(runner.url().resolve("/health")));
            assertEquals(503, http.send(HttpRequest.newBuilder(runner.url().resolve("/slack/events"))
                    .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString())
                    .statusCode(), "Slack is off without a signing secret, and says so");
        }
        assertThrows(ConnectException.class, () -> status(emulator.resolve("/moto-api/")));
    }

    @Test
    void slackRoute_withoutSigningSecret_explainsHowToTurnItOn() throws Exception {
        try (LocalRunner runner = LocalRunner.start(Settings.of(Map.of("CIMENT_PORT", "0")))) {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(runner.url().resolve("/slack/events"))
                    .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
            assertTrue(answer.body().contains("SLACK_SIGNING_SECRET"), answer.body());
        }
    }

    private int status(URI uri) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
