package ciment.core.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.core.Ciment;
import ciment.core.i18n.Catalogue;
import ciment.core.i18n.Language;
import ciment.core.model.Caller;
import ciment.core.model.ChatAccount;
import ciment.core.model.CommunityWelcome;
import ciment.core.model.Introduction;
import ciment.core.model.Notice;
import ciment.core.model.Platform;
import ciment.core.model.Recipient;
import ciment.core.port.Repositories;
import ciment.core.reply.Reply;
import ciment.core.testing.InMemoryRepositories;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WelcomesTest {
    private static final String GUIDELINES = "Be kind. *No* customer data <https://evil.example|here>.";
    private final InMemoryRepositories memory = new InMemoryRepositories();
    private final Repositories store = memory.repositories();
    private final Clock clock = Clock.fixed(Instant.parse("2026-12-08T10:00:00Z"), ZoneOffset.UTC);
    private final Ciment ciment = new Ciment(store, clock);
    private final Talk people = new Talk(ciment, clock);

    @BeforeEach
    void aCommunityWithASteward() {
        people.say("ada", "create data-guild Sharing data tips");
        people.say("grace", "communities");
    }

    private void refusedWritingNothing(String user, String text, String expected) {
        int before = memory.writes();
        Reply reply = people.say(user, text);
        assertInstanceOf(Reply.Refused.class, reply, reply.summary());
        assertTrue(reply.summary().contains(expected), reply.summary());
        assertEquals(before, memory.writes(), text + " wrote something");
    }

    @Test
    void guidelinesAndWelcome_setByTheSteward_areShownVerbatimToWhoeverJoins() {
        assertTrue(people.say("ada", "guidelines data-guild " + GUIDELINES).summary().contains(GUIDELINES));
        people.say("ada", "welcome data-guild Hello! Tell us what you work on.");

        String joined = people.say("grace", "join data-guild").summary();

        assertTrue(joined.startsWith("Welcome to data-guild"), joined);
        assertTrue(joined.contains("The stewards of data-guild say:\nHello! Tell us what you work on."), joined);
        assertTrue(joined.endsWith("Guidelines of data-guild:\n" + GUIDELINES), joined);
    }

    @Test
    void info_carriesTheGuidelinesAndWelcome_forTheRenderersToShow() {
        people.say("ada", "guidelines data-guild " + GUIDELINES);
        var info = (Reply.Info) people.say("grace", "info data-guild");
        assertEquals(new CommunityWelcome("", GUIDELINES), info.community().welcome());
    }

    @Test
    void otherSettings_keepTheGuidelines() {
        people.say("ada", "guidelines data-guild " + GUIDELINES);
        people.say("ada", "purpose data-guild Data tips");
        people.say("ada", "close data-guild");
        people.say("grace", "join data-guild");
        people.say("ada", "approve data-guild @grace");
        assertEquals(GUIDELINES, ((Reply.Info) people.say("grace", "info data-guild")).community().welcome().guidelines());
    }

    @Test
    void dash_clearsThem_andJoiningThenSaysNoMore() {
        people.say("ada", "guidelines data-guild " + GUIDELINES);
        people.say("ada", "welcome data-guild Hello");
        assertEquals("data-guild has no guidelines any more.", people.say("ada", "guidelines data-guild -").summary());
        assertEquals("data-guild has no welcome message any more.", people.say("ada", "welcome data-guild -").summary());

        assertEquals("Welcome to data-guild: post with post data-guild <text>.",
                people.say("grace", "join data-guild").summary());
    }

    @Test
    void frenchWords_setThem_too() {
        assertTrue(people.say("ada", "charte data-guild Soyez bienveillants").summary().contains("Soyez bienveillants"));
        assertTrue(people.say("ada", "bienvenue data-guild Bonjour !").summary().contains("Bonjour !"));
        assertEquals(new CommunityWelcome("Bonjour !", "Soyez bienveillants"),
                ((Reply.Info) people.say("ada", "info data-guild")).community().welcome());
    }

    @Test
    void refusals_writeNothing() {
        people.say("grace", "join data-guild");
        refusedWritingNothing("grace", "guidelines data-guild Be nice", "Only a steward of data-guild can set its guidelines");
        refusedWritingNothing("grace", "welcome data-guild Hi", "Only a steward of data-guild can set its welcome message");
        refusedWritingNothing("ada", "guidelines no-such Be nice", "no-such");
        refusedWritingNothing("ada", "guidelines data-guild", "guidelines data-guild <text>");
        refusedWritingNothing("ada", "guidelines data-guild " + "x".repeat(CommunityWelcome.GUIDELINES_MAX + 1),
                "at most 800 characters");
        refusedWritingNothing("ada", "welcome data-guild " + "x".repeat(CommunityWelcome.MESSAGE_MAX + 1),
                "at most 400 characters");
        people.say("ada", "archive data-guild");
        refusedWritingNothing("ada", "guidelines data-guild Be nice", "archived");
    }

    @Test
    void approvedRequest_andInvitation_notices_carryTheGuidelines() {
        people.say("ada", "guidelines data-guild " + GUIDELINES);
        people.say("ada", "close data-guild");
        ChatAccount grace = Talk.account("grace");
        ciment.handle(new Caller(grace, () -> Introduction.named("grace name"), "r-1", clock.instant(), null,
                new Recipient(grace, "D-GRACE", null)), "join data-guild");
        people.say("ada", "approve data-guild @grace");
        people.say("linus", "communities");
        people.say("ada", "invite data-guild @linus");

        List<Notice> told = memory.outbox();
        assertEquals(2, told.size());
        assertTrue(told.get(0).text().startsWith("Your request to join data-guild was approved"), told.get(0).text());
        assertTrue(told.get(0).text().endsWith("Guidelines of data-guild:\n" + GUIDELINES), told.get(0).text());
        assertTrue(told.get(1).text().endsWith("Guidelines of data-guild:\n" + GUIDELINES), told.get(1).text());
    }

    @Test
    void introductionInAConversation_isWrittenOnce_inTheConversationsLanguage() {
        ChatAccount installer = new ChatAccount(Platform.TEAMS, "tenant", "aad-1");
        Recipient team = new Recipient(installer, "19:general@thread.tacv2", "https://smba.example/");
        Caller install = new Caller(installer, () -> Introduction.named("Ines"), "a-1", clock.instant(), null, team,
                null, "fr-FR");
        Caller again = new Caller(installer, () -> Introduction.named("Ines"), "a-2", clock.instant().plusSeconds(1),
                null, team, null, "fr-FR");

        assertTrue(ciment.introduceIn(install, "@Ciment "));
        int writes = memory.writes();
        assertFalse(ciment.introduceIn(again, "@Ciment "));

        assertEquals(writes, memory.writes());
        assertEquals(1, memory.outbox().size());
        Notice introduction = memory.outbox().get(0);
        assertEquals(team, introduction.to());
        assertEquals(Language.FRENCH, introduction.language());
        assertTrue(introduction.text().contains("@Ciment rejoindre <communauté>"), introduction.text());
        assertTrue(ciment.introduceIn(new Caller(installer, () -> Introduction.named("Ines"), "a-3", clock.instant(),
                null, new Recipient(installer, "a:personal", null), null, "en-US"), ""));
        assertEquals(2, memory.outbox().size());
    }

    @Test
    void introductionToAPerson_isWrittenOnce_inTheirDirectMessages() {
        ChatAccount grace = Talk.account("grace");
        Caller opened = new Caller(grace, () -> Introduction.named("grace name"), "h-1", clock.instant());

        assertTrue(ciment.introduceTo(opened, "/ciment "));
        assertFalse(ciment.introduceTo(new Caller(grace, () -> Introduction.named("grace name"), "h-2",
                clock.instant().plusSeconds(60)), "/ciment "));

        assertEquals(1, memory.outbox().size());
        Notice introduction = memory.outbox().get(0);
        assertEquals(Recipient.direct(grace, null), introduction.to());
        assertEquals(Catalogue.ENGLISH.say("welcome.introduction", "/ciment "), introduction.text());
        assertTrue(introduction.text().contains("/ciment join <slug>"), introduction.text());
    }
}
