package ciment.infra.dynamo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.core.model.Community;
import ciment.core.model.Membership;
import ciment.core.model.Role;
import ciment.core.model.Slug;
import ciment.core.port.Communities.Change;
import ciment.core.port.Communities.Created;
import ciment.core.port.Communities.Joined;
import ciment.core.port.Communities.Left;
import ciment.core.port.Repositories;
import ciment.infra.testing.MotoTables;
import ciment.infra.testing.Sample;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class DynamoCommunitiesTest {
    private static String table;
    private static DynamoRepositories dynamo;
    private static Repositories store;

    @BeforeAll
    static void table() {
        table = MotoTables.create("communities");
        dynamo = MotoTables.repositories(table);
        store = dynamo.repositories();
    }

    @Test
    void create_newSlug_storesCommunityClaimAndFirstSteward() {
        String creator = Sample.personId();
        Community community = Sample.community(Sample.slug("data-guild"), creator);

        assertEquals(Created.CREATED, store.communities().create(community, Sample.steward(community)));

        assertEquals(community, store.communities().find(community.slug()).orElseThrow());
        assertEquals(Sample.steward(community), store.communities().membership(community.id(), creator).orElseThrow());
        Map<String, AttributeValue> claim = item("SLUG#" + community.slug(), "SLUG");
        assertEquals(community.id(), claim.get("communityId").s());
        Map<String, AttributeValue> meta = item("C#" + community.id(), "META");
        assertEquals("CATALOG", meta.get("gsi1pk").s());
        assertEquals(community.slug().value(), meta.get("gsi1sk").s());
    }

    @Test
    void create_takenSlug_isSlugTaken_andWritesNothing() {
        Community first = created("taken");
        Community second = Sample.community(first.slug(), Sample.personId());
        List<Map<String, AttributeValue>> before = MotoTables.items(table);

        assertEquals(Created.SLUG_TAKEN, store.communities().create(second, Sample.steward(second)));

        assertEquals(before, MotoTables.items(table));
        assertEquals(first, store.communities().find(first.slug()).orElseThrow());
    }

    @Test
    void find_unknownSlug_isEmpty() {
        assertTrue(store.communities().find(Sample.slug("nobody-made")).isEmpty());
    }

    @Test
    void join_existingCommunity_storesMembershipAndCountsIt() {
        Community community = created("join");
        Membership joining = Sample.member(community, Sample.personId());

        assertEquals(Joined.JOINED, store.communities().join(joining));

        assertEquals(joining, store.communities().membership(community.id(), joining.personId()).orElseThrow());
        Community counted = store.communities().find(community.slug()).orElseThrow();
        assertEquals(2, counted.memberCount());
        assertEquals(1, counted.stewardCount());
        Map<String, AttributeValue> item = item("C#" + community.id(), "M#" + joining.personId());
        assertEquals("P#" + joining.personId(), item.get("gsi1pk").s());
        assertEquals("C#" + community.id(), item.get("gsi1sk").s());
    }

    @Test
    void join_asSteward_countsAMemberAndASteward() {
        Community community = created("join-steward");

        assertEquals(Joined.JOINED, store.communities().join(Sample.stewardToo(community, Sample.personId())));

        Community counted = store.communities().find(community.slug()).orElseThrow();
        assertEquals(2, counted.memberCount());
        assertEquals(2, counted.stewardCount());
    }

    @Test
    void join_twice_isAlreadyMember_andCountsOnce() {
        Community community = created("twice");
        Membership joining = Sample.member(community, Sample.personId());
        store.communities().join(joining);
        List<Map<String, AttributeValue>> before = MotoTables.items(table);

        assertEquals(Joined.ALREADY_MEMBER, store.communities().join(joining));

        assertEquals(before, MotoTables.items(table));
        assertEquals(2, store.communities().find(community.slug()).orElseThrow().memberCount());
    }

    @Test
    void join_communityThatDoesNotExist_isNoSuchCommunity_andWritesNothing() {
        Community never = Sample.community(Sample.slug("never-made"), Sample.personId());
        List<Map<String, AttributeValue>> before = MotoTables.items(table);

        assertEquals(Joined.NO_SUCH_COMMUNITY, store.communities().join(Sample.member(never, Sample.personId())));

        assertEquals(before, MotoTables.items(table));
    }

    @Test
    void leave_member_removesMembershipAndUncountsIt() {
        Community community = created("leave");
        String person = Sample.personId();
        store.communities().join(Sample.member(community, person));

        assertEquals(Left.LEFT, store.communities().leave(community.id(), person));

        assertTrue(store.communities().membership(community.id(), person).isEmpty());
        assertTrue(store.communities().membershipsOf(person).isEmpty());
        Community counted = store.communities().find(community.slug()).orElseThrow();
        assertEquals(1, counted.memberCount());
        assertEquals(1, counted.stewardCount());
    }

    @Test
    void leave_byNonMember_isNotMember_andWritesNothing() {
        Community community = created("not-member");
        List<Map<String, AttributeValue>> before = MotoTables.items(table);

        assertEquals(Left.NOT_MEMBER, store.communities().leave(community.id(), Sample.personId()));

        assertEquals(before, MotoTables.items(table));
    }

    @Test
    void leave_byLastSteward_isRefused_andWritesNothing() {
        Community community = created("last-steward");
        store.communities().join(Sample.member(community, Sample.personId()));
        List<Map<String, AttributeValue>> before = MotoTables.items(table);

        assertEquals(Left.LAST_STEWARD, store.communities().leave(community.id(), community.createdBy()));

        assertEquals(before, MotoTables.items(table));
        assertEquals(Role.STEWARD, store.communities().membership(community.id(), community.createdBy()).orElseThrow().role());
    }

    @Test
    void leave_byStewardWhenAnotherRemains_isLeft_andUncountsTheSteward() {
        Community community = created("two-stewards");
        store.communities().join(Sample.stewardToo(community, Sample.personId()));

        assertEquals(Left.LEFT, store.communities().leave(community.id(), community.createdBy()));

        Community counted = store.communities().find(community.slug()).orElseThrow();
        assertEquals(1, counted.memberCount());
        assertEquals(1, counted.stewardCount());
    }

    @Test
    void membershipsOf_personInSeveralCommunities_listsEachWithSlugAndRole() {
        String person = Sample.personId();
        Community mine = created("mine", person);
        Community joined = created("joined");
        store.communities().join(Sample.member(joined, person));
        created("other");

        Map<Slug, Role> roles = store.communities().membershipsOf(person).stream()
                .collect(Collectors.toMap(Membership::slug, Membership::role));

        assertEquals(Map.of(mine.slug(), Role.STEWARD, joined.slug(), Role.MEMBER), roles);
    }

    @Test
    void catalog_holdsEveryCommunityBySlug_withTheirCounts() {
        Community counted = created("catalog-counted");
        store.communities().join(Sample.member(counted, Sample.personId()));

        List<Community> catalog = store.communities().catalog();

        List<Slug> slugs = catalog.stream().map(Community::slug).toList();
        assertEquals(slugs.stream().sorted().toList(), slugs);
        assertEquals(slugs.size(), Set.copyOf(slugs).size());
        assertEquals(2, catalog.stream().filter(c -> c.id().equals(counted.id())).findFirst().orElseThrow().memberCount());
        assertFalse(catalog.stream().anyMatch(c -> c.slug().value().startsWith("never-made")));
    }

    @Test
    void find_communityNotYetInTheIndex_isFoundThroughItsSlugClaim() {
        // The index trails the table on AWS; here a META item without index keys plays the lagging index.
        Community community = Sample.community(Sample.slug("lagging"), Sample.personId());
        Map<String, AttributeValue> meta = new HashMap<>(CommunityItems.community(community, List.of(community.createdBy())));
        meta.remove("gsi1pk");
        meta.remove("gsi1sk");
        MotoTables.CLIENT.putItem(b -> b.tableName(table).item(meta));
        MotoTables.CLIENT.putItem(b -> b.tableName(table).item(CommunityItems.slugClaim(community)));

        assertEquals(community, store.communities().find(community.slug()).orElseThrow());
    }

    @Test
    void catalog_largerThanOneResponsePage_isReadWhole() {
        // DynamoDB (and moto) return at most 1 MB per page: 60 communities of 20 KB make two pages.
        String bigTable = MotoTables.create("catalog");
        DynamoRepositories bigStore = MotoTables.repositories(bigTable);
        List<Community> communities = IntStream.range(0, 60).mapToObj(i -> {
            Slug slug = Sample.slug("guild-" + i);
            return new Community(Sample.personId(), slug, slug.displayName(), "p".repeat(20_000), List.of(), true, false, 1, 1,
                    Sample.personId(), Sample.T0);
        }).toList();
        communities.forEach(c -> bigStore.repositories().communities().create(c, Sample.steward(c)));
        bigStore.meter().reset();

        List<Community> catalog = bigStore.repositories().communities().catalog();

        assertEquals(communities.stream().sorted(Comparator.comparing(Community::slug)).toList(), catalog);
        assertTrue(bigStore.meter().usage(DynamoCommunities.CATALOG).requests() >= 2, "read in several pages");
    }

    @Test
    void create_keepsTheTagsArchivalAndTheFirstStewardOnMeta() {
        Slug slug = Sample.slug("tagged");
        String creator = Sample.personId();
        Community community = new Community(Sample.personId(), slug, slug.displayName(), "Tagged from the start.",
                List.of("accessibilite", "sap finance"), false, false, 1, 1, creator, Sample.T0);

        assertEquals(Created.CREATED, store.communities().create(community, Sample.steward(community)));

        assertEquals(community, store.communities().find(slug).orElseThrow());
        Map<String, AttributeValue> meta = item("C#" + community.id(), "META");
        assertEquals(List.of("accessibilite", "sap finance"), meta.get("tags").l().stream().map(AttributeValue::s).toList());
        assertEquals(false, meta.get("archived").bool());
        assertEquals(List.of(creator), meta.get("stewards").ss());
        assertEquals(List.of(creator), store.communities().stewards(community.id()));
    }

    @Test
    void change_tags_writesOnlyTheTags_andKeepsTheCounts() {
        Community community = created("change-tags");
        store.communities().join(Sample.member(community, Sample.personId()));
        Map<String, AttributeValue> before = item("C#" + community.id(), "META");

        store.communities().change(community.id(), new Change.Tags(List.of("data", "open source")));

        Map<String, AttributeValue> after = new HashMap<>(item("C#" + community.id(), "META"));
        assertEquals(List.of("data", "open source"), store.communities().find(community.slug()).orElseThrow().tags());
        after.put("tags", before.get("tags"));
        assertEquals(before, after, "nothing but the tags changed");
    }

    @Test
    void change_purpose_writesOnlyThePurpose() {
        Community community = created("change-purpose");
        Map<String, AttributeValue> before = item("C#" + community.id(), "META");

        store.communities().change(community.id(), new Change.Purpose("Dashboards and SQL clinics"));

        Map<String, AttributeValue> after = new HashMap<>(item("C#" + community.id(), "META"));
        assertEquals("Dashboards and SQL clinics", store.communities().find(community.slug()).orElseThrow().purpose());
        after.put("purpose", before.get("purpose"));
        assertEquals(before, after, "nothing but the purpose changed");
    }

    @Test
    void change_archivalAndOpenness_areReadBack() {
        Community community = created("change-archive");

        store.communities().change(community.id(), new Change.Archival(true));
        store.communities().change(community.id(), new Change.Openness(false));

        Community changed = store.communities().find(community.slug()).orElseThrow();
        assertTrue(changed.archived());
        assertFalse(changed.open());
        assertEquals(1, changed.memberCount());
        assertEquals(1, changed.stewardCount());

        store.communities().change(community.id(), new Change.Archival(false));

        assertFalse(store.communities().find(community.slug()).orElseThrow().archived());
    }

    @Test
    void change_communityThatDoesNotExist_throws_andWritesNothing() {
        List<Map<String, AttributeValue>> before = MotoTables.items(table);

        assertThrows(IllegalStateException.class, () -> store.communities().change(Sample.personId(), new Change.Archival(true)));

        assertEquals(before, MotoTables.items(table));
    }

    @Test
    void stewards_followJoinAsStewardAndALeavingSteward() {
        Community community = created("stewards-set");
        String second = Sample.personId();
        String member = Sample.personId();
        store.communities().join(Sample.stewardToo(community, second));
        store.communities().join(Sample.member(community, member));

        assertEquals(Set.of(community.createdBy(), second), Set.copyOf(store.communities().stewards(community.id())));

        store.communities().leave(community.id(), community.createdBy());

        assertEquals(List.of(second), store.communities().stewards(community.id()));
    }

    @Test
    void stewards_ofCommunityThatDoesNotExist_isEmpty() {
        assertEquals(List.of(), store.communities().stewards(Sample.personId()));
    }

    @Test
    void stewards_isOneReadOfMeta_whateverTheNumberOfMembers() {
        Community community = created("stewards-one-read");
        IntStream.range(0, 30).forEach(i -> store.communities().join(Sample.member(community, Sample.personId())));
        dynamo.meter().reset();

        assertEquals(List.of(community.createdBy()), store.communities().stewards(community.id()));

        assertEquals(1, dynamo.meter().usage(DynamoCommunities.STEWARDS).requests());
        assertEquals(1, dynamo.meter().total().requests());
    }

    private static Community created(String base) {
        return created(base, Sample.personId());
    }

    private static Community created(String base, String creator) {
        Community community = Sample.community(Sample.slug(base), creator);
        assertEquals(Created.CREATED, store.communities().create(community, Sample.steward(community)));
        return community;
    }

    private static Map<String, AttributeValue> item(String pk, String sk) {
        return MotoTables.CLIENT.getItem(b -> b.tableName(table).key(Keys.key(pk, sk)).consistentRead(true)).item();
    }
}
