package ciment.infra.dynamo;

/**
 * Capacity units by DynamoDB's documented rules, for endpoints that do not report them (moto reports
 * a flat number whatever the item's size). Writes are counted per 1 KB of item, reads per 4 KB; a size
 * of zero (an item not found, an empty page) still costs the smallest unit.
 */
final class CapacityCalculator {
    static final long WRITE_UNIT_BYTES = 1024;
    static final long READ_UNIT_BYTES = 4096;

    /** How a read is made; each costs a multiple of a strongly consistent read. */
    enum ReadMode {
        EVENTUALLY_CONSISTENT(0.5),
        STRONGLY_CONSISTENT(1),
        TRANSACTIONAL(2);

        private final double factor;

        ReadMode(double factor) {
            this.factor = factor;
        }

        static ReadMode of(boolean consistent) {
            return consistent ? STRONGLY_CONSISTENT : EVENTUALLY_CONSISTENT;
        }
    }

    private CapacityCalculator() {
    }

    /**
     * A PutItem, UpdateItem or DeleteItem of an item this large: for a put or an update, the larger of
     * the item before and after; for a delete, the deleted item. Also one write to an index, counted on
     * the size of the index entry.
     */
    static double write(long itemBytes) {
        return blocks(itemBytes, WRITE_UNIT_BYTES);
    }

    /** The same write inside TransactWriteItems: two underlying writes (prepare and commit). */
    static double transactionalWrite(long itemBytes) {
        return 2 * write(itemBytes);
    }

    /** A GetItem: the item's size rounded up to 4 KB. */
    static double get(long itemBytes, ReadMode mode) {
        return blocks(itemBytes, READ_UNIT_BYTES) * mode.factor;
    }

    /** A Query (one page): the sum of the returned items' sizes, rounded up to 4 KB once. */
    static double query(long totalBytes, ReadMode mode) {
        return blocks(totalBytes, READ_UNIT_BYTES) * mode.factor;
    }

    private static long blocks(long bytes, long unit) {
        return Math.max(1, (bytes + unit - 1) / unit);
    }
}
