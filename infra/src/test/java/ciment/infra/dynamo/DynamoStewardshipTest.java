package ciment.infra.dynamo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ciment.core.model.Community;
import ciment.core.model.Role;
import ciment.core.port.Communities.Created;
import ciment.core.port.Communities.RoleChanged;
import ciment.core.port.Repositories;
import ciment.infra.testing.MotoTables;
import ciment.infra.testing.Sample;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Stewards named and removed: the role, the steward count and the stewards' set change together. */
class DynamoStewardshipTest {
    private static String table;
    private static Repositories store;

    @BeforeAll
    static void table() {
        table = MotoTables.create("stewardship");
        store = MotoTables.repositories(table).repositories();
    }

    @Test
    void setRole_memberToSteward_changesTheRoleAndCountsTheSteward() {
        Community community = created("promote");
        String member = Sample.personId();
        store.communities().join(Sample.member(community, member));

        assertEquals(RoleChanged.CHANGED, store.communities().setRole(community.id(), member, Role.STEWARD));

        assertEquals(Role.STEWARD, store.communities().membership(community.id(), member).orElseThrow().role());
        assertEquals(Role.STEWARD, store.communities().membershipsOf(member).get(0).role(), "the index copy follows");
        Community counted = store.communities().find(community.slug()).orElseThrow();
        assertEquals(2, counted.stewardCount());
        assertEquals(2, counted.memberCount());
        assertEquals(Set.of(community.createdBy(), member), Set.copyOf(store.communities().stewards(community.id())));
    }

    @Test
    void setRole_stewardToMember_whenAnotherRemains_uncountsTheSteward() {
        Community community = created("demote");
        String second = Sample.personId();
        store.communities().join(Sample.stewardToo(community, second));

        assertEquals(RoleChanged.CHANGED, store.communities().setRole(community.id(), community.createdBy(), Role.MEMBER));

        assertEquals(Role.MEMBER, store.communities().membership(community.id(), community.createdBy()).orElseThrow().role());
        Community counted = store.communities().find(community.slug()).orElseThrow();
        assertEquals(1, counted.stewardCount());
        assertEquals(2, counted.memberCount());
        assertEquals(List.of(second), store.communities().stewards(community.id()));
    }

    @Test
    void setRole_lastSteward_isRefused_andWritesNothing() {
        Community community = created("last");
        store.communities().join(Sample.member(community, Sample.personId()));
        List<Map<String, AttributeValue>> before = MotoTables.items(table);

        assertEquals(RoleChanged.LAST_STEWARD, store.communities().setRole(community.id(), community.createdBy(), Role.MEMBER));

        assertEquals(before, MotoTables.items(table));
    }

    @Test
    void setRole_toTheRoleAlreadyHeld_isAlready_andWritesNothing() {
        Community community = created("already");
        String member = Sample.personId();
        store.communities().join(Sample.member(community, member));
        List<Map<String, AttributeValue>> before = MotoTables.items(table);

        assertEquals(RoleChanged.ALREADY, store.communities().setRole(community.id(), community.createdBy(), Role.STEWARD));
        assertEquals(RoleChanged.ALREADY, store.communities().setRole(community.id(), member, Role.MEMBER));

        assertEquals(before, MotoTables.items(table));
    }

    @Test
    void setRole_ofNonMember_isNotMember_andWritesNothing() {
        Community community = created("stranger");
        List<Map<String, AttributeValue>> before = MotoTables.items(table);

        assertEquals(RoleChanged.NOT_MEMBER, store.communities().setRole(community.id(), Sample.personId(), Role.STEWARD));
        assertEquals(RoleChanged.NOT_MEMBER, store.communities().setRole(community.id(), Sample.personId(), Role.MEMBER));

        assertEquals(before, MotoTables.items(table));
    }

    @Test
    void leave_ofAPromotedMember_removesThemFromTheStewards() {
        Community community = created("promoted-leaves");
        String member = Sample.personId();
        store.communities().join(Sample.member(community, member));
        store.communities().setRole(community.id(), member, Role.STEWARD);

        store.communities().leave(community.id(), member);

        assertEquals(List.of(community.createdBy()), store.communities().stewards(community.id()));
        assertEquals(1, store.communities().find(community.slug()).orElseThrow().stewardCount());
    }

    private static Community created(String base) {
        Community community = Sample.community(Sample.slug(base), Sample.personId());
        assertEquals(Created.CREATED, store.communities().create(community, Sample.steward(community)));
        return community;
    }
}
