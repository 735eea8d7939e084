package ciment.devkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * moto's server (a DynamoDB, streams and SQS emulator from PyPI) on a free loopback port, handling
 * one request at a time so that each request is atomic, as in DynamoDB.
 * The Makefile installs it in .venv; tests find it through the system property
 * {@code ciment.moto.server}, the environment variable {@code CIMENT_MOTO_SERVER}, or ./.venv.
 *
 * @param endpoint where the server answers
 * @param log      what the server wrote, told when it fails to start
 */
public record MotoServer(Process process, URI endpoint, Path log) implements AutoCloseable {
    private static MotoServer shared;

    /** One server per JVM, stopped when the JVM exits: tests isolate themselves with their own tables. */
    public static synchronized MotoServer shared() {
        if (shared == null || !shared.process.isAlive()) {
            shared = start();
            MotoServer started = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "moto-stop"));
        }
        return shared;
    }

    /**
     * The settings of a function on the shared server with a table of its own: endpoint, region, dummy keys
     * and CIMENT_TABLE named {@code tablePrefix} and 8 random characters. The table is not made here:
     * {@link TemplateTable#create} makes it. Plain values, so that devkit needs no Ciment module.
     */
    public static Map<String, String> tableSettings(String tablePrefix) {
        return Map.of("AWS_ENDPOINT_URL", shared().endpoint().toString(), "AWS_REGION", "us-east-1",
                "AWS_ACCESS_KEY_ID", "test", "AWS_SECRET_ACCESS_KEY", "test",
                "CIMENT_TABLE", tablePrefix + "-" + UUID.randomUUID().toString().substring(0, 8));
    }

    public static MotoServer start() {
        Path executable = executable();
        Path python = executable.resolveSibling("python");
        int port = freePort();
        try {
            Path log = Files.createTempFile("moto-" + port + "-", ".log");
            Path launcher = launcher();
            Process process = new ProcessBuilder(python.toString(), launcher.toString(), "-H", "127.0.0.1", "-p",
                    Integer.toString(port))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            MotoServer server = new MotoServer(process, URI.create("http://127.0.0.1:" + port), log);
            server.awaitReady(Duration.ofSeconds(60));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + executable, e);
        }
    }

    /** The launcher script, copied out of the jar: moto's server with one request at a time (see its comment). */
    private static Path launcher() throws IOException {
        Path script = Files.createTempFile("moto-serialized-", ".py");
        script.toFile().deleteOnExit();
        try (var in = MotoServer.class.getClassLoader().getResourceAsStream("ciment/moto_serialized.py")) {
            if (in == null) {
                throw new IllegalStateException("ciment/moto_serialized.py is missing from the classpath");
            }
            Files.write(script, in.readAllBytes());
        }
        return script;
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
    }

    private void awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("moto_server exited at start; its log: " + readLog());
            }
            if (answers()) {
                return;
            }
            sleep(100);
        }
        close();
        throw new IllegalStateException("moto_server did not answer within " + timeout + "; its log: " + readLog());
    }

    private boolean answers() {
        try {
            HttpURLConnection connection = (HttpURLConnection) endpoint.resolve("/moto-api/").toURL().openConnection();
            connection.setConnectTimeout(500);
            connection.setReadTimeout(2000);
            int status = connection.getResponseCode();
            connection.disconnect();
            return status < 500;
        } catch (IOException notYet) {
            return false;
        }
    }

    private String readLog() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    static Path executable() {
        String configured = System.getProperty("ciment.moto.server", System.getenv("CIMENT_MOTO_SERVER"));
        Path path = configured != null && !configured.isBlank()
                ? Path.of(configured)
                : Path.of(".venv", "bin", "moto_server").toAbsolutePath();
        if (!Files.isExecutable(path)) {
            throw new IllegalStateException("moto_server not found at " + path
                    + ": run `make test` or `make run` from the repository root, which install it in .venv.");
        }
        return path;
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
