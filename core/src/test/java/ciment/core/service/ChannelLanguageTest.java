package ciment.core.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import ciment.core.Ciment;
import ciment.core.i18n.Language;
import ciment.core.model.Channel;
import ciment.core.model.Platform;
import ciment.core.port.Repositories;
import ciment.core.reply.Reply;
import ciment.core.testing.InMemoryRepositories;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A linked channel's stewards set the language Ciment writes in on the copies of posts there. */
class ChannelLanguageTest {
    private static final Channel GENERAL = new Channel(Platform.SLACK, "T1", "C0GENERAL", "general", null);
    private static final Channel RANDOM = new Channel(Platform.SLACK, "T1", "C0RANDOM", "random", null);
    private final InMemoryRepositories memory = new InMemoryRepositories();
    private final Repositories store = memory.repositories();
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC);
    private final Talk talk = new Talk(new Ciment(store, clock), clock);

    @BeforeEach
    void aCommunityLinkedToGeneral() {
        talk.say("ada", "create data-guild Sharing data tips");
        talk.say("grace", "join data-guild");
        talk.sayIn(GENERAL, "ada", "link data-guild");
    }

    private Optional<Language> languageOfGeneral() {
        return store.links().linkOf(GENERAL).orElseThrow().language();
    }

    private String refusedWritingNothing(Channel in, String user, String text) {
        int writes = memory.writes();
        Reply reply = talk.sayIn(in, user, text);
        assertInstanceOf(Reply.Refused.class, reply, reply.summary());
        assertEquals(writes, memory.writes(), "a refusal writes nothing");
        return reply.summary();
    }

    @Test
    void aSteward_setsFrench_inTheChannel_andLinksShowsIt() {
        Reply done = talk.sayIn(GENERAL, "ada", "channel-language fr");

        assertEquals("Ciment now writes its lines on copies of posts in #general in Slack in French (who wrote them, "
                + "where, their replies); the posts' words stay as written.", done.summary());
        assertEquals(Optional.of(Language.FRENCH), languageOfGeneral());
        assertEquals("data-guild is linked to #general in Slack (French).", talk.say("grace", "links data-guild").summary());
    }

    @Test
    void default_givesTheChannelBackToTheDeploymentsLanguage() {
        talk.sayIn(GENERAL, "ada", "channel-language fr-FR");

        Reply done = talk.sayIn(GENERAL, "ada", "channel-language default");

        assertEquals("Ciment now writes its lines on copies of posts in #general in Slack in this deployment's "
                + "language, English (who wrote them, where, their replies); the posts' words stay as written.",
                done.summary());
        assertEquals(Optional.empty(), languageOfGeneral());
        assertEquals("data-guild is linked to #general in Slack.", talk.say("grace", "links data-guild").summary());
    }

    @Test
    void aMember_isRefused_andNothingChanges() {
        assertEquals("Only a steward of data-guild can set the language of its channels: info data-guild names them.",
                refusedWritingNothing(GENERAL, "grace", "channel-language fr"));
        assertEquals(Optional.empty(), languageOfGeneral());
    }

    @Test
    void aLanguageCimentDoesNotSpeak_isRefused_sayingWhichItDoes() {
        assertEquals("Ciment does not speak “klingon”: say one of en, fr, or default, for example “channel-language fr”.",
                refusedWritingNothing(GENERAL, "ada", "channel-language klingon"));
        assertEquals("Say which language Ciment writes in on copies of posts in this channel: one of en, fr, or "
                + "default, for example “channel-language fr”.", refusedWritingNothing(GENERAL, "ada", "channel-language"));
    }

    @Test
    void aChannelNotLinked_isRefused() {
        assertEquals("#random in Slack is not linked to any community: a steward links it first (link <slug>, sent "
                + "here).", refusedWritingNothing(RANDOM, "ada", "channel-language fr"));
    }
}
