package ciment.core.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.core.Ciment;
import ciment.core.model.Caller;
import ciment.core.model.ChatAccount;
import ciment.core.model.Introduction;
import ciment.core.model.Platform;
import ciment.core.port.Repositories;
import ciment.core.reply.Reply;
import ciment.core.testing.InMemoryRepositories;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CimentTest {
    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    private final InMemoryRepositories memory = new InMemoryRepositories();
    private final Repositories store = memory.repositories();
    private final Ciment ciment = new Ciment(store, Clock.fixed(NOW, ZoneOffset.UTC));
    private int requests;

    private Reply as(String user, String text) {
        return ciment.handle(new Caller(new ChatAccount(Platform.SLACK, "T1", user), () -> Introduction.named(user + " name"),
                "req-" + (++requests), NOW.plusSeconds(requests)), text);
    }

    @Test
    void create_makesTheCreatorItsFirstSteward_whoCannotLeave() {
        assertInstanceOf(Reply.Done.class, as("U1", "create data-guild Sharing data tips"));
        Reply leave = as("U1", "leave data-guild");
        assertInstanceOf(Reply.Refused.class, leave);
        assertTrue(leave.summary().contains("only steward"), leave.summary());
    }

    @Test
    void create_withATakenSlug_isRefusedAndWritesNothing() {
        as("U1", "create data-guild Sharing data tips");
        int before = memory.writes();
        assertInstanceOf(Reply.Refused.class, as("U2", "create data-guild Something else"));
        assertEquals(before + 1, memory.writes(), "only U2's first-contact registration may be written");
    }

    @Test
    void post_byNonMember_isRefused_andWritesNothing() {
        as("U1", "create data-guild Sharing data tips");
        as("U2", "help");
        as("U2", "communities");
        int before = memory.writes();
        Reply reply = as("U2", "post data-guild hello");
        assertInstanceOf(Reply.Refused.class, reply);
        assertTrue(reply.summary().contains("join data-guild"), reply.summary());
        assertEquals(before, memory.writes());
    }

    @Test
    void post_byMember_appearsFirstInBothFeeds() {
        as("U1", "create data-guild Sharing data tips");
        as("U2", "join data-guild");
        as("U2", "post data-guild first");
        as("U1", "post data-guild second");
        var community = (Reply.Feed) as("U2", "feed data-guild");
        var home = (Reply.Feed) as("U2", "feed");
        assertEquals("second", community.posts().get(0).text());
        assertEquals(community.posts(), home.posts());
        assertEquals("U1 name", community.posts().get(0).authorName());
    }

    @Test
    void post_retriedWithTheSameRequestId_isStoredOnce() {
        as("U1", "create data-guild Sharing data tips");
        Caller caller = new Caller(new ChatAccount(Platform.TEAMS, "tenant", "U1"), () -> Introduction.named("x"), "activity-7", NOW);
        ciment.handle(new Caller(caller.account(), () -> Introduction.named("x"), "activity-6", NOW), "join data-guild");
        Reply first = ciment.handle(caller, "post data-guild once");
        Reply again = ciment.handle(caller, "post data-guild once");
        assertInstanceOf(Reply.Posted.class, first);
        assertEquals(first, again);
        assertEquals(1, ((Reply.Feed) as("U1", "feed data-guild")).posts().size());
    }

    @Test
    void join_twice_isRefused() {
        as("U1", "create data-guild Sharing data tips");
        as("U2", "join data-guild");
        assertInstanceOf(Reply.Refused.class, as("U2", "join data-guild"));
    }

    @Test
    void leave_byMember_removesThemFromTheCount() {
        as("U1", "create data-guild Sharing data tips");
        as("U2", "join data-guild");
        assertInstanceOf(Reply.Done.class, as("U2", "leave data-guild"));
        var list = (Reply.CommunityList) as("U2", "communities");
        assertEquals(1, list.communities().get(0).community().memberCount());
        assertEquals(false, list.communities().get(0).member());
    }

    @Test
    void communities_matchesPurposeWithoutAccentsOrCase() {
        as("U1", "create a11y Accessibilité numérique");
        as("U1", "create data-guild Sharing data tips");
        var list = (Reply.CommunityList) as("U2", "communities ACCESSIBILITE");
        assertEquals(1, list.communities().size());
        assertEquals("a11y", list.communities().get(0).community().slug().value());
    }

    @Test
    void help_needsNoPerson() {
        AtomicInteger lookups = new AtomicInteger();
        ciment.handle(new Caller(new ChatAccount(Platform.SLACK, "T1", "U9"), () -> {
            lookups.incrementAndGet();
            return Introduction.named("n");
        }, null, NOW), "help");
        assertEquals(0, lookups.get());
        assertEquals(0, memory.writes());
    }

    @Test
    void displayName_isAskedOnlyAtFirstContact() {
        AtomicInteger lookups = new AtomicInteger();
        Caller caller = new Caller(new ChatAccount(Platform.SLACK, "T1", "U9"), () -> {
            lookups.incrementAndGet();
            return Introduction.named("Ada");
        }, null, NOW);
        ciment.handle(caller, "communities");
        ciment.handle(caller, "feed");
        assertEquals(1, lookups.get());
    }

    @Test
    void feedOfUnknownCommunity_isRefusedWithAWayForward() {
        Reply reply = as("U1", "feed nowhere");
        assertInstanceOf(Reply.Refused.class, reply);
        assertTrue(reply.summary().contains("communities"), reply.summary());
    }
}
