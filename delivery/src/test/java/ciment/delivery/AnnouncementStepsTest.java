package ciment.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.core.config.Settings;
import ciment.core.i18n.Language;
import ciment.core.model.Announcement;
import ciment.core.model.ChatAccount;
import ciment.core.model.Community;
import ciment.core.model.Membership;
import ciment.core.model.Notice;
import ciment.core.model.Person;
import ciment.core.model.Platform;
import ciment.core.model.Post;
import ciment.core.model.Role;
import ciment.core.model.Slug;
import ciment.core.model.Ulid;
import ciment.core.port.NoticeSender;
import ciment.core.port.Pacing;
import ciment.core.port.Repositories;
import ciment.core.port.Senders;
import ciment.core.service.AnnouncementFanOut;
import ciment.core.service.Delivery;
import ciment.devkit.MotoServer;
import ciment.devkit.MutableClock;
import ciment.devkit.TemplateTable;
import ciment.devkit.stream.StreamEvents;
import ciment.devkit.stream.TableStream;
import ciment.infra.aws.DynamoClients;
import ciment.infra.dynamo.CapacityMeter;
import ciment.infra.dynamo.DynamoAnnouncements;
import ciment.infra.dynamo.DynamoMirrors;
import ciment.infra.dynamo.DynamoRepositories;
import ciment.infra.dynamo.Outbox;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * An announcement sent to every member from the table's own stream on moto: a step per page of members, each
 * step's notices written by BatchWriteItem, the next step by its own item; a step run again (a retried record)
 * makes no new INSERT on the stream, so no member is told twice; each delivered notice counts reached once.
 */
class AnnouncementStepsTest {
    private static final Instant NOW = Instant.parse("2026-12-08T10:00:00Z");
    private static final int MEMBERS = 7;

    private final Settings settings = Settings.of(MotoServer.tableSettings("announcements"));
    private final DynamoDbClient dynamo = DynamoClients.create(settings);
    private final Repositories store = DynamoRepositories.create(dynamo, settings.table(),
            new CapacityMeter(CapacityMeter.Source.COMPUTED)).repositories();
    private final TableStream stream;
    private final Community community = new Community(Ulid.random(NOW), new Slug("data-guild"), "Data guild",
            "Data", List.of(), true, false, 1, 1, "P0", NOW);
    private final List<String> sent = new ArrayList<>();
    private final NoticeSender slack = new NoticeSender() {
        @Override
        public Platform platform() {
            return Platform.SLACK;
        }

        @Override
        public void send(Notice notice) {
            sent.add(notice.to().account().userId());
        }
    };
    /** Three memberships a step: 8 memberships (the steward's and 7) take three steps. */
    private final Deliveries deliveries = new Deliveries(new Delivery(Outbox.fromSettings(settings), null, null,
            new Senders(slack, null, Pacing.NONE), new MutableClock(NOW)), Outbox::notice, DynamoMirrors::post,
            (reason, record) -> { })
            .announcing(DynamoAnnouncements::expansion,
                    new AnnouncementFanOut(store.announcements(), store.people(), Language.ENGLISH, 3, java.time.Clock.systemUTC()), Platform.SLACK);

    AnnouncementStepsTest() {
        TemplateTable.fromClasspath().create(dynamo, settings.table());
        stream = TableStream.fromLatest(MotoServer.shared().endpoint(), "us-east-1", settings.table());
        store.communities().create(community, member("P0", Role.STEWARD));
        for (int i = 1; i <= MEMBERS; i++) {
            store.communities().join(member("P" + i, Role.MEMBER));
        }
        stream.poll(); // what seeding wrote
    }

    private Membership member(String personId, Role role) {
        store.people().enroll(new ChatAccount(Platform.SLACK, "T1", "U" + personId), new Person(personId, "Person " + personId),
                Optional.empty());
        return new Membership(community.id(), community.slug(), personId, role, NOW);
    }

    @AfterEach
    void close() {
        stream.close();
        dynamo.close();
    }

    private Announcement announce() {
        Post post = new Post(Ulid.random(NOW), community.id(), community.slug(), "P0", "Person P0", Platform.SLACK,
                "The guild meets on Thursday", NOW).withMarks(Post.Marks.ANNOUNCEMENT);
        Announcement announcement = new Announcement(community.id(), community.slug(), Announcement.dayOf(NOW),
                post.id(), "P0", Platform.SLACK, post.text(), NOW, 0, 0);
        store.announcements().announce(announcement, post);
        return announcement;
    }

    private static boolean insertOf(DynamodbStreamRecord record, String pkPrefix, String skPrefix) {
        return "INSERT".equals(record.getEventName())
                && record.getDynamodb().getKeys().get("pk").getS().startsWith(pkPrefix)
                && record.getDynamodb().getKeys().get("sk").getS().startsWith(skPrefix);
    }

    /** Hands each batch the stream gives to the delivery function, until nothing new comes: every record handed. */
    private List<DynamodbStreamRecord> drain(List<DynamodbStreamRecord> first) {
        List<DynamodbStreamRecord> all = new ArrayList<>();
        List<DynamodbStreamRecord> batch = first;
        while (!batch.isEmpty()) {
            all.addAll(batch);
            assertEquals(List.of(), deliveries.handle(StreamEvents.event(batch)).getBatchItemFailures());
            batch = stream.poll();
        }
        return all;
    }

    @Test
    void announcement_isSentInSteps_oneNoticeAndOneMessagePerMember_notToTheSteward() {
        Announcement announcement = announce();

        List<DynamodbStreamRecord> records = drain(stream.poll());

        List<DynamodbStreamRecord> notices = records.stream().filter(r -> insertOf(r, "OUT#", "OUT")).toList();
        List<DynamodbStreamRecord> steps = records.stream().filter(r -> insertOf(r, "C#", "ANNOUNCING#")).toList();
        assertEquals(MEMBERS, notices.size());
        assertEquals(2, steps.size(), "8 memberships, 3 a step: the announcement and two more steps");
        assertEquals(List.of("UP1", "UP2", "UP3", "UP4", "UP5", "UP6", "UP7"), sent.stream().sorted().toList());
        assertEquals(MEMBERS, store.announcements().find(community.id(), announcement.day()).orElseThrow().reached());
    }

    @Test
    void stepsRunAgain_byRetriedRecords_makeNoNewInsert_soNobodyIsToldTwice_andReachedCountsOnce() {
        Announcement announcement = announce();
        List<DynamodbStreamRecord> records = drain(stream.poll());
        List<DynamodbStreamRecord> stepRecords = records.stream()
                .filter(r -> insertOf(r, "C#", "ANNOUNCE#") || insertOf(r, "C#", "ANNOUNCING#")).toList();
        assertEquals(3, stepRecords.size());

        // Lambda hands the steps again (a retried batch), and the notices' records too.
        assertEquals(List.of(), deliveries.handle(StreamEvents.event(stepRecords)).getBatchItemFailures());
        List<DynamodbStreamRecord> after = stream.poll();
        assertTrue(after.stream().noneMatch(r -> "INSERT".equals(r.getEventName())),
                "a notice or step put again is no INSERT: " + after.stream().map(r -> r.getEventName() + " "
                        + r.getDynamodb().getKeys()).toList());
        drain(after);
        drain(records.stream().filter(r -> insertOf(r, "OUT#", "OUT")).toList());

        assertEquals(MEMBERS, sent.size(), "each member told once: " + sent);
        assertEquals(MEMBERS, store.announcements().find(community.id(), announcement.day()).orElseThrow().reached());
    }

    @Test
    void anAcknowledgement_countsOnce_isInTheMembersExport_andGoesWithTheirErasure_theCountStaying() {
        Announcement announcement = announce();
        Person grace = store.people().people(List.of("P1")).getFirst();

        assertTrue(store.announcements().acknowledge(announcement, "P1", NOW));
        assertFalse(store.announcements().acknowledge(announcement, "P1", NOW.plusSeconds(5)), "a second click");

        var exported = store.personalRecords().personalData("P1").orElseThrow().acknowledgements();
        assertEquals(List.of(new ciment.core.privacy.PersonalData.Acknowledgement("data-guild", "2026-12-08",
                NOW.toString())), exported);
        store.personalRecords().erase(grace);
        assertTrue(store.personalRecords().personalData("P1").map(d -> d.acknowledgements().isEmpty()).orElse(true));
        assertEquals(1, store.announcements().find(community.id(), announcement.day()).orElseThrow().acknowledged());
    }

    @Test
    void theStewardsErasure_takesTheirIdAndWordsOutOfTheAnnouncement_theCountsStaying() {
        Announcement announcement = announce();
        assertTrue(store.announcements().acknowledge(announcement, "P1", NOW));
        Person steward = store.people().people(List.of("P0")).getFirst();
        store.communities().join(member("P9", Role.STEWARD)); // so that P0 is not the last steward

        assertEquals(ciment.core.port.PersonalRecords.Erased.DONE, store.personalRecords().erase(steward));

        Announcement kept = store.announcements().find(community.id(), announcement.day()).orElseThrow();
        assertEquals("", kept.text(), "the steward's words went with them");
        assertEquals("", kept.stewardId());
        assertEquals(1, kept.acknowledged(), "the counts name nobody: they stay");
    }

    @Test
    void anOutboxItemPutAgainByBatchWriteItem_isNeverASecondInsertOnTheStream() {
        var item = java.util.Map.of("pk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("OUT#01X"),
                "sk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("OUT"),
                "text", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("Announcement"));
        Runnable put = () -> dynamo.batchWriteItem(b -> b.requestItems(java.util.Map.of(settings.table(), List.of(
                software.amazon.awssdk.services.dynamodb.model.WriteRequest.builder().putRequest(r -> r.item(item)).build()))));

        put.run();
        List<String> first = stream.poll().stream().map(DynamodbStreamRecord::getEventName).toList();
        put.run();
        List<String> again = stream.poll().stream().map(DynamodbStreamRecord::getEventName).toList();

        assertEquals(List.of("INSERT"), first);
        assertTrue(again.stream().noneMatch("INSERT"::equals), "put again: " + again);
    }

    @Test
    void anotherToolsFunction_letsTheAnnouncementBe() {
        announce();
        Deliveries teams = new Deliveries(new Delivery(Outbox.fromSettings(settings), null, null,
                new Senders(slack, null, Pacing.NONE), new MutableClock(NOW)), Outbox::notice, DynamoMirrors::post,
                (reason, record) -> { })
                .announcing(DynamoAnnouncements::expansion,
                        new AnnouncementFanOut(store.announcements(), store.people(), Language.ENGLISH, 3, java.time.Clock.systemUTC()), Platform.TEAMS);

        teams.handle(StreamEvents.event(stream.poll()));

        assertTrue(stream.poll().isEmpty(), "nothing written");
    }
}
