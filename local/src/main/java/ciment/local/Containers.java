package ciment.local;

import com.amazonaws.services.lambda.runtime.Context;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.Semaphore;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * A function's warm containers, as Lambda keeps them: each handles one invocation at a time, and
 * concurrent invocations start more, up to a limit. The first starts with the runner, so a bad
 * configuration stops it at once; the most recently used container serves next.
 *
 * @param <H> the function's handler class, as Lambda makes it once per container
 */
final class Containers<H> {
    private final String name;
    private final Supplier<H> start;
    private final Semaphore slots;
    private final BlockingDeque<H> idle = new LinkedBlockingDeque<>();

    Containers(String name, Supplier<H> start, int limit) {
        this.name = name;
        this.start = start;
        this.slots = new Semaphore(limit, true);
        idle.add(start.get());
    }

    /** One invocation, through a free container (started if none is), with a Lambda context of its own. */
    <R> R invoke(BiFunction<H, Context, R> invocation) {
        slots.acquireUninterruptibly();
        H container = idle.pollFirst();
        try {
            if (container == null) {
                container = start.get();
            }
            return invocation.apply(container, new LocalContext(name));
        } finally {
            if (container != null) {
                idle.addFirst(container);
            }
            slots.release();
        }
    }
}
