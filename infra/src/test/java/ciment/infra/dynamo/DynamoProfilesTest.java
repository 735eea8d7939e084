package ciment.infra.dynamo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.core.model.ChatAccount;
import ciment.core.model.Person;
import ciment.core.model.Platform;
import ciment.core.model.Profile;
import ciment.core.model.Topic;
import ciment.core.port.People.Kind;
import ciment.core.port.Repositories;
import ciment.infra.testing.MotoTables;
import ciment.infra.testing.Race;
import ciment.infra.testing.Sample;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Roles and skills a person declares, kept as typed on their profile and found by `who` through their key. */
class DynamoProfilesTest {
    private static String table;
    private static Repositories store;

    @BeforeAll
    static void table() {
        table = MotoTables.create("profiles");
        store = MotoTables.repositories(table).repositories();
    }

    @Test
    void profile_ofAPersonWhoDeclaredNothing_isEmpty() {
        Person person = registered("Ada");

        Person stranger = new Person(Sample.personId(), "Never registered");

        assertEquals(Profile.empty(person), store.people().profile(person));
        assertEquals(Profile.empty(stranger), store.people().profile(stranger));
    }

    @Test
    void declare_keepsRolesAndSkillsAsTyped_inTheOrderDeclared() {
        Person person = registered("Ada");

        assertTrue(store.people().declare(person, Kind.SKILL, Topic.of("Accessibilité")));
        assertTrue(store.people().declare(person, Kind.ROLE, Topic.of("Onboarding buddy")));
        assertTrue(store.people().declare(person, Kind.SKILL, Topic.of("SAP  finance")));

        assertEquals(new Profile(person, List.of("Onboarding buddy"), List.of("Accessibilité", "SAP finance")),
                store.people().profile(person));
    }

    @Test
    void declare_aTopicAlreadyDeclared_evenTypedDifferently_isFalse_andWritesNothing() {
        Person person = registered("Ada");
        store.people().declare(person, Kind.SKILL, Topic.of("Accessibilité"));
        List<Map<String, AttributeValue>> before = MotoTables.items(table);

        assertFalse(store.people().declare(person, Kind.SKILL, Topic.of("  ACCESSIBILITE ")));

        assertEquals(before, MotoTables.items(table));
    }

    @Test
    void declaring_findsRolesAndSkillsByTheirKey_eachPersonOnce() {
        String topic = "topic " + Sample.personId().toLowerCase();
        Person ada = registered("Ada");
        Person grace = registered("Grace");
        Person both = registered("Both");
        registered("Neither");
        store.people().declare(ada, Kind.SKILL, Topic.of(topic));
        store.people().declare(grace, Kind.ROLE, Topic.of(topic.toUpperCase()));
        store.people().declare(both, Kind.ROLE, Topic.of(topic));
        store.people().declare(both, Kind.SKILL, Topic.of(topic));

        List<Person> found = store.people().declaring(Topic.of(topic).key());

        assertEquals(Set.of(ada, grace, both), Set.copyOf(found));
        assertEquals(3, found.size());
        assertEquals(List.of(), store.people().declaring("nobody declared this " + Sample.personId()));
    }

    @Test
    void withdraw_removesTheTopicFromTheProfileAndFromWho() {
        String topic = "withdrawn " + Sample.personId().toLowerCase();
        Person person = registered("Ada");
        store.people().declare(person, Kind.SKILL, Topic.of("first"));
        store.people().declare(person, Kind.SKILL, Topic.of(topic));
        store.people().declare(person, Kind.SKILL, Topic.of("last"));

        assertTrue(store.people().withdraw(person, Kind.SKILL, Topic.of(topic.toUpperCase())));

        assertEquals(new Profile(person, List.of(), List.of("first", "last")), store.people().profile(person));
        assertEquals(List.of(), store.people().declaring(Topic.of(topic).key()));
        assertTrue(store.people().declare(person, Kind.SKILL, Topic.of(topic)), "it can be declared again");
    }

    @Test
    void withdraw_aRole_keepsTheSameTopicDeclaredAsASkill() {
        String topic = "kept " + Sample.personId().toLowerCase();
        Person person = registered("Ada");
        store.people().declare(person, Kind.ROLE, Topic.of(topic));
        store.people().declare(person, Kind.SKILL, Topic.of(topic));

        assertTrue(store.people().withdraw(person, Kind.ROLE, Topic.of(topic)));

        assertEquals(new Profile(person, List.of(), List.of(topic)), store.people().profile(person));
        assertEquals(List.of(person), store.people().declaring(Topic.of(topic).key()));
    }

    @Test
    void withdraw_aTopicNotDeclared_isFalse_andWritesNothing() {
        Person person = registered("Ada");
        store.people().declare(person, Kind.ROLE, Topic.of("mentor"));
        List<Map<String, AttributeValue>> before = MotoTables.items(table);

        assertFalse(store.people().withdraw(person, Kind.SKILL, Topic.of("mentor")), "declared as a role, not a skill");
        assertFalse(store.people().withdraw(person, Kind.ROLE, Topic.of("never declared")));
        assertFalse(store.people().withdraw(new Person(Sample.personId(), "Never registered"), Kind.ROLE, Topic.of("mentor")));

        assertEquals(before, MotoTables.items(table));
    }

    @Test
    void declare_sameTopicFromSeveralThreads_isDeclaredOnce() {
        Person person = registered("Ada");
        Topic topic = Topic.of("race " + Sample.personId().toLowerCase());

        List<Boolean> outcomes = Race.run(4, i -> store.people().declare(person, Kind.SKILL, topic));

        assertEquals(1, outcomes.stream().filter(Boolean::booleanValue).count(), outcomes.toString());
        assertEquals(List.of(topic.text()), store.people().profile(person).skills());
    }

    private static Person registered(String name) {
        Person person = new Person(Sample.personId(), name);
        return store.people().enroll(new ChatAccount(Platform.SLACK, "T0001", "U" + person.id()), person, Optional.empty());
    }
}
