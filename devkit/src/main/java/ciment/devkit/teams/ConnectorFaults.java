package ciment.devkit.teams;

import ciment.devkit.teams.FakeBotFramework.FailedCall;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What a test makes the Bot Connector do wrong, in the order given: fail a call with an HTTP status (undone),
 * hold its answer once it is done, or kill the caller once a send is done. Each fault met is counted by kind.
 */
final class ConnectorFaults {
    private final Queue<Fault> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicInteger sendsToKill = new AtomicInteger();
    private final Map<String, AtomicInteger> injected = new ConcurrentHashMap<>();
    private final List<FailedCall> failedCalls = new CopyOnWriteArrayList<>();
    private volatile Runnable onKill = () -> {
    };

    /** A fault a Bot Connector call meets: a status other than 200 fails it undone; else its answer is held. */
    record Fault(String kind, int status, Duration held) {
    }

    void add(Fault fault, int times) {
        for (int i = 0; i < times; i++) {
            waiting.add(fault);
        }
    }

    void killAfterSends(int times) {
        sendsToKill.addAndGet(times);
    }

    void onKill(Runnable kill) {
        this.onKill = kill;
    }

    /** The next fault (counted), or null when there is none. */
    Fault next() {
        Fault fault = waiting.poll();
        if (fault != null) {
            count(fault.kind());
        }
        return fault;
    }

    /** A send is done: its caller is killed when a test asked for it. */
    void sent() {
        if (sendsToKill.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
            count("caller killed after the send was done");
            onKill.run();
        }
    }

    /** The call is done: its answer waits when the fault says so. */
    static void holdAnswer(Fault fault) {
        if (fault == null || fault.held() == null) {
            return;
        }
        try {
            Thread.sleep(fault.held());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Answers with this status and the Bot Connector's error body; a 429 asks to wait a second, as Teams does. */
    void fail(HttpExchange exchange, String path, int status) throws IOException {
        failedCalls.add(new FailedCall(BotFrameworkHttp.decode(path), status));
        if (status == 429) {
            exchange.getResponseHeaders().set("Retry-After", "1");
        }
        BotFrameworkHttp.error(exchange, status, status == 429 ? "Throttled" : "ServiceError",
                "The fake Bot Connector was told to fail this call.");
    }

    Map<String, Integer> injected() {
        Map<String, Integer> counts = new TreeMap<>();
        injected.forEach((kind, count) -> counts.put(kind, count.get()));
        return counts;
    }

    int waiting() {
        return waiting.size() + sendsToKill.get();
    }

    List<FailedCall> failedCalls() {
        return List.copyOf(failedCalls);
    }

    private void count(String kind) {
        injected.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
    }
}
