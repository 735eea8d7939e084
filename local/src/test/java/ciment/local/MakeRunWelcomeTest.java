package ciment.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code make run} as a newcomer runs it, with nothing set: LocalRunner's main in its own JVM, with the
 * Makefile's flags, from the repository root (where it finds moto in .venv). What it prints is read as the
 * person would read it, then the runner is stopped as Ctrl-C stops it.
 */
class MakeRunWelcomeTest {
    private static final Duration STARTS_WITHIN = Duration.ofSeconds(90);
    private static final Pattern RUNNING_ON = Pattern.compile("Ciment is running on (http://127\\.0\\.0\\.1:\\d+) "
            + "\\(table ciment at (http://127\\.0\\.0\\.1:\\d+)\\)");
    /** What a newcomer's environment may hold that would change the welcome: `make run` is tried without them. */
    private static final List<String> UNSET = List.of("SLACK_", "MICROSOFT_", "BOTFRAMEWORK_", "AWS_", "CIMENT_");

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void makeRun_withNothingSet_printsWhereEachToolSends_andWhatIsOff_withoutAStackTrace() throws Exception {
        Process runner = start();
        Output out = new Output(runner.getInputStream());
        Output err = new Output(runner.getErrorStream());
        try {
            String welcome = out.until("Ctrl-C stops", err);
            Matcher running = RUNNING_ON.matcher(welcome);
            assertTrue(running.find(), welcome);
            String url = running.group(1);
            assertTrue(welcome.contains("Request URL (slash command, events, interactivity) to " + url + "/slack/events"),
                    welcome);
            assertTrue(welcome.contains("(off: SLACK_SIGNING_SECRET is not set)"), welcome);
            assertTrue(welcome.contains("point the Bot Framework Emulator at " + url + "/api/messages with no app id"),
                    welcome);
            assertTrue(welcome.contains("Slack's is off: neither SLACK_BOT_TOKEN nor SLACK_CLIENT_ID is set"), welcome);
            assertTrue(welcome.contains("Dead letters: " + running.group(2)), welcome);
            assertTrue(welcome.contains(url + "/costs?month=YYYY-MM&format=json|csv and /costs/chart.svg (closed: "
                    + "CIMENT_FINANCE_TOKEN is not set)"), welcome);
            assertTrue(welcome.contains("Health:  " + url + "/health"), welcome);
            assertTrue(welcome.contains("Warning: Teams activities are not authenticated (MICROSOFT_APP_ID is not set)"),
                    welcome);
            assertTrue(welcome.contains("Ctrl-C stops Ciment and the emulator it started."), welcome);
            assertFalse(welcome.contains("%s") || welcome.contains("null"), welcome);
            assertFalse(err.text().contains("Exception"), "a newcomer sees no stack trace: " + err.text());

            assertEquals(200, status(URI.create(url + "/health")), "the URL printed is the one served");

            URI emulator = URI.create(running.group(2));
            runner.destroy();   // SIGTERM, as Ctrl-C's SIGINT: the shutdown hook closes the runner and moto
            assertTrue(runner.waitFor(30, TimeUnit.SECONDS), "the runner stops");
            assertThrows(ConnectException.class, () -> status(emulator.resolve("/moto-api/")),
                    "the emulator it started is stopped with it");
            assertFalse(err.text().contains("Exception"), "nor when it stops: " + err.text());
        } finally {
            runner.destroy();
            if (!runner.waitFor(30, TimeUnit.SECONDS)) {
                runner.destroyForcibly();
            }
        }
    }

    /** The Makefile's run target: java -XX:TieredStopAtLevel=1 -cp ... ciment.local.LocalRunner, from the root. */
    private static Process start() throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), LocalRunner.class.getName())
                .directory(Path.of(System.getProperty("ciment.repo.root", "..")).toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> UNSET.stream().anyMatch(name::startsWith));
        env.put("CIMENT_PORT", "0");   // a free port: the welcome says which
        return builder.start();
    }

    private int status(URI uri) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** A stream of the child's output, read as it comes. */
    private static final class Output {
        private final List<String> lines = new CopyOnWriteArrayList<>();

        Output(InputStream stream) {
            Thread reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                    for (String line = in.readLine(); line != null; line = in.readLine()) {
                        lines.add(line);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, "make-run-output");
            reader.setDaemon(true);
            reader.start();
        }

        String text() {
            return String.join("\n", lines);
        }

        /** Everything printed up to the line holding {@code last}; fails with both streams if it never comes. */
        String until(String last, Output err) throws InterruptedException {
            Instant deadline = Instant.now().plus(STARTS_WITHIN);
            while (Instant.now().isBefore(deadline)) {
                if (lines.stream().anyMatch(line -> line.contains(last))) {
                    return text();
                }
                if (err.text().contains("Exception")) {
                    throw new AssertionError("a stack trace instead of the welcome:\n" + text() + "\nstderr:\n"
                            + err.text());
                }
                Thread.sleep(100);
            }
            throw new AssertionError("no welcome within " + STARTS_WITHIN + ":\n" + text() + "\nstderr:\n" + err.text());
        }
    }
}
