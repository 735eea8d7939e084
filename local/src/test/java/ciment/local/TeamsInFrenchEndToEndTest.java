package ciment.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.devkit.teams.FakeBotFramework;
import ciment.devkit.teams.TeamsActivities;
import ciment.local.LocalStack.TeamsAnswer;
import ciment.local.LocalStack.TeamsUser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 16 over HTTP through the local runner, on moto, with Bot Framework tokens minted by the fake Bot
 * Connector: a Teams person whose activities say fr-FR reads help, a post's answer, a feed, a refusal and a card
 * action's answer in French, while an English speaker of the same community (en-US) reads them in English. The
 * words typed are English command words.
 */
class TeamsInFrenchEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static LocalStack stack;
    private static TeamsUser camille;
    private static TeamsUser ada;

    @BeforeAll
    static void start() {
        stack = new LocalStack();
        ada = stack.teamsUser("Ada Anglaise");
        camille = stack.teamsUser("Camille Française").speaking("fr-FR");
        assertTrue(ada.ciment("create cafe-club Coffee lovers").says("cafe-club"));
        assertTrue(camille.ciment("join cafe-club").says("Bienvenue dans cafe-club"));
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @Test
    void help_isInFrench_forTheFrenchSpeaker_andInEnglishForTheOther() {
        TeamsAnswer french = camille.ciment("help");
        TeamsAnswer english = ada.ciment("help");

        assertTrue(french.text().startsWith("**Commandes de Ciment** (envoyez-les-moi ;"), french.text());
        assertTrue(french.says("- `publier <communauté> <texte>` : publier dans une communauté dont vous êtes membre"),
                french.text());
        assertTrue(english.text().startsWith("**Ciment commands** (send them to me;"), english.text());
    }

    @Test
    void postsAnswer_andFeed_areInFrench_withFrenchButtons_andInEnglishForTheOther() {
        TeamsAnswer french = camille.ciment("post cafe-club Bonjour à tous");
        TeamsAnswer english = ada.ciment("post cafe-club Hello everyone");
        TeamsAnswer feed = camille.ciment("feed cafe-club");

        assertTrue(french.text().matches("#[0-9A-Z]{26} publiée dans cafe-club\\."), french.text());
        assertTrue(french.cards().contains("title=Ouvrir le fil"), french.cards());
        assertTrue(english.text().matches("Posted #[0-9A-Z]{26} in cafe-club\\."), english.text());
        assertTrue(english.cards().contains("title=Open thread"), english.cards());
        assertTrue(feed.says("Dernières publications dans cafe-club"), feed.cards());
        assertTrue(feed.says("Bonjour à tous") && feed.says("Hello everyone"), feed.cards());
        assertTrue(feed.says("· depuis Teams") && feed.says("{{DATE("), feed.cards());
    }

    @Test
    void refusal_isInFrench_forTheFrenchSpeaker_andInEnglishForTheOther() {
        assertEquals("Il n’y a pas de communauté appelée the-void : envoyez communautés pour en trouver une, ou"
                + " créez-la.", camille.ciment("join the-void").text());
        assertTrue(ada.ciment("join the-void").text().startsWith("There is no community called the-void"));
    }

    @Test
    void cardActionsAnswer_isTheCardDrawnAgainInFrench() {
        ada.ciment("create the-book-club Reading together");
        assertTrue(camille.ciment("info the-book-club").says("Rejoignez-la avec rejoindre the-book-club."));
        JsonNode info = JSON.valueToTree(stack.botFramework.sent().getLast().attachmentContents().get(0));
        JsonNode join = info.findParents("verb").stream().filter(a -> "join".equals(a.path("verb").asText()))
                .findFirst().orElseThrow(() -> new AssertionError("no Join in " + info));
        assertEquals("Rejoindre", join.path("title").asText());

        @SuppressWarnings("unchecked")
        Map<String, Object> data = JSON.convertValue(join.path("data"), Map.class);
        JsonNode answer = invoke(camille.message("").cardAction("join", data));

        String drawn = answer.path("value").toString();
        assertTrue(drawn.contains("Bienvenue dans the-book-club"), drawn);
        assertTrue(drawn.contains("Vous êtes membre de the-book-club.") && drawn.contains("\"title\":\"Quitter\""),
                drawn);
    }

    /** A signed invoke, answered in the HTTP response: its JSON body. */
    private static JsonNode invoke(TeamsActivities.Message invoke) {
        HttpResponse<String> response = stack.post("/api/messages", Map.of("Content-Type", "application/json",
                "Authorization", FakeBotFramework.bearer(stack.botFramework.token(stack.botFramework.serviceUrl()))),
                invoke.json());
        assertEquals(200, response.statusCode(), response.body());
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
