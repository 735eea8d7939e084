package ciment.core.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.core.Ciment;
import ciment.core.config.DefaultLanguage;
import ciment.core.config.Settings;
import ciment.core.config.WriteLimits;
import ciment.core.i18n.Language;
import ciment.core.model.Caller;
import ciment.core.model.ChatAccount;
import ciment.core.model.Directory;
import ciment.core.model.Introduction;
import ciment.core.model.Platform;
import ciment.core.port.Repositories;
import ciment.core.reply.Answer;
import ciment.core.testing.InMemoryRepositories;
import java.time.Instant;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Which language an answer is said in: chosen, else this request's, else the account's, else the deployment's. */
class ReadingLanguageTest {
    private static final ChatAccount SLACK = new ChatAccount(Platform.SLACK, "T1", "U1");
    private static final ChatAccount TEAMS = new ChatAccount(Platform.TEAMS, "tenant", "aad-1");
    private final Repositories store = InMemoryRepositories.create();
    private final Clock clock = Clock.fixed(Instant.parse("2026-12-07T10:00:00Z"), ZoneOffset.UTC);
    private int requests;

    private Ciment speaking(Language fallback) {
        return new Ciment(store, clock, Finance.off(), WriteLimits.DEFAULTS, fallback);
    }

    private Caller caller(ChatAccount account, String slackLocale, String requestLocale) {
        Introduction introduction = new Introduction("Camille", Optional.empty(), false, List.of(),
                Optional.ofNullable(slackLocale));
        return new Caller(account, () -> introduction, "r" + ++requests, clock.instant(), Directory.NONE, null, null,
                requestLocale);
    }

    @Test
    void aSlackPersonMetInFrench_isAnsweredInFrench_fromTheLanguageKeptWithTheirAccount() {
        Ciment ciment = speaking(Language.ENGLISH);
        ciment.answer(caller(SLACK, "fr-FR", null), "whoami");

        Answer later = ciment.answer(caller(SLACK, "en-US", null), "help");

        assertEquals(Language.FRENCH, later.words().language());
        assertEquals(Optional.of(Language.FRENCH), store.people().find(SLACK).orElseThrow().chatLanguage());
    }

    @Test
    void aTeamsRequestSaysItsLanguage_andThatWinsOverTheOneKeptWithTheAccount() {
        Ciment ciment = speaking(Language.ENGLISH);
        ciment.answer(caller(TEAMS, "en-US", "en-US"), "whoami");

        assertEquals(Language.FRENCH, ciment.answer(caller(TEAMS, null, "fr-FR"), "help").words().language());
        assertEquals(Language.ENGLISH, ciment.answer(caller(TEAMS, null, "en-GB"), "help").words().language());
    }

    @Test
    void aLanguageCimentDoesNotSpeak_fallsToTheDeploymentsLanguage() {
        assertEquals(Language.FRENCH, speaking(Language.FRENCH).answer(caller(TEAMS, null, "de-DE"), "help")
                .words().language());
        assertEquals(Language.ENGLISH, speaking(Language.ENGLISH).answer(caller(TEAMS, null, null), "help")
                .words().language());
    }

    @Test
    void helpFromSomeoneNeverMet_isAnsweredWithoutEnrollingThem() {
        speaking(Language.FRENCH).answer(caller(SLACK, "fr-FR", null), "help");

        assertTrue(store.people().find(SLACK).isEmpty(), "help wrote a person");
    }

    @Test
    void theDeploymentsLanguage_isReadFromItsSetting_andOneCimentDoesNotSpeakStopsTheFunction() {
        assertEquals(Language.FRENCH, DefaultLanguage.fromSettings(Settings.of(Map.of("CIMENT_DEFAULT_LANGUAGE", "fr-FR"))));
        assertEquals(Language.ENGLISH, DefaultLanguage.fromSettings(Settings.of(Map.of())));
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> DefaultLanguage.fromSettings(Settings.of(Map.of("CIMENT_DEFAULT_LANGUAGE", "xx"))));
        assertTrue(refused.getMessage().contains("[en, fr]"), refused.getMessage());
    }

    @Test
    void languageFr_isAnsweredInFrench_andWinsOverWhatTheChatToolSays_untilAuto() {
        Ciment ciment = speaking(Language.ENGLISH);

        Answer chosen = ciment.answer(caller(TEAMS, "en-US", "en-US"), "language fr");
        assertEquals("Ciment vous parle désormais en français.", chosen.summary());
        assertEquals(Language.FRENCH, ciment.answer(caller(TEAMS, null, "en-US"), "help").words().language());

        Answer auto = ciment.answer(caller(TEAMS, null, "en-US"), "langue auto");
        assertEquals("Ciment speaks your chat tool’s language to you again.", auto.summary());
        assertEquals(Language.ENGLISH, ciment.answer(caller(TEAMS, null, "en-US"), "aide").words().language());
    }

    @Test
    void aLanguageWithoutACatalogue_isRefused_namingThoseCimentSpeaks_andNothingChanges() {
        Ciment ciment = speaking(Language.ENGLISH);
        ciment.answer(caller(SLACK, "en-US", null), "whoami");

        Answer refused = ciment.answer(caller(SLACK, null, null), "language de");

        assertEquals("Ciment does not speak “de”: say one of en, fr, or auto, for example “language fr”.",
                refused.summary());
        assertEquals(Optional.empty(), store.people().find(SLACK).orElseThrow().language());
    }
}
