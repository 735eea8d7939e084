package ciment.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

/**
 * Lambda's Runtime API, as the real runtime interface client (the one AWS's java21 runtime runs)
 * polls it: hands out one event, then records when and what the function answered. Cold starts are
 * timed from the JVM's launch to that answer, the same way for every function.
 */
final class FakeRuntimeApi implements AutoCloseable {
    private static final String NEXT = "/2018-06-01/runtime/invocation/next";

    private final HttpServer server;
    private final byte[] event;
    private final CompletableFuture<Answer> answer = new CompletableFuture<>();
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile boolean handedOut;

    record Answer(long atNanos, String path, String body) {
        boolean isError() {
            return path.endsWith("/error");
        }
    }

    FakeRuntimeApi(String eventJson) {
        this.event = eventJson.getBytes(StandardCharsets.UTF_8);
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::serve);
        server.start();
    }

    /** host:port, for AWS_LAMBDA_RUNTIME_API. */
    String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    CompletableFuture<Answer> answer() {
        return answer;
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if ("GET".equals(exchange.getRequestMethod()) && path.equals(NEXT)) {
                if (handedOut) {
                    awaitClose(); // a second invocation never comes: the function waits, as in a frozen sandbox
                    return;
                }
                handedOut = true;
                exchange.getResponseHeaders().set("Lambda-Runtime-Aws-Request-Id", "bench-1");
                exchange.getResponseHeaders().set("Lambda-Runtime-Deadline-Ms",
                        Long.toString(System.currentTimeMillis() + 30_000));
                exchange.getResponseHeaders().set("Lambda-Runtime-Invoked-Function-Arn",
                        "arn:aws:lambda:us-east-1:000000000000:function:bench");
                exchange.getResponseHeaders().set("Lambda-Runtime-Trace-Id", "Root=1-00000000-000000000000000000000000");
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, event.length);
                exchange.getResponseBody().write(event);
                return;
            }
            byte[] body = exchange.getRequestBody().readAllBytes();
            answer.complete(new Answer(System.nanoTime(), path, new String(body, StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(202, -1);
        }
    }

    private void awaitClose() {
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closed.countDown();
        server.stop(0);
    }
}
