package ciment.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.core.model.ChatAccount;
import ciment.core.model.Person;
import ciment.core.model.Platform;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class DynamoPeopleTest {
    private static String table;
    private static DynamoStore store;

    @BeforeAll
    static void table() {
        table = MotoTables.create("people");
        store = MotoTables.store(table);
    }

    @Test
    void find_accountNeverSeen_isEmpty() {
        assertTrue(store.find(new ChatAccount(Platform.SLACK, "T0001", "U" + Sample.personId())).isEmpty());
    }

    @Test
    void register_newAccount_isFoundWithItsNameInOneRead_andHasAProfile() {
        ChatAccount account = new ChatAccount(Platform.SLACK, "T0001", "U" + Sample.personId());
        Person person = new Person(Sample.personId(), "Zoë Ångström");

        assertEquals(person, store.register(account, person));

        store.meter().reset();
        assertEquals(person, store.find(account).orElseThrow());
        assertEquals(1, store.meter().usage(DynamoPeople.FIND).requests());
        Map<String, AttributeValue> profile = MotoTables.CLIENT.getItem(b -> b.tableName(table)
                .key(Keys.key("P#" + person.id(), "PROFILE"))).item();
        assertEquals("Zoë Ångström", profile.get("displayName").s());
    }

    @Test
    void register_accountAlreadyLinked_returnsTheFirstPerson_andWritesNothing() {
        ChatAccount account = new ChatAccount(Platform.TEAMS, "tenant-1", "aad-" + Sample.personId());
        Person first = store.register(account, new Person(Sample.personId(), "Grace"));
        List<Map<String, AttributeValue>> before = MotoTables.items(table);

        Person second = store.register(account, new Person(Sample.personId(), "Grace H."));

        assertEquals(first, second);
        assertEquals(before, MotoTables.items(table));
    }

    @Test
    void sameUserIdInTwoWorkspaces_areTwoAccounts() {
        String userId = "U" + Sample.personId();
        ChatAccount slack = new ChatAccount(Platform.SLACK, "T0001", userId);
        ChatAccount otherWorkspace = new ChatAccount(Platform.SLACK, "T0002", userId);
        store.register(slack, new Person(Sample.personId(), "Ada"));

        assertTrue(store.find(otherWorkspace).isEmpty());
    }
}
