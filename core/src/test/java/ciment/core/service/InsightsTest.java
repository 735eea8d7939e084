package ciment.core.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.core.Ciment;
import ciment.core.config.Settings;
import ciment.core.i18n.Catalogue;
import ciment.core.model.Caller;
import ciment.core.model.ChatAccount;
import ciment.core.model.Directory;
import ciment.core.model.Introduction;
import ciment.core.model.Platform;
import ciment.core.reply.Insights;
import ciment.core.reply.Reply;
import ciment.core.testing.InMemoryRepositories;
import ciment.core.testing.InMemoryUsage;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** insights &lt;slug&gt; through Ciment: who may see them, what they count, and that asking writes nothing. */
class InsightsTest {
    private final InMemoryRepositories memory = new InMemoryRepositories();
    private final Clock clock = Clock.fixed(Instant.parse("2026-12-03T10:00:00Z"), ZoneOffset.UTC);
    private final Settings settings = Settings.of(Map.of("CIMENT_ADMIN_EMAILS", "root@example.com",
            "CIMENT_TRUSTED_DOMAINS", "example.com=T1,example.com=tenant"));
    private final Ciment ciment = new Ciment(memory.repositories(), clock,
            Finance.fromSettings(settings, new InMemoryUsage()));
    private int requests;

    private Reply say(String user, Platform tool, String text) {
        ChatAccount account = new ChatAccount(tool, tool == Platform.SLACK ? "T1" : "tenant", user);
        Directory directory = mention -> Optional.empty();
        return ciment.handle(new Caller(account, () -> new Introduction(user, Optional.of(user + "@example.com"), false,
                List.of("T1", "tenant")), "r" + ++requests, clock.instant(), directory), text);
    }

    @BeforeEach
    void adaStewardsDataGuild_sixPeoplePostAcrossTools() {
        say("ada", Platform.SLACK, "create data-guild Sharing data tips");
        for (int i = 0; i < 6; i++) {
            Platform tool = i % 2 == 0 ? Platform.SLACK : Platform.TEAMS;
            say("member" + i, tool, "join data-guild");
            say("member" + i, tool, "post data-guild Tip number " + i);
        }
    }

    @Test
    void steward_seesTheCountsOfSixActivePeople_perTool() {
        Insights insights = assertInstanceOf(Insights.class, say("ada", Platform.SLACK, "insights data-guild"));

        Insights.Week week = insights.weeks().getLast();
        assertEquals(new Insights.Count(6, 6), week.all().active());
        assertEquals(new Insights.Count(6, 6), week.all().posts());
        assertEquals(new Insights.Count(3, 3), week.tools().get(Platform.TEAMS).posts());
        assertEquals("6 (Slack: fewer than 5 people, Teams: fewer than 5 people)",
                Catalogue.ENGLISH.say(week.lines().getFirst().value()));
        assertEquals(6, insights.read());
    }

    @Test
    void admin_whoIsNotAMember_seesThemToo() {
        assertInstanceOf(Insights.class, say("root", Platform.TEAMS, "insights data-guild"));
    }

    @Test
    void member_isRefused_inOneSentence_andNothingIsWritten() {
        int before = memory.writes();

        Reply reply = say("member1", Platform.TEAMS, "insights data-guild");

        assertInstanceOf(Reply.Refused.class, reply);
        assertEquals("Only a steward of data-guild or an admin can see its insights: info data-guild names its stewards.",
                reply.summary());
        assertEquals(before, memory.writes());
        assertEquals(0, memory.outbox().size());
    }

    @Test
    void stewardAskingInFrench_withTendances_isAnsweredTheSame() {
        Reply reply = say("ada", Platform.SLACK, "tendances data-guild");

        assertTrue(reply instanceof Insights, reply.summary());
    }
}
