package ciment.infra.dynamo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ciment.core.model.Platform;
import ciment.core.model.Post;
import ciment.core.model.Slug;
import ciment.core.model.Ulid;
import ciment.infra.testing.MotoTables;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What one mirrored copy costs the table: its claim, its sending recorded, and the message's item. */
class DynamoMirrorsCostTest {
    private static final Instant AT = Instant.parse("2026-11-27T10:00:00Z");

    @Test
    void claimThenSent_costsThreeWriteUnits_withNoFailedSecondPutOfTheCopy() {
        String table = MotoTables.create("mirror-cost");
        CapacityMeter meter = new CapacityMeter(CapacityMeter.Source.COMPUTED);
        DynamoMirrors mirrors = new DynamoMirrors(MotoTables.CLIENT, table, meter);
        Post post = new Post(Ulid.random(AT), "01COMMUNITY", Slug.parse("data-guild"), "P0ADA", "Ada", Platform.TEAMS,
                "Hello", AT);

        mirrors.claim(post, Platform.SLACK, "C0A", AT);
        mirrors.sent(post, Platform.SLACK, "C0A", "1700000000.000100");

        assertEquals(CapacityMeter.Units.write(3), meter.units());
        assertEquals(3, meter.total().requests());
        assertEquals(Optional.of(post.reference()),
                new DynamoMessageCopies(new Table(MotoTables.CLIENT, table, meter))
                        .find(Platform.SLACK, "C0A", "1700000000.000100"));
    }
}
