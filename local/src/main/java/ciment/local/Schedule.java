package ciment.local;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An EventBridge schedule expression as template.yaml writes it, in UTC: {@code rate(5 minutes)} or
 * {@code cron(minutes hours day-of-month month day-of-week year)} with numbers, {@code *}, {@code ?}, lists
 * ({@code 1,15}), ranges ({@code MON-FRI}) and steps ({@code 0/15}); day-of-week 1-7 is SUN-SAT, as EventBridge says.
 */
record Schedule(String expression, Optional<Duration> rate, List<String> fields) {
    private static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");
    private static final List<String> MONTHS = List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP",
            "OCT", "NOV", "DEC");
    /** A cron that fires less than once in this long is not looked for further (no expression of ours). */
    private static final Duration HORIZON = Duration.ofDays(366);

    static Schedule parse(String expression) {
        String text = expression.strip();
        if (text.startsWith("rate(") && text.endsWith(")")) {
            String[] parts = text.substring(5, text.length() - 1).strip().split("\\s+");
            long count = Long.parseLong(parts[0]);
            String unit = parts[1].toLowerCase(Locale.ROOT).replaceAll("s$", "");
            Duration every = switch (unit) {
                case "minute" -> Duration.ofMinutes(count);
                case "hour" -> Duration.ofHours(count);
                case "day" -> Duration.ofDays(count);
                default -> throw new IllegalArgumentException("unknown rate unit in " + expression);
            };
            return new Schedule(text, Optional.of(every), List.of());
        }
        if (text.startsWith("cron(") && text.endsWith(")")) {
            List<String> fields = List.of(text.substring(5, text.length() - 1).strip().toUpperCase(Locale.ROOT).split("\\s+"));
            if (fields.size() != 6) {
                throw new IllegalArgumentException("a cron has 6 fields: " + expression);
            }
            return new Schedule(text, Optional.empty(), fields);
        }
        throw new IllegalArgumentException("not a schedule expression: " + expression);
    }

    /** When it fires next, strictly after {@code after} (a rate: counted from {@code after}). */
    Instant next(Instant after) {
        if (rate.isPresent()) {
            return after.plus(rate.get());
        }
        ZonedDateTime at = after.atZone(ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
        ZonedDateTime end = at.plus(HORIZON);
        while (at.isBefore(end)) {
            if (matches(at)) {
                return at.toInstant();
            }
            at = at.plusMinutes(1);
        }
        throw new IllegalStateException(expression + " does not fire within a year");
    }

    boolean matches(ZonedDateTime at) {
        int dayOfWeek = at.getDayOfWeek() == DayOfWeek.SUNDAY ? 1 : at.getDayOfWeek().getValue() + 1;
        return field(fields.get(0), at.getMinute(), List.of()) && field(fields.get(1), at.getHour(), List.of())
                && field(fields.get(2), at.getDayOfMonth(), List.of()) && field(fields.get(3), at.getMonthValue(), MONTHS)
                && field(fields.get(4), dayOfWeek, DAYS) && field(fields.get(5), at.getYear(), List.of());
    }

    private static boolean field(String field, int value, List<String> names) {
        for (String part : field.split(",")) {
            if (part.equals("*") || part.equals("?")) {
                return true;
            }
            String[] stepped = part.split("/");
            String range = stepped[0];
            int step = stepped.length > 1 ? Integer.parseInt(stepped[1]) : 1;
            String[] bounds = range.split("-");
            int from = range.equals("*") ? 0 : number(bounds[0], names);
            int to = bounds.length > 1 ? number(bounds[1], names) : stepped.length > 1 ? Integer.MAX_VALUE : from;
            if (value >= from && value <= to && (value - from) % step == 0) {
                return true;
            }
        }
        return false;
    }

    private static int number(String token, List<String> names) {
        int named = names.indexOf(token);
        return named >= 0 ? named + 1 : Integer.parseInt(token);
    }
}
