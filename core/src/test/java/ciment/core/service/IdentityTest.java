package ciment.core.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.core.model.ChatAccount;
import ciment.core.model.Introduction;
import ciment.core.model.Platform;
import ciment.core.reply.Reply;
import ciment.core.testing.InMemoryStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class IdentityTest {
    private static final ChatAccount ADA_SLACK = new ChatAccount(Platform.SLACK, "T1", "U1");
    private static final ChatAccount ADA_TEAMS = new ChatAccount(Platform.TEAMS, "tenant", "aad-ada");
    private final InMemoryStore store = new InMemoryStore();
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC);
    private final Ciment ciment = new Ciment(store, clock);
    private int requests;

    private Reply as(ChatAccount account, Introduction introduction, String text) {
        return ciment.handle(new Caller(account, () -> introduction, "r" + ++requests, clock.instant()), text);
    }

    private static Introduction withEmail(String name, String email) {
        return new Introduction(name, Optional.of(email), false);
    }

    @Test
    void accountsWithTheSameVerifiedEmail_areOnePerson_acrossSlackAndTeams() {
        as(ADA_SLACK, withEmail("Ada (Slack)", "Ada@Example.com"), "create data-guild Data tips");

        var me = (Reply.Me) as(ADA_TEAMS, withEmail("Ada (Teams)", "ada@example.com"), "whoami");
        assertEquals(Set.of(ADA_SLACK, ADA_TEAMS), Set.copyOf(me.accounts()));
        assertEquals("Ada (Slack)", me.profile().person().displayName());
        assertInstanceOf(Reply.Posted.class, as(ADA_TEAMS, Introduction.named("ignored"), "post data-guild From Teams"));
    }

    @Test
    void accountsWithoutEmail_stayApart() {
        as(ADA_SLACK, Introduction.named("Ada"), "create data-guild Data tips");
        var me = (Reply.Me) as(ADA_TEAMS, Introduction.named("Ada"), "whoami");
        assertEquals(List.of(ADA_TEAMS), me.accounts());
    }

    @Test
    void emailLearntLater_mergesThePeople_keepingEveryMembershipAndStewardship() {
        as(ADA_SLACK, withEmail("Ada", "ada@example.com"), "create slack-side Made in Slack");
        AtomicReference<Introduction> teamsSays = new AtomicReference<>(Introduction.named("Ada T"));
        Caller teams = new Caller(ADA_TEAMS, teamsSays::get, "t1", clock.instant());
        ciment.handle(teams, "create teams-side Made in Teams");
        ciment.handle(teams, "skills add SQL");

        teamsSays.set(withEmail("Ada T", "ada@example.com"));
        var me = (Reply.Me) ciment.handle(new Caller(ADA_TEAMS, teamsSays::get, "t2", clock.instant()), "whoami");

        assertEquals(Set.of(ADA_SLACK, ADA_TEAMS), Set.copyOf(me.accounts()));
        assertEquals(List.of("SQL"), me.profile().skills());
        var info = (Reply.Info) as(ADA_SLACK, Introduction.named("x"), "info teams-side");
        assertEquals(Reply.Standing.STEWARD, info.standing(), "the Teams community's stewardship moved over");
        assertEquals(1, info.community().memberCount());
    }

    @Test
    void approve_byEmail_letsAStewardOnOneToolAnswerSomeoneOnTheOther() {
        as(ADA_SLACK, withEmail("Ada", "ada@example.com"), "create data-guild Data tips");
        as(ADA_SLACK, Introduction.named("Ada"), "close data-guild");
        as(new ChatAccount(Platform.TEAMS, "tenant", "aad-grace"), withEmail("Grace", "grace@example.com"), "join data-guild");

        Reply approved = as(ADA_SLACK, Introduction.named("Ada"), "approve data-guild grace@example.com");
        assertTrue(approved.summary().contains("Grace is now a member"), approved.summary());
        Reply unknown = as(ADA_SLACK, Introduction.named("Ada"), "approve data-guild nobody@example.com");
        assertTrue(unknown.summary().contains("Nobody with the address nobody@example.com"), unknown.summary());
    }
}
