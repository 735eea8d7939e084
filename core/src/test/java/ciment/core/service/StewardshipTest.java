package ciment.core.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.core.Ciment;
import ciment.core.port.Repositories;
import ciment.core.reply.Reply;
import ciment.core.testing.InMemoryRepositories;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StewardshipTest {
    private final InMemoryRepositories memory = new InMemoryRepositories();
    private final Repositories store = memory.repositories();
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC);
    private final Talk people = new Talk(new Ciment(store, clock), clock);

    @BeforeEach
    void aStewardAndAMember() {
        people.say("ada", "create data-guild Sharing data tips");
        people.say("grace", "join data-guild");
        people.say("linus", "communities");
    }

    private void refusedWritingNothing(String user, String text, String expected) {
        people.say(user, "communities"); // registers the user first, so only the command is watched
        int before = memory.writes();
        Reply reply = people.say(user, text);
        assertInstanceOf(Reply.Refused.class, reply, reply.summary());
        assertTrue(reply.summary().contains(expected), reply.summary());
        assertEquals(before, memory.writes(), text + " wrote something");
    }

    @Test
    void join_ofAClosedCommunity_filesARequest_thatAStewardApproves() {
        people.say("ada", "close data-guild");

        assertTrue(people.say("linus", "join data-guild").summary().contains("your request went to its stewards"));
        var requests = (Reply.Requests) people.say("ada", "requests data-guild");
        assertEquals("linus name", requests.requests().get(0).personName());
        assertTrue(people.say("ada", "approve data-guild @linus").summary().contains("linus name is now a member"));

        assertInstanceOf(Reply.Posted.class, people.say("linus", "post data-guild Thanks for having me"));
        assertEquals(0, ((Reply.Requests) people.say("ada", "requests data-guild")).requests().size());
    }

    @Test
    void declinedRequest_leavesThePersonOutside() {
        people.say("ada", "close data-guild");
        people.say("linus", "join data-guild");

        assertTrue(people.say("ada", "decline data-guild @linus").summary().contains("declined"));
        refusedWritingNothing("linus", "post data-guild hello", "Only members can post");
        refusedWritingNothing("ada", "approve data-guild @linus", "No request from linus name");
    }

    @Test
    void closedCommunity_feedIsForMembersOnly() {
        people.say("ada", "close data-guild");
        assertInstanceOf(Reply.Refused.class, people.say("linus", "feed data-guild"));
        assertInstanceOf(Reply.Feed.class, people.say("grace", "feed data-guild"));
    }

    @Test
    void stewardCommands_byAMember_areRefused_andWriteNothing() {
        refusedWritingNothing("grace", "close data-guild", "Only a steward of data-guild can close it");
        refusedWritingNothing("grace", "steward add data-guild @grace", "Only a steward");
        refusedWritingNothing("grace", "tags data-guild sql", "Only a steward");
        refusedWritingNothing("grace", "archive data-guild", "Only a steward");
        refusedWritingNothing("grace", "requests data-guild", "Only a steward");
    }

    @Test
    void stewardship_isShared_andNeverDropsToZero() {
        assertTrue(people.say("ada", "steward add data-guild @grace").summary().contains("grace name is now a steward"));
        assertInstanceOf(Reply.Done.class, people.say("grace", "steward remove data-guild @ada"));
        refusedWritingNothing("grace", "steward remove data-guild @grace", "only steward");
        refusedWritingNothing("grace", "leave data-guild", "hand over first");
        assertInstanceOf(Reply.Done.class, people.say("ada", "leave data-guild"));
    }

    @Test
    void steward_add_ofSomeoneOutside_isRefused() {
        refusedWritingNothing("ada", "steward add data-guild @linus", "not a member of data-guild");
        refusedWritingNothing("ada", "steward add data-guild @nobody", "has not used Ciment yet");
        refusedWritingNothing("ada", "steward add data-guild grace", "is not a person I can find");
    }

    @Test
    void purpose_byAsteward_isShownByInfoAndFoundByDiscovery() {
        assertInstanceOf(Reply.Done.class, people.say("ada", "purpose data-guild Dashboards and SQL clinics"));

        assertEquals("Dashboards and SQL clinics", ((Reply.Info) people.say("grace", "info data-guild")).community().purpose());
        assertEquals(1, ((Reply.CommunityList) people.say("linus", "communities clinics")).communities().size());
    }

    @Test
    void purpose_byAMember_orEmpty_orOfAnArchivedCommunity_isRefused_writingNothing() {
        refusedWritingNothing("grace", "purpose data-guild Mine now", "Only a steward");
        refusedWritingNothing("ada", "purpose data-guild", "Say what data-guild is for");
        refusedWritingNothing("ada", "purpose data-guild " + "x".repeat(2000), "at most");
        people.say("ada", "archive data-guild");
        refusedWritingNothing("ada", "purpose data-guild New purpose", "archived");
    }

    @Test
    void archivedCommunity_isReadable_butTakesNoPostsNorMembers() {
        people.say("grace", "post data-guild Before the archive");
        assertInstanceOf(Reply.Done.class, people.say("ada", "archive data-guild"));

        assertEquals(1, ((Reply.Feed) people.say("linus", "feed data-guild")).posts().size());
        refusedWritingNothing("grace", "post data-guild After", "archived");
        refusedWritingNothing("linus", "join data-guild", "archived");

        assertInstanceOf(Reply.Done.class, people.say("ada", "restore data-guild"));
        assertInstanceOf(Reply.Posted.class, people.say("grace", "post data-guild After the restore"));
    }

    @Test
    void tags_areFolded_andFoundByDiscoveryAndWho() {
        people.say("ada", "tags data-guild Analytics, Accessibilité");

        var listed = (Reply.CommunityList) people.say("linus", "communities accessibilite");
        assertEquals("data-guild", listed.communities().get(0).community().slug().value());
        var who = (Reply.Who) people.say("linus", "who ACCESSIBILITÉ");
        assertEquals("data-guild", who.communities().get(0).slug().value());
    }

    @Test
    void infoAndRequests_carryTheChatAccountsOfThePeopleTheyName_forMentions() {
        people.say("ada", "close data-guild");
        people.say("linus", "join data-guild");

        var info = (Reply.Info) people.say("linus", "info data-guild");
        String ada = info.stewards().get(0).id();
        assertEquals(java.util.Map.of(ada, java.util.List.of(Talk.account("ada"))), info.accounts());
        var requests = (Reply.Requests) people.say("ada", "requests data-guild");
        String linus = requests.requests().get(0).personId();
        assertEquals(java.util.Map.of(linus, java.util.List.of(Talk.account("linus"))), requests.accounts());
    }

    @Test
    void info_namesTheStewards_andHidesASizeBelowFive() {
        var info = (Reply.Info) people.say("linus", "info data-guild");
        assertEquals("ada name", info.stewards().get(0).displayName());
        assertEquals(Reply.Standing.NONE, info.standing());
        assertTrue(info.summary().contains("fewer than 5 members"), info.summary());

        for (String user : new String[] {"u3", "u4", "u5"}) {
            people.say(user, "join data-guild");
        }
        assertTrue(people.say("linus", "info data-guild").summary().contains("5 members"));
    }

    @Test
    void aFiftyFirstSteward_isRefused_andWritesNothing() {
        for (int i = 1; i < ciment.core.model.Community.MAX_STEWARDS; i++) {
            String name = "steward" + (char) ('a' + i / 26) + (char) ('a' + i % 26);
            people.say(name, "join data-guild");
            assertInstanceOf(Reply.Done.class, people.say("ada", "steward add data-guild @" + name));
        }
        people.say("grace", "communities");

        refusedWritingNothing("ada", "steward add data-guild @grace", "data-guild has 50 stewards, the most a community"
                + " keeps: remove one first with steward remove data-guild <person>.");
    }
}
