package ciment.bench;

import ciment.local.LocalRunner;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/** Requests to a local runner over HTTP, as Slack and the Bot Connector send them; anything but 200 throws. */
final class RunnerHttp {
    private final LocalRunner runner;
    private final HttpClient http = HttpClient.newHttpClient();

    RunnerHttp(LocalRunner runner) {
        this.runner = runner;
    }

    /** POSTs the body with these headers (those HttpClient sets itself left out) and expects 200. */
    void post(String path, Map<String, String> headers, String body) {
        post(path, headers, body, 200);
    }

    /** Fires a scheduled function at once, as the runner allows locally; what it answered (202). */
    String schedule(String function) {
        return post("/local/schedules/" + function, Map.of(), "", 202);
    }

    private String post(String path, Map<String, String> headers, String body, int expected) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(runner.url().toString()).resolve(path))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach((name, value) -> {
            if (!name.equalsIgnoreCase("Content-Length") && !name.equalsIgnoreCase("Host")) {
                request.header(name, value);
            }
        });
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(path + " failed", e);
        }
        if (response.statusCode() != expected) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }
}
