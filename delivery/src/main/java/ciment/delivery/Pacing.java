package ciment.delivery;

import ciment.core.model.Recipient;

/**
 * Where per-conversation rate limits go (issue 5: Slack about 1 message per second per channel, Teams 7
 * per second per conversation): called before each send, it may wait for the recipient's turn. Not built
 * yet: {@link #NONE} never waits, and a platform's 429 reaches {@link Deliveries} as a failed send.
 */
@FunctionalInterface
public interface Pacing {
    Pacing NONE = to -> {
    };

    void awaitTurn(Recipient to) throws InterruptedException;
}
