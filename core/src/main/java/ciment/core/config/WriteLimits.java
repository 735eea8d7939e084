package ciment.core.config;

import ciment.core.i18n.Message;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How many writes one person may make in a window, whichever tool and container they come through: posts
 * (post, ask, reply, a linked channel's message that becomes a post or reply, Save to community), reactions
 * (react and unreact, from commands or either tool's reaction events) and communities created. Each is a
 * setting written {@code <count>/<minute|hour|day>}.
 */
public record WriteLimits(Rate posts, Rate reactions, Rate creates) {
    public static final String POSTS = "CIMENT_LIMIT_POSTS";
    public static final String REACTIONS = "CIMENT_LIMIT_REACTIONS";
    public static final String CREATES = "CIMENT_LIMIT_CREATES";

    /**
     * A person chatting fast in a linked channel writes a few messages a minute; 30 leaves room for that and
     * stops a script at one post every two seconds. Reactions come in bursts (clicking through a thread).
     * Creating communities is rare: 20 a day lets someone set up a team's spaces in one sitting.
     */
    public static final WriteLimits DEFAULTS = new WriteLimits(Rate.parse("30/minute"), Rate.parse("60/minute"),
            Rate.parse("20/day"));

    /** The settings' values, the defaults for those unset; a malformed value stops the function at start. */
    public static WriteLimits fromSettings(Settings settings) {
        return new WriteLimits(rate(settings, POSTS, DEFAULTS.posts()), rate(settings, REACTIONS, DEFAULTS.reactions()),
                rate(settings, CREATES, DEFAULTS.creates()));
    }

    private static Rate rate(Settings settings, String name, Rate fallback) {
        return settings.get(name).map(value -> {
            try {
                return Rate.parse(value);
            } catch (IllegalArgumentException malformed) {
                throw new IllegalStateException(name + " is " + malformed.getMessage());
            }
        }).orElse(fallback);
    }

    /** At most {@code count} writes in each fixed window of this length (a minute, an hour or a day). */
    public record Rate(int count, Duration window) {
        private static final Pattern FORM = Pattern.compile("(\\d{1,9})\\s*/\\s*(minute|hour|day)");

        public Rate {
            if (count < 1) {
                throw new IllegalArgumentException("a rate allows at least one write per window, not " + count);
            }
        }

        /** {@code 30/minute}, {@code 100/hour}, {@code 20/day}. */
        public static Rate parse(String text) {
            Matcher form = FORM.matcher(text.strip().toLowerCase(Locale.ROOT));
            if (!form.matches()) {
                throw new IllegalArgumentException("“" + text + "”, not a rate: write it as 30/minute, 100/hour or"
                        + " 20/day");
            }
            Duration window = switch (form.group(2)) {
                case "minute" -> Duration.ofMinutes(1);
                case "hour" -> Duration.ofHours(1);
                default -> Duration.ofDays(1);
            };
            return new Rate(Integer.parseInt(form.group(1)), window);
        }

        /** "a minute", "an hour", "a day". */
        public Message per() {
            return Message.of(window.equals(Duration.ofMinutes(1)) ? "core.rate.minute"
                    : window.equals(Duration.ofHours(1)) ? "core.rate.hour" : "core.rate.day");
        }
    }
}
