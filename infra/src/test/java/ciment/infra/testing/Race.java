package ciment.infra.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/** Runs tasks on their own threads, released at the same moment, and collects their results in order. */
public final class Race {
    private Race() {
    }

    public static <T> List<T> run(int runners, IntFunction<T> task) {
        CountDownLatch ready = new CountDownLatch(runners);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(runners);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < runners; i++) {
                int runner = i;
                futures.add(threads.submit(() -> {
                    ready.countDown();
                    go.await();
                    return task.apply(runner);
                }));
            }
            ready.await();
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } catch (Exception e) {
            throw new IllegalStateException("a runner failed", e);
        } finally {
            threads.shutdownNow();
        }
    }
}
