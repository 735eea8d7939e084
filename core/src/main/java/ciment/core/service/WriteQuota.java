package ciment.core.service;

import ciment.core.i18n.Message;
import ciment.core.config.WriteLimits;
import ciment.core.model.Person;
import ciment.core.model.Refusal;
import ciment.core.port.Quotas;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The per-person limits on writes ({@link WriteLimits}): each post, reaction or community created spends one
 * of the person's writes of its kind in the current fixed window, before anything is written. Past the limit
 * the request is refused with a sentence saying when to try again, and nothing is written. Windows start on
 * the server's clock (a chat tool's timestamp is the writer's claim), aligned on the epoch: every container
 * counts in the same window.
 */
record WriteQuota(Quotas quotas, WriteLimits limits, Clock clock) {
    /** What a write spends. */
    enum Kind {
        POST("posts", "core.quota.posts"),
        REACTION("reactions", "core.quota.reactions"),
        CREATE("creates", "core.quota.creates");

        private final String counter;
        /** The key of what is counted, by how many: "{0,choice,1#post|1<posts}". */
        private final String counted;

        Kind(String counter, String counted) {
            this.counter = counter;
            this.counted = counted;
        }
    }

    /**
     * Spends one write of the person's; throws {@link Refusal} past the limit, saying so and that
     * {@code nothingDone} (“nothing was posted”), and when to try again.
     */
    void spend(Person person, Kind kind, Message nothingDone) {
        WriteLimits.Rate rate = rateOf(kind);
        Instant now = clock.instant();
        long windowMillis = rate.window().toMillis();
        Instant start = Instant.ofEpochMilli(Math.floorDiv(now.toEpochMilli(), windowMillis) * windowMillis);
        if (!quotas.take(person.id(), kind.counter, start, rate.window(), rate.count())) {
            throw new Refusal(Message.of("core.quota.reached", rate.count(), Message.of(kind.counted, rate.count()),
                    rate.per(), nothingDone, wait(Duration.between(now, start.plus(rate.window())))));
        }
    }

    private WriteLimits.Rate rateOf(Kind kind) {
        return switch (kind) {
            case POST -> limits.posts();
            case REACTION -> limits.reactions();
            case CREATE -> limits.creates();
        };
    }

    /** "12 seconds", "1 minute", "5 hours": rounded up, so that trying again then works. */
    static Message wait(Duration left) {
        long seconds = Math.max(1, (left.toMillis() + 999) / 1000);
        if (seconds < 60) {
            return Message.of("core.wait.seconds", seconds);
        }
        if (seconds < 3600) {
            return Message.of("core.wait.minutes", (seconds + 59) / 60);
        }
        return Message.of("core.wait.hours", (seconds + 3599) / 3600);
    }
}
