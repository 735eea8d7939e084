package ciment.core.service;

import java.util.ArrayList;
import java.util.List;

/**
 * What became of a record in one part of delivery (its notice, its copies): done, to be retried (something a
 * later attempt may do), or given up for good, with why (kept in the dead-letter queue).
 */
public record DeliveryOutcome(boolean retry, List<String> givenUp) {
    public static final DeliveryOutcome DONE = new DeliveryOutcome(false, List.of());
    static final DeliveryOutcome RETRY = new DeliveryOutcome(true, List.of());

    public static DeliveryOutcome givenUp(String reason) {
        return new DeliveryOutcome(false, List.of(reason));
    }

    public static DeliveryOutcome of(boolean done) {
        return done ? DONE : RETRY;
    }

    public boolean isDone() {
        return !retry && givenUp.isEmpty();
    }

    public DeliveryOutcome and(DeliveryOutcome other) {
        List<String> reasons = new ArrayList<>(givenUp);
        reasons.addAll(other.givenUp);
        return new DeliveryOutcome(retry || other.retry, List.copyOf(reasons));
    }
}
