package ciment.infra.dynamo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ciment.core.model.Platform;
import ciment.core.model.Post;
import ciment.core.model.Slug;
import ciment.core.model.Ulid;
import ciment.core.port.MirrorCopies.Claim;
import ciment.infra.testing.MotoTables;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The claims mirroring takes on each copy before sending it: one attempt at a time, for as long as it can live. */
class DynamoMirrorsTest {
    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    private static DynamoMirrors mirrors;

    @BeforeAll
    static void table() {
        String table = MotoTables.create("mirrors");
        mirrors = new DynamoMirrors(MotoTables.CLIENT, table, MotoTables.repositories(table).meter());
    }

    private static Post post() {
        return new Post(Ulid.random(NOW), Ulid.random(NOW), new Slug("claims"), "P1", "Ada", Platform.SLACK, "Hi", NOW);
    }

    @Test
    void claimOfAnAttemptThatEndsIn20s_isHeldUntilThen_andLapsesAfter() {
        Post post = post();

        assertEquals(Claim.CLAIMED, mirrors.claim(post, Platform.TEAMS, "19:a", NOW, NOW.plusSeconds(20)));
        assertEquals(Claim.BUSY, mirrors.claim(post, Platform.TEAMS, "19:a", NOW.plusSeconds(19)));
        assertEquals(Optional.of(NOW.plusSeconds(20)), mirrors.lapsesAt(post, Platform.TEAMS, "19:a"));
        assertEquals(Claim.LAPSED, mirrors.claim(post, Platform.TEAMS, "19:a", NOW.plusSeconds(21)));
    }

    @Test
    void claimWithoutADeadline_lastsClaimLasts_andNeverLonger() {
        Post post = post();

        assertEquals(Claim.CLAIMED, mirrors.claim(post, Platform.TEAMS, "19:b", NOW, Instant.MAX));
        assertEquals(Optional.of(NOW.plus(DynamoMirrors.CLAIM_LASTS)), mirrors.lapsesAt(post, Platform.TEAMS, "19:b"));
        assertEquals(Claim.BUSY, mirrors.claim(post, Platform.TEAMS, "19:b", NOW.plus(DynamoMirrors.CLAIM_LASTS)
                .minusSeconds(1)));
        assertEquals(Claim.LAPSED, mirrors.claim(post, Platform.TEAMS, "19:b", NOW.plus(DynamoMirrors.CLAIM_LASTS)
                .plusSeconds(1)));
    }

    @Test
    void sendThatGotNoAnswer_leavesTheClaimLapsed_forTheNextAttemptToLookFirst_unlessSentMeanwhile() {
        Post post = post();
        mirrors.claim(post, Platform.SLACK, "C1", NOW);

        mirrors.lapse(post, Platform.SLACK, "C1");

        assertEquals(Claim.LAPSED, mirrors.claim(post, Platform.SLACK, "C1", NOW.plusSeconds(1)));
        mirrors.sent(post, Platform.SLACK, "C1", "1700000000.000100");
        mirrors.lapse(post, Platform.SLACK, "C1");
        assertEquals(Claim.SENT, mirrors.claim(post, Platform.SLACK, "C1", NOW.plusSeconds(2)));
        assertEquals(Optional.empty(), mirrors.lapsesAt(post, Platform.SLACK, "C1"), "nobody holds a sent copy");
    }
}
