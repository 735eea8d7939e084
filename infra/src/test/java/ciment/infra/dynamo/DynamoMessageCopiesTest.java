package ciment.infra.dynamo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.core.model.Platform;
import ciment.infra.testing.MotoTables;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The bot's messages that show a post: one small item each, written once, read by the message's ids. */
class DynamoMessageCopiesTest {
    private static final String CHANNEL = "19:general@thread.tacv2";
    private static final String POST = "#01JD0000000000000000000000";

    private static String table;
    private static DynamoMessageCopies copies;
    private static CapacityMeter meter;

    @BeforeAll
    static void table() {
        table = MotoTables.create("copies");
        meter = new CapacityMeter(CapacityMeter.Source.COMPUTED);
        copies = new DynamoMessageCopies(new Table(MotoTables.CLIENT, table, meter));
    }

    @Test
    void record_thenFind_givesThePost_underItsKey_withNothingPersonal() {
        assertTrue(copies.record(Platform.TEAMS, CHANNEL, "1700000000001", POST));

        assertEquals(Optional.of(POST), copies.find(Platform.TEAMS, CHANNEL, "1700000000001"));
        Map<String, AttributeValue> item = MotoTables.items(table).stream()
                .filter(i -> i.get("pk").s().equals("MSG#teams#" + CHANNEL + "#1700000000001"))
                .findFirst().orElseThrow();
        assertEquals("MSG", item.get("sk").s());
        assertEquals(Set.of("pk", "sk", "post"), item.keySet(), "no index, no name, no words");
    }

    @Test
    void record_sameMessageTwice_keepsTheFirstPost() {
        assertTrue(copies.record(Platform.TEAMS, CHANNEL, "1700000000002", POST));

        assertFalse(copies.record(Platform.TEAMS, CHANNEL, "1700000000002", "#01JD1111111111111111111111"));

        assertEquals(Optional.of(POST), copies.find(Platform.TEAMS, CHANNEL, "1700000000002"));
    }

    @Test
    void find_unknownMessage_orOtherConversation_orOtherPlatform_isEmpty() {
        copies.record(Platform.TEAMS, CHANNEL, "1700000000003", POST);

        assertEquals(Optional.empty(), copies.find(Platform.TEAMS, CHANNEL, "1700000000999"));
        assertEquals(Optional.empty(), copies.find(Platform.TEAMS, "19:other@thread.tacv2", "1700000000003"));
        assertEquals(Optional.empty(), copies.find(Platform.SLACK, CHANNEL, "1700000000003"));
    }

    @Test
    void record_withoutMessageId_isRejected_andWritesNothing() {
        int before = MotoTables.items(table).size();

        assertThrows(IllegalArgumentException.class, () -> copies.record(Platform.TEAMS, CHANNEL, " ", POST));

        assertEquals(before, MotoTables.items(table).size());
    }

    @Test
    void recordAndFind_costTwoWritesAndHalfARead_metered() {
        CapacityMeter own = new CapacityMeter(CapacityMeter.Source.COMPUTED);
        DynamoMessageCopies metered = new DynamoMessageCopies(new Table(MotoTables.CLIENT, table, own));

        metered.record(Platform.TEAMS, CHANNEL, "1700000000004", POST);
        metered.find(Platform.TEAMS, CHANNEL, "1700000000004");

        // The message's item, and the post's copy in the conversation (which mirroring reads).
        assertEquals(CapacityMeter.Units.write(2), own.usage(DynamoMessageCopies.RECORD).computed());
        assertEquals(CapacityMeter.Units.read(0.5), own.usage(DynamoMessageCopies.FIND).computed());
        assertEquals(List.of(2L, 1L), List.of(own.usage(DynamoMessageCopies.RECORD).requests(),
                own.usage(DynamoMessageCopies.FIND).requests()));
    }
}
