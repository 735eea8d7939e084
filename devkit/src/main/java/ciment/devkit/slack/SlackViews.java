package ciment.devkit.slack;

import ciment.devkit.slack.FakeSlackApi.Call;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Modals and the Home tab: views.open (a trigger id a test said is expired gets {@code expired_trigger_id}),
 * views.update of a view it opened, and views.publish.
 */
final class SlackViews {
    private final String teamId;
    private final Set<String> expiredTriggers = ConcurrentHashMap.newKeySet();
    private final Set<String> opened = ConcurrentHashMap.newKeySet();
    private final AtomicLong views = new AtomicLong();

    SlackViews(String teamId) {
        this.teamId = teamId;
    }

    void expire(String triggerId) {
        expiredTriggers.add(triggerId);
    }

    Map<String, Object> open(Call call) {
        String trigger = call.param("trigger_id");
        if (trigger == null || call.json("view").isEmpty()) {
            return Map.of("ok", false, "error", "invalid_arguments");
        }
        if (expiredTriggers.contains(trigger)) {
            return Map.of("ok", false, "error", "expired_trigger_id");
        }
        String id = "V0MODAL" + views.incrementAndGet();
        opened.add(id);
        return Map.of("ok", true, "view", view(call, id));
    }

    Map<String, Object> update(Call call) {
        String id = call.param("view_id");
        if (id == null || call.json("view").isEmpty()) {
            return Map.of("ok", false, "error", "invalid_arguments");
        }
        return opened.contains(id) ? Map.of("ok", true, "view", view(call, id))
                : Map.of("ok", false, "error", "not_found");
    }

    Map<String, Object> publish(Call call) {
        return call.param("user_id") == null || call.json("view").isEmpty()
                ? Map.of("ok", false, "error", "invalid_arguments")
                : Map.of("ok", true, "view", view(call, "V0HOME" + call.param("user_id")));
    }

    /** The view as Slack answers it: what was sent, with its id and a fresh hash. */
    private Map<String, Object> view(Call call, String id) {
        Map<String, Object> view = new LinkedHashMap<>(call.json("view"));
        view.put("id", id);
        view.put("hash", views.incrementAndGet() + ".hash");
        view.put("team_id", teamId);
        return view;
    }
}
