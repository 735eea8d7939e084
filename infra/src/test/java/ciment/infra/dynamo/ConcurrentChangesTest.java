package ciment.infra.dynamo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ciment.core.model.ChatAccount;
import ciment.core.model.Community;
import ciment.core.model.Person;
import ciment.core.model.Platform;
import ciment.core.model.Slug;
import ciment.core.port.Communities.Created;
import ciment.core.port.Communities.Left;
import ciment.core.port.Repositories;
import ciment.infra.testing.MotoTables;
import ciment.infra.testing.Race;
import ciment.infra.testing.Sample;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Requests racing each other, as two Lambda containers would; each race is run several times. */
class ConcurrentChangesTest {
    private static final int ROUNDS = 8;

    private static Repositories store;

    @BeforeAll
    static void table() {
        store = MotoTables.repositories(MotoTables.create("races")).repositories();
    }

    @Test
    void create_sameSlugFromSeveralThreads_exactlyOneIsCreated() {
        for (int round = 0; round < ROUNDS; round++) {
            Slug slug = Sample.slug("race");
            List<Community> candidates = IntStream.range(0, 3).mapToObj(i -> Sample.community(slug, Sample.personId())).toList();

            List<Created> outcomes = Race.run(candidates.size(), i -> store.communities().create(candidates.get(i), Sample.steward(candidates.get(i))));

            assertEquals(1, Collections.frequency(outcomes, Created.CREATED), "round " + round + ": " + outcomes);
            Community winner = candidates.get(outcomes.indexOf(Created.CREATED));
            assertEquals(winner, store.communities().find(slug).orElseThrow());
        }
    }

    @Test
    void leave_twoStewardsAtOnce_exactlyOneLeaves_andOneStewardRemains() {
        for (int round = 0; round < ROUNDS; round++) {
            Community community = Sample.community(Sample.slug("stewards"), Sample.personId());
            store.communities().create(community, Sample.steward(community));
            String second = Sample.personId();
            store.communities().join(Sample.stewardToo(community, second));
            List<String> stewards = List.of(community.createdBy(), second);

            List<Left> outcomes = Race.run(2, i -> store.communities().leave(community.id(), stewards.get(i)));

            assertEquals(Set.of(Left.LEFT, Left.LAST_STEWARD), Set.copyOf(outcomes), "round " + round);
            Community after = store.communities().find(community.slug()).orElseThrow();
            assertEquals(1, after.stewardCount());
            assertEquals(1, after.memberCount());
            String stayed = stewards.get(outcomes.indexOf(Left.LAST_STEWARD));
            assertEquals(true, store.communities().membership(community.id(), stayed).orElseThrow().isSteward());
        }
    }

    @Test
    void enroll_sameAccountFromSeveralThreads_givesEveryoneTheSamePerson() {
        for (int round = 0; round < ROUNDS; round++) {
            ChatAccount account = new ChatAccount(Platform.TEAMS, "tenant-" + round, Sample.personId());

            List<Person> people = Race.run(3, i -> store.people().enroll(account, new Person(Sample.personId(), "Grace " + i), Optional.empty()));

            assertEquals(1, Set.copyOf(people).size(), "round " + round + ": " + people);
            assertEquals(people.get(0), store.people().find(account).orElseThrow());
        }
    }
}
