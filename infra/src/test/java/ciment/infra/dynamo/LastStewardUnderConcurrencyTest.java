package ciment.infra.dynamo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.core.model.Community;
import ciment.core.model.Membership;
import ciment.core.model.Role;
import ciment.core.port.Communities.Left;
import ciment.core.port.Communities.RoleChanged;
import ciment.core.port.Repositories;
import ciment.infra.testing.MotoTables;
import ciment.infra.testing.Race;
import ciment.infra.testing.Sample;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Issue 3's invariant: a community always keeps a steward, even when 20 `steward remove` and `leave`
 * requests for its stewards arrive at the same moment (threads against moto, which, like DynamoDB,
 * makes each request atomic). Each round ends with one steward, and with counts and a stewards' set
 * that match the memberships actually stored.
 */
class LastStewardUnderConcurrencyTest {
    private static final int ROUNDS = 5;
    private static final int STEWARDS = 5;
    private static final int MEMBERS = 5;
    private static final int REQUESTS = 20;

    private static String table;
    private static Repositories store;

    @BeforeAll
    static void table() {
        table = MotoTables.create("last-steward");
        store = MotoTables.repositories(table).repositories();
    }

    @Test
    void twentyConcurrentStewardRemovesAndLeaves_leaveOneSteward_andCountsThatMatchTheMemberships() {
        for (int round = 0; round < ROUNDS; round++) {
            Community community = Sample.community(Sample.slug("contested"), Sample.personId());
            store.communities().create(community, Sample.steward(community));
            List<String> stewards = IntStream.range(0, STEWARDS).mapToObj(i -> i == 0 ? community.createdBy() : Sample.personId())
                    .toList();
            stewards.stream().skip(1).forEach(id -> store.communities().join(Sample.stewardToo(community, id)));
            IntStream.range(0, MEMBERS).forEach(i -> store.communities().join(Sample.member(community, Sample.personId())));

            // Every steward is asked twice to step down and twice to leave, all at once.
            List<Object> outcomes = Race.run(REQUESTS, i -> {
                String steward = stewards.get(i % STEWARDS);
                return i < REQUESTS / 2 ? store.communities().setRole(community.id(), steward, Role.MEMBER)
                        : store.communities().leave(community.id(), steward);
            });

            List<Membership> stored = memberships(community);
            Set<String> stewardsStored = stored.stream().filter(Membership::isSteward).map(Membership::personId)
                    .collect(Collectors.toSet());
            Community after = store.communities().find(community.slug()).orElseThrow();
            String context = "round " + round + ": " + outcomes;
            assertTrue(stewardsStored.size() >= 1, context);
            // No one is promoted, so once one steward is left every later request for them is refused.
            assertEquals(1, stewardsStored.size(), context);
            assertEquals(stewardsStored.size(), after.stewardCount(), context);
            assertEquals(stewardsStored, Set.copyOf(store.communities().stewards(community.id())), context);
            assertEquals(stored.size(), after.memberCount(), context);
            assertTrue(outcomes.contains(RoleChanged.LAST_STEWARD) || outcomes.contains(Left.LAST_STEWARD), context);
        }
    }

    /** The community's memberships as stored, read straight from its partition. */
    private static List<Membership> memberships(Community community) {
        return MotoTables.CLIENT.queryPaginator(b -> b.tableName(table).consistentRead(true)
                        .keyConditionExpression("pk = :pk AND begins_with(sk, :member)")
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("C#" + community.id()),
                                ":member", AttributeValue.fromS("M#"))))
                .items().stream().map(CommunityItems::membership).toList();
    }
}
