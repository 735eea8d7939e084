package ciment.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class UlidTest {
    private static final Instant AT = Instant.parse("2026-11-27T10:00:00.123Z");

    @Test
    void derived_sameSourceAndTime_givesSameId() {
        assertEquals(Ulid.derived(AT, "slack|T1|trigger-1"), Ulid.derived(AT, "slack|T1|trigger-1"));
        assertNotEquals(Ulid.derived(AT, "slack|T1|trigger-1"), Ulid.derived(AT, "slack|T1|trigger-2"));
    }

    @Test
    void ids_sortByTime_andKeepTheirInstant() {
        String earlier = Ulid.random(AT);
        String later = Ulid.random(AT.plusMillis(1));
        assertTrue(earlier.compareTo(later) < 0);
        assertEquals(AT, Ulid.time(earlier));
    }

    @Test
    void id_startsWithADigit_andHas26Characters() {
        String id = Ulid.random(AT);
        assertEquals(26, id.length());
        assertTrue(Character.isDigit(id.charAt(0)));
        assertTrue(Ulid.isUlid(id));
    }

    @Test
    void hint_isReadBack_keepsTimeAndOrder_andOnlyTouchesThreeCharacters() {
        String id = Ulid.derived(AT, "slack|T1|trigger-1");

        String hinted = Ulid.withHint(id, 12345);

        assertEquals(12345, Ulid.hintOf(hinted));
        assertEquals(Ulid.time(id), Ulid.time(hinted));
        assertEquals(id.substring(0, 10) + id.substring(13), hinted.substring(0, 10) + hinted.substring(13));
        assertEquals(Ulid.HINTS - 1, Ulid.hintOf(Ulid.withHint(id, -1)), "any int folds into the 15 bits");
        assertEquals(-1, Ulid.hintOf("not-an-id"));
    }
}
