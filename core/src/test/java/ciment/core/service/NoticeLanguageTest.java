package ciment.core.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.core.Ciment;
import ciment.core.config.Settings;
import ciment.core.config.WriteLimits;
import ciment.core.cost.Meter;
import ciment.core.i18n.Language;
import ciment.core.model.Caller;
import ciment.core.model.ChatAccount;
import ciment.core.model.Directory;
import ciment.core.model.Introduction;
import ciment.core.model.Notice;
import ciment.core.model.Person;
import ciment.core.model.Platform;
import ciment.core.model.Recipient;
import ciment.core.model.Slug;
import ciment.core.port.Repositories;
import ciment.core.testing.InMemoryRepositories;
import ciment.core.testing.InMemoryUsage;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What Ciment sends on its own is said in its reader's language: the one they chose, else the one their chat tool
 * said for the account it goes to, else the deployment's. The words of others (a post quoted) stay as written.
 */
class NoticeLanguageTest {
    private static final ChatAccount ADA = slack("ada");
    private static final ChatAccount CAMILLE = slack("camille");
    private static final ChatAccount GRACE = slack("grace");
    private final InMemoryRepositories memory = new InMemoryRepositories();
    private final Repositories store = memory.repositories();
    private final InMemoryUsage usage = new InMemoryUsage();
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC);
    private final Finance finance = Finance.fromSettings(Settings.of(Map.of()), usage);
    private Ciment ciment = speaking(Language.ENGLISH);
    private int requests;

    private Ciment speaking(Language fallback) {
        return new Ciment(store, clock, finance, WriteLimits.DEFAULTS, fallback);
    }

    private static ChatAccount slack(String user) {
        return new ChatAccount(Platform.SLACK, "T1", user);
    }

    /** Slack's mentions as the tests write them: "@camille" is user camille's account. */
    private static final Directory MENTIONS = new Directory() {
        @Override
        public Optional<ChatAccount> accountOf(String mention) {
            return Optional.of(slack(mention.substring(1)));
        }

        @Override
        public List<String> mentionsIn(String text) {
            return Pattern.compile("(?<![\\w@])@[a-z]+").matcher(text).results().map(MatchResult::group).toList();
        }
    };

    /** A request from a Slack account whose users.info said {@code locale} (null: said none). */
    private void say(ChatAccount account, String locale, String text) {
        Introduction introduction = new Introduction(account.userId().substring(0, 1).toUpperCase()
                + account.userId().substring(1), Optional.empty(), false, List.of(), Optional.ofNullable(locale));
        ciment.handle(new Caller(account, () -> introduction, "r" + ++requests, clock.instant(),
                MENTIONS, new Recipient(account, "C0GENERAL", null)), text);
    }

    private Notice to(ChatAccount account) {
        List<Notice> told = memory.outbox().stream().filter(n -> n.to().account().equals(account)).toList();
        assertEquals(1, told.size(), "notices to " + account + ": " + memory.outbox());
        return told.get(0);
    }

    @Test
    void joinAnswers_toAFrenchSpeaker_areFrench_andToAnEnglishSpeaker_English() {
        say(ADA, "en-US", "create cross-club Across tools");
        say(ADA, "en-US", "close cross-club");
        say(CAMILLE, "fr-FR", "join cross-club");
        say(GRACE, "en-GB", "join cross-club");

        say(ADA, "en-US", "approve cross-club @camille");
        say(ADA, "en-US", "decline cross-club @grace");

        assertEquals("Votre demande pour rejoindre cross-club a été approuvée par Ada : bienvenue ! Publiez avec "
                + "publier cross-club <texte>.", to(CAMILLE).text());
        assertEquals(Language.FRENCH, to(CAMILLE).language());
        assertEquals("Your request to join cross-club was declined by Ada.", to(GRACE).text());
        assertEquals(Language.ENGLISH, to(GRACE).language());
    }

    @Test
    void aMention_ofAFrenchSpeaker_isFrench_quotingThePostAsWritten() {
        say(ADA, "en-US", "create data-guild Data tips");
        say(CAMILLE, "fr-FR", "join data-guild");
        say(GRACE, "en-GB", "join data-guild");

        say(ADA, "en-US", "post data-guild Thanks @camille and @grace, the dashboard is live");

        String reference = store.posts().latest(store.communities().find(Slug.parse("data-guild")).orElseThrow().id(),
                1).get(0).reference();
        assertEquals("Ada vous a mentionné dans data-guild (" + reference + ") : « Thanks @camille and @grace, the "
                + "dashboard is live » Ouvrez-la avec discussion " + reference + ".", to(CAMILLE).text());
        assertEquals("Ada mentioned you in data-guild (" + reference + "): “Thanks @camille and @grace, the dashboard "
                + "is live” Open it with thread " + reference + ".", to(GRACE).text());
        assertEquals(reference, to(CAMILLE).post());
    }

    @Test
    void anInvitation_ofAFrenchSpeaker_isFrench() {
        say(CAMILLE, "fr-FR", "whoami");
        say(ADA, "en-US", "create data-guild Data tips");

        say(ADA, "en-US", "invite data-guild @camille");

        assertEquals("Ada vous a invité dans data-guild (Data tips) : rejoignez-la avec rejoindre data-guild.",
                to(CAMILLE).text());
    }

    @Test
    void theLanguageAPersonChose_winsOverTheOneTheirChatToolSaid() {
        store.people().enroll(CAMILLE, new Person("01CAMILLE", "Camille").hearing(Optional.of(Language.FRENCH))
                .choosing(Optional.of(Language.ENGLISH)), Optional.empty());
        say(ADA, "fr-FR", "create data-guild Data tips");

        say(ADA, "fr-FR", "invite data-guild @camille");

        assertEquals("Ada invited you to data-guild (Data tips): join with join data-guild.", to(CAMILLE).text());
    }

    @Test
    void someoneWhoseToolSaidNoLanguage_isToldInTheDeploymentsLanguage() {
        ciment = speaking(Language.FRENCH);
        say(CAMILLE, null, "whoami");
        say(ADA, "en-US", "create data-guild Data tips");

        say(ADA, "en-US", "invite data-guild @camille");

        assertEquals(Language.FRENCH, to(CAMILLE).language());
        assertTrue(to(CAMILLE).text().startsWith("Ada vous a invité dans data-guild"), to(CAMILLE).text());
    }

    @Test
    void exportMyData_isSaidInTheLanguageOfTheRequest() {
        ChatAccount teams = new ChatAccount(Platform.TEAMS, "tenant", "aad-camille");
        ciment.handle(new Caller(teams, () -> Introduction.named("Camille"), "r-export", clock.instant(),
                mention -> Optional.empty(), null, null, "fr-FR"), "export-my-data");

        assertEquals("Voici tout ce que Ciment détient sur vous, sous forme de fichier JSON.", to(teams).text());
        assertTrue(to(teams).carriesPersonalData());
    }

    @Test
    void aBudgetAlert_isSaidInEachRecipientsLanguage() {
        say(CAMILLE, "fr-FR", "create data-guild Data tips");
        say(ADA, "en-US", "join data-guild");
        say(CAMILLE, "fr-FR", "steward add data-guild @ada");
        say(CAMILLE, "fr-FR", "budget data-guild 10");
        String guild = store.communities().find(Slug.parse("data-guild")).orElseThrow().id();
        usage.add(guild, LocalDate.of(2026, 11, 3), Meter.API_REQUESTS, 8_000_000);

        new BudgetWatch(store, usage, finance, clock, Language.ENGLISH).check(Set.of(guild));

        assertTrue(to(CAMILLE).text().startsWith("data-guild a utilisé 80 % de son budget mensuel de"),
                to(CAMILLE).text());
        assertTrue(to(ADA).text().startsWith("data-guild has used 80% of its monthly budget of"), to(ADA).text());
    }

    @Test
    void aRetriedRequest_tellsNoSecondTime_inEitherLanguage() {
        say(ADA, "en-US", "create data-guild Data tips");
        say(CAMILLE, "fr-FR", "join data-guild");
        Caller post = new Caller(ADA, () -> Introduction.named("Ada"), "r-same", clock.instant(), MENTIONS, null);
        ciment.handle(post, "post data-guild Over to you @camille");

        ciment.handle(post, "post data-guild Over to you @camille");

        assertEquals(Language.FRENCH, to(CAMILLE).language());
    }
}
