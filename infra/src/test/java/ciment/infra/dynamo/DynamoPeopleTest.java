package ciment.infra.dynamo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.core.i18n.Language;
import ciment.core.model.ChatAccount;
import ciment.core.model.Community;
import ciment.core.model.Person;
import ciment.core.model.Platform;
import ciment.core.model.Profile;
import ciment.core.model.Topic;
import ciment.core.port.People;
import ciment.core.port.Repositories;
import ciment.infra.testing.MotoTables;
import ciment.infra.testing.Sample;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class DynamoPeopleTest {
    private static String table;
    private static DynamoRepositories dynamo;
    private static Repositories store;

    @BeforeAll
    static void table() {
        table = MotoTables.create("people");
        dynamo = MotoTables.repositories(table);
        store = dynamo.repositories();
    }

    @Test
    void find_accountNeverSeen_isEmpty() {
        assertTrue(store.people().find(new ChatAccount(Platform.SLACK, "T0001", "U" + Sample.personId())).isEmpty());
    }

    @Test
    void enroll_newAccount_isFoundWithItsNameInOneRead_andHasAProfile() {
        ChatAccount account = new ChatAccount(Platform.SLACK, "T0001", "U" + Sample.personId());
        Person person = new Person(Sample.personId(), "Zoë Ångström");

        assertEquals(person, store.people().enroll(account, person, Optional.empty()));

        dynamo.meter().reset();
        assertEquals(person, store.people().find(account).orElseThrow());
        assertEquals(1, dynamo.meter().usage(DynamoPeople.FIND).requests());
        Map<String, AttributeValue> profile = MotoTables.CLIENT.getItem(b -> b.tableName(table)
                .key(Keys.key("P#" + person.id(), "PROFILE"))).item();
        assertEquals("Zoë Ångström", profile.get("displayName").s());
    }

    @Test
    void enroll_anAccountMetInFrench_keepsItsChatLanguage_foundInTheSameOneRead() {
        ChatAccount account = new ChatAccount(Platform.SLACK, "T0001", "U" + Sample.personId());
        Person person = new Person(Sample.personId(), "Camille").hearing(Optional.of(Language.FRENCH));

        store.people().enroll(account, person, Optional.empty());

        dynamo.meter().reset();
        Person found = store.people().find(account).orElseThrow();
        assertEquals(Optional.of(Language.FRENCH), found.chatLanguage());
        assertEquals(Optional.empty(), found.language());
        assertEquals(1, dynamo.meter().usage(DynamoPeople.FIND).requests());
    }

    @Test
    void enroll_accountAlreadyLinked_returnsTheFirstPerson_andWritesNothing() {
        ChatAccount account = new ChatAccount(Platform.TEAMS, "tenant-1", "aad-" + Sample.personId());
        Person first = store.people().enroll(account, new Person(Sample.personId(), "Grace"), Optional.empty());
        List<Map<String, AttributeValue>> before = MotoTables.items(table);

        Person second = store.people().enroll(account, new Person(Sample.personId(), "Grace H."), Optional.empty());

        assertEquals(first, second);
        assertEquals(before, MotoTables.items(table));
    }

    @Test
    void sameUserIdInTwoWorkspaces_areTwoAccounts() {
        String userId = "U" + Sample.personId();
        ChatAccount slack = new ChatAccount(Platform.SLACK, "T0001", userId);
        ChatAccount otherWorkspace = new ChatAccount(Platform.SLACK, "T0002", userId);
        store.people().enroll(slack, new Person(Sample.personId(), "Ada"), Optional.empty());

        assertTrue(store.people().find(otherWorkspace).isEmpty());
    }

    @Test
    void enroll_putsTheIdentityLinkInTheIndexUnderItsPerson() {
        ChatAccount account = new ChatAccount(Platform.SLACK, "T0001", "U" + Sample.personId());
        Person person = store.people().enroll(account, new Person(Sample.personId(), "Ada"), Optional.empty());

        Map<String, AttributeValue> link = MotoTables.CLIENT.getItem(b -> b.tableName(table)
                .key(Keys.key("ID#slack#T0001#" + account.userId(), "ID"))).item();

        assertEquals("P#" + person.id(), link.get("gsi1pk").s());
        assertEquals("ID#slack#T0001#" + account.userId(), link.get("gsi1sk").s());
    }

    @Test
    void accounts_ofAPersonWithTwoLinkedAccounts_areBoth_inOneRequest() {
        Person person = new Person(Sample.personId(), "Ada");
        ChatAccount slack = new ChatAccount(Platform.SLACK, "T0001", "U" + person.id());
        ChatAccount teams = new ChatAccount(Platform.TEAMS, "0f9b2c4e-tenant", "29:1a#odd" + person.id());
        store.people().enroll(slack, person, Optional.empty());
        // A second account of the same person (what linking by email will write).
        MotoTables.CLIENT.putItem(b -> b.tableName(table).item(PersonItems.identity(teams, person)));
        store.communities().join(Sample.member(community(), person.id())); // memberships share the index partition
        dynamo.meter().reset();

        assertEquals(Set.of(slack, teams), Set.copyOf(store.people().accounts(person)));

        assertEquals(1, dynamo.meter().usage(DynamoPeople.ACCOUNTS).requests());
    }

    @Test
    void chooseLanguage_setsItOnTheProfileAndEveryAccount_andAutoRemovesIt() {
        Person person = new Person(Sample.personId(), "Camille");
        ChatAccount slack = new ChatAccount(Platform.SLACK, "T0001", "U" + person.id());
        ChatAccount teams = new ChatAccount(Platform.TEAMS, "0f9b2c4e-tenant", "aad-" + person.id());
        store.people().enroll(slack, person.hearing(Optional.of(Language.ENGLISH)), Optional.empty());
        MotoTables.CLIENT.putItem(b -> b.tableName(table).item(PersonItems.identity(teams, person)));

        store.people().chooseLanguage(person, Optional.of(Language.FRENCH));

        assertEquals(Optional.of(Language.FRENCH), store.people().find(slack).orElseThrow().language());
        assertEquals(Optional.of(Language.ENGLISH), store.people().find(slack).orElseThrow().chatLanguage());
        assertEquals(Optional.of(Language.FRENCH), store.people().find(teams).orElseThrow().language());
        assertEquals(Optional.of(Language.FRENCH), store.people().profile(person).person().language());
        assertEquals(3, dynamo.meter().usage(DynamoPeople.CHOOSE_LANGUAGE).requests());

        store.people().chooseLanguage(person, Optional.empty());

        assertEquals(Optional.empty(), store.people().find(slack).orElseThrow().language());
        assertEquals(Optional.empty(), store.people().find(teams).orElseThrow().language());
    }

    @Test
    void accounts_ofAPersonNeverRegistered_isEmpty() {
        assertEquals(List.of(), store.people().accounts(new Person(Sample.personId(), "Nobody")));
    }

    @Test
    void people_byIds_givesThoseThatExist_withTheirNames() {
        Person ada = registered("Ada");
        Person grace = registered("Grace");

        List<Person> found = store.people().people(List.of(ada.id(), grace.id(), Sample.personId(), ada.id()));

        assertEquals(Set.of(ada, grace), Set.copyOf(found));
        assertEquals(2, found.size());
        assertEquals(List.of(), store.people().people(List.of()));
    }

    @Test
    void profiles_ofSeveralPeople_areOneBatchRead_inTheirOrder_emptyForSomeoneUnknown() {
        Person ada = registered("Ada");
        Person grace = registered("Grace");
        store.people().declare(ada, People.Kind.SKILL, Topic.of("SQL"));
        store.people().declare(grace, People.Kind.ROLE, Topic.of("Accessibility lead"));
        Person unknown = new Person(Sample.personId(), "Nobody");
        dynamo.meter().reset();

        List<Profile> profiles = store.people().profiles(List.of(grace, unknown, ada));

        assertEquals(List.of(store.people().profile(grace), Profile.empty(unknown), store.people().profile(ada)), profiles);
        assertEquals(1, dynamo.meter().usage(DynamoPeople.PROFILES).requests());
    }

    @Test
    void people_moreThan100Ids_areAskedInBatchesOf100() {
        List<Person> registered = IntStream.range(0, 230).mapToObj(i -> registered("Person " + i)).toList();
        dynamo.meter().reset();

        List<Person> found = store.people().people(registered.stream().map(Person::id).toList());

        assertEquals(Set.copyOf(registered), Set.copyOf(found));
        assertEquals(230, found.size());
        assertEquals(3, dynamo.meter().usage(DynamoPeople.PEOPLE).requests());
        assertEquals(115, dynamo.meter().usage(DynamoPeople.PEOPLE).computed().read(), "230 small items, eventually consistent");
    }

    private static Person registered(String name) {
        Person person = new Person(Sample.personId(), name);
        return store.people().enroll(new ChatAccount(Platform.SLACK, "T0001", "U" + person.id()), person, Optional.empty());
    }

    private static Community community() {
        Community community = Sample.community(Sample.slug("people"), Sample.personId());
        store.communities().create(community, Sample.steward(community));
        return community;
    }
}
