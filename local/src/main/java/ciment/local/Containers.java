package ciment.local;

import ciment.devkit.ApiGateway;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * A function's warm containers, as Lambda keeps them: each handles one request at a time, and
 * concurrent requests start more, up to a limit. The first starts with the runner, so a bad
 * configuration stops it at once; the most recently used container serves next.
 */
final class Containers {
    private final String name;
    private final Supplier<RequestStreamHandler> start;
    private final Semaphore slots;
    private final BlockingDeque<RequestStreamHandler> idle = new LinkedBlockingDeque<>();

    Containers(String name, Supplier<RequestStreamHandler> start, int limit) {
        this.name = name;
        this.start = start;
        this.slots = new Semaphore(limit, true);
        idle.add(start.get());
    }

    /** The event's JSON in, the answer's JSON out, through a free container (started if none is). */
    String invoke(String eventJson) {
        slots.acquireUninterruptibly();
        RequestStreamHandler container = idle.pollFirst();
        try {
            if (container == null) {
                container = start.get();
            }
            return ApiGateway.invoke(container, eventJson, new LocalContext(name));
        } finally {
            if (container != null) {
                idle.addFirst(container);
            }
            slots.release();
        }
    }
}
