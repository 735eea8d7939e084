package ciment.core.service;

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
final class WriteQuota {
    /** What a write spends. */
    enum Kind {
        POST("posts", "post", "posts"),
        REACTION("reactions", "reaction", "reactions"),
        CREATE("creates", "new community", "new communities");

        private final String counter;
        private final String one;
        private final String many;

        Kind(String counter, String one, String many) {
            this.counter = counter;
            this.one = one;
            this.many = many;
        }
    }

    private final Quotas quotas;
    private final WriteLimits limits;
    private final Clock clock;

    WriteQuota(Quotas quotas, WriteLimits limits, Clock clock) {
        this.quotas = quotas;
        this.limits = limits;
        this.clock = clock;
    }

    /**
     * Spends one write of the person's; throws {@link Refusal} past the limit, saying so and that
     * {@code nothingDone} (“nothing was posted”), and when to try again.
     */
    void spend(Person person, Kind kind, String nothingDone) {
        WriteLimits.Rate rate = rateOf(kind);
        Instant now = clock.instant();
        long windowMillis = rate.window().toMillis();
        Instant start = Instant.ofEpochMilli(Math.floorDiv(now.toEpochMilli(), windowMillis) * windowMillis);
        if (!quotas.take(person.id(), kind.counter, start, rate.window(), rate.count())) {
            throw new Refusal("You have reached Ciment's limit of " + rate.count() + " " + (rate.count() == 1 ? kind.one : kind.many) + " "
                    + rate.per()
                    + ", so " + nothingDone + ": try again in " + wait(Duration.between(now, start.plus(rate.window())))
                    + ".");
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
    static String wait(Duration left) {
        long seconds = Math.max(1, (left.toMillis() + 999) / 1000);
        if (seconds < 60) {
            return plural(seconds, "second");
        }
        if (seconds < 3600) {
            return plural((seconds + 59) / 60, "minute");
        }
        return plural((seconds + 3599) / 3600, "hour");
    }

    private static String plural(long count, String unit) {
        return count + " " + unit + (count == 1 ? "" : "s");
    }
}
