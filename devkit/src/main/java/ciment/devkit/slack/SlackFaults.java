package ciment.devkit.slack;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a test makes {@link FakeSlackApi} do wrong: answer slowly, refuse a channel as Slack would, fail at the
 * HTTP level, answer late once the call is done, or do the call and then kill the caller. A method's faults are
 * met in the order given, and counted by kind.
 */
final class SlackFaults {
    private final Map<String, Duration> delays = new ConcurrentHashMap<>();
    /** method + " " + channel to the error Slack answers there. */
    private final Map<String, String> refusals = new ConcurrentHashMap<>();
    /** The faults each method meets next, in order. */
    private final Map<String, Queue<Fault>> faults = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> injected = new ConcurrentHashMap<>();
    private volatile Runnable onKill = () -> {
    };

    /**
     * A fault a call meets: an HTTP status other than 200 fails it undone; else it is done, then its caller is
     * killed ({@code kill}) or its answer held ({@code held}).
     */
    record Fault(String kind, int status, int retryAfterSeconds, Duration held, boolean kill) {
    }

    void delay(String method, Duration delay) {
        delays.put(method, delay);
    }

    void refuse(String method, String channel, String error) {
        refusals.put(method + " " + channel, error);
    }

    /** The error Slack answers for this method in this channel; null when it answers. */
    String refusal(String method, String channel) {
        return refusals.get(method + " " + channel);
    }

    void add(String method, Fault fault, int times) {
        for (int i = 0; i < times; i++) {
            faults.computeIfAbsent(method, m -> new ConcurrentLinkedQueue<>()).add(fault);
        }
    }

    void onKill(Runnable kill) {
        this.onKill = kill;
    }

    /** Waits as long as the method is slow, then takes its next fault (counted), or null when there is none. */
    Fault meet(String method) {
        pause(delays.get(method));
        Queue<Fault> waiting = faults.get(method);
        Fault fault = waiting == null ? null : waiting.poll();
        if (fault != null) {
            injected.computeIfAbsent(fault.kind(), kind -> new AtomicLong()).incrementAndGet();
        }
        return fault;
    }

    /** The call is done: its caller is killed, or its answer held, as the fault says. */
    void afterCall(Fault fault) {
        if (fault != null && fault.kill()) {
            onKill.run();
        }
        if (fault != null) {
            pause(fault.held());
        }
    }

    Map<String, Long> injected() {
        Map<String, Long> counts = new TreeMap<>();
        injected.forEach((kind, count) -> counts.put(kind, count.get()));
        return counts;
    }

    int waiting() {
        return faults.values().stream().mapToInt(Queue::size).sum();
    }

    /** A 429 as Slack sends it (Retry-After, its ratelimited error); any other status as a proxy would, not JSON. */
    static void fail(HttpExchange exchange, Fault fault) throws IOException {
        byte[] body;
        if (fault.status() == 429) {
            exchange.getResponseHeaders().add("Retry-After", String.valueOf(fault.retryAfterSeconds()));
            exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
            body = "{\"ok\":false,\"error\":\"ratelimited\"}".getBytes(StandardCharsets.UTF_8);
        } else {
            exchange.getResponseHeaders().add("Content-Type", "text/html");
            body = ("<html><body>" + fault.status() + "</body></html>").getBytes(StandardCharsets.UTF_8);
        }
        exchange.sendResponseHeaders(fault.status(), body.length);
        exchange.getResponseBody().write(body);
    }

    private static void pause(Duration delay) {
        if (delay == null) {
            return;
        }
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
