package ciment.infra.dynamo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.core.model.ChatAccount;
import ciment.core.model.Community;
import ciment.core.model.JoinRequest;
import ciment.core.model.Membership;
import ciment.core.model.Platform;
import ciment.core.model.Recipient;
import ciment.core.port.Communities.Change;
import ciment.core.port.Communities.Created;
import ciment.core.port.Communities.Decided;
import ciment.core.port.Communities.Joined;
import ciment.core.port.Communities.Requested;
import ciment.core.port.Repositories;
import ciment.infra.testing.MotoTables;
import ciment.infra.testing.Sample;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Requests to join a closed community, and the stewards' answers. */
class DynamoJoinRequestsTest {
    private static String table;
    private static DynamoRepositories dynamo;
    private static Repositories store;

    @BeforeAll
    static void table() {
        table = MotoTables.create("requests");
        dynamo = MotoTables.repositories(table);
        store = dynamo.repositories();
    }

    @Test
    void request_new_isFiled_asAnItemInTheCommunitysPartition() {
        Community community = closed("filed");
        JoinRequest request = Sample.request(community, Sample.personId(), Sample.minute(1));

        assertEquals(Requested.FILED, store.communities().request(request));

        assertEquals(List.of(request), store.communities().requests(community.id()));
        Map<String, AttributeValue> item = MotoTables.CLIENT.getItem(b -> b.tableName(table)
                .key(Keys.key("C#" + community.id(), "REQ#" + request.personId()))).item();
        assertEquals("Ada Lovelace", item.get("personName").s());
        assertEquals(request.at().toString(), item.get("at").s());
        assertEquals(community.slug().value(), item.get("slug").s());
    }

    @Test
    void request_twice_isAlreadyFiled_andWritesNothing() {
        Community community = closed("twice");
        String person = Sample.personId();
        store.communities().request(Sample.request(community, person, Sample.minute(1)));
        List<Map<String, AttributeValue>> before = MotoTables.items(table);

        assertEquals(Requested.ALREADY_FILED, store.communities().request(Sample.request(community, person, Sample.minute(2))));

        assertEquals(before, MotoTables.items(table));
    }

    @Test
    void request_byMember_isAlreadyMember_andWritesNothing() {
        Community community = closed("member");
        String person = Sample.personId();
        assertEquals(Joined.JOINED, store.communities().join(Sample.member(community, person)));
        List<Map<String, AttributeValue>> before = MotoTables.items(table);

        assertEquals(Requested.ALREADY_MEMBER, store.communities().request(Sample.request(community, person, Sample.minute(1))));

        assertEquals(before, MotoTables.items(table));
    }

    @Test
    void requests_areListedOldestFirst_withoutTheCommunitysOtherItems() {
        Community community = closed("listed");
        store.communities().join(Sample.member(community, Sample.personId()));
        store.posts().add(Sample.post(community, community.createdBy(), "welcome", Sample.minute(1)));
        // The keys sort by person id (here: late, early, middle), not by when they asked.
        JoinRequest late = Sample.request(community, Sample.personId(), Sample.minute(9));
        JoinRequest early = Sample.request(community, Sample.personId(), Sample.minute(3));
        JoinRequest middle = Sample.request(community, Sample.personId(), Sample.minute(5));
        store.communities().request(late);
        store.communities().request(early);
        store.communities().request(middle);

        assertEquals(List.of(early, middle, late), store.communities().requests(community.id()));
        assertEquals(List.of(), store.communities().requests(closed("none").id()));
    }

    @Test
    void decide_approve_removesTheRequest_addsTheMembership_andCountsIt() {
        Community community = closed("approve");
        String person = Sample.personId();
        store.communities().request(Sample.request(community, person, Sample.minute(1)));
        Membership membership = Sample.member(community, person);

        assertEquals(Decided.APPROVED, store.communities().decide(community.id(), person, true, membership));

        assertEquals(List.of(), store.communities().requests(community.id()));
        assertEquals(membership, store.communities().membership(community.id(), person).orElseThrow());
        Community counted = store.communities().find(community.slug()).orElseThrow();
        assertEquals(2, counted.memberCount());
        assertEquals(1, counted.stewardCount());
        assertEquals(List.of(community.createdBy()), store.communities().stewards(community.id()));
    }

    @Test
    void decide_decline_removesTheRequestOnly() {
        Community community = closed("decline");
        String person = Sample.personId();
        store.communities().request(Sample.request(community, person, Sample.minute(1)));

        assertEquals(Decided.DECLINED, store.communities().decide(community.id(), person, false, Sample.member(community, person)));

        assertEquals(List.of(), store.communities().requests(community.id()));
        assertTrue(store.communities().membership(community.id(), person).isEmpty());
        assertEquals(1, store.communities().find(community.slug()).orElseThrow().memberCount());
    }

    @Test
    void decide_approveWithoutRequest_isNoRequest_andWritesNothing() {
        Community community = closed("no-request");
        String person = Sample.personId();
        List<Map<String, AttributeValue>> before = MotoTables.items(table);

        assertEquals(Decided.NO_REQUEST, store.communities().decide(community.id(), person, true, Sample.member(community, person)));

        assertEquals(before, MotoTables.items(table));
    }

    @Test
    void decide_declineWithoutRequest_isNoRequest_andWritesNothing() {
        Community community = closed("no-request-decline");
        String person = Sample.personId();
        List<Map<String, AttributeValue>> before = MotoTables.items(table);

        assertEquals(Decided.NO_REQUEST, store.communities().decide(community.id(), person, false, Sample.member(community, person)));

        assertEquals(before, MotoTables.items(table));
    }

    @Test
    void decide_secondStewardAnsweringTheSameRequest_isNoRequest_andCountsOnce() {
        Community community = closed("answered");
        String person = Sample.personId();
        store.communities().request(Sample.request(community, person, Sample.minute(1)));
        assertEquals(Decided.APPROVED, store.communities().decide(community.id(), person, true, Sample.member(community, person)));
        List<Map<String, AttributeValue>> before = MotoTables.items(table);

        assertEquals(Decided.NO_REQUEST, store.communities().decide(community.id(), person, true, Sample.member(community, person)));
        assertEquals(Decided.NO_REQUEST, store.communities().decide(community.id(), person, false, Sample.member(community, person)));

        assertEquals(before, MotoTables.items(table));
        assertEquals(2, store.communities().find(community.slug()).orElseThrow().memberCount());
    }

    @Test
    void decide_approveOfSomeoneWhoJoinedMeanwhile_removesTheRequest_andDoesNotCountThemTwice() {
        Community community = closed("joined-meanwhile");
        String person = Sample.personId();
        store.communities().request(Sample.request(community, person, Sample.minute(1)));
        // The community was open for a moment, and they joined.
        store.communities().change(community.id(), new Change.Openness(true));
        assertEquals(Joined.JOINED, store.communities().join(Sample.member(community, person)));

        assertEquals(Decided.APPROVED, store.communities().decide(community.id(), person, true, Sample.member(community, person)));

        assertEquals(List.of(), store.communities().requests(community.id()));
        assertEquals(2, store.communities().find(community.slug()).orElseThrow().memberCount());
    }

    @Test
    void request_withReplyTo_keepsWhereTheyAsked_andReadsItBack() {
        Community community = closed("reply-to");
        Recipient whereTheyAsked = Sample.teamsChannel();
        JoinRequest request = Sample.request(community, Sample.personId(), Sample.minute(1), whereTheyAsked);

        assertEquals(Requested.FILED, store.communities().request(request));

        assertEquals(List.of(request), store.communities().requests(community.id()));
        assertEquals(Optional.of(request), store.communities().pendingRequest(community.id(), request.personId()));
        Map<String, AttributeValue> replyTo = MotoTables.CLIENT.getItem(b -> b.tableName(table)
                .key(Keys.key("C#" + community.id(), "REQ#" + request.personId()))).item().get("replyTo").m();
        assertEquals("teams", replyTo.get("platform").s());
        assertEquals(whereTheyAsked.conversationId(), replyTo.get("conversationId").s());
        assertEquals("https://smba.trafficmanager.net/emea/", replyTo.get("serviceUrl").s());
    }

    @Test
    void request_directOnSlack_keepsNoConversationNorServiceUrl() {
        Community community = closed("reply-direct");
        Recipient direct = Recipient.direct(Sample.slackChannel().account(), null);
        JoinRequest request = Sample.request(community, Sample.personId(), Sample.minute(1), direct);
        store.communities().request(request);

        assertEquals(direct, store.communities().pendingRequest(community.id(), request.personId()).orElseThrow().replyTo());
        Map<String, AttributeValue> replyTo = MotoTables.CLIENT.getItem(b -> b.tableName(table)
                .key(Keys.key("C#" + community.id(), "REQ#" + request.personId()))).item().get("replyTo").m();
        assertEquals(Set.of("platform", "workspace", "userId"), replyTo.keySet());
    }

    @Test
    void pendingRequest_filedBeforeAnswersWereTold_hasNoReplyTo() {
        Community community = closed("old-request");
        String person = Sample.personId();
        // An item as the store wrote it before replyTo existed.
        Map<String, AttributeValue> old = new HashMap<>(CommunityItems.joinRequest(Sample.request(community, person, Sample.minute(1))));
        old.remove("replyTo");
        MotoTables.CLIENT.putItem(b -> b.tableName(table).item(old));

        JoinRequest read = store.communities().pendingRequest(community.id(), person).orElseThrow();

        assertNull(read.replyTo());
        assertEquals(Sample.minute(1), read.at());
        assertNull(store.communities().requests(community.id()).get(0).replyTo());
    }

    @Test
    void pendingRequest_noneOrAnswered_isEmpty_andOnlyThatPersonsIsFound() {
        Community community = closed("pending");
        String asked = Sample.personId();
        store.communities().request(Sample.request(community, asked, Sample.minute(1)));
        String other = Sample.personId();

        assertTrue(store.communities().pendingRequest(community.id(), other).isEmpty());
        assertEquals(asked, store.communities().pendingRequest(community.id(), asked).orElseThrow().personId());
        assertEquals(Decided.DECLINED, store.communities().decide(community.id(), asked, false, Sample.member(community, asked)));
        assertTrue(store.communities().pendingRequest(community.id(), asked).isEmpty());
    }

    @Test
    void pendingRequest_isOneStronglyConsistentRead_metered() {
        Community community = closed("pending-units");
        String person = Sample.personId();
        store.communities().request(Sample.request(community, person, Sample.minute(1), Sample.teamsChannel()));
        dynamo.meter().reset();

        store.communities().pendingRequest(community.id(), person);

        assertEquals(new CapacityMeter.Usage(1, dynamo.meter().usage("communities.pendingRequest").reported(),
                CapacityMeter.Units.read(1)), dynamo.meter().usage("communities.pendingRequest"));
    }

    @Test
    void request_fromTeams_withItsLongestIds_weighsUnderTheOneKilobyteItsUnitsAssume() {
        String longName = "Maria-Theresia Anna Walburga Amalia Christiana von Habsburg-Lothringen";
        Recipient teams = new Recipient(new ChatAccount(Platform.TEAMS, "72f988bf-86f1-41af-91ab-2d7cd011db47",
                "29:1" + "x".repeat(120)), "a:1" + "y".repeat(160), "https://smba.trafficmanager.net/emea/");
        Community community = Sample.community(Sample.slug("x".repeat(20)), Sample.personId());
        JoinRequest request = new JoinRequest(community.id(), community.slug(), Sample.personId(), longName,
                Sample.minute(1), teams);

        long bytes = ItemSizes.of(CommunityItems.joinRequest(request));

        assertTrue(bytes < CapacityCalculator.WRITE_UNIT_BYTES, bytes + " bytes");
    }

    private static Community closed(String base) {
        Community community = Sample.community(Sample.slug(base), Sample.personId());
        assertEquals(Created.CREATED, store.communities().create(community, Sample.steward(community)));
        store.communities().change(community.id(), new Change.Openness(false));
        return community;
    }
}
