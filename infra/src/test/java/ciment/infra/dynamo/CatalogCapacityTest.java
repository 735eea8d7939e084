package ciment.infra.dynamo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.core.Ciment;
import ciment.core.model.Caller;
import ciment.core.model.ChatAccount;
import ciment.core.model.Community;
import ciment.core.model.Introduction;
import ciment.core.model.Platform;
import ciment.core.model.Slug;
import ciment.core.port.Communities;
import ciment.core.reply.Reply;
import ciment.devkit.MutableClock;
import ciment.infra.dynamo.CapacityMeter.Units;
import ciment.infra.testing.MotoTables;
import ciment.infra.testing.Sample;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Issue 14, item 5: `communities` (and the Home, `who`, the messaging extension's search) read the catalog of
 * 500 communities once per container and {@link CommunityMeta#CATALOG_FRESH}, not on every call.
 */
class CatalogCapacityTest {
    private static final int COMMUNITIES = 500;
    private static String table;
    private static final AtomicInteger REQUESTS = new AtomicInteger();

    @BeforeAll
    static void fiveHundredCommunities() {
        table = MotoTables.create("catalog");
        // Their META items alone, 25 to a batch: the catalog is what is read (moto copies its whole table for each
        // transaction, which 500 creates would make slow).
        List<WriteRequest> puts = IntStream.range(0, COMMUNITIES).mapToObj(i -> {
            Community community = Sample.community(new Slug("guild-" + i), Sample.personId());
            return WriteRequest.builder().putRequest(put -> put.item(CommunityItems.community(community,
                    List.of(community.createdBy())))).build();
        }).toList();
        for (int from = 0; from < puts.size(); from += 25) {
            List<WriteRequest> batch = puts.subList(from, Math.min(puts.size(), from + 25));
            MotoTables.CLIENT.batchWriteItem(b -> b.requestItems(Map.of(table, batch)));
        }
    }

    @Test
    void communitiesAskedTwice_readTheCatalogOnce() {
        DynamoRepositories container = MotoTables.repositories(table);
        Ciment ciment = new Ciment(container.repositories(), Clock.systemUTC());
        say(ciment, "ada", "help");
        container.meter().reset();

        Reply first = say(ciment, "ada", "communities");
        Units firstUnits = container.meter().usage(DynamoCommunities.CATALOG).computed();
        long firstRequests = container.meter().usage(DynamoCommunities.CATALOG).requests();
        Reply second = say(ciment, "grace", "communities guild-4");

        System.out.println("communities over " + COMMUNITIES + " communities: the catalog read costs " + firstUnits
                + " in " + firstRequests + " requests; asked again: none");
        assertTrue(first.summary().contains("500 communities"), first.summary());
        assertTrue(second.summary().contains("guild-4"), second.summary());
        assertEquals(firstRequests, container.meter().usage(DynamoCommunities.CATALOG).requests(), "read once");
        assertEquals(firstUnits, container.meter().usage(DynamoCommunities.CATALOG).computed());
        assertTrue(firstUnits.read() > 10, "a whole catalog is worth keeping: " + firstUnits);
    }

    @Test
    void aCommunityMadeInThisContainer_showsAtOnce_oneMadeInAnother_withinTheCatalogsFreshness() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-27T10:00:00Z"));
        DynamoCommunities here = new DynamoCommunities(new Table(MotoTables.CLIENT, table,
                new CapacityMeter(CapacityMeter.Source.COMPUTED)), clock);
        Communities elsewhere = MotoTables.repositories(table).repositories().communities();
        int before = here.catalog().size();

        Community mine = Sample.community(Sample.slug("here"), Sample.personId());
        here.create(mine, Sample.steward(mine));
        Community theirs = Sample.community(Sample.slug("there"), Sample.personId());
        elsewhere.create(theirs, Sample.steward(theirs));

        List<Community> now = here.catalog();
        assertTrue(now.contains(mine), "made here: read again at once");
        assertEquals(before + 2, now.size(), "the read after this container's change finds the other's too");
        Community later = Sample.community(Sample.slug("later"), Sample.personId());
        elsewhere.create(later, Sample.steward(later));
        assertEquals(before + 2, here.catalog().size(), "another container's change waits for freshness");
        clock.advance(CommunityMeta.CATALOG_FRESH);
        assertEquals(before + 3, here.catalog().size());
    }

    private static Reply say(Ciment ciment, String user, String words) {
        ChatAccount account = new ChatAccount(Platform.SLACK, "T1", user);
        return ciment.handle(new Caller(account, () -> Introduction.named(user), "req-" + REQUESTS.incrementAndGet(),
                Instant.now()), words);
    }
}
