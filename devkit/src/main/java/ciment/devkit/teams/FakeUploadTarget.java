package ciment.devkit.teams;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stands in for the upload URL Teams gives a bot when a person accepts a file consent card (a OneDrive
 * upload session), on a free loopback port: it records every PUT (path, Content-Range, bytes) and answers
 * 201 with the file's item, as OneDrive does for the last (here: only) range; a test can make the next
 * uploads fail with a status.
 */
public final class FakeUploadTarget implements AutoCloseable {
    private final HttpServer server;
    private final List<Put> puts = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private volatile int failureStatus;

    private FakeUploadTarget(HttpServer server) {
        this.server = server;
    }

    public static FakeUploadTarget start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.setExecutor(Executors.newFixedThreadPool(2, runnable -> {
                Thread thread = new Thread(runnable, "fake-upload-target");
                thread.setDaemon(true);
                return thread;
            }));
            FakeUploadTarget target = new FakeUploadTarget(server);
            server.createContext("/", target::handle);
            server.start();
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the fake upload target", e);
        }
    }

    /** An upload URL for a file (what Teams puts in the consent answer's uploadInfo.uploadUrl). */
    public String uploadUrl(String name) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/upload/" + name;
    }

    /** The next {@code times} uploads answer {@code status} (and are recorded all the same). */
    public FakeUploadTarget failNext(int status, int times) {
        failureStatus = status;
        failuresLeft.set(times);
        return this;
    }

    /** Every request received, oldest first. */
    public List<Put> puts() {
        return List.copyOf(puts);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] bytes = exchange.getRequestBody().readAllBytes();
            puts.add(new Put(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("Content-Range"), bytes));
            int status = failuresLeft.getAndDecrement() > 0 ? failureStatus
                    : "PUT".equals(exchange.getRequestMethod()) ? 201 : 405;
            byte[] answer = (status == 201 ? "{\"id\":\"01FILE\",\"size\":" + bytes.length + "}" : "{}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
        }
    }

    /** One request to the upload URL. */
    public record Put(String method, String path, String contentRange, byte[] bytes) {
        public String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }
}
