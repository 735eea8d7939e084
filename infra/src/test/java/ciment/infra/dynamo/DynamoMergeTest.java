package ciment.infra.dynamo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.core.model.ChatAccount;
import ciment.core.model.Community;
import ciment.core.model.Grant;
import ciment.core.model.Invitation;
import ciment.core.model.JoinRequest;
import ciment.core.model.Membership;
import ciment.core.model.Person;
import ciment.core.model.Post;
import ciment.core.model.Recipient;
import ciment.core.model.Role;
import ciment.core.model.Topic;
import ciment.core.port.Communities.Change;
import ciment.core.port.People;
import ciment.core.port.People.EmailClaim;
import ciment.core.port.People.Kind;
import ciment.core.port.Repositories;
import ciment.infra.testing.MotoTables;
import ciment.infra.testing.Race;
import ciment.infra.testing.Sample;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Merging Ada (met on Slack) into Grace (the same person, met on Teams by her verified address):
 * nothing of Ada's is lost, the counts stay equal to the memberships, and a merge interrupted between
 * any two steps, or run twice, ends the same.
 */
class DynamoMergeTest {

    @Test
    void merge_movesAccountsMembershipsRequestsInvitationsAndTopics_keepingCountsEqualToTheMemberships() {
        Scene scene = new Scene();

        scene.store.people().merge(scene.ada, scene.grace);

        scene.assertMerged();
    }

    @Test
    void merge_aGuestStaysAGuest_whicheverSideItIsMergedFrom() {
        DynamoRepositories dynamo = MotoTables.repositories(MotoTables.create("merge-guest"));
        Repositories store = dynamo.repositories();
        ChatAccount guestAccount = DynamoEmailLinksTest.teams();
        ChatAccount employeeAccount = DynamoEmailLinksTest.slack();
        Person guest = store.people().enroll(guestAccount, new Person(Sample.personId(), "Pat", true), Optional.empty());
        Person employee = store.people().enroll(employeeAccount, new Person(Sample.personId(), "Ada"), Optional.empty());

        store.people().merge(guest, employee);

        assertTrue(store.people().find(guestAccount).orElseThrow().guest(), "merged into an employee, the guest's account stays one");
        assertFalse(store.people().find(employeeAccount).orElseThrow().guest());

        ChatAccount otherEmployee = DynamoEmailLinksTest.slack();
        ChatAccount otherGuest = DynamoEmailLinksTest.teams();
        Person grace = store.people().enroll(otherEmployee, new Person(Sample.personId(), "Grace"), Optional.empty());
        Person host = store.people().enroll(otherGuest, new Person(Sample.personId(), "Sam", true), Optional.empty());

        store.people().merge(grace, host);

        assertTrue(store.people().find(otherEmployee).orElseThrow().guest(), "an account joining a guest is a guest's");
    }

    @Test
    void merge_ofSomeoneGrantedFinance_givesTheGrantToThePersonMergedInto_andLeavesNoneOnTheAlias() {
        Scene scene = new Scene();
        scene.store.grants().grant(scene.ada.id(), Grant.FINANCE);
        scene.store.grants().grant(scene.grace.id(), Grant.ADMIN);

        scene.store.people().merge(scene.ada, scene.grace);

        assertEquals(Set.of(Grant.FINANCE, Grant.ADMIN), scene.store.grants().grantsOf(scene.grace.id()));
        assertEquals(Set.of(), scene.store.grants().grantsOf(scene.ada.id()));
    }

    @Test
    void merge_runTwice_endsTheSame_andTheSecondRunWritesNothing() {
        Scene scene = new Scene();
        scene.store.people().merge(scene.ada, scene.grace);
        List<Map<String, AttributeValue>> before = MotoTables.items(scene.table);

        scene.store.people().merge(scene.ada, scene.grace);

        assertEquals(before, MotoTables.items(scene.table));
        scene.assertMerged();
    }

    @Test
    void merge_interruptedAfterAnyStep_isFinishedByRunningItAgain_andNeverLeavesAnAccountOnAMergedPerson() {
        int steps = new Scene().dynamo.mergeSteps(new Person("a", "A"), new Person("b", "B")).size();
        for (int done = 1; done < steps; done++) {
            Scene scene = new Scene();
            List<DynamoMerge.Step> sequence = scene.dynamo.mergeSteps(scene.ada, scene.grace);
            for (DynamoMerge.Step step : sequence.subList(0, done)) {
                step.action().run();
                scene.assertCountsMatchMemberships("after " + step.name());
                scene.assertAccountsLeadToSomeoneNotMerged("after " + step.name());
            }

            scene.store.people().merge(scene.ada, scene.grace);

            scene.assertMerged();
        }
    }

    @Test
    void merge_twoRunsAtOnce_endAsOne() {
        Scene scene = new Scene();

        Race.run(2, i -> {
            scene.store.people().merge(scene.ada, scene.grace);
            return i;
        });

        scene.assertMerged();
    }

    @Test
    void merge_aPersonIntoThemselves_changesNothing() {
        Scene scene = new Scene();
        List<Map<String, AttributeValue>> before = MotoTables.items(scene.table);

        scene.store.people().merge(scene.grace, scene.grace);

        assertEquals(before, MotoTables.items(scene.table));
    }

    /**
     * Ada and Grace, the same person. Ada is in five communities: alone in one, its only steward in
     * another, a steward where Grace is a member, a member where Grace is a steward, a steward beside
     * Grace; she asked to join two closed ones (Grace is a member of one, asked the other too), and is
     * invited to two (Grace is a member of one). Ada has an address of her own and wrote a post.
     * Each scene has its table: moto's queries slow down as a table grows.
     */
    private static final class Scene {
        final String table = MotoTables.create("merge");
        final DynamoRepositories dynamo = MotoTables.repositories(table);
        final Repositories store = dynamo.repositories();
        final ChatAccount adasAccount = DynamoEmailLinksTest.slack();
        final ChatAccount gracesAccount = DynamoEmailLinksTest.teams();
        final String adasEmail = DynamoEmailLinksTest.email();
        final String gracesEmail = DynamoEmailLinksTest.email();
        final Person ada = store.people().enroll(adasAccount, new Person(Sample.personId(), "Ada"), Optional.of(DynamoEmailLinksTest.vouched(adasEmail)));
        final Person grace = store.people().enroll(gracesAccount, new Person(Sample.personId(), "Grace"), Optional.of(DynamoEmailLinksTest.vouched(gracesEmail)));
        final Community adaAlone = community(Sample.personId());
        final Community adaOnlySteward = community(ada.id());
        final Community adaStewardGraceMember = community(ada.id());
        final Community adaMemberGraceSteward = community(grace.id());
        final Community bothStewards = community(ada.id());
        final Community requestedByAda = closed();
        final Community requestedByAdaGraceMember = closed();
        final Community requestedByBoth = closed();
        final Community invitedAda = community(Sample.personId());
        final Community invitedAdaGraceMember = community(Sample.personId());
        final List<Community> communities = List.of(adaAlone, adaOnlySteward, adaStewardGraceMember,
                adaMemberGraceSteward, bothStewards, requestedByAda, requestedByAdaGraceMember, requestedByBoth,
                invitedAda, invitedAdaGraceMember);
        final JoinRequest gracesOwnRequest = Sample.request(requestedByBoth, grace.id(), Sample.minute(3));
        /** Topics of this scene only: scenes share the table. */
        final String topic = " " + Sample.personId().toLowerCase();
        final Post adasPost = Sample.post(adaAlone, ada.id(), "Hello from Slack", Sample.minute(4));
        final Recipient whereAdaAsked = new Recipient(adasAccount, "C0GENERAL", null);

        Scene() {
            store.communities().join(Sample.member(adaAlone, ada.id()));
            store.communities().join(Sample.member(adaStewardGraceMember, grace.id()));
            store.communities().join(Sample.member(adaMemberGraceSteward, ada.id()));
            store.communities().join(Sample.stewardToo(bothStewards, grace.id()));
            store.communities().request(Sample.request(requestedByAda, ada.id(), Sample.minute(1), whereAdaAsked));
            store.communities().request(Sample.request(requestedByAdaGraceMember, ada.id(), Sample.minute(1)));
            store.communities().join(Sample.member(requestedByAdaGraceMember, grace.id()));
            store.communities().request(Sample.request(requestedByBoth, ada.id(), Sample.minute(1)));
            store.communities().request(gracesOwnRequest);
            store.communities().invite(invitation(invitedAda, ada.id()));
            store.communities().invite(invitation(invitedAdaGraceMember, ada.id()));
            store.communities().join(Sample.member(invitedAdaGraceMember, grace.id()));
            store.people().declare(ada, Kind.SKILL, Topic.of("Accessibilité" + topic));
            store.people().declare(ada, Kind.SKILL, Topic.of("Kotlin" + topic));
            store.people().declare(ada, Kind.ROLE, Topic.of("Onboarding buddy" + topic));
            store.people().declare(grace, Kind.SKILL, Topic.of("accessibilite" + topic));
            store.posts().add(adasPost);
            // What core does when Ada's whoami learns Grace's address.
            assertEquals(EmailClaim.TAKEN, store.people().claimEmail(ada, DynamoEmailLinksTest.vouched(gracesEmail)));
        }

        void assertMerged() {
            assertEquals(Optional.of(grace), store.people().find(adasAccount));
            assertEquals(Optional.of(grace), store.people().find(gracesAccount));
            assertEquals(Set.of(adasAccount, gracesAccount), Set.copyOf(store.people().accounts(grace)));
            assertEquals(List.of(), store.people().accounts(ada));

            assertEquals(List.of(), store.communities().membershipsOf(ada.id()));
            Map<String, Role> roles = store.communities().membershipsOf(grace.id()).stream()
                    .collect(Collectors.toMap(Membership::communityId, Membership::role));
            assertEquals(Map.of(adaAlone.id(), Role.MEMBER, adaOnlySteward.id(), Role.STEWARD,
                    adaStewardGraceMember.id(), Role.STEWARD, adaMemberGraceSteward.id(), Role.STEWARD,
                    bothStewards.id(), Role.STEWARD, requestedByAdaGraceMember.id(), Role.MEMBER,
                    invitedAdaGraceMember.id(), Role.MEMBER), roles);
            assertCountsMatchMemberships("merged");
            assertEquals(Sample.T0.plusSeconds(60), store.communities().membership(adaAlone.id(), grace.id()).orElseThrow().since(),
                    "the membership keeps its date");

            assertEquals(List.of(new JoinRequest(requestedByAda.id(), requestedByAda.slug(), grace.id(), "Grace",
                    Sample.minute(1), whereAdaAsked)), store.communities().requests(requestedByAda.id()),
                    "the request keeps where Ada asked: the answer goes there");
            assertEquals(List.of(), store.communities().requests(requestedByAdaGraceMember.id()));
            assertEquals(List.of(gracesOwnRequest), store.communities().requests(requestedByBoth.id()));

            assertEquals(List.of(invitedAda.id()), store.communities().invitationsOf(grace.id()));
            assertEquals(List.of(), store.communities().invitationsOf(ada.id()));
            assertFalse(store.communities().invited(invitedAdaGraceMember.id(), ada.id()));
            assertFalse(store.communities().invited(invitedAdaGraceMember.id(), grace.id()));

            assertEquals(List.of("accessibilite" + topic, "Kotlin" + topic), store.people().profile(grace).skills(),
                    "Grace keeps her own spelling of a skill both declared");
            assertEquals(List.of("Onboarding buddy" + topic), store.people().profile(grace).roles());
            assertEquals(List.of(grace), store.people().declaring(Topic.of("Accessibilité" + topic).key()));
            assertEquals(List.of(grace), store.people().declaring(Topic.of("Kotlin" + topic).key()));
            assertEquals(List.of(grace), store.people().declaring(Topic.of("Onboarding buddy" + topic).key()));
            assertEquals(List.of(), store.people().profile(ada).skills());

            assertEquals(Optional.of(grace), store.people().holderOf(adasEmail).map(People.Holder::person), "Ada's address leads to Grace");
            assertEquals(Optional.of(grace), store.people().holderOf(gracesEmail).map(People.Holder::person));
            assertEquals(grace, store.people().enroll(DynamoEmailLinksTest.teams(), new Person(Sample.personId(), "Ada"),
                    Optional.of(DynamoEmailLinksTest.vouched(adasEmail))));
            assertEquals(EmailClaim.ALREADY_THEIRS, store.people().claimEmail(grace, DynamoEmailLinksTest.vouched(adasEmail)));
            assertEquals(grace.id(), profileItem(table, ada).get("mergedInto").s());
            assertEquals(List.of(adasPost), store.posts().latest(adaAlone.id(), 10), "posts keep Ada's id, an alias");
        }

        /** Every community's counts and stewards' set equal the memberships stored in its partition. */
        void assertCountsMatchMemberships(String when) {
            for (Community community : communities) {
                List<Membership> stored = memberships(table, community);
                Community after = store.communities().find(community.slug()).orElseThrow();
                Set<String> stewards = stored.stream().filter(Membership::isSteward).map(Membership::personId)
                        .collect(Collectors.toSet());
                String context = when + ", " + community.slug() + ": " + stored;
                assertEquals(stored.size(), after.memberCount(), context);
                assertEquals(stewards.size(), after.stewardCount(), context);
                assertEquals(stewards, Set.copyOf(store.communities().stewards(community.id())), context);
                assertTrue(after.stewardCount() >= 1, context);
            }
        }

        void assertAccountsLeadToSomeoneNotMerged(String when) {
            for (ChatAccount account : List.of(adasAccount, gracesAccount)) {
                Person person = store.people().find(account).orElseThrow();
                assertFalse(profileItem(table, person).containsKey("mergedInto"), when + ": " + account + " -> " + person);
            }
        }

        private Community community(String stewardId) {
            Community community = Sample.community(Sample.slug("merge"), stewardId);
            store.communities().create(community, Sample.steward(community));
            return community;
        }

        private Community closed() {
            Community community = community(Sample.personId());
            store.communities().change(community.id(), new Change.Openness(false));
            return community;
        }

        private Invitation invitation(Community community, String personId) {
            return new Invitation(community.id(), community.slug(), personId, community.createdBy(), Sample.minute(2));
        }
    }

    @Test
    void scene_isWhatItSays() {
        Scene scene = new Scene();
        Repositories store = scene.store;
        Function<Community, Optional<Role>> adas = c -> store.communities().membership(c.id(), scene.ada.id()).map(Membership::role);
        assertEquals(Optional.of(Role.STEWARD), adas.apply(scene.adaOnlySteward));
        assertEquals(1, store.communities().find(scene.adaOnlySteward.slug()).orElseThrow().stewardCount());
        assertEquals(Optional.of(Role.MEMBER), adas.apply(scene.adaMemberGraceSteward));
        assertEquals(Optional.of(Role.STEWARD), adas.apply(scene.bothStewards));
        assertEquals(2, store.communities().requests(scene.requestedByBoth.id()).size());
        assertTrue(store.communities().invited(scene.invitedAda.id(), scene.ada.id()));
        assertNotEquals(scene.ada, scene.grace);
    }

    private static List<Membership> memberships(String table, Community community) {
        return MotoTables.CLIENT.queryPaginator(b -> b.tableName(table).consistentRead(true)
                        .keyConditionExpression("pk = :pk AND begins_with(sk, :member)")
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("C#" + community.id()),
                                ":member", AttributeValue.fromS("M#"))))
                .items().stream().map(CommunityItems::membership).toList();
    }

    private static Map<String, AttributeValue> profileItem(String table, Person person) {
        return MotoTables.CLIENT.getItem(b -> b.tableName(table).key(Keys.profile(person.id())).consistentRead(true))
                .item();
    }
}
