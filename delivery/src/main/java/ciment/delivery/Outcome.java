package ciment.delivery;

import java.util.ArrayList;
import java.util.List;

/**
 * What became of a record in one part of a delivery function (its notice, its copies): done, to be retried
 * (something a later attempt may do), or given up for good, with why (kept in the dead-letter queue).
 */
record Outcome(boolean retry, List<String> givenUp) {
    static final Outcome DONE = new Outcome(false, List.of());
    static final Outcome RETRY = new Outcome(true, List.of());

    static Outcome givenUp(String reason) {
        return new Outcome(false, List.of(reason));
    }

    static Outcome of(boolean done) {
        return done ? DONE : RETRY;
    }

    boolean isDone() {
        return !retry && givenUp.isEmpty();
    }

    Outcome and(Outcome other) {
        List<String> reasons = new ArrayList<>(givenUp);
        reasons.addAll(other.givenUp);
        return new Outcome(retry || other.retry, List.copyOf(reasons));
    }
}
