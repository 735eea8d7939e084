package ciment.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.core.model.Community;
import ciment.core.model.Post;
import ciment.infra.CapacityMeter.Units;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Units computed for each store operation on items of realistic size, against issue 2's targets:
 * a post of 1 KB within 3 write units, a feed page of 20 posts within 3 read units. Unit counts, not timings.
 */
class CapacityTargetsTest {
    private static DynamoStore store;

    @BeforeAll
    static void table() {
        store = MotoTables.store(MotoTables.create("capacity"));
    }

    @BeforeEach
    void resetMeter() {
        store.meter().reset();
    }

    @Test
    void postOf1KbText_computesAtMostThreeWriteUnits() {
        Community community = community();
        store.meter().reset();

        store.add(Sample.post(community, community.createdBy(), "x".repeat(1024), Sample.minute(1)));

        Units units = store.meter().usage(DynamoPosts.ADD).computed();
        assertEquals(2, units.write(), "a 1 KB text makes an item of a little over 1 KB, kept out of the index");
        assertTrue(units.write() <= 3);
    }

    @Test
    void feedOf20PostsOf200Characters_computesAtMostThreeReadUnits() {
        Community community = community();
        IntStream.range(0, 25).forEach(i -> store.add(Sample.post(community, community.createdBy(),
                ("Post number " + i + " about the guild's next meetup. ").repeat(6).substring(0, 200), Sample.minute(i))));
        store.meter().reset();

        assertEquals(20, store.latest(community.id(), 20).size());

        Units units = store.meter().usage(DynamoPosts.LATEST).computed();
        assertEquals(1, units.read(), "20 posts of about 400 bytes: 8 KB, eventually consistent");
        assertTrue(units.read() <= 3);
    }

    @Test
    void create_computesThreeTransactionalWritesAndTwoIndexWrites() {
        community();

        assertEquals(Units.write(3 * 2 + 2), store.meter().usage(DynamoCommunities.CREATE).computed());
    }

    @Test
    void join_computesTwoTransactionalWritesAndTheirIndexEntries() {
        Community community = community();
        store.meter().reset();

        store.join(Sample.member(community, Sample.personId()));

        assertEquals(Units.write(2 * 2 + 2), store.meter().usage(DynamoCommunities.JOIN).computed());
    }

    @Test
    void leave_computesAConsistentReadThenTwoTransactionalWrites() {
        Community community = community();
        String member = Sample.personId();
        store.join(Sample.member(community, member));
        store.meter().reset();

        store.leave(community.id(), member);

        assertEquals(new Units(1, 2 * 2 + 2), store.meter().usage(DynamoCommunities.LEAVE).computed());
    }

    @Test
    void duplicatePost_isStillChargedItsWrite_butNoIndexWrite() {
        Community community = community();
        Post post = Sample.post(community, community.createdBy(), "once", Sample.minute(1));
        store.add(post);
        store.meter().reset();

        store.add(post);

        assertEquals(Units.write(1), store.meter().usage(DynamoPosts.ADD).computed());
    }

    @Test
    void everyRequest_isRecordedWithWhatTheEndpointReported() {
        Community community = community();

        store.find(community.slug());

        assertEquals(1, store.meter().usage(DynamoCommunities.FIND).requests());
        assertTrue(store.meter().usage(DynamoCommunities.FIND).reported().read() > 0, "moto reports a (made-up) figure");
    }

    private static Community community() {
        Community community = Sample.community(Sample.slug("capacity"), Sample.personId());
        store.create(community, Sample.steward(community));
        return community;
    }
}
