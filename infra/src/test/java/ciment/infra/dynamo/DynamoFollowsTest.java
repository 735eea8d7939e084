package ciment.infra.dynamo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.core.model.ChatAccount;
import ciment.core.model.Follow;
import ciment.core.model.NoticeLevel;
import ciment.core.model.Person;
import ciment.core.model.Platform;
import ciment.core.port.Follows;
import ciment.core.port.Repositories;
import ciment.infra.testing.MotoTables;
import ciment.infra.testing.Race;
import ciment.infra.testing.Sample;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Follows, mutes and the marks of who was told, on moto's DynamoDB. */
class DynamoFollowsTest {
    private static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");
    private static final Duration WINDOW = Duration.ofMinutes(5);
    private static String table;
    private static Repositories store;
    private static Follows follows;

    @BeforeAll
    static void table() {
        table = MotoTables.create("follows");
        store = MotoTables.repositories(table).repositories();
        follows = store.follows();
    }

    @Test
    void aThreadsFollowsAndMutes_areOneQuery_besideTheThread_namedUnderEachPerson() {
        String community = Sample.personId();
        String root = Sample.personId();
        String ada = Sample.personId();
        String grace = Sample.personId();

        follows.set(new Follow(community, root, ada, Follow.State.FOLLOWING, AT));
        follows.set(new Follow(community, root, grace, Follow.State.MUTED, AT));
        follows.set(new Follow(community, Sample.personId(), ada, Follow.State.FOLLOWING, AT)); // another thread

        Map<String, Follow> said = follows.of(community, root);
        assertEquals(Map.of(ada, Follow.State.FOLLOWING, grace, Follow.State.MUTED),
                Map.of(ada, said.get(ada).state(), grace, said.get(grace).state()));
        assertEquals(2, said.size());
        Map<String, AttributeValue> item = MotoTables.CLIENT.getItem(b -> b.tableName(table)
                .key(DynamoFollows.followKey(community, root, grace)).consistentRead(true)).item();
        assertEquals("P#" + grace, item.get(Keys.GSI2_PK).s());
        assertEquals("FOLLOW#C#" + community + "#" + root, item.get(Keys.GSI2_SK).s());
    }

    @Test
    void aMention_followsUnlessMuted_andAMuteHolds() {
        String community = Sample.personId();
        String root = Sample.personId();
        String ada = Sample.personId();

        assertTrue(follows.followUnlessMuted(new Follow(community, root, ada, Follow.State.FOLLOWING, AT, root)));
        assertEquals(root, follows.of(community, root).get(ada).via());
        follows.set(new Follow(community, root, ada, Follow.State.MUTED, AT));
        assertEquals(null, follows.of(community, root).get(ada).via(), "a mute by their own say forgets the mention");

        assertFalse(follows.followUnlessMuted(new Follow(community, root, ada, Follow.State.FOLLOWING, AT, "later")));
        assertTrue(follows.of(community, root).get(ada).muted());
    }

    @Test
    void markTold_passesOncePerWindow_butAgainForTheSameChange_andExpiresADayLater() {
        String community = Sample.personId();
        String root = Sample.personId();
        String ada = Sample.personId();

        assertTrue(follows.markTold(community, root, ada, "reply|1", AT, AT.minus(WINDOW)));
        assertFalse(follows.markTold(community, root, ada, "reply|2", AT.plusSeconds(60), AT.plusSeconds(60).minus(WINDOW)));
        assertTrue(follows.markTold(community, root, ada, "reply|1", AT.plusSeconds(90), AT.plusSeconds(90).minus(WINDOW)),
                "a retried record passes: its notice, derived from the change, is kept once");
        Instant later = AT.plus(WINDOW).plusSeconds(120);
        assertTrue(follows.markTold(community, root, ada, "reply|3", later, later.minus(WINDOW)));

        Map<String, AttributeValue> item = MotoTables.CLIENT.getItem(b -> b.tableName(table)
                .key(Keys.key("C#" + community, "TOLD#" + root + "#" + ada)).consistentRead(true)).item();
        assertEquals(Long.toString(later.plus(Duration.ofDays(1)).getEpochSecond()), item.get(Items.EXPIRES_AT).n());
    }

    @Test
    void racingChanges_markOneFollowerToldOnce() {
        String community = Sample.personId();
        String root = Sample.personId();
        String ada = Sample.personId();

        List<Boolean> passed = Race.run(6, i -> follows.markTold(community, root, ada, "reply|" + i, AT, AT.minus(WINDOW)));

        assertEquals(1, passed.stream().filter(p -> p).count());
    }

    @Test
    void chooseNotices_isKeptOnTheProfileAndEveryAccount_andAllRemovesIt() {
        Person person = new Person(Sample.personId(), "Camille");
        ChatAccount slack = new ChatAccount(Platform.SLACK, "T0001", "U" + person.id());
        store.people().enroll(slack, person, Optional.empty());

        store.people().chooseNotices(person, NoticeLevel.MENTIONS);

        assertEquals(NoticeLevel.MENTIONS, store.people().find(slack).orElseThrow().notices());
        assertEquals(NoticeLevel.MENTIONS, store.people().people(List.of(person.id())).get(0).notices());

        store.people().chooseNotices(person, NoticeLevel.ALL);

        assertEquals(NoticeLevel.ALL, store.people().find(slack).orElseThrow().notices());
        assertFalse(MotoTables.CLIENT.getItem(b -> b.tableName(table).key(Keys.profile(person.id())).consistentRead(true))
                .item().containsKey(PersonItems.NOTICES));
    }
}
