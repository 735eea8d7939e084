package ciment.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.core.Ciment;
import ciment.core.config.Settings;
import ciment.core.testing.InMemoryRepositories;
import ciment.devkit.slack.FakeSlackApi;
import ciment.devkit.slack.SlackInteractions;
import ciment.devkit.slack.SlashCommands;
import ciment.slack.auth.AllowedWorkspaces;
import ciment.slack.auth.SlackSettings;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.bolt.App;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A person whose Slack is in French (users.info's locale fr-FR) reads Ciment in French, everywhere Slack shows it:
 * answers to commands, clicks, the Home tab and the modals; an English speaker in the same workspace, in English.
 */
class SlackInFrenchTest {
    private static final String SECRET = "test-signing-secret";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The fallback of a Slack date, as a French reader writes dates: 05/03/2026 14:07 UTC. */
    private static final Pattern FRENCH_DATE = Pattern.compile("\\|\\d\\d/\\d\\d/\\d{4} \\d\\d:\\d\\d UTC");

    private final FakeSlackApi slackApi = FakeSlackApi.start()
            .addUser("U0ADA", "Ada Lovelace", "ada", "ada@example.com")
            .addUser(new FakeSlackApi.User("U0CAM", "Camille Dupont", "camille", "camille@example.com").speaking("fr-FR"));
    private final SlackInteractions slack = new SlackInteractions(SECRET, FakeSlackApi.TEAM_ID);
    private final SlashCommands commands = new SlashCommands(SECRET, FakeSlackApi.TEAM_ID);
    private final Ciment ciment = new Ciment(InMemoryRepositories.create(), Clock.systemUTC());
    private final App app = CimentSlackApp.create(Settings.of(Map.of(SlackSettings.SIGNING_SECRET, SECRET,
            AllowedWorkspaces.SETTING, "*", SlackSettings.API_URL, slackApi.baseUrl(), SlackSettings.BOT_TOKEN,
            "xoxb-test")), () -> ciment, Clock.systemUTC());

    @AfterEach
    void stop() {
        slackApi.close();
    }

    /** The answer to the words, as the ephemeral message's text and blocks (JSON). */
    private String say(String userId, String text) throws Exception {
        return BoltRequests.ok(app, commands.sign(commands.command(userId, userId.toLowerCase(), text), Instant.now()))
                .getBody();
    }

    private String lastView(String method, String userId) throws Exception {
        List<FakeSlackApi.Call> calls = slackApi.calls(method).stream()
                .filter(call -> userId == null || userId.equals(call.param("user_id"))).toList();
        assertFalse(calls.isEmpty(), "no " + method + ": " + slackApi.calls());
        return JSON.writeValueAsString(calls.getLast().json("view"));
    }

    /**
     * Help enrols nobody, so Slack is not asked who a newcomer is: their first help is in the deployment's language,
     * and once Ciment has met them (any other command), in theirs.
     */
    /** Each fragment is in what Slack shows (said whole when one is missing). */
    private static void assertSays(String shown, String... fragments) {
        for (String fragment : fragments) {
            assertTrue(shown.contains(fragment), "no «" + fragment + "» in " + shown);
        }
    }

    @Test
    void help_isInFrench_forTheFrenchSpeaker_andInEnglish_forTheOther() throws Exception {
        say("U0CAM", "whoami");
        String french = say("U0CAM", "help");
        assertSays(french, "*Commandes de Ciment*, à taper après `/ciment` :", "• `/ciment rejoindre ",
                "rejoindre une communauté (une communauté fermée demande à ses animateurs)");

        String english = say("U0ADA", "help");
        assertSays(english, "*Ciment commands*, typed after `/ciment`:",
                "join a community (a closed one asks its stewards)");
    }

    @Test
    void postFeedInfoAndRefusal_areInFrench_withDatesWrittenTheFrenchWay() throws Exception {
        say("U0ADA", "create data-guild Data people");
        say("U0CAM", "join data-guild");

        String posted = say("U0CAM", "post data-guild Bonjour à tous");
        assertSays(posted, "publiée dans *data-guild*.", "Répondre", "Ouvrir le fil", "Réagir");

        String feed = say("U0CAM", "feed data-guild");
        assertSays(feed, "*Dernières publications dans data-guild*");
        assertTrue(FRENCH_DATE.matcher(feed).find(), feed);

        String info = say("U0CAM", "info data-guild");
        assertSays(info, "*Ouverte* : tout le monde peut la rejoindre.",
                "*Taille :*",
                "Vous êtes membre de *data-guild*.");

        String refused = say("U0CAM", "join gone-club");
        assertSays(refused, ":no_entry: *Non effectué :* Il n’y a pas de communauté appelée gone-club");

        String english = say("U0ADA", "feed data-guild");
        assertSays(english, "*Latest in data-guild*", "Open thread");
        assertTrue(say("U0ADA", "join gone-club").contains(":no_entry: *Not done:* There is no community called"));
    }

    @Test
    void joinClickedInAMessage_isAnsweredInFrench_throughTheResponseUrl() throws Exception {
        say("U0ADA", "create data-guild Data people");

        BoltRequests.ok(app, slack.messageButton("U0CAM", "ciment_join", "data-guild", slackApi.responseUrl("fr"),
                Instant.now()));
        BoltRequests.ok(app, slack.messageButton("U0ADA", "ciment_more", "not a page", slackApi.responseUrl("en"),
                Instant.now()));

        List<FakeSlackApi.Call> answers = slackApi.calls("response_url");
        String french = answers.stream().filter(call -> "fr".equals(call.param("path"))).findFirst().orElseThrow().body();
        assertSays(french, "Bienvenue dans data-guild : publiez avec publier data-guild");
        String english = answers.stream().filter(call -> "en".equals(call.param("path"))).findFirst().orElseThrow().body();
        assertSays(english, "This button does nothing any more: send /ciment feed.");
    }

    @Test
    void home_isDrawnInFrench_withItsButtons_andTheAnswerOfAClickOnTop() throws Exception {
        say("U0ADA", "create data-guild Data people");
        say("U0ADA", "create a11y Accessible products");
        say("U0ADA", "tags a11y accessibility");
        say("U0CAM", "skills add Accessibility");
        say("U0CAM", "join data-guild");

        BoltRequests.ok(app, slack.homeOpened("U0CAM", Instant.now()));
        String home = lastView("views.publish", "U0CAM");
        assertSays(home, "Vos communautés", "Suggérées selon vos rôles et compétences", "Créer une communauté",
                "Quitter", "Rejoindre", "vous en êtes membre", "Aussi dans n’importe quel canal");

        BoltRequests.ok(app, slack.homeButton("U0CAM", "ciment_join", "a11y", Instant.now()));
        assertTrue(lastView("views.publish", "U0CAM").contains("Bienvenue dans a11y"));

        BoltRequests.ok(app, slack.homeOpened("U0ADA", Instant.now()));
        String english = lastView("views.publish", "U0ADA");
        assertSays(english, "Your communities", "Create a community");
    }

    @Test
    void createModal_opensBare_thenIsFilledInFrench_andTheReplyModalIsInFrench() throws Exception {

        BoltRequests.ok(app, slack.shortcut("U0CAM", "create_community", SlashCommands.newTriggerId(), Instant.now()));
        String filled = JSON.writeValueAsString(slackApi.calls("views.update").getLast().json("view"));
        assertSays(filled, "Nouvelle communauté", "Qui peut la rejoindre ?", "Annuler");

        say("U0ADA", "create data-guild Data people");
        say("U0CAM", "join data-guild");
        String posted = say("U0CAM", "post data-guild Bonjour");
        String reference = JSON.readTree(posted).toString().replaceAll(".*?`(#[0-9A-Z]+)`.*", "$1");
        BoltRequests.ok(app, slack.homeOverflow("U0CAM", "ciment_post_menu",
                "{\"verb\":\"reply\",\"post\":\"" + reference + "\"}", Instant.now()));
        String modal = lastView("views.open", null);
        assertSays(modal, "Votre réponse à " + reference, "Répondre");
        assertEquals(1, slackApi.calls("views.update").size());
    }
}
