package ciment.core.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.core.Ciment;
import ciment.core.command.AnnounceVerbs;
import ciment.core.i18n.Language;
import ciment.core.model.Announcement;
import ciment.core.model.Notice;
import ciment.core.model.Platform;
import ciment.core.model.Post;
import ciment.core.port.Repositories;
import ciment.core.reply.Reply;
import ciment.core.testing.InMemoryRepositories;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AnnouncementsTest {
    private static final Instant NOW = Instant.parse("2026-12-08T10:00:00Z");
    private final InMemoryRepositories memory = new InMemoryRepositories();
    private final Repositories store = memory.repositories();
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final Talk talk = new Talk(new Ciment(store, clock, Finance.off(), Talk.IN_BULK), clock);
    /** Two memberships a step: several steps for a handful of members. */
    private final AnnouncementFanOut fanOut = new AnnouncementFanOut(store.announcements(), store.people(),
            Language.ENGLISH, 2, Clock.systemUTC());

    @BeforeEach
    void aCommunityOfSix() {
        talk.say("ada", "create data-guild Sharing data tips");
        for (String member : List.of("grace", "linus", "alan", "barbara", "edsger")) {
            talk.say(member, "join data-guild");
        }
        talk.say("ken", "help"); // known to Ciment, not a member
    }

    /** Runs every step kept, as the announcer's delivery function would, each as its record arrives. */
    private void expandAll() {
        for (int i = 0; i < memory.announcementSteps().size(); i++) {
            fanOut.step(memory.announcementSteps().get(i), Platform.SLACK);
        }
    }

    private List<Notice> announcementNotices() {
        return memory.outbox().stream().filter(Notice::isAnnouncement).toList();
    }

    @Test
    void announce_byASteward_postsItMarked_andTellsEachOtherMemberOnce_withTheAnnouncementNamed() {
        Reply reply = talk.say("ada", "announce data-guild The guild meets on Thursday");

        assertInstanceOf(Reply.Done.class, reply, reply.summary());
        assertTrue(reply.summary().startsWith("Announced in data-guild"), reply.summary());
        Post post = store.posts().latest(store.communities().find(new ciment.core.model.Slug("data-guild"))
                .orElseThrow().id(), 1).getFirst();
        assertTrue(post.isAnnouncement());
        assertTrue(post.activity().contains("Announcement"), post.activity());
        assertEquals(List.of(), announcementNotices(), "nothing is told in the request itself");

        expandAll();
        expandAll(); // every step run again, as a retried record: no second notice

        List<Notice> told = announcementNotices();
        assertEquals(Set.of("grace", "linus", "alan", "barbara", "edsger"),
                told.stream().map(n -> n.to().account().userId()).collect(Collectors.toSet()));
        assertEquals(5, told.size());
        assertTrue(told.stream().allMatch(n -> n.to().isDirect() && post.reference().equals(n.post())));
        assertTrue(told.getFirst().text().contains("The guild meets on Thursday"), told.getFirst().text());
        assertTrue(memory.announcementSteps().size() >= 3, "pages of two memberships: several steps");
    }

    @Test
    void announce_steppedByTheOtherTool_tellsNobody() {
        talk.say("ada", "announce data-guild The guild meets on Thursday");
        memory.announcementSteps().forEach(step -> fanOut.step(step, Platform.TEAMS));
        assertEquals(List.of(), announcementNotices());
    }

    @Test
    void announce_byAMember_isRefused_andWritesNothing() {
        int writes = memory.writes();
        Reply reply = talk.say("grace", "announce data-guild Free pizza");
        assertInstanceOf(Reply.Refused.class, reply);
        assertTrue(reply.summary().startsWith("Only a steward of data-guild"), reply.summary());
        assertEquals(writes, memory.writes());
        assertEquals(List.of(), memory.announcementSteps());
    }

    @Test
    void announce_toAnUnknownCommunity_isRefused_andWritesNothing() {
        int writes = memory.writes();
        assertInstanceOf(Reply.Refused.class, talk.say("ada", "announce no-such-guild Hello"));
        assertEquals(writes, memory.writes());
    }

    @Test
    void announce_aSecondTimeTheSameDay_isRefusedInOneSentence_andWritesNothing() {
        talk.say("ada", "announce data-guild First");
        int writes = memory.writes();

        Reply reply = talk.say("ada", "announce data-guild Second");

        assertInstanceOf(Reply.Refused.class, reply);
        assertTrue(reply.summary().contains("one a day"), reply.summary());
        assertEquals(writes, memory.writes());
        assertEquals(1, memory.announcementSteps().size());
    }

    @Test
    void announce_inFrench_usesTheFrenchWord() {
        Reply reply = talk.say("ada", "annoncer data-guild Réunion jeudi");
        assertInstanceOf(Reply.Done.class, reply, reply.summary());
    }

    @Test
    void gotIt_clickedTwice_countsOnce_andAnswersBriefly() {
        talk.say("ada", "announce data-guild The guild meets on Thursday");
        String reference = memory.announcementSteps().getFirst().announcement().reference();

        Reply first = talk.run("grace", new AnnounceVerbs.Acknowledge(reference));
        Reply second = talk.run("grace", new AnnounceVerbs.Acknowledge(reference));

        assertTrue(first.summary().startsWith("Noted"), first.summary());
        assertTrue(second.summary().startsWith("Already noted"), second.summary());
        assertEquals(1, announcement().acknowledged());
    }

    @Test
    void gotIt_bySomeoneNotAMember_isRefused_andCountsNothing() {
        talk.say("ada", "announce data-guild The guild meets on Thursday");
        String reference = memory.announcementSteps().getFirst().announcement().reference();
        talk.run("ken", new AnnounceVerbs.Acknowledge(reference));
        int writes = memory.writes();

        Reply reply = talk.run("ken", new AnnounceVerbs.Acknowledge(reference));

        assertInstanceOf(Reply.Refused.class, reply);
        assertEquals(writes, memory.writes());
        assertEquals(0, announcement().acknowledged());
    }

    @Test
    void gotIt_namingNoAnnouncement_isRefused() {
        assertInstanceOf(Reply.Refused.class, talk.run("grace", new AnnounceVerbs.Acknowledge("nonsense")));
    }

    @Test
    void counts_underFivePeople_sayFewerThanFive_andFromFiveSayTheNumber_neverWho() {
        talk.say("ada", "announce data-guild The guild meets on Thursday");
        String reference = memory.announcementSteps().getFirst().announcement().reference();
        expandAll();
        List<String> members = List.of("grace", "linus", "alan", "barbara", "edsger");
        members.subList(0, 4).forEach(m -> talk.run(m, new AnnounceVerbs.Acknowledge(reference)));
        announcementNotices().subList(0, 4).forEach(memory::reached);

        String few = talk.say("ada", "announcements data-guild").summary();
        assertTrue(few.contains("reached fewer than 5 people, acknowledged by fewer than 5 people"), few);

        talk.run("edsger", new AnnounceVerbs.Acknowledge(reference));
        memory.reached(announcementNotices().get(4));
        String five = talk.say("ada", "announcements data-guild").summary();
        assertTrue(five.contains("reached 5 people, acknowledged by 5 people"), five);
        members.forEach(m -> assertFalse(five.contains(m), five));
    }

    @Test
    void counts_forAMember_areRefused() {
        assertInstanceOf(Reply.Refused.class, talk.say("grace", "announcements data-guild"));
    }

    @Test
    void fanOut_ofManyMembers_writesOneNoticeEach_inPages() {
        IntStream.range(0, 11).forEach(i -> talk.say("member" + (char) ('a' + i), "join data-guild"));
        talk.say("ada", "announce data-guild Hello all");
        expandAll();
        assertEquals(16, announcementNotices().size());
        assertEquals(16, announcementNotices().stream().map(Notice::id).distinct().count());
    }

    @Test
    void aStepThatUsedHalfItsTime_stopsAfterAChunk_andTheNextStepGoesOnFromThere_tellingEachOnce() {
        IntStream.range(0, 120).forEach(i -> talk.say(String.format("m%03d", i), "join data-guild"));
        talk.say("ada", "announce data-guild Hello all");
        Announcement.Expansion first = memory.announcementSteps().getFirst();
        // Each look at the clock is 20 s later: past half of the 30 s left once the first chunk of 50 is told.
        Clock slow = new Clock() {
            private Instant now = NOW;

            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                now = now.plusSeconds(20);
                return now;
            }
        };
        AnnouncementFanOut bounded = new AnnouncementFanOut(store.announcements(), store.people(), Language.ENGLISH,
                AnnouncementFanOut.PAGE, slow);

        int told = bounded.step(first, Platform.SLACK, NOW.plusSeconds(20 + 30));

        assertTrue(told > 0 && told <= AnnouncementFanOut.CHUNK, "one chunk told: " + told);
        assertEquals(2, memory.announcementSteps().size(), "the next step kept");
        for (int i = 1; i < memory.announcementSteps().size(); i++) {
            bounded.step(memory.announcementSteps().get(i), Platform.SLACK);
        }
        assertEquals(125, announcementNotices().size());
        assertEquals(125, announcementNotices().stream().map(n -> n.to().account().userId()).distinct().count());
    }

    private Announcement announcement() {
        return store.announcements().find(memory.announcementSteps().getFirst().announcement().communityId(),
                Announcement.dayOf(NOW)).orElseThrow();
    }
}
