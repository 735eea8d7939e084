package ciment.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
