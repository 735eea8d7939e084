package ciment.core.service;

import ciment.core.i18n.Catalogue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.core.Ciment;
import ciment.core.config.Settings;
import ciment.core.config.WriteLimits;
import ciment.core.model.Caller;
import ciment.core.model.Channel;
import ciment.core.model.ChatMessage;
import ciment.core.model.Introduction;
import ciment.core.model.Platform;
import ciment.core.port.Repositories;
import ciment.core.reply.Reply;
import ciment.core.testing.InMemoryRepositories;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each person's writes per window (issue 14, item 5): a sentence past the limit, and nothing written. */
class WriteLimitsTest {
    private static final Channel GENERAL = new Channel(Platform.SLACK, "T1", "C0GENERAL", "general", null);
    private final InMemoryRepositories memory = new InMemoryRepositories();
    private final Repositories store = memory.repositories();
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-27T10:00:05Z"), ZoneOffset.UTC);
    private final Talk talk = new Talk(new Ciment(store, clock), clock);

    @BeforeEach
    void aCommunity() {
        talk.say("ada", "create data-guild Sharing data tips");
        talk.say("grace", "join data-guild");
    }

    private Reply refusedWritingNothing(Reply reply, int writesBefore) {
        assertInstanceOf(Reply.Refused.class, reply, reply.summary());
        assertEquals(writesBefore, memory.writes(), "a refusal writes nothing");
        return reply;
    }

    @Test
    void thirtyFirstPostInAMinute_isRefusedWithASentence_andNothingIsPosted() {
        IntStream.range(0, 30).forEach(i -> assertInstanceOf(Reply.Posted.class,
                talk.say("grace", "post data-guild Tip " + i)));
        int writes = memory.writes();

        Reply refused = refusedWritingNothing(talk.say("grace", "post data-guild One too many"), writes);

        assertEquals("You have reached Ciment's limit of 30 posts a minute, so nothing was posted: try again in 55"
                + " seconds.", refused.summary());
        assertEquals("Tip 29", ((Reply.Feed) talk.say("ada", "feed data-guild")).posts().get(0).text());
        assertInstanceOf(Reply.Posted.class, talk.say("ada", "post data-guild Another person's limit is their own"));
    }

    @Test
    void theNextWindow_takesPostsAgain() {
        IntStream.range(0, 30).forEach(i -> talk.say("grace", "post data-guild Tip " + i));
        assertInstanceOf(Reply.Refused.class, talk.say("grace", "post data-guild Too soon"));

        Clock nextMinute = Clock.offset(clock, Duration.ofSeconds(55));
        Talk later = new Talk(new Ciment(store, nextMinute), nextMinute);

        assertInstanceOf(Reply.Posted.class, later.say("grace", "post data-guild In the next minute"));
    }

    @Test
    void askReplyAndChannelMessages_spendTheSamePosts_andAChannelMessagePastTheLimitStaysInTheChannel() {
        Ciment ciment = new Ciment(store, clock, Finance.off(), limits("3/minute", "60/minute", "20/day"));
        Talk few = new Talk(ciment, clock);
        assertInstanceOf(Reply.Done.class, few.sayIn(GENERAL, "ada", "link data-guild"));
        String post = ((Reply.Posted) few.say("grace", "ask data-guild Which formatter?")).post().reference();
        assertInstanceOf(Reply.Posted.class, few.say("grace", "reply " + post + " sqlfluff, I think"));
        assertInstanceOf(Reply.Posted.class, few.writeIn(GENERAL, "grace", "1700000001.000100", null, "Third").get());
        int writes = memory.writes();

        Optional<Reply> fourth = few.writeIn(GENERAL, "grace", "1700000002.000100", null, "Fourth");

        Reply refused = refusedWritingNothing(fourth.orElseThrow(), writes);
        assertTrue(refused.summary().startsWith("You have reached Ciment's limit of 3 posts a minute, so this message"
                + " stays in the channel only: try again in"), refused.summary());
        assertEquals(Optional.empty(), store.messageCopies().find(Platform.SLACK, GENERAL.id(), "1700000002.000100"),
                "not recorded as shown there either");
        assertTrue(refusedWritingNothing(few.say("grace", "reply " + post + " and more"), writes).summary()
                .contains("so nothing was replied"));
    }

    @Test
    void saveToCommunity_spendsOnePost_whateverTheRepliesSaved() {
        Ciment ciment = new Ciment(store, clock, Finance.off(), limits("1/minute", "60/minute", "20/day"));
        var caller = new Caller(Talk.account("grace"), () -> Introduction.named("grace name"),
                "save-1", clock.instant());
        List<ChatMessage> thread = List.of(new ChatMessage("Ada", Platform.SLACK, "A message"),
                new ChatMessage("Linus", Platform.SLACK, "A reply"), new ChatMessage("Ada", Platform.SLACK, "Another"));
        assertInstanceOf(Reply.Posted.class, ciment.save(caller, "data-guild", thread));
        int writes = memory.writes();

        var again = new Caller(Talk.account("grace"), () -> Introduction.named("grace name"),
                "save-2", clock.instant());
        Reply refused = refusedWritingNothing(ciment.save(again, "data-guild", thread), writes);

        assertTrue(refused.summary().contains("limit of 1 post a minute, so nothing was saved"), refused.summary());
    }

    @Test
    void reactionsPastTheLimit_areRefused_andCountNothing() {
        Talk few = new Talk(new Ciment(store, clock, Finance.off(), limits("30/minute", "2/minute", "20/day")), clock);
        String post = ((Reply.Posted) few.say("ada", "post data-guild React to me")).post().reference();
        few.say("grace", "react " + post + " :tada:");
        few.say("grace", "unreact " + post + " :tada:");
        int writes = memory.writes();

        Reply refused = refusedWritingNothing(few.say("grace", "react " + post + " :eyes:"), writes);

        assertTrue(refused.summary().startsWith("You have reached Ciment's limit of 2 reactions a minute, so nothing"
                + " was changed"), refused.summary());
    }

    @Test
    void twentyFirstCommunityOfADay_isRefused_sayingWhenToTryAgain() {
        IntStream.range(0, 20).forEach(i -> assertInstanceOf(Reply.Done.class,
                talk.say("grace", "create club-" + i + " Club " + i)));
        int writes = memory.writes();

        Reply refused = refusedWritingNothing(talk.say("grace", "create club-20 One club too many"), writes);

        assertEquals("You have reached Ciment's limit of 20 new communities a day, so nothing was created: try again"
                + " in 14 hours.", refused.summary());
    }

    @Test
    void settings_giveTheLimits_theDefaultsWhenUnset_andAMalformedOneStopsTheFunction() {
        assertEquals(WriteLimits.DEFAULTS, WriteLimits.fromSettings(Settings.of(Map.of())));
        assertEquals(limits("5/minute", "100/hour", "3/day"), WriteLimits.fromSettings(Settings.of(Map.of(
                WriteLimits.POSTS, "5/minute", WriteLimits.REACTIONS, " 100 / Hour ", WriteLimits.CREATES, "3/day"))));
        IllegalStateException malformed = assertThrows(IllegalStateException.class,
                () -> WriteLimits.fromSettings(Settings.of(Map.of(WriteLimits.POSTS, "lots"))));
        assertEquals("CIMENT_LIMIT_POSTS is “lots”, not a rate: write it as 30/minute, 100/hour or 20/day",
                malformed.getMessage());
        assertThrows(IllegalStateException.class,
                () -> WriteLimits.fromSettings(Settings.of(Map.of(WriteLimits.CREATES, "0/day"))));
    }

    @Test
    void waitTimes_areRoundedUp_soThatTryingAgainThenWorks() {
        assertEquals("1 second", Catalogue.ENGLISH.say(WriteQuota.wait(Duration.ofMillis(200))));
        assertEquals("59 seconds", Catalogue.ENGLISH.say(WriteQuota.wait(Duration.ofMillis(58_001))));
        assertEquals("2 minutes", Catalogue.ENGLISH.say(WriteQuota.wait(Duration.ofSeconds(61))));
        assertEquals("1 hour", Catalogue.ENGLISH.say(WriteQuota.wait(Duration.ofMinutes(60))));
        assertEquals("24 hours", Catalogue.ENGLISH.say(WriteQuota.wait(Duration.ofHours(24))));
    }

    private static WriteLimits limits(String posts, String reactions, String creates) {
        return new WriteLimits(WriteLimits.Rate.parse(posts), WriteLimits.Rate.parse(reactions),
                WriteLimits.Rate.parse(creates));
    }
}
