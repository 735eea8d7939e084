package ciment.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.core.model.Community;
import ciment.core.model.ChatAccount;
import ciment.core.model.Invitation;
import ciment.core.model.Person;
import ciment.core.model.Platform;
import ciment.core.model.Post;
import ciment.core.model.Role;
import ciment.core.model.Topic;
import ciment.core.model.VouchedAddress;
import ciment.core.port.Communities.Change;
import ciment.core.port.People.Kind;
import ciment.infra.CapacityMeter.Units;
import ciment.infra.CapacityMeter.Usage;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Units computed for each store operation on items of realistic size, against issue 2's targets:
 * a post of 1 KB within 3 write units, a feed page of 20 posts within 3 read units; and issue 3's
 * operations, whose figures the benchmark reports. Unit counts, not timings.
 */
class CapacityTargetsTest {
    private static DynamoStore store;

    @BeforeAll
    static void table() {
        store = MotoTables.store(MotoTables.create("capacity"));
    }

    @BeforeEach
    void resetMeter() {
        store.meter().reset();
    }

    @Test
    void postOf1KbText_computesAtMostThreeWriteUnits() {
        Community community = community();
        store.meter().reset();

        store.add(Sample.post(community, community.createdBy(), "x".repeat(1024), Sample.minute(1)));

        Units units = store.meter().usage(DynamoPosts.ADD).computed();
        assertEquals(3, units.write(), "a 1 KB text makes an item of a little over 1 KB, kept out of the first"
                + " index, and one small entry in the keys-only index under its author (erase-my-data finds it)");
        assertTrue(units.write() <= 3);
    }

    @Test
    void feedOf20PostsOf200Characters_computesAtMostThreeReadUnits() {
        Community community = community();
        IntStream.range(0, 25).forEach(i -> store.add(Sample.post(community, community.createdBy(),
                ("Post number " + i + " about the guild's next meetup. ").repeat(6).substring(0, 200), Sample.minute(i))));
        store.meter().reset();

        assertEquals(20, store.latest(community.id(), 20).size());

        Units units = store.meter().usage(DynamoPosts.LATEST).computed();
        assertEquals(1.5, units.read(), "20 posts of about 470 bytes (with their author index keys): 9.4 KB,"
                + " eventually consistent");
        assertTrue(units.read() <= 3);
    }

    @Test
    void create_computesThreeTransactionalWritesAndTwoIndexWrites() {
        community();

        assertEquals(Units.write(3 * 2 + 2), store.meter().usage(DynamoCommunities.CREATE).computed());
    }

    @Test
    void join_computesThreeTransactionalWritesAndTwoIndexEntries() {
        Community community = community();
        store.meter().reset();

        store.join(Sample.member(community, Sample.personId()));

        assertEquals(Units.write(2 * 2 + 2 + 2), store.meter().usage(DynamoCommunities.JOIN).computed(),
                "membership and META with their index entries, and the delete of an invitation, there or not");
    }

    @Test
    void leave_computesAConsistentReadThenTwoTransactionalWrites() {
        Community community = community();
        String member = Sample.personId();
        store.join(Sample.member(community, member));
        store.meter().reset();

        store.leave(community.id(), member);

        assertEquals(new Units(1, 2 * 2 + 2), store.meter().usage(DynamoCommunities.LEAVE).computed());
    }

    @Test
    void duplicatePost_isStillChargedItsWrite_butNoIndexWrite() {
        Community community = community();
        Post post = Sample.post(community, community.createdBy(), "once", Sample.minute(1));
        store.add(post);
        store.meter().reset();

        store.add(post);

        assertEquals(Units.write(1), store.meter().usage(DynamoPosts.ADD).computed());
    }

    @Test
    void everyRequest_isRecordedWithWhatTheEndpointReported() {
        Community community = community();

        store.find(community.slug());

        assertEquals(1, store.meter().usage(DynamoCommunities.FIND).requests());
        assertTrue(store.meter().usage(DynamoCommunities.FIND).reported().read() > 0, "moto reports a (made-up) figure");
    }

    @Test
    void request_computesATransactionalPutWithItsIndexEntryAndACheckOfTheMembership() {
        Community community = community();
        store.meter().reset();

        store.request(Sample.request(community, Sample.personId(), Sample.minute(1)));

        assertEquals(Units.write(2 + 1 + 2), store.meter().usage(DynamoCommunities.REQUEST).computed());
    }

    @Test
    void decideApprove_computesOneTransactionOfThreeWritesAndThreeIndexWrites() {
        Community community = community();
        String person = Sample.personId();
        store.request(Sample.request(community, person, Sample.minute(1)));
        store.meter().reset();

        store.decide(community.id(), person, true, Sample.member(community, person));

        assertEquals(new Usage(1, Units.NONE, Units.write(3 * 2 + 3)), withoutReported(DynamoCommunities.DECIDE));
    }

    @Test
    void decideDecline_computesOneDeleteAndItsIndexEntry() {
        Community community = community();
        String person = Sample.personId();
        store.request(Sample.request(community, person, Sample.minute(1)));
        store.meter().reset();

        store.decide(community.id(), person, false, Sample.member(community, person));

        assertEquals(new Usage(1, Units.NONE, Units.write(1 + 1)), withoutReported(DynamoCommunities.DECIDE));
    }

    @Test
    void setRole_computesAConsistentReadThenTwoTransactionalWritesAndTheirIndexEntries() {
        Community community = community();
        String member = Sample.personId();
        store.join(Sample.member(community, member));
        store.meter().reset();

        store.setRole(community.id(), member, Role.STEWARD);

        assertEquals(new Units(1, 2 * 2 + 2), store.meter().usage(DynamoCommunities.SET_ROLE).computed());
    }

    @Test
    void changeAndStewards_computeOneWriteWithItsIndexEntry_andHalfARead() {
        Community community = community();
        store.meter().reset();

        store.change(community.id(), new Change.Tags(List.of("data", "accessibilite")));
        store.stewards(community.id());

        assertEquals(Units.write(1 + 1), store.meter().usage(DynamoCommunities.CHANGE).computed());
        assertEquals(Units.read(0.5), store.meter().usage(DynamoCommunities.STEWARDS).computed());
    }

    @Test
    void declareAndWithdraw_computeAConsistentReadThenTwoTransactionalWrites() {
        Person person = person("Ada");
        store.meter().reset();

        store.declare(person, Kind.SKILL, Topic.of("Accessibilité"));
        store.withdraw(person, Kind.SKILL, Topic.of("Accessibilité"));

        assertEquals(new Usage(2, Units.NONE, new Units(1, 2 + 2)), withoutReported(DynamoPeople.DECLARE));
        assertEquals(new Usage(2, Units.NONE, new Units(1, 2 + 2)), withoutReported(DynamoPeople.WITHDRAW));
    }

    @Test
    void declaring_twentyPeople_computesHalfARead() {
        Topic topic = Topic.of("capacity " + Sample.personId().toLowerCase());
        IntStream.range(0, 20).forEach(i -> store.declare(person("Person " + i), Kind.SKILL, topic));
        store.meter().reset();

        assertEquals(20, store.declaring(topic.key()).size());

        assertEquals(new Usage(1, Units.NONE, Units.read(0.5)), withoutReported(DynamoPeople.DECLARING));
    }

    @Test
    void enrollWithoutEmail_computesTwoTransactionalPutsAndTheIdentitysIndexEntry() {
        person("Ada");

        assertEquals(Units.write(2 * 2 + 1), store.meter().usage(DynamoPeople.ENROLL).computed());
    }

    @Test
    void enrollWithAnEmailNobodyHolds_computesAMissedReadThenThreeTransactionalPutsAndTheLinksIndexEntry() {
        String email = DynamoEmailLinksTest.email();
        // As core does: who holds the address, then the enrolment.
        store.holderOf(email);
        store.enroll(DynamoEmailLinksTest.slack(), new Person(Sample.personId(), "Ada"),
                Optional.of(DynamoEmailLinksTest.vouched(email)));

        assertEquals(Units.read(1), store.meter().usage(DynamoPeople.FIND_BY_EMAIL).computed());
        assertEquals(Units.write(3 * 2 + 1), store.meter().usage(DynamoPeople.ENROLL).computed());
    }

    @Test
    void enrollLinkedByEmail_computesTwoConsistentReadsThenOnePutWithItsIndexEntry() {
        String email = DynamoEmailLinksTest.email();
        Person ada = store.enroll(DynamoEmailLinksTest.slack(), new Person(Sample.personId(), "Ada"),
                Optional.of(DynamoEmailLinksTest.vouched(email)));
        store.meter().reset();

        store.holderOf(email);
        store.link(DynamoEmailLinksTest.teams(), ada);

        assertEquals(new Usage(2, Units.NONE, Units.read(1 + 1)), withoutReported(DynamoPeople.FIND_BY_EMAIL),
                "the claim, its person's PROFILE");
        assertEquals(new Usage(1, Units.NONE, Units.write(1 + 1)), withoutReported(DynamoPeople.ENROLL),
                "the identity link");
    }

    @Test
    void claimEmail_computesTwoConsistentReadsInOneRequestThenTwoTransactionalWrites_andOnlyTheReadsWhenTheirs() {
        Person person = person("Ada");
        VouchedAddress address = DynamoEmailLinksTest.vouched(DynamoEmailLinksTest.email());
        store.meter().reset();

        store.claimEmail(person, address);

        assertEquals(new Usage(2, Units.NONE, new Units(2, 2 * 2)), withoutReported(DynamoPeople.CLAIM_EMAIL));
        store.meter().reset();
        store.claimEmail(person, address);
        assertEquals(new Usage(1, Units.NONE, Units.read(2)), withoutReported(DynamoPeople.CLAIM_EMAIL),
                "whoami, every time after the first");
    }

    @Test
    void merge_ofAPersonWithThreeMembershipsAndTwoSkills_intoAPersonWithNone() {
        Person from = person("Ada");
        Person into = person("Grace");
        IntStream.range(0, 3).forEach(i -> store.join(Sample.member(community(), from.id())));
        store.declare(from, Kind.SKILL, Topic.of("Accessibilité"));
        store.declare(from, Kind.SKILL, Topic.of("Kotlin"));
        store.meter().reset();

        store.merge(from, into);

        // Reads: from's PROFILE twice (its address, its topics), 4 index queries (accounts, memberships,
        // requests, invitations), 2 per membership (both people's), 2 per skill (both PROFILEs), and from's
        // grants (a consistent batch get of its two possible grant keys: 2).
        // Writes: the identity link moved (its index entry deleted and put), 6 per membership (delete and
        // put, each with its index entry, in a transaction), 8 per skill (declared by one, withdrawn by the
        // other), and from's PROFILE marked, with its entry in the keys-only index under into (an alias).
        assertEquals(new Units(2 + 4 * 0.5 + 3 * 2 + 2 * 2 + 2, 3 + 3 * 6 + 2 * 8 + 1 + 1),
                store.meter().usage(DynamoPeople.MERGE).computed());
    }

    @Test
    void invite_computesATransactionalPutWithItsIndexEntryAndACheckOfTheMembership_invitedOneConsistentRead() {
        Community community = community();
        store.meter().reset();

        store.invite(new Invitation(community.id(), community.slug(), Sample.personId(),
                community.createdBy(), Sample.minute(1)));
        store.invited(community.id(), community.createdBy());

        // The invitation with its two index entries (the invitee's, and the keys-only one under the steward).
        assertEquals(Units.write(2 + 1 + 1 + 2), store.meter().usage(DynamoCommunities.INVITE).computed());
        assertEquals(Units.read(1), store.meter().usage(DynamoCommunities.INVITED).computed());
    }

    @Test
    void profileAccountsAndPeople_computeOneReadEach() {
        Person person = person("Ada");
        store.meter().reset();

        store.profile(person);
        store.accounts(person);
        store.people(List.of(person.id()));

        assertEquals(Units.read(1), store.meter().usage(DynamoPeople.PROFILE).computed());
        assertEquals(Units.read(0.5), store.meter().usage(DynamoPeople.ACCOUNTS).computed());
        assertEquals(Units.read(0.5), store.meter().usage(DynamoPeople.PEOPLE).computed());
    }

    private static Usage withoutReported(String operation) {
        Usage usage = store.meter().usage(operation);
        return new Usage(usage.requests(), Units.NONE, usage.computed());
    }

    private static Person person(String name) {
        Person person = new Person(Sample.personId(), name);
        return store.enroll(new ChatAccount(Platform.SLACK, "T0001", "U" + person.id()), person, Optional.empty());
    }

    private static Community community() {
        Community community = Sample.community(Sample.slug("capacity"), Sample.personId());
        store.create(community, Sample.steward(community));
        return community;
    }
}
