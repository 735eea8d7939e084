package ciment.local;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The faults a soak injects into the fake chat tools, one kind after the other, again and again: 429 with a short
 * and a long Retry-After, 500, 503, an answer held beyond the clients' timeout (10 s) once the call is done, and a
 * delivery container killed once its send is done, before it records it (the fakes call the runner's kill). A
 * killed Teams send comes first: its copy waits the longest (for the killed invocation's claim to lapse).
 */
final class SoakFaults {
    static final List<String> KINDS = List.of("Teams container killed after the send",
            "Slack container killed after the send", "Slack 429 (Retry-After 1 s)", "Teams 429 (Retry-After 1 s)",
            "Slack 500", "Teams 500", "Slack 503", "Teams 503", "Slack 429 (Retry-After 7 s)",
            "Slack answer held 11 s", "Teams answer held 11 s");
    private static final Duration HELD = Duration.ofSeconds(11);

    private final LocalStack stack;
    private final Map<String, Integer> armed = new TreeMap<>();
    private int next;

    SoakFaults(LocalStack stack) {
        this.stack = stack;
        stack.slackApi.onKill(() -> stack.runner.killDeliveryContainer("ciment-slack-delivery"));
        stack.botFramework.onKill(() -> stack.runner.killDeliveryContainer("ciment-teams-delivery"));
    }

    /**
     * The next kind, unless its tool still has a fault waiting (so that no record meets several in a row and runs
     * out of retries): false then, for the next action to try again.
     */
    boolean armNext() {
        String fault = KINDS.get(next % KINDS.size());
        if (fault.startsWith("Slack") ? stack.slackApi.faultsWaiting() > 0 : stack.botFramework.faultsWaiting() > 0) {
            return false;
        }
        next++;
        armed.merge(fault, 1, Integer::sum);
        switch (fault) {
            case "Slack 429 (Retry-After 1 s)" -> stack.slackApi.failNext("chat.postMessage", 429, 1, 1);
            case "Slack 429 (Retry-After 7 s)" -> stack.slackApi.failNext("chat.update", 429, 1, 7);
            case "Slack 500" -> stack.slackApi.failNext("chat.postMessage", 500, 1);
            case "Slack 503" -> stack.slackApi.failNext("chat.update", 503, 1);
            case "Slack answer held 11 s" -> stack.slackApi.answerLate("chat.postMessage", HELD, 1);
            case "Slack container killed after the send" -> stack.slackApi.killAfterNext("chat.postMessage", 1);
            case "Teams 429 (Retry-After 1 s)" -> stack.botFramework.failConnectorCalls(429, 1);
            case "Teams 500" -> stack.botFramework.failConnectorCalls(500, 1);
            case "Teams 503" -> stack.botFramework.failConnectorCalls(503, 1);
            case "Teams answer held 11 s" -> stack.botFramework.answerConnectorCallsLate(HELD, 1);
            case "Teams container killed after the send" -> stack.botFramework.killAfterNextSends(1);
            default -> throw new IllegalStateException(fault);
        }
        return true;
    }

    /** How many of each kind were armed. */
    Map<String, Integer> armed() {
        return armed;
    }

    /** How many the fakes met, by tool and kind. */
    Map<String, Integer> met() {
        Map<String, Integer> met = new TreeMap<>();
        stack.slackApi.faultsInjected().forEach((kind, n) -> met.put("Slack " + kind, n.intValue()));
        stack.botFramework.faultsInjected().forEach((kind, n) -> met.put("Teams " + kind, n));
        return met;
    }
}
