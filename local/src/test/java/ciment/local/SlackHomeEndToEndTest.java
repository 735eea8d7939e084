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
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Slack's App Home, buttons and Create-community modal over HTTP, as Slack drives them: signed events and
 * interactions to /slack/events, the Web API calls recorded by the fake Slack; and all of it in each person's
 * language (Slack's users.info locale).
 */
class SlackHomeEndToEndTest {
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

    private static HttpResponse<String> post(SlashCommands.Signed signed) {
        return stack.post("/slack/events", signed.headers(), signed.body());
    }

    /** The last Home published for this user, as JSON text. */
    private static String home(SlackUser user) throws Exception {
        List<FakeSlackApi.Call> published = stack.slackApi.calls("views.publish").stream()
                .filter(call -> user.userId.equals(call.param("user_id"))).toList();
        assertFalse(published.isEmpty(), "no Home for " + user.name);
        return JSON.writeValueAsString(published.getLast().json("view"));
    }

    @Test
    void homeOpened_showsMyCommunities_thenJoinClicked_joinsAndDrawsTheHomeAgain() throws Exception {
        SlackUser steward = stack.slackUser("U0HOME001", "Hana");
        SlackUser colleague = stack.slackUser("U0HOME002", "Ivo");
        steward.ciment("create home-club Home tab people");
        steward.ciment("tags home-club gardening");
        colleague.ciment("skills add Gardening");

        assertEquals(200, post(slack.homeOpened(steward.userId, Instant.now())).statusCode());
        String stewardsHome = home(steward);
        assertTrue(stewardsHome.contains("*home-club*") && stewardsHome.contains("you are a steward"), stewardsHome);

        assertEquals(200, post(slack.homeOpened(colleague.userId, Instant.now())).statusCode());
        String suggested = home(colleague);
        assertTrue(suggested.contains("Suggested for your roles and skills") && suggested.contains("*home-club*"), suggested);

        assertEquals(200, post(slack.homeButton(colleague.userId, "ciment_join", "home-club", Instant.now())).statusCode());
        assertTrue(colleague.ciment("info home-club").says("You are a member of *home-club*"));
        String after = home(colleague);
        assertTrue(after.contains("Welcome to home-club") && after.contains("ciment_leave"), after);
    }

    @Test
    void shortcut_opensTheModalWithItsTrigger_andTheSubmissionCreatesTheCommunity() throws Exception {
        SlackUser founder = stack.slackUser("U0HOME003", "Jun");
        founder.ciment("skills add Composting");
        String trigger = SlashCommands.newTriggerId();

        assertEquals(200, post(slack.shortcut(founder.userId, "create_community", trigger, Instant.now())).statusCode());
        FakeSlackApi.Call opened = stack.slackApi.calls("views.open").stream()
                .filter(call -> trigger.equals(call.param("trigger_id"))).findFirst().orElseThrow();
        assertEquals("xoxb-e2e", opened.token());
        String viewId = stack.slackApi.calls("views.update").getLast().param("view_id");
        assertTrue(viewId.startsWith("V0MODAL"), viewId);

        Map<String, Map<String, Object>> values = new LinkedHashMap<>();
        values.put("slug", SlackInteractions.text("slug", "compost-club"));
        values.put("purpose", SlackInteractions.text("purpose", "Turning scraps into soil"));
        values.put("suggested_tags", SlackInteractions.checkboxes("suggested_tags", List.of("Composting")));
        values.put("tags", SlackInteractions.text("tags", null));
        values.put("openness", SlackInteractions.radio("openness", "closed"));
        HttpResponse<String> ack = post(slack.submission(founder.userId, "create_community", viewId, values, Instant.now()));

        assertEquals(200, ack.statusCode());
        assertEquals("clear", JSON.readTree(ack.body()).path("response_action").asText(), ack.body());
        LocalStack.SlackAnswer info = founder.ciment("info compost-club");
        assertTrue(info.says("Turning scraps into soil") && info.says("composting") && info.says("Closed"), info.toString());
        assertTrue(home(founder).contains("Created compost-club"), home(founder));
    }

    @Test
    void submission_refused_answersOnTheField_andWritesNothing() throws Exception {
        SlackUser founder = stack.slackUser("U0HOME004", "Kai");
        founder.ciment("create kai-club Taken already");
        int items = stack.itemCount();

        Map<String, Map<String, Object>> values = new LinkedHashMap<>();
        values.put("slug", SlackInteractions.text("slug", "kai-club"));
        values.put("purpose", SlackInteractions.text("purpose", "Again"));
        values.put("openness", SlackInteractions.radio("openness", "open"));
        HttpResponse<String> ack = post(slack.submission(founder.userId, "create_community", "V0MODAL9", values,
                Instant.now()));

        assertEquals(200, ack.statusCode());
        assertEquals("errors", JSON.readTree(ack.body()).path("response_action").asText(), ack.body());
        assertTrue(JSON.readTree(ack.body()).path("errors").path("slug").asText().startsWith("The name kai-club is taken"));
        assertEquals(items, stack.itemCount());
    }

    @Test
    void joinButtonInTheCommunitiesAnswer_joins_andAnswersOnlyTheClicker() {
        SlackUser steward = stack.slackUser("U0HOME007", "Mia");
        SlackUser colleague = stack.slackUser("U0HOME008", "Noa");
        steward.ciment("create button-club Clicked into");

        HttpResponse<String> ack = post(slack.messageButton(colleague.userId, "ciment_join", "button-club",
                stack.slackApi.responseUrl("noa-1"), Instant.now()));

        assertEquals(200, ack.statusCode());
        FakeSlackApi.Call answer = stack.slackApi.calls("response_url").stream()
                .filter(call -> "noa-1".equals(call.param("path"))).findFirst().orElseThrow();
        assertEquals("ephemeral", answer.param("response_type"));
        assertTrue(answer.param("text").startsWith("Welcome to button-club"), answer.body());
        assertTrue(colleague.ciment("info button-club").says("You are a member of *button-club*"));
    }

    @Test
    void requestMadeFromTeams_isApprovedWithTheButtonInTheSlackStewardsHome() throws Exception {
        SlackUser steward = stack.slackUser("U0HOME009", "Ola");
        steward.ciment("create cross-club Across tools");
        steward.ciment("close cross-club");
        LocalStack.TeamsUser asker = stack.teamsUser("Pia");
        assertTrue(asker.ciment("join cross-club").says("your request went to its stewards"));

        post(slack.homeOpened(steward.userId, Instant.now()));
        String home = home(steward);
        assertTrue(home.contains("Requests (1)") && home.contains("Pia"), home);
        String value = JSON.readTree(home).findValues("value").stream().map(v -> v.asText())
                .filter(v -> v.startsWith("cross-club ")).findFirst().orElseThrow();

        assertEquals(200, post(slack.homeButton(steward.userId, "ciment_approve", value, Instant.now())).statusCode());

        assertTrue(home(steward).contains("Pia is now a member of cross-club"), home(steward));
        assertTrue(asker.ciment("info cross-club").says("You are a member"));
    }

    @Test
    void forgedOrStaleInteractions_get401_andChangeNothing() {
        SlackUser steward = stack.slackUser("U0HOME005", "Lea");
        steward.ciment("create forged-club Nobody joins by forgery");
        int items = stack.itemCount();
        int published = stack.slackApi.calls("views.publish").size();

        SlackInteractions forger = new SlackInteractions("not-the-secret", FakeSlackApi.TEAM_ID);
        assertEquals(401, post(forger.homeButton("U0HOME006", "ciment_join", "forged-club", Instant.now())).statusCode());
        assertEquals(401, post(slack.homeButton("U0HOME006", "ciment_join", "forged-club",
                Instant.now().minusSeconds(600))).statusCode());
        assertEquals(401, post(forger.homeOpened(steward.userId, Instant.now())).statusCode());
        assertEquals(401, post(forger.shortcut(steward.userId, "create_community", SlashCommands.newTriggerId(),
                Instant.now())).statusCode());

        assertEquals(items, stack.itemCount());
        assertEquals(published, stack.slackApi.calls("views.publish").size());
    }

    @Test
    void frenchSpeaker_readsEverythingInFrench_andAnEnglishSpeakerInTheSameCommunity_inEnglish() throws Exception {
        SlackUser ada = stack.slackUser("U0HOMEFR1", "Ada");
        SlackUser camille = stack.slackUser(new FakeSlackApi.User("U0HOMEFR2", "Camille Dupont", "camille",
                "camille@example.com").speaking("fr-FR"));
        ada.ciment("create fr-club Le club des francophones");

        // Ciment meets Camille (users.info says fr-FR): from then on, everything is in French.
        SlackAnswer whoami = camille.ciment("whoami");
        assertTrue(whoami.says("*Comptes :*") && whoami.says("*Compétences :*"), whoami.toString());
        SlackAnswer help = camille.ciment("help");
        assertTrue(help.says("*Commandes de Ciment*, à taper après `/ciment` :")
                && help.says("• `/ciment rejoindre &lt;communauté&gt;` : ")
                && help.says("rejoindre une communauté (une communauté fermée demande à ses animateurs)"), help.toString());

        assertEquals(200, post(slack.messageButton(camille.userId, "ciment_join", "fr-club",
                stack.slackApi.responseUrl("camille-join"), Instant.now())).statusCode());
        String joined = stack.slackApi.calls("response_url").stream()
                .filter(call -> "camille-join".equals(call.param("path"))).findFirst().orElseThrow().param("text");
        assertTrue(joined.startsWith("Bienvenue dans fr-club : publiez avec publier fr-club"), joined);

        // French words, typed with or without accents, for everyone.
        SlackAnswer posted = camille.ciment("publier fr-club Bonjour à tous");
        assertTrue(posted.says("publiée dans *fr-club*.") && posted.says(">Bonjour à tous"), posted.toString());
        SlackAnswer feed = camille.ciment("fil fr-club");
        assertTrue(feed.says("*Dernières publications dans fr-club*") && feed.says("Bonjour à tous"), feed.toString());
        SlackAnswer refused = camille.ciment("join nowhere-club");
        assertTrue(refused.says(":no_entry: *Non effectué :* Il n’y a pas de communauté appelée nowhere-club"),
                refused.toString());

        assertEquals(200, post(slack.homeOpened(camille.userId, Instant.now())).statusCode());
        String camillesHome = home(camille);
        assertTrue(camillesHome.contains("Vos communautés") && camillesHome.contains("*fr-club*")
                && camillesHome.contains("Quitter") && camillesHome.contains("Dernières publications dans vos communautés"),
                camillesHome);

        // Ada, in the same community, reads English, whichever language's words she types.
        assertTrue(ada.ciment("help").says("*Ciment commands*, typed after `/ciment`:"));
        SlackAnswer adaPosted = ada.ciment("publier fr-club Hello from Ada");
        assertTrue(adaPosted.says("Posted") && adaPosted.says(">Hello from Ada"), adaPosted.toString());
        SlackAnswer adasFeed = ada.ciment("feed fr-club");
        assertTrue(adasFeed.says("*Latest in fr-club*") && adasFeed.says("Bonjour à tous"), adasFeed.toString());
        assertTrue(ada.ciment("join nowhere-club").says(":no_entry: *Not done:* There is no community called nowhere-club"));
        assertEquals(200, post(slack.homeOpened(ada.userId, Instant.now())).statusCode());
        String adasHome = home(ada);
        assertTrue(adasHome.contains("Your communities") && adasHome.contains("Leave"), adasHome);
    }
}
