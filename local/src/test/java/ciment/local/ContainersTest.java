package ciment.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.devkit.ApiGateway;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ContainersTest {
    private final AtomicInteger started = new AtomicInteger();
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger mostAtOnce = new AtomicInteger();

    /** A function that answers "ok" after the gate opens, counting how many run at once. */
    private RequestStreamHandler function(CountDownLatch gate) {
        started.incrementAndGet();
        return (in, out, context) -> {
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                gate.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            running.decrementAndGet();
            out.write("ok".getBytes(StandardCharsets.UTF_8));
        };
    }

    @Test
    void concurrentRequests_startMoreContainers_upToTheLimit() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        Containers<RequestStreamHandler> containers = new Containers<>("test", () -> function(gate), 3);
        List<Future<String>> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(6)) {
            for (int i = 0; i < 6; i++) {
                answers.add(pool.submit(() -> invoke(containers)));
            }
            awaitRunning(3);
            gate.countDown();
            for (Future<String> answer : answers) {
                assertEquals("ok", answer.get(10, TimeUnit.SECONDS));
            }
        }
        assertEquals(3, started.get(), "containers started");
        assertEquals(3, mostAtOnce.get(), "requests handled at once");
    }

    @Test
    void sequentialRequests_reuseTheWarmContainer() {
        CountDownLatch open = new CountDownLatch(0);
        Containers<RequestStreamHandler> containers = new Containers<>("test", () -> function(open), 3);
        for (int i = 0; i < 5; i++) {
            invoke(containers);
        }
        assertEquals(1, started.get());
    }

    private static String invoke(Containers<RequestStreamHandler> containers) {
        return containers.invoke((function, context) -> ApiGateway.invoke(function, "{}", context));
    }

    /** Until this many run at once (the pool's threads start at their own pace); at most 10 s. */
    private void awaitRunning(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (running.get() < count && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    // ---- containers that live as Lambda's ----

    /** A function that answers what the "emulator" at its endpoint answers, or waits for the gate first. */
    private java.util.function.Function<java.net.URI, java.util.function.BiFunction<CountDownLatch, String, String>>
            fetching = endpoint -> {
        started.incrementAndGet();
        return (gate, unused) -> {
            try {
                gate.await(30, TimeUnit.SECONDS);
                return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(endpoint)
                        .build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body();
            } catch (java.io.IOException e) {
                return "unreachable";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "interrupted";
            }
        };
    };

    /** A loopback HTTP server answering "table" to anything: the emulator of these tests. */
    private static com.sun.net.httpserver.HttpServer emulator() throws java.io.IOException {
        var server = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress(
                java.net.InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = "table".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return server;
    }

    @Test
    void aKilledContainer_failsItsInvocation_reachesNothingAfterwards_andTheNextInvocationStartsAFreshOne()
            throws Exception {
        var server = emulator();
        try {
            var containers = new Containers<>("delivery", fetching, 1, java.time.Duration.ofSeconds(30),
                    java.net.URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/"));
            assertEquals("table", containers.invoke((f, context) -> f.apply(new CountDownLatch(0), "")));
            CountDownLatch gate = new CountDownLatch(1);
            java.util.concurrent.atomic.AtomicReference<String> zombieSaw = new java.util.concurrent.atomic.AtomicReference<>();
            try (ExecutorService pool = Executors.newSingleThreadExecutor()) {
                Future<String> killed = pool.submit(() -> containers.invoke((f, context) -> {
                    String seen = f.apply(gate, "");
                    zombieSaw.set(seen);
                    return seen;
                }));
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (containers.kill() == 0 && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                }
                java.util.concurrent.ExecutionException failed = org.junit.jupiter.api.Assertions.assertThrows(
                        java.util.concurrent.ExecutionException.class, () -> killed.get(10, TimeUnit.SECONDS));
                org.junit.jupiter.api.Assertions.assertInstanceOf(Containers.Stopped.class, failed.getCause());
                gate.countDown();
                deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (zombieSaw.get() == null && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                }
                assertEquals("unreachable", zombieSaw.get(), "the killed container's network is cut");
            }
            assertEquals("table", containers.invoke((f, context) -> f.apply(new CountDownLatch(0), "")));
            assertEquals(2, started.get(), "a fresh container after the kill");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void anInvocationStillRunningAtTheTimeout_isStopped_andTheNextStartsAFreshContainer() {
        var containers = new Containers<>("delivery", fetching, 1, java.time.Duration.ofMillis(300), null);

        Containers.Stopped stopped = org.junit.jupiter.api.Assertions.assertThrows(Containers.Stopped.class,
                () -> containers.invoke((f, context) -> f.apply(new CountDownLatch(1), "")));

        assertTrue(stopped.getMessage().contains("Task timed out"), stopped.getMessage());
        containers.invoke((f, context) -> "done");
        assertEquals(2, started.get());
    }
}
