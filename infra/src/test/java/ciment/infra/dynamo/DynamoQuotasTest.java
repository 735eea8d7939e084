package ciment.infra.dynamo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.core.port.Quotas;
import ciment.core.port.Repositories;
import ciment.infra.dynamo.CapacityMeter.Units;
import ciment.infra.testing.MotoTables;
import ciment.infra.testing.Race;
import ciment.infra.testing.Sample;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Each person's writes per window, counted on moto's DynamoDB the way every container counts them. */
class DynamoQuotasTest {
    private static final Instant WINDOW = Instant.parse("2026-11-27T10:00:00Z");
    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static String table;
    private static Repositories store;

    @BeforeAll
    static void table() {
        table = MotoTables.create("quotas");
        store = MotoTables.repositories(table).repositories();
    }

    @Test
    void writes_areCountedUpToTheLimit_thenRefused_inOneItemThatExpiresAnHourAfterItsWindow() {
        String person = Sample.personId();

        assertTrue(store.quotas().take(person, "posts", WINDOW, MINUTE, 3));
        assertTrue(store.quotas().take(person, "posts", WINDOW, MINUTE, 3));
        assertTrue(store.quotas().take(person, "posts", WINDOW, MINUTE, 3));
        assertFalse(store.quotas().take(person, "posts", WINDOW, MINUTE, 3));

        Map<String, AttributeValue> item = MotoTables.CLIENT.getItem(b -> b.tableName(table)
                .key(Keys.limit(person, "posts", WINDOW.getEpochSecond())).consistentRead(true)).item();
        assertEquals("3", item.get(DynamoQuotas.COUNT).n());
        assertEquals(Long.toString(WINDOW.plus(MINUTE).plusSeconds(3600).getEpochSecond()),
                item.get(Items.EXPIRES_AT).n());
        assertTrue(store.quotas().take(person, "reactions", WINDOW, MINUTE, 3), "each kind is counted apart");
        assertTrue(store.quotas().take(person, "posts", WINDOW.plus(MINUTE), MINUTE, 3), "and each window");
    }

    @Test
    void twoContainers_countTheSameWrites() {
        String person = Sample.personId();
        Quotas other = MotoTables.repositories(table).repositories().quotas();

        assertTrue(store.quotas().take(person, "posts", WINDOW, MINUTE, 3));
        assertTrue(other.take(person, "posts", WINDOW, MINUTE, 3));
        assertTrue(store.quotas().take(person, "posts", WINDOW, MINUTE, 3));

        assertFalse(other.take(person, "posts", WINDOW, MINUTE, 3));
    }

    @Test
    void writesAtTheSameMoment_neverPassTheLimit() {
        String person = Sample.personId();

        List<Boolean> taken = Race.run(10, i -> store.quotas().take(person, "posts", WINDOW, MINUTE, 4));

        assertEquals(4, taken.stream().filter(t -> t).count(), taken.toString());
    }

    @Test
    void eachWriteTaken_costsOneWriteUnit_andAContainerThatMetAFullWindow_asksNoMore() {
        DynamoRepositories container = MotoTables.repositories(table);
        String person = Sample.personId();
        container.repositories().quotas().take(person, "posts", WINDOW, MINUTE, 1);
        assertEquals(Units.write(1), container.meter().usage(DynamoQuotas.TAKE).computed(), "an item of about 80 bytes");

        assertFalse(container.repositories().quotas().take(person, "posts", WINDOW, MINUTE, 1));
        long requests = container.meter().usage(DynamoQuotas.TAKE).requests();
        assertFalse(container.repositories().quotas().take(person, "posts", WINDOW, MINUTE, 1));
        assertFalse(container.repositories().quotas().take(person, "posts", WINDOW, MINUTE, 1));

        assertEquals(2, requests, "one taken, one refused");
        assertEquals(requests, container.meter().usage(DynamoQuotas.TAKE).requests(), "then none");
    }
}
