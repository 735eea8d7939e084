package ciment.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.devkit.slack.FakeSlackApi;
import ciment.devkit.slack.SlackInteractions;
import ciment.devkit.slack.SlashCommands;
import ciment.local.LocalStack.SlackAnswer;
import ciment.local.LocalStack.SlackUser;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Over HTTP, as Slack drives Ciment: a person whose Slack is in French (users.info's locale fr-FR) reads help, a
 * post's answer, a feed, a refusal, a button's answer and their Home in French; an English speaker in the same
 * community reads the same in English.
 */
class SlackFrenchEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static LocalStack stack;
    private static SlackInteractions slack;

    @BeforeAll
    static void start() {
        stack = new LocalStack();
        slack = new SlackInteractions(LocalStack.SIGNING_SECRET, FakeSlackApi.TEAM_ID);
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    private static int send(SlashCommands.Signed signed) {
        return stack.post("/slack/events", signed.headers(), signed.body()).statusCode();
    }

    /** The last Home published for this user, as JSON text. */
    private static String home(SlackUser user) throws Exception {
        List<FakeSlackApi.Call> published = stack.slackApi.calls("views.publish").stream()
                .filter(call -> user.userId.equals(call.param("user_id"))).toList();
        assertFalse(published.isEmpty(), "no Home for " + user.name);
        return JSON.writeValueAsString(published.getLast().json("view"));
    }

    @Test
    void frenchSpeaker_readsEverythingInFrench_andAnEnglishSpeakerInTheSameCommunity_inEnglish() throws Exception {
        SlackUser ada = stack.slackUser("U0FR0001", "Ada");
        SlackUser camille = stack.slackUser(new FakeSlackApi.User("U0FR0002", "Camille Dupont", "camille",
                "camille@example.com").speaking("fr-FR"));
        ada.ciment("create fr-club Le club des francophones");

        // Ciment meets Camille (users.info says fr-FR): from then on, everything is in French.
        SlackAnswer whoami = camille.ciment("whoami");
        assertTrue(whoami.says("*Comptes :*") && whoami.says("*Compétences :*"), whoami.toString());
        SlackAnswer help = camille.ciment("help");
        assertTrue(help.says("*Commandes de Ciment*, à taper après `/ciment` :")
                && help.says("rejoindre une communauté (une communauté fermée demande à ses animateurs)"), help.toString());

        assertEquals(200, send(slack.messageButton(camille.userId, "ciment_join", "fr-club",
                stack.slackApi.responseUrl("camille-join"), Instant.now())));
        String joined = stack.slackApi.calls("response_url").stream()
                .filter(call -> "camille-join".equals(call.param("path"))).findFirst().orElseThrow().param("text");
        assertTrue(joined.startsWith("Bienvenue dans fr-club : publiez avec post fr-club"), joined);

        SlackAnswer posted = camille.ciment("post fr-club Bonjour à tous");
        assertTrue(posted.says("publiée dans *fr-club*.") && posted.says(">Bonjour à tous"), posted.toString());
        SlackAnswer feed = camille.ciment("feed fr-club");
        assertTrue(feed.says("*Dernières publications dans fr-club*") && feed.says("Bonjour à tous"), feed.toString());
        SlackAnswer refused = camille.ciment("join nowhere-club");
        assertTrue(refused.says(":no_entry: *Non effectué :* Il n’y a pas de communauté appelée nowhere-club"),
                refused.toString());

        assertEquals(200, send(slack.homeOpened(camille.userId, Instant.now())));
        String camillesHome = home(camille);
        assertTrue(camillesHome.contains("Vos communautés") && camillesHome.contains("*fr-club*")
                && camillesHome.contains("Quitter") && camillesHome.contains("Dernières publications dans vos communautés"),
                camillesHome);

        // Ada, in the same community, reads English.
        assertTrue(ada.ciment("help").says("*Ciment commands*, typed after `/ciment`:"));
        SlackAnswer adasFeed = ada.ciment("feed fr-club");
        assertTrue(adasFeed.says("*Latest in fr-club*") && adasFeed.says("Bonjour à tous"), adasFeed.toString());
        assertTrue(ada.ciment("join nowhere-club").says(":no_entry: *Not done:* There is no community called nowhere-club"));
        assertEquals(200, send(slack.homeOpened(ada.userId, Instant.now())));
        String adasHome = home(ada);
        assertTrue(adasHome.contains("Your communities") && adasHome.contains("Leave"), adasHome);
    }
}
