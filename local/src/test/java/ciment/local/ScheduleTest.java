package ciment.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** EventBridge's schedule expressions as the local runner reads template.yaml's: when each fires next, in UTC. */
class ScheduleTest {
    /** A Tuesday. */
    private static final Instant TUESDAY_0659 = Instant.parse("2026-12-08T06:59:30Z");

    @Test
    void theDigestsDailyCron_firesAt0700Utc_thenTheNextDay() {
        Schedule daily = Schedule.parse("cron(0 7 * * ? *)");

        assertEquals(Instant.parse("2026-12-08T07:00:00Z"), daily.next(TUESDAY_0659));
        assertEquals(Instant.parse("2026-12-09T07:00:00Z"), daily.next(Instant.parse("2026-12-08T07:00:00Z")));
    }

    @Test
    void theStorageMeasuresCron_firesAt0030() {
        assertEquals(Instant.parse("2026-12-09T00:30:00Z"), Schedule.parse("cron(30 0 * * ? *)").next(TUESDAY_0659));
    }

    @Test
    void aDayOfWeek_byNameOrNumber_firesThatDayOnly() {
        Instant nextMonday = Instant.parse("2026-12-14T07:00:00Z");

        assertEquals(nextMonday, Schedule.parse("cron(0 7 ? * MON *)").next(TUESDAY_0659));
        assertEquals(nextMonday, Schedule.parse("cron(0 7 ? * 2 *)").next(TUESDAY_0659), "EventBridge: 1 is Sunday");
    }

    @Test
    void listsRangesAndSteps_areRead() {
        assertEquals(Instant.parse("2026-12-08T07:00:00Z"), Schedule.parse("cron(0/15 6-8 ? * MON-FRI *)")
                .next(Instant.parse("2026-12-08T06:45:00Z")));
        assertEquals(Instant.parse("2026-12-08T07:10:00Z"), Schedule.parse("cron(10,40 * * * ? *)")
                .next(Instant.parse("2026-12-08T06:40:00Z")));
    }

    @Test
    void aRate_firesThatLongAfter() {
        assertEquals(TUESDAY_0659.plusSeconds(300), Schedule.parse("rate(5 minutes)").next(TUESDAY_0659));
        assertEquals(TUESDAY_0659.plusSeconds(3600), Schedule.parse("rate(1 hour)").next(TUESDAY_0659));
    }

    @Test
    void anythingElse_isRefusedAtTheStart() {
        assertThrows(IllegalArgumentException.class, () -> Schedule.parse("at(2026-12-08T07:00:00)"));
        assertThrows(IllegalArgumentException.class, () -> Schedule.parse("cron(0 7 * *)"));
    }
}
