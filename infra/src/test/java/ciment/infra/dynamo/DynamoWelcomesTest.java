package ciment.infra.dynamo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.core.model.ChatAccount;
import ciment.core.model.Community;
import ciment.core.model.CommunityWelcome;
import ciment.core.model.Notice;
import ciment.core.model.Person;
import ciment.core.model.Platform;
import ciment.core.model.Recipient;
import ciment.core.model.Ulid;
import ciment.core.port.Communities.Change;
import ciment.core.port.Notices.Once;
import ciment.core.port.Repositories;
import ciment.infra.testing.MotoTables;
import ciment.infra.testing.Sample;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A community's welcome message and guidelines on its META item; introductions written once with their mark. */
class DynamoWelcomesTest {
    private static final Instant AT = Instant.parse("2026-12-08T10:00:00Z");
    private static String table;
    private static DynamoRepositories dynamo;
    private static Repositories store;

    @BeforeAll
    static void table() {
        table = MotoTables.create("welcomes");
        dynamo = MotoTables.repositories(table);
        store = dynamo.repositories();
    }

    @Test
    void guidelinesAndWelcome_areKeptOnMeta_readBack_andClearedByRemovingTheAttribute() {
        Community community = Sample.community(Sample.slug("welcoming"), Sample.personId());
        store.communities().create(community, Sample.steward(community));

        store.communities().change(community.id(), new Change.Guidelines("Be kind. <no> *customer* data"));
        store.communities().change(community.id(), new Change.WelcomeMessage("Hello, newcomer"));
        store.communities().change(community.id(), new Change.Purpose("Still welcoming"));
        assertEquals(new CommunityWelcome("Hello, newcomer", "Be kind. <no> *customer* data"),
                store.communities().find(community.slug()).orElseThrow().welcome());

        store.communities().change(community.id(), new Change.Guidelines(""));
        assertEquals(new CommunityWelcome("Hello, newcomer", ""),
                store.communities().find(community.slug()).orElseThrow().welcome());
        assertFalse(meta(community).containsKey("guidelines"), "an empty string is no guideline: the attribute goes");
        assertEquals(CommunityWelcome.NONE.withMessage("Hello, newcomer"),
                store.communities().catalog().stream().filter(c -> c.id().equals(community.id())).findFirst()
                        .orElseThrow().welcome());
    }

    @Test
    void introductionInAConversation_twice_writesOneMarkAndOneNotice() {
        ChatAccount installer = new ChatAccount(Platform.TEAMS, "tenant-1", "aad-" + Sample.personId());
        Recipient team = new Recipient(installer, "19:" + Sample.personId() + "@thread.tacv2", "https://smba.example/");
        Once.Conversation mark = new Once.Conversation(Platform.TEAMS, team.conversationId());

        Notice first = new Notice(Ulid.derived(AT, "a"), team, "Hello, I am Ciment", AT);
        dynamo.meter().reset();
        assertTrue(store.notices().sendOnce(first, mark));
        // Transactional: the mark and the notice at two units each, the notice's keys-only index entry one.
        assertEquals(new CapacityMeter.Units(0, 5), dynamo.meter().usage(Outbox.SEND_ONCE).computed());
        dynamo.meter().reset();
        Notice second = new Notice(Ulid.derived(AT.plusSeconds(1), "b"), team, "Hello, I am Ciment", AT.plusSeconds(1));
        assertFalse(store.notices().sendOnce(second, mark));
        assertEquals(new CapacityMeter.Units(0, 4), dynamo.meter().usage(Outbox.SEND_ONCE).computed(),
                "a refused transaction is charged too: installs are rare");

        assertTrue(outboxItem(first.id()).isPresent());
        assertTrue(outboxItem(second.id()).isEmpty(), "the second introduction wrote nothing");
        Map<String, AttributeValue> item = MotoTables.CLIENT.getItem(b -> b.tableName(table)
                .key(Keys.key("INTRO#teams#" + team.conversationId(), "INTRO"))).item();
        assertFalse(item.containsKey("expiresAt"), "the mark lasts, unlike the notice");
    }

    @Test
    void introductionToAnAccount_marksItsIdentityLink_once_andNeedsTheLink() {
        ChatAccount account = new ChatAccount(Platform.SLACK, "T0001", "U" + Sample.personId());
        Recipient direct = Recipient.direct(account, null);
        Notice unknown = new Notice(Ulid.derived(AT, "u"), direct, "Hello", AT);
        assertFalse(store.notices().sendOnce(unknown, new Once.Account(account)), "no identity link: nobody to mark");
        assertTrue(outboxItem(unknown.id()).isEmpty());

        store.people().enroll(account, new Person(Sample.personId(), "Nia"), Optional.empty());
        Notice first = new Notice(Ulid.derived(AT, "1"), direct, "Hello", AT);
        dynamo.meter().reset();
        assertTrue(store.notices().sendOnce(first, new Once.Account(account)));
        assertEquals(new CapacityMeter.Units(0.5, 6), dynamo.meter().usage(Outbox.SEND_ONCE).computed(),
                "the read of the mark, then the link (and its index entry) and the notice in one transaction");
        dynamo.meter().reset();
        assertFalse(store.notices().sendOnce(new Notice(Ulid.derived(AT, "2"), direct, "Hello", AT),
                new Once.Account(account)));
        assertEquals(new CapacityMeter.Units(0.5, 0), dynamo.meter().usage(Outbox.SEND_ONCE).computed(),
                "once introduced, an opening costs half a read, no write");

        assertTrue(outboxItem(first.id()).isPresent());
        Map<String, AttributeValue> link = MotoTables.CLIENT.getItem(b -> b.tableName(table)
                .key(Keys.identityLink(account))).item();
        assertEquals(AT.toString(), link.get("introducedAt").s());
        assertTrue(store.people().find(account).isPresent(), "the link still finds its person");
    }

    private static Map<String, AttributeValue> meta(Community community) {
        return MotoTables.CLIENT.getItem(b -> b.tableName(table).key(Keys.communityMeta(community.id()))
                .consistentRead(true)).item();
    }

    private static Optional<Map<String, AttributeValue>> outboxItem(String id) {
        Map<String, AttributeValue> item = MotoTables.CLIENT.getItem(b -> b.tableName(table).key(Keys.outbox(id))
                .consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    }
}
