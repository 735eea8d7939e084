package ciment.infra.dynamo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.core.model.Community;
import ciment.core.model.Invitation;
import ciment.core.port.Communities.Invited;
import ciment.core.port.Communities.Joined;
import ciment.core.port.Repositories;
import ciment.infra.testing.MotoTables;
import ciment.infra.testing.Sample;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A steward's invitations: the way in for a guest, used up by joining. */
class DynamoInvitationsTest {
    private static String table;
    private static DynamoRepositories dynamo;
    private static Repositories store;

    @BeforeAll
    static void table() {
        table = MotoTables.create("invitations");
        dynamo = MotoTables.repositories(table);
        store = dynamo.repositories();
    }

    @Test
    void invite_new_isStoredInTheCommunitysPartition_andInTheIndexUnderThePerson() {
        Community community = community();
        Invitation invitation = invitation(community, Sample.personId());

        assertEquals(Invited.INVITED, store.communities().invite(invitation));

        assertTrue(store.communities().invited(community.id(), invitation.personId()));
        Map<String, AttributeValue> item = MotoTables.CLIENT.getItem(b -> b.tableName(table)
                .key(Keys.key("C#" + community.id(), "INV#" + invitation.personId()))).item();
        assertEquals(community.createdBy(), item.get("invitedBy").s());
        assertEquals(invitation.at().toString(), item.get("at").s());
        assertEquals(community.slug().value(), item.get("slug").s());
        assertEquals("P#" + invitation.personId(), item.get("gsi1pk").s());
        assertEquals("INV#C#" + community.id(), item.get("gsi1sk").s());
        assertEquals(invitation, CommunityItems.invitation(item));
    }

    @Test
    void invite_twice_isAlreadyInvited_andWritesNothing() {
        Community community = community();
        String guest = Sample.personId();
        store.communities().invite(invitation(community, guest));
        List<Map<String, AttributeValue>> before = MotoTables.items(table);

        assertEquals(Invited.ALREADY_INVITED, store.communities().invite(invitation(community, guest)));

        assertEquals(before, MotoTables.items(table));
    }

    @Test
    void invite_aMember_isAlreadyMember_andWritesNothing() {
        Community community = community();
        List<Map<String, AttributeValue>> before = MotoTables.items(table);

        assertEquals(Invited.ALREADY_MEMBER, store.communities().invite(invitation(community, community.createdBy())));

        assertEquals(before, MotoTables.items(table));
        assertFalse(store.communities().invited(community.id(), community.createdBy()));
    }

    @Test
    void invited_someoneNeverInvited_isFalse() {
        assertFalse(store.communities().invited(community().id(), Sample.personId()));
    }

    @Test
    void invitationsOf_aPersonInvitedToTwoCommunities_areThoseTwo_inOneRequest_notTheirMemberships() {
        String guest = Sample.personId();
        Community first = community();
        Community second = community();
        Community joined = community();
        store.communities().invite(invitation(first, guest));
        store.communities().invite(invitation(second, guest));
        store.communities().join(Sample.member(joined, guest));
        dynamo.meter().reset();

        assertEquals(Set.of(first.id(), second.id()), Set.copyOf(store.communities().invitationsOf(guest)));

        assertEquals(1, dynamo.meter().usage(DynamoCommunities.INVITATIONS_OF).requests());
        assertEquals(List.of(), store.communities().invitationsOf(Sample.personId()));
    }

    @Test
    void join_usesUpTheInvitation_andCountsTheMember() {
        Community community = community();
        String guest = Sample.personId();
        store.communities().invite(invitation(community, guest));

        assertEquals(Joined.JOINED, store.communities().join(Sample.member(community, guest)));

        assertFalse(store.communities().invited(community.id(), guest));
        assertEquals(List.of(), store.communities().invitationsOf(guest));
        assertEquals(2, store.communities().find(community.slug()).orElseThrow().memberCount());
    }

    @Test
    void join_withoutInvitation_joinsAsBefore_andAgainIsAlreadyMember_writingNothing() {
        Community community = community();
        String person = Sample.personId();

        assertEquals(Joined.JOINED, store.communities().join(Sample.member(community, person)));
        List<Map<String, AttributeValue>> before = MotoTables.items(table);
        assertEquals(Joined.ALREADY_MEMBER, store.communities().join(Sample.member(community, person)));

        assertEquals(before, MotoTables.items(table));
    }

    @Test
    void join_anInvitedMemberAgain_isAlreadyMember_andKeepsNothingElse() {
        Community community = community();
        String person = Sample.personId();
        store.communities().join(Sample.member(community, person));
        // An invitation written straight to the table beside the membership (invite refuses to).
        MotoTables.CLIENT.putItem(b -> b.tableName(table).item(CommunityItems.invitation(invitation(community, person))));
        List<Map<String, AttributeValue>> before = MotoTables.items(table);

        assertEquals(Joined.ALREADY_MEMBER, store.communities().join(Sample.member(community, person)));

        assertEquals(before, MotoTables.items(table), "a refused join deletes nothing either");
    }

    @Test
    void join_aCommunityThatDoesNotExist_isNoSuchCommunity_andLeavesTheInvitation() {
        Community gone = Sample.community(Sample.slug("gone"), Sample.personId());
        String guest = Sample.personId();
        MotoTables.CLIENT.putItem(b -> b.tableName(table).item(CommunityItems.invitation(invitation(gone, guest))));

        assertEquals(Joined.NO_SUCH_COMMUNITY, store.communities().join(Sample.member(gone, guest)));

        assertTrue(store.communities().invited(gone.id(), guest));
    }

    private static Invitation invitation(Community community, String personId) {
        return new Invitation(community.id(), community.slug(), personId, community.createdBy(), Sample.minute(5));
    }

    private static Community community() {
        Community community = Sample.community(Sample.slug("invited"), Sample.personId());
        store.communities().create(community, Sample.steward(community));
        return community;
    }
}
