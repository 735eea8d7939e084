package ciment.local;

import com.amazonaws.services.lambda.runtime.Context;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A function's warm containers, as Lambda keeps them: each handles one invocation at a time, and
 * concurrent invocations start more, up to a limit. The first starts with the runner, so a bad
 * configuration stops it at once; the most recently used container serves next.
 *
 * <p>Containers given a timeout live as Lambda's do (the delivery functions): each reaches the emulator through
 * a network of its own ({@link Relay}), an invocation still running at the timeout is stopped, and a container
 * can be killed ({@link #kill}). A stopped or killed container is thrown away, its network cut (whatever it
 * would still do reaches nothing), its invocation fails, and the next invocation starts a fresh container.
 *
 * @param <H> the function's handler class, as Lambda makes it once per container
 */
final class Containers<H> {
    private final String name;
    private final Function<URI, H> start;
    private final Duration timeout;
    private final URI emulator;
    private final Semaphore slots;
    private final BlockingDeque<Container<H>> idle = new LinkedBlockingDeque<>();
    /** The containers invoked now (with a timeout), and the outcome a kill completes first. */
    private final Map<Container<H>, CompletableFuture<Object>> running = new ConcurrentHashMap<>();

    Containers(String name, Supplier<H> start, int limit) {
        this(name, endpoint -> start.get(), limit, null, null);
    }

    /**
     * @param start    makes a container's handler, given where it reaches the emulator (null: no network of its own)
     * @param timeout  the function's timeout; null: invocations run on the caller's thread, never stopped
     * @param emulator the emulator each container reaches through its own network; null: the caller's
     */
    Containers(String name, Function<URI, H> start, int limit, Duration timeout, URI emulator) {
        this.name = name;
        this.start = start;
        this.timeout = timeout;
        this.emulator = emulator;
        this.slots = new Semaphore(limit, true);
        idle.add(started());
    }

    /** One invocation, through a free container (started if none is), with a Lambda context of its own. */
    <R> R invoke(BiFunction<H, Context, R> invocation) {
        slots.acquireUninterruptibly();
        Container<H> container = null;
        boolean alive = false;
        try {
            container = idle.pollFirst();
            if (container == null) {
                container = started();
            }
            if (timeout == null) {
                alive = true;
                return invocation.apply(container.handler(), new LocalContext(name));
            }
            R answer = timed(container, invocation);
            alive = true;
            return answer;
        } catch (RuntimeException e) {
            alive = !(e instanceof Stopped);
            throw e;
        } finally {
            if (container != null && alive) {
                idle.addFirst(container);
            } else if (container != null) {
                container.cut();
            }
            slots.release();
        }
    }

    /**
     * Kills the containers invoked now, as a crash would: their networks are cut at once, and their invocations
     * fail with {@link Stopped}. Returns how many were killed.
     */
    int kill() {
        int killed = 0;
        for (Map.Entry<Container<H>, CompletableFuture<Object>> invoked : running.entrySet()) {
            invoked.getKey().cut();
            if (invoked.getValue().completeExceptionally(new Stopped(name + "'s container was killed"))) {
                killed++;
            }
        }
        return killed;
    }

    /** The runner stops: every container's network is cut. */
    void close() {
        idle.forEach(Container::cut);
        running.keySet().forEach(Container::cut);
    }

    @SuppressWarnings("unchecked")
    private <R> R timed(Container<H> container, BiFunction<H, Context, R> invocation) {
        CompletableFuture<Object> outcome = new CompletableFuture<>();
        running.put(container, outcome);
        LocalContext context = new LocalContext(name, timeout);
        Thread thread = Thread.ofVirtual().name(name + "-invocation").start(() -> {
            try {
                outcome.complete(invocation.apply(container.handler(), context));
            } catch (Throwable failed) {
                outcome.completeExceptionally(failed);
            }
        });
        try {
            return (R) outcome.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException late) {
            thread.interrupt();
            throw new Stopped(name + ": Task timed out after " + timeout.toSeconds() + " seconds");
        } catch (ExecutionException failed) {
            Throwable cause = failed.getCause();
            if (cause instanceof Error error) {
                // The runtime itself failed (out of memory, say): Lambda starts a new one.
                throw new Stopped(name + "'s runtime failed: " + error, error);
            }
            throw cause instanceof RuntimeException thrown ? thrown : new IllegalStateException(cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            thread.interrupt();
            throw new Stopped(name + ": the invocation was abandoned (the runner is stopping)");
        } finally {
            running.remove(container);
        }
    }

    private Container<H> started() {
        Relay network = emulator == null ? null : Relay.to(emulator);
        try {
            return new Container<>(start.apply(network == null ? null : network.uri()), network);
        } catch (RuntimeException e) {
            if (network != null) {
                network.cut();
            }
            throw e;
        }
    }

    /** An invocation that ended with its container: timed out, killed, or its runtime failed. */
    static final class Stopped extends RuntimeException {
        Stopped(String message) {
            super(message);
        }

        Stopped(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** A handler and the network it was started on (null: none of its own). */
    private record Container<H>(H handler, Relay network) {
        void cut() {
            if (network != null) {
                network.cut();
            }
        }

        @Override
        public boolean equals(Object other) {
            return this == other;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }
    }
}
