package ciment.infra.dynamo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.core.model.ChatAccount;
import ciment.core.model.DigestCadence;
import ciment.core.model.Person;
import ciment.core.model.Platform;
import ciment.core.port.Digests;
import ciment.core.port.Repositories;
import ciment.infra.testing.MotoTables;
import ciment.infra.testing.Sample;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each person's digest item on moto's DynamoDB: marked once a day, its cadence kept, and found by shard, not by scan. */
class DynamoDigestsTest {
    private static final LocalDate MONDAY = LocalDate.parse("2026-11-30");
    private static Repositories store;

    @BeforeAll
    static void table() {
        store = MotoTables.repositories(MotoTables.create("digests")).repositories();
    }

    @Test
    void aDay_isMarkedOnce_andAnOlderDayNeverOverwritesALaterOne() {
        String person = Sample.personId();

        assertTrue(store.digests().active(person, MONDAY));
        assertFalse(store.digests().active(person, MONDAY), "a second request the same day writes nothing");
        assertFalse(store.digests().active(person, MONDAY.minusDays(1)));
        assertTrue(store.digests().active(person, MONDAY.plusDays(1)));

        assertEquals(Optional.of(MONDAY.plusDays(1)), store.digests().find(person).orElseThrow().activeOn());
    }

    @Test
    void theCadenceChosen_isKeptBesideTheActiveDay() {
        String person = Sample.personId();
        store.digests().active(person, MONDAY);

        store.digests().choose(person, DigestCadence.OFF);
        store.digests().active(person, MONDAY.plusDays(2));

        Digests.Subscriber kept = store.digests().find(person).orElseThrow();
        assertEquals(Optional.of(DigestCadence.OFF), kept.chosen());
        assertEquals(Optional.of(MONDAY.plusDays(2)), kept.activeOn());
        assertEquals(DigestCadence.OFF, kept.cadence(MONDAY.plusDays(2)));
    }

    @Test
    void everyPerson_isFoundInExactlyOneShard_byQueryingTheShards() {
        List<String> people = IntStream.range(0, 40).mapToObj(i -> Sample.personId()).toList();
        people.forEach(person -> store.digests().active(person, MONDAY));

        Set<String> found = new HashSet<>();
        int items = 0;
        for (int shard = 0; shard < Digests.SHARDS; shard++) {
            for (Digests.Subscriber subscriber : store.digests().shard(shard)) {
                assertEquals(shard, Digests.shardOf(subscriber.personId()));
                found.add(subscriber.personId());
                items++;
            }
        }
        assertTrue(found.containsAll(people));
        assertEquals(found.size(), items, "nobody is in two shards");
    }

    @Test
    void exportMyData_showsTheCadenceChosenAndTheLastDayActive() {
        Person person = store.people().enroll(new ChatAccount(Platform.SLACK, "T1", "U" + Sample.personId()),
                new Person(Sample.personId(), "Dana"), Optional.empty());
        store.digests().active(person.id(), MONDAY);
        store.digests().choose(person.id(), DigestCadence.DAILY);

        assertEquals(Map.of("digest", "daily", "lastActiveOn", "2026-11-30"),
                store.personalRecords().personalData(person.id()).orElseThrow().settings());
    }

    @Test
    void erase_removesTheItem() {
        String person = Sample.personId();
        store.digests().choose(person, DigestCadence.DAILY);

        store.digests().erase(person);

        assertTrue(store.digests().find(person).isEmpty());
        assertTrue(store.digests().shard(Digests.shardOf(person)).stream().noneMatch(s -> s.personId().equals(person)));
    }
}
