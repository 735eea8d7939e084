package ciment.local;

import ciment.core.config.Settings;
import ciment.devkit.TemplateTable;
import ciment.functions.costs.CostsFunction;
import ciment.functions.digest.DigestFunction;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * template.yaml's scheduled functions, run by the local runner as EventBridge runs them: the same handler class as
 * Lambda, given a scheduled event, each on its schedule (the template's {@code Schedule} events, cron or rate, in
 * UTC); and at once on {@code POST /local/schedules/<FunctionName>}, for tests and newcomers (local only: no route
 * of template.yaml's API).
 */
final class Schedules implements AutoCloseable {
    /** "off": nothing fires on its own, only on POST (the end-to-end tests, whose runs must not meet 07:00 UTC). */
    static final String SETTING = "CIMENT_LOCAL_SCHEDULES";

    /** What the runner can run: each scheduled function's handler, as template.yaml names its class. */
    private static Map<String, Supplier<RequestStreamHandler>> handlers(Settings settings) {
        return Map.of(
                "DigestFunction", () -> new DigestFunction(settings),
                "CostsFunction", () -> new CostsFunction(settings));
    }

    /** Each scheduled function's name on the local runner, as the other functions' ("ciment-<module>"). */
    private static final Map<String, String> LOCAL_NAMES = Map.of("DigestFunction", "ciment-digest",
            "CostsFunction", "ciment-costs");

    /** A scheduled function: its schedules and its containers. */
    private record Scheduled(String name, List<Schedule> schedules, Containers<RequestStreamHandler> containers) {
    }

    private final Map<String, Scheduled> functions;
    private final Clock clock;
    private final ScheduledExecutorService timer;

    private Schedules(Map<String, Scheduled> functions, Clock clock) {
        this.functions = functions;
        this.clock = clock;
        this.timer = Executors.newSingleThreadScheduledExecutor(run -> {
            Thread thread = new Thread(run, "ciment-schedules");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The template's scheduled functions, their first containers started now; none fires until {@link #start}. */
    @SuppressWarnings("unchecked")
    static Schedules of(Settings settings, Clock clock) {
        Map<String, Supplier<RequestStreamHandler>> handlers = handlers(settings);
        Map<String, Scheduled> functions = new LinkedHashMap<>();
        Map<String, Object> resources = (Map<String, Object>) TemplateTable.document().get("Resources");
        resources.forEach((name, resource) -> {
            Map<String, Object> properties = (Map<String, Object>) ((Map<String, Object>) resource).get("Properties");
            Map<String, Object> events = properties == null ? null : (Map<String, Object>) properties.get("Events");
            if (events == null) {
                return;
            }
            List<Schedule> schedules = events.values().stream().map(event -> (Map<String, Object>) event)
                    .filter(event -> "Schedule".equals(event.get("Type")))
                    .map(event -> Schedule.parse((String) ((Map<String, Object>) event.get("Properties")).get("Schedule")))
                    .toList();
            if (schedules.isEmpty()) {
                return;
            }
            Supplier<RequestStreamHandler> handler = handlers.get(name);
            if (handler == null) {
                throw new IllegalStateException("template.yaml schedules " + name + ", which the local runner cannot run");
            }
            functions.put(name, new Scheduled(name, schedules, new Containers<>(LOCAL_NAMES.get(name), handler, 1)));
        });
        return new Schedules(functions, clock);
    }

    /** Fires each function on its schedules from now on. */
    Schedules start() {
        functions.values().forEach(function -> function.schedules().forEach(schedule -> plan(function, schedule)));
        return this;
    }

    /** The scheduled functions, by name. */
    List<String> names() {
        return List.copyOf(functions.keySet());
    }

    /** Runs the function now, as its schedule would; what its handler answered, or empty for an unknown function. */
    Optional<String> fire(String name) {
        Scheduled function = functions.get(name);
        if (function == null) {
            return Optional.empty();
        }
        return Optional.of(function.containers().invoke((handler, context) -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try {
                handler.handleRequest(new ByteArrayInputStream(event(name).getBytes(StandardCharsets.UTF_8)), out, context);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out.toString(StandardCharsets.UTF_8);
        }));
    }

    private void plan(Scheduled function, Schedule schedule) {
        Instant now = clock.instant();
        long delay = Math.max(0, schedule.next(now).toEpochMilli() - now.toEpochMilli());
        timer.schedule(() -> {
            try {
                fire(function.name());
            } catch (RuntimeException e) {
                System.err.println("ciment: scheduled " + function.name() + " failed: " + e);
            }
            plan(function, schedule);
        }, delay, TimeUnit.MILLISECONDS);
    }

    /** EventBridge's scheduled event, as Lambda receives it. */
    private String event(String name) {
        return "{\"version\":\"0\",\"id\":\"" + UUID.randomUUID() + "\",\"detail-type\":\"Scheduled Event\","
                + "\"source\":\"aws.events\",\"account\":\"000000000000\",\"time\":\"" + clock.instant() + "\","
                + "\"region\":\"us-east-1\",\"resources\":[\"arn:aws:events:us-east-1:000000000000:rule/ciment-local-"
                + name + "\"],\"detail\":{}}";
    }

    @Override
    public void close() {
        timer.shutdownNow();
        functions.values().forEach(function -> function.containers().close());
    }
}
