package ciment.core.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.core.Ciment;
import ciment.core.config.WriteLimits;
import ciment.core.i18n.Language;
import ciment.core.model.DigestCadence;
import ciment.core.model.Notice;
import ciment.core.model.Slug;
import ciment.core.port.Digests;
import ciment.core.reply.Reply;
import ciment.core.testing.InMemoryRepositories;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The digest: who gets one, what it holds (counts, never who), what it never shows (what the reader cannot read),
 * that nothing is sent when there is nothing to say, and that a run made twice sends one message each.
 */
class DigestTest {
    /** A Monday: weekly digests go out. */
    private static final Instant MONDAY = Instant.parse("2026-11-30T07:00:00Z");
    private final InMemoryRepositories memory = new InMemoryRepositories();
    private final Turning clock = new Turning(MONDAY.minus(Duration.ofDays(3)));
    private final Ciment ciment = new Ciment(memory.repositories(), clock, Finance.off(), Talk.IN_BULK);
    private final Talk talk = new Talk(ciment, clock);
    private final DigestRun run = new DigestRun(memory.repositories(), clock, Language.ENGLISH);

    @BeforeEach
    void aBusyCommunity() {
        talk.say("ada", "create data-guild People who work with data");
        talk.say("grace", "join data-guild");
        talk.say("grace", "skills add sql");
    }

    private String post(String user, String text) {
        return ((Reply.Posted) talk.say(user, text)).post().reference();
    }

    private List<Notice> digestsTo(String user) {
        return memory.outbox().stream().filter(n -> n.to().account().userId().equals(user))
                .filter(n -> n.text().startsWith("Your ")).toList();
    }

    @Test
    void weeklyDigest_showsTheBusiestThreadWithItsCounts_neverWhoRepliedOrReacted() {
        String busy = post("ada", "post data-guild Our data catalogue is live");
        talk.say("grace", "reply " + busy + " Great news");
        talk.say("grace", "reply " + busy + " Where is it?");
        talk.say("grace", "react " + busy + " tada");
        clock.at(MONDAY);

        DigestRun.Outcome outcome = run.run();

        String digest = digestsTo("ada").get(0).text();
        assertTrue(digest.contains(busy + " in data-guild: 2 replies, 1 reaction"), digest);
        assertFalse(digest.contains("grace"), "a digest never says who: " + digest);
        assertEquals(2, outcome.due());
        assertEquals(2, outcome.sent(), "grace is a member: the busy thread is news to her too");
        assertEquals(2, outcome.shown().get(memory.repositories().communities().find(
                Slug.parse("data-guild")).orElseThrow().id()));
    }

    @Test
    void unansweredQuestionMatchingADeclaredSkill_isShown_andOnlyToWhoDeclaredIt() {
        String question = post("ada", "ask data-guild Which SQL formatter do you use?");
        clock.at(MONDAY);

        run.run();

        assertTrue(digestsTo("grace").get(0).text().contains("Unanswered questions matching your skills:\n• "
                + question + " in data-guild: Which SQL formatter"), digestsTo("grace").get(0).text());
        assertTrue(digestsTo("ada").isEmpty(), "ada declared no skill, and a lone question is no busy thread");
    }

    @Test
    void questionOfACommunityTheReaderIsNotIn_isNeverShown() {
        talk.say("linus", "create secret-guild Closed work");
        talk.say("linus", "close secret-guild");
        post("linus", "ask secret-guild Any SQL tips?");
        clock.at(MONDAY);

        run.run();

        assertTrue(digestsTo("grace").isEmpty(), "grace cannot read secret-guild: nothing to say to her");
    }

    @Test
    void newOpenCommunityTaggedWithADeclaredSkill_isShown_aClosedOneIsNot() {
        talk.say("linus", "create sql-club Queries and their plans");
        talk.say("linus", "tags sql-club sql");
        talk.say("linus", "create sql-board Closed board");
        talk.say("linus", "tags sql-board sql");
        talk.say("linus", "close sql-board");
        clock.at(MONDAY);

        run.run();

        String digest = digestsTo("grace").get(0).text();
        assertTrue(digest.contains("• sql-club: Queries and their plans (join sql-club)"), digest);
        assertFalse(digest.contains("sql-board"), digest);
    }

    @Test
    void nothingToSay_sendsNoDigest() {
        clock.at(MONDAY);

        DigestRun.Outcome outcome = run.run();

        assertEquals(0, outcome.sent());
        assertTrue(memory.outbox().isEmpty());
    }

    @Test
    void aRunMadeTwice_sendsOneDigestEach() {
        post("ada", "ask data-guild Which SQL formatter do you use?");
        clock.at(MONDAY);

        run.run();
        run.run();

        assertEquals(1, digestsTo("grace").size());
        assertEquals(1, memory.outbox().stream().map(Notice::id).distinct().count());
    }

    @Test
    void weekly_isSentOnMondaysOnly_daily_everyDay() {
        post("ada", "ask data-guild Which SQL formatter do you use?");
        talk.say("grace", "digest daily");
        clock.at(MONDAY.minus(Duration.ofDays(1)));
        talk.say("ada", "skills add sql");
        talk.say("ada", "digest weekly");

        run.run(); // a Sunday

        assertEquals(1, digestsTo("grace").size());
        assertTrue(digestsTo("ada").isEmpty());
    }

    @Test
    void peopleInactiveForMoreThan30Days_getNoDigest_unlessTheyChoseOne() {
        post("ada", "ask data-guild Which SQL formatter do you use?");
        talk.say("ada", "skills add sql");
        clock.at(MONDAY.plus(Duration.ofDays(35)));

        run.run();

        assertTrue(digestsTo("grace").isEmpty(), "grace has been away for 5 weeks: no digest by default");
    }

    @Test
    void digestOff_stopsIt() {
        post("ada", "ask data-guild Which SQL formatter do you use?");
        talk.say("grace", "digest off");
        clock.at(MONDAY);

        run.run();

        assertTrue(digestsTo("grace").isEmpty());
    }

    @Test
    void digestWithAWordItDoesNotKnow_isRefused_andWritesNothing() {
        int before = memory.writes();

        Reply reply = talk.say("grace", "digest monthly");

        assertEquals("digest takes weekly, daily or off, not “monthly”: digest weekly.", reply.summary());
        assertEquals(before, memory.writes());
    }

    @Test
    void frenchWords_chooseTheCadence_andDigestAloneSaysIt() {
        talk.say("grace", "résumé quotidien");

        assertEquals(Optional.of(DigestCadence.DAILY), memory.repositories().digests()
                .find(grace()).orElseThrow().chosen());
        assertTrue(talk.say("grace", "digest").summary().startsWith("You get the digest of your communities every day."));
    }

    @Test
    void requests_markTheirPersonActive_onceADay() {
        int before = memory.writes();
        talk.say("grace", "feed");
        talk.say("grace", "feed");

        assertEquals(before, memory.writes(), "grace was marked by her first request today");
        clock.at(clock.instant().plus(Duration.ofDays(1)));
        talk.say("grace", "feed");
        talk.say("grace", "feed");

        assertEquals(before + 1, memory.writes());
        assertEquals(clock.instant().atZone(ZoneOffset.UTC).toLocalDate(),
                memory.repositories().digests().find(grace()).orElseThrow().activeOn().orElseThrow());
    }

    @Test
    void eraseMyData_removesTheDigestItem() {
        talk.say("grace", "erase-my-data confirm");

        assertTrue(memory.repositories().digests().shard(Digests.shardOf(graceId)).stream()
                .noneMatch(s -> s.personId().equals(graceId)));
    }

    @Test
    void exportMyData_showsTheDigestSettingAndTheLastDayActive() {
        talk.say("grace", "digest daily");

        assertEquals(Map.of("digest", "daily", "lastActiveOn", "2026-11-27"),
                ciment.personalData(Talk.account("grace")).orElseThrow().settings());
    }

    private String graceId;

    private String grace() {
        graceId = memory.repositories().people().find(Talk.account("grace")).orElseThrow().id();
        return graceId;
    }

    @BeforeEach
    void knowGrace() {
        grace();
    }

    /** A clock the test turns. */
    static final class Turning extends Clock {
        private Instant now;

        Turning(Instant now) {
            this.now = now;
        }

        void at(Instant instant) {
            now = instant;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
