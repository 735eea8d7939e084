package ciment.core.port;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Per-conversation rate limits (Slack about 1 message per second per channel, Teams 7 per second per
 * conversation): called before each send, it waits until the conversation's next turn. A delivery function
 * handles one shard's records at a time, and a community's posts share a partition (so a shard): turns kept
 * in the container hold for its conversations. A 429 with Retry-After still reaches the sender when the tool
 * counts otherwise.
 */
@FunctionalInterface
public interface Pacing {
    Pacing NONE = conversation -> {
    };

    void awaitTurn(String conversation) throws InterruptedException;

    /** At most one send per {@code interval} into each conversation. */
    static Pacing every(Duration interval) {
        Map<String, Long> nextTurn = new HashMap<>();
        return conversation -> {
            long wait;
            synchronized (nextTurn) {
                long now = System.nanoTime();
                long turn = Math.max(now, nextTurn.getOrDefault(conversation, now));
                nextTurn.put(conversation, turn + interval.toNanos());
                wait = turn - now;
            }
            if (wait > 0) {
                Thread.sleep(Duration.ofNanos(wait));
            }
        };
    }
}
