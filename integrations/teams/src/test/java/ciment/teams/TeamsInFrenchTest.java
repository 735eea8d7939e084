package ciment.teams;

import static ciment.teams.FakeTeams.button;
import static ciment.teams.FakeTeams.card;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.core.Ciment;
import ciment.core.testing.InMemoryRepositories;
import ciment.devkit.teams.FakeBotFramework;
import ciment.devkit.teams.Json;
import ciment.devkit.teams.TeamsActivities;
import ciment.teams.inbound.MessagingExtension;
import ciment.teams.inbound.SaveToCommunity;
import ciment.teams.render.AdaptiveCards;
import ciment.teams.render.CardActions;
import ciment.teams.render.PostButtons;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each person reads Ciment in the language their Teams client says (activity.locale): Camille's says fr-FR and
 * gets French texts, cards, buttons and dialogs; Ada's says en-US and gets them in English, in the same
 * community. The words typed are English command words (French ones are the lead's).
 */
class TeamsInFrenchTest {
    private static final String TENANT = "tenant-fr";
    private static final String CHANNEL = "19:general@thread.tacv2";

    private FakeTeams teams;
    private FakeBotFramework.Member camille;
    private FakeBotFramework.Member ada;

    @BeforeEach
    void start() {
        teams = FakeTeams.start(new Ciment(InMemoryRepositories.create(), Clock.systemUTC()), new MemoryCopies(),
                Clock.systemUTC());
        camille = teams.member("camille", "Camille Durand", TENANT);
        ada = teams.member("ada", "Ada Lovelace", TENANT);
        say(ada, "create data-guild Data people");
        say(camille, "join data-guild");
    }

    @AfterEach
    void stop() {
        teams.fake().close();
    }

    /** Camille's Teams client says fr-FR, Ada's en-US. */
    private TeamsActivities.Message from(FakeBotFramework.Member who) {
        return TeamsActivities.message(teams.fake().serviceUrl(), teams.fake().botId()).tenant(TENANT)
                .from(who.id(), who.aadObjectId(), who.name()).conversation(CHANNEL)
                .locale(who == camille ? "fr-FR" : "en-US");
    }

    private FakeBotFramework.SentActivity say(FakeBotFramework.Member who, String text) {
        return teams.send(from(who).text(text));
    }

    @Test
    void help_isInFrenchForCamille_andInEnglishForAda() {
        String french = say(camille, "help").text();
        String english = say(ada, "help").text();

        assertTrue(french.startsWith("**Commandes de Ciment** (envoyez-les-moi ; dans un canal, @mentionnez-moi"
                + " d’abord)"), french);
        assertTrue(french.contains("- `rejoindre <communauté>` : rejoindre une communauté (une communauté fermée demande"
                + " à ses animateurs)"), french);
        assertTrue(english.startsWith("**Ciment commands** (send them to me; in a channel, @mention me first)"), english);
        assertTrue(english.contains("- `join <slug>`: join a community (a closed one asks its stewards)"), english);
    }

    @Test
    void post_isAnsweredInFrench_withTheCardsButtonsInFrench_andInEnglishForAda() {
        FakeBotFramework.SentActivity french = say(camille, "post data-guild Bonjour à tous");
        FakeBotFramework.SentActivity english = say(ada, "post data-guild Hello all");

        assertTrue(french.text().matches("#[0-9A-Z]{26} publiée dans data-guild\\."), french.text());
        assertEquals(List.of("Répondre", "Envoyer", "👍", "Ouvrir le fil"), card(french).findValuesAsText("title"));
        assertEquals("Votre réponse", card(french).findValue("placeholder").asText());
        assertTrue(card(french).toString().contains("· depuis Teams"), card(french).toString());
        assertTrue(english.text().matches("Posted #[0-9A-Z]{26} in data-guild\\."), english.text());
        assertEquals(List.of("Reply", "Send", "👍", "Open thread"), card(english).findValuesAsText("title"));
    }

    @Test
    void feed_isTitledInFrench_withTheDatesLeftToTeams_andInEnglishForAda() {
        say(ada, "post data-guild Hello all");

        String french = card(say(camille, "feed data-guild")).toString();
        String english = card(say(ada, "feed data-guild")).toString();

        assertTrue(french.contains("Dernières publications dans data-guild"), french);
        assertTrue(french.contains("{{DATE("), "Teams writes the date in the reader's language: " + french);
        assertTrue(english.contains("\"Latest in data-guild\""), english);
    }

    @Test
    void refusal_isSaidInFrench_andInEnglishForAda() {
        assertEquals("Il n’y a pas de communauté appelée no-such : envoyez communautés pour en trouver une, ou"
                + " créez-la.", say(camille, "join no-such").text());
        assertTrue(say(ada, "join no-such").text().startsWith("There is no community called no-such"));
    }

    @Test
    void cardAction_isAnsweredInFrench_theCardDrawnAgainInFrench() {
        FakeBotFramework.SentActivity posted = say(ada, "post data-guild Release is out");
        Map<String, Object> react = Json.parseObject(button(card(posted), PostButtons.REACT).path("data").toString());

        JsonNode answer = teams.invoke(from(camille).cardAction(PostButtons.REACT, react));

        assertEquals(AdaptiveCards.CONTENT_TYPE, answer.path("type").asText());
        String drawn = answer.path("value").toString();
        assertTrue(drawn.contains("Fil dans data-guild"), drawn);
        assertTrue(drawn.contains("Pas encore de réponse : répondez avec répondre #"), drawn);
        assertTrue(drawn.contains("\"title\":\"Ouvrir le fil\""), drawn);
    }

    @Test
    void joinFromTheInfoCard_isAnsweredInFrench_withLeaveInFrench() {
        say(ada, "create book-club Books");
        JsonNode info = card(say(camille, "info book-club"));
        assertTrue(info.toString().contains("Rejoignez-la avec rejoindre book-club."), info.toString());
        assertTrue(info.toString().contains("\"title\":\"Rejoindre\""), info.toString());
        Map<String, Object> join = Json.parseObject(button(info, "join").path("data").toString());

        String drawn = teams.invoke(from(camille).cardAction("join", join)).path("value").toString();

        assertTrue(drawn.contains("Bienvenue dans book-club"), drawn);
        assertTrue(drawn.contains("\"title\":\"Quitter\""), drawn);
        assertTrue(drawn.contains("État : ") && drawn.contains("Vous êtes membre de book-club."), drawn);
    }

    @Test
    void buttonThatIsNotCiments_isAnsweredInFrench() {
        JsonNode answer = teams.invoke(from(camille).cardAction(PostButtons.REACT, Map.of("ref", "not a post")));

        assertEquals(CardActions.MESSAGE_TYPE, answer.path("type").asText());
        assertEquals("Ce bouton n’est pas un bouton de Ciment : envoyez aide pour voir ce que fait Ciment.",
                answer.path("value").asText());
    }

    @Test
    void messagingExtension_andSaveToCommunity_speakFrench() {
        JsonNode hint = teams.invoke(from(camille).composeInitialRun(MessagingExtension.SEARCH_PEOPLE)).path("composeExtension");
        JsonNode dialog = teams.invoke(from(camille).fetchTask(SaveToCommunity.COMMAND,
                TeamsActivities.messagePayload("1700000000300", "Ada Lovelace", "<p>Notes</p>"))).path("task");
        JsonNode saved = teams.invoke(from(camille).submitAction(SaveToCommunity.COMMAND, Map.of("slug", "data-guild"),
                TeamsActivities.messagePayload("1700000000301", "Ada Lovelace", "<p>Notes</p>"))).path("task");

        assertTrue(hint.path("text").asText().startsWith("Tapez un rôle ou une compétence"), hint.toString());
        assertEquals("Enregistrer dans une communauté", dialog.path("value").path("title").asText());
        assertEquals("Enregistrer", dialog.path("value").path("card").path("content").path("actions").get(0)
                .path("title").asText());
        assertTrue(saved.path("value").asText().matches("Enregistré sous #[0-9A-Z]{26} dans data-guild\\."),
                saved.toString());
    }
}
