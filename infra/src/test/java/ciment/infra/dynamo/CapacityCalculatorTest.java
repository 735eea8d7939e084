package ciment.infra.dynamo;

import static ciment.infra.dynamo.CapacityCalculator.ReadMode.EVENTUALLY_CONSISTENT;
import static ciment.infra.dynamo.CapacityCalculator.ReadMode.STRONGLY_CONSISTENT;
import static ciment.infra.dynamo.CapacityCalculator.ReadMode.TRANSACTIONAL;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The worked examples of DynamoDB's developer guide ("DynamoDB read and write operations"). */
class CapacityCalculatorTest {
    private static final long KB = 1024;

    @Test
    void write_ofA3AndAHalfKbItem_isFourUnits() {
        assertEquals(4, CapacityCalculator.write(3 * KB + KB / 2));
    }

    @Test
    void write_roundsUpToTheNextKb_andNeverBelowOne() {
        assertEquals(1, CapacityCalculator.write(500));
        assertEquals(1, CapacityCalculator.write(KB));
        assertEquals(2, CapacityCalculator.write(KB + 1));
        assertEquals(1, CapacityCalculator.write(0));
    }

    @Test
    void transactionalWrite_ofA2KbItem_isFourUnits() {
        assertEquals(4, CapacityCalculator.transactionalWrite(2 * KB));
    }

    @Test
    void get_ofA3AndAHalfKbItem_isRoundedTo4Kb() {
        assertEquals(1, CapacityCalculator.get(3 * KB + KB / 2, STRONGLY_CONSISTENT));
        assertEquals(0.5, CapacityCalculator.get(3 * KB + KB / 2, EVENTUALLY_CONSISTENT));
    }

    @Test
    void get_ofA10KbItem_isRoundedTo12Kb() {
        assertEquals(3, CapacityCalculator.get(10 * KB, STRONGLY_CONSISTENT));
    }

    @Test
    void get_ofAn8KbItem_isTwoStrongOneEventualFourTransactional() {
        assertEquals(2, CapacityCalculator.get(8 * KB, STRONGLY_CONSISTENT));
        assertEquals(1, CapacityCalculator.get(8 * KB, EVENTUALLY_CONSISTENT));
        assertEquals(4, CapacityCalculator.get(8 * KB, TRANSACTIONAL));
    }

    @Test
    void get_ofAMissingItem_stillCostsHalfAUnit() {
        assertEquals(0.5, CapacityCalculator.get(0, EVENTUALLY_CONSISTENT));
    }

    @Test
    void query_returning9KbEventuallyConsistent_isOneAndAHalfUnits() {
        assertEquals(1.5, CapacityCalculator.query(9 * KB, EVENTUALLY_CONSISTENT));
    }

    @Test
    void query_returning40Point8Kb_isRoundedTo44Kb() {
        assertEquals(11, CapacityCalculator.query(40 * KB + 8 * KB / 10, STRONGLY_CONSISTENT));
    }

    @Test
    void itemsReadOneByOne_roundEachItem_whereAQueryRoundsTheirSum() {
        // The guide's BatchGetItem example: 1.5 KB and 6.5 KB items count as 4 KB + 8 KB = 12 KB, not 8 KB.
        double oneByOne = CapacityCalculator.get(KB + KB / 2, STRONGLY_CONSISTENT)
                + CapacityCalculator.get(6 * KB + KB / 2, STRONGLY_CONSISTENT);

        assertEquals(3, oneByOne);
        assertEquals(2, CapacityCalculator.query(8 * KB, STRONGLY_CONSISTENT));
    }
}
