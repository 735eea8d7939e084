package ciment.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.core.Ciment;
import ciment.core.config.Settings;
import ciment.core.i18n.Catalogue;
import ciment.core.port.SlackInstallations;
import ciment.core.testing.InMemoryRepositories;
import ciment.devkit.slack.FakeSlackApi;
import ciment.devkit.slack.SlackInteractions;
import ciment.devkit.slack.SlashCommands;
import ciment.slack.auth.AllowedWorkspaces;
import ciment.slack.auth.SlackSettings;
import ciment.slack.auth.WorkspaceGate;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.slack.api.bolt.App;
import com.slack.api.bolt.response.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * CIMENT_SLACK_ALLOWED_WORKSPACES on every request (OAuth mode): a workspace taken off the list is refused at its
 * next command, event or interaction although its installation is still stored, before the installation is even
 * looked up, and each kind of request gets the answer Slack expects.
 */
class SlackWorkspaceGateTest {
    private static final String SECRET = "test-signing-secret";
    private static final Instant AT = Instant.ofEpochSecond(1_699_999_990);
    private static final String KEPT = "T0KEPT0001";
    private static final String REMOVED = "T0REMOVED1";
    private static final String ORGANISATION = "E0ORG00001";

    private final FakeSlackApi slackApi = FakeSlackApi.start();
    private final CountedInstallations installations = new CountedInstallations();
    private final AtomicInteger cimentAsked = new AtomicInteger();
    private final Ciment ciment = new Ciment(InMemoryRepositories.create(), Clock.systemUTC());

    @AfterEach
    void stop() {
        slackApi.close();
    }

    /** The installations in memory, counting each lookup. */
    static final class CountedInstallations implements SlackInstallations {
        private final SlackWorkspaceTokensTest.MapInstallations kept = new SlackWorkspaceTokensTest.MapInstallations();
        final AtomicInteger finds = new AtomicInteger();

        @Override
        public void save(Installation installation) {
            kept.save(installation);
        }

        @Override
        public Optional<Installation> find(String enterpriseId, String teamId) {
            finds.incrementAndGet();
            return kept.find(enterpriseId, teamId);
        }

        @Override
        public void delete(String enterpriseId, String teamId) {
            kept.delete(enterpriseId, teamId);
        }
    }

    private App app(String allowed) {
        for (String team : new String[] {KEPT, REMOVED}) {
            String token = slackApi.registerOAuthCode("code-" + team, team, "Team " + team);
            installations.save(new SlackInstallations.Installation(null, team, "Team " + team, "A0CIMENT01",
                    FakeSlackApi.BOT_USER_ID, FakeSlackApi.BOT_ID, token, "chat:write", AT));
            slackApi.addUser(new FakeSlackApi.User("U0" + team.substring(2), "Someone", "someone",
                    team.toLowerCase() + "@example.com").fromTeam(team));
        }
        Settings settings = Settings.of(Map.of(SlackSettings.SIGNING_SECRET, SECRET, SlackSettings.API_URL,
                slackApi.baseUrl(), SlackSettings.CLIENT_ID, "1234.5678", SlackSettings.CLIENT_SECRET, "client-secret",
                AllowedWorkspaces.SETTING, allowed));
        return CimentSlackApp.create(settings, () -> {
            cimentAsked.incrementAndGet();
            return ciment;
        }, Clock.systemUTC(), () -> installations);
    }

    private static SlashCommands.Signed command(String team, String text) {
        SlashCommands commands = new SlashCommands(SECRET, team);
        return commands.sign(commands.command("U0" + team.substring(2), "someone", text), Instant.now());
    }

    private void assertNothingDone(int findsBefore) {
        assertEquals(findsBefore, installations.finds.get(), "the installation was not even looked up");
        assertEquals(0, cimentAsked.get(), "Ciment was not asked");
        assertEquals(java.util.List.of(), slackApi.calls(), "Slack was not called");
    }

    @Test
    void slashCommand_fromARemovedWorkspaceStillInstalled_getsTheSentenceOnlyToTheAsker_andNothingIsDone()
            throws Exception {
        App app = app(KEPT);
        int finds = installations.finds.get();

        Response response = BoltRequests.run(app, command(REMOVED, "create removed-guild Never made"));

        assertEquals(200, response.getStatusCode(), "Slack shows the body of a 200 only");
        JsonObject answer = JsonParser.parseString(response.getBody()).getAsJsonObject();
        assertEquals("ephemeral", answer.get("response_type").getAsString());
        assertEquals(WorkspaceGate.refusal(REMOVED, Catalogue.ENGLISH), answer.get("text").getAsString());
        assertNothingDone(finds);
    }

    @Test
    void slashCommand_fromAKeptWorkspace_isServed() throws Exception {
        Response response = BoltRequests.ok(app(KEPT + ", " + ORGANISATION), command(KEPT, "whoami"));

        assertTrue(response.getBody().contains("Slack, here (\\u003c@U0KEPT0001"), response.getBody());
    }

    @Test
    void events_fromARemovedWorkspace_areAcknowledged_soSlackDoesNotRetry_andNothingIsDone() throws Exception {
        App app = app(KEPT);
        SlackInteractions removed = new SlackInteractions(SECRET, REMOVED);
        int finds = installations.finds.get();

        for (SlashCommands.Signed event : new SlashCommands.Signed[] {removed.homeOpened("U0REMOVED1", Instant.now()),
            removed.event(SlackInteractions.message("U0REMOVED1", "C0LINKED1", "1700000000.000100", null, "Hello"),
                    SlackInteractions.newEventId(), Instant.now()),
            removed.reaction(true, "U0REMOVED1", "tada", "C0LINKED1", "1700000000.000100", "U0OTHER", Instant.now())}) {
            Response response = BoltRequests.run(app, event);
            assertEquals(200, response.getStatusCode(), event.body());
            assertTrue(response.getBody() == null || response.getBody().isEmpty(), response.getBody());
        }
        assertNothingDone(finds);
    }

    @Test
    void interactions_fromARemovedWorkspace_get403WithTheSentence_andNothingIsDone() throws Exception {
        App app = app(KEPT);
        SlackInteractions removed = new SlackInteractions(SECRET, REMOVED);
        int finds = installations.finds.get();
        Instant now = Instant.now();

        for (SlashCommands.Signed interaction : new SlashCommands.Signed[] {
            removed.homeButton("U0REMOVED1", "community_join", "data-guild", now),
            removed.shortcut("U0REMOVED1", "create_community", SlashCommands.newTriggerId(), now),
            removed.messageShortcut("U0REMOVED1", "save_to_community", SlashCommands.newTriggerId(), "C0LINKED1",
                    Map.of("ts", "1700000000.000100", "user", "U0REMOVED1", "text", "Worth keeping"),
                    slackApi.responseUrl("removed"), now),
            removed.submission("U0REMOVED1", "create_community", "V0MODAL1", Map.of(), now)}) {
            Response response = BoltRequests.run(app, interaction);
            assertEquals(403, response.getStatusCode(), interaction.body());
            assertEquals(WorkspaceGate.refusal(REMOVED, Catalogue.ENGLISH), response.getBody());
        }
        assertNothingDone(finds);
    }

    @Test
    void appUninstalled_ofARemovedWorkspace_stillForgetsItsInstallation() throws Exception {
        App app = app(KEPT);

        BoltRequests.ok(app, new SlackInteractions(SECRET, REMOVED).event(Map.of("type", "app_uninstalled"),
                SlackInteractions.newEventId(), Instant.now()));

        assertEquals(Optional.empty(), installations.find(null, REMOVED));
    }

    @Test
    void onEnterpriseGrid_anOrganisationListed_letsInItsWorkspaces_andAWorkspaceListed_needsNoOrganisation()
            throws Exception {
        App byOrganisation = app(ORGANISATION);
        assertEquals(200, BoltRequests.run(byOrganisation, gridCommand(KEPT, ORGANISATION)).getStatusCode());
        assertTrue(BoltRequests.run(byOrganisation, gridCommand(KEPT, ORGANISATION)).getBody()
                .contains("Slack, here (\\u003c@U0KEPT0001"), "served");
        assertTrue(BoltRequests.run(byOrganisation, gridCommand(KEPT, "E0OTHER001")).getBody()
                .contains(WorkspaceGate.refusal(KEPT, Catalogue.ENGLISH)), "another organisation's workspace is not");

        App byWorkspace = app(KEPT);
        assertTrue(BoltRequests.run(byWorkspace, gridCommand(KEPT, "E0OTHER001")).getBody()
                .contains("Slack, here (\\u003c@U0KEPT0001"), "a listed workspace, whatever its organisation");
    }

    @Test
    void event_isJudgedByTheInstallationItCameThrough_notByTheTopLevelTeam() throws Exception {
        App app = app(KEPT);
        int finds = installations.finds.get();

        // A shared channel: the top-level team is the kept workspace, the authorization (the installation the
        // event is delivered for) the removed one.
        Response response = BoltRequests.run(app, sharedChannelMessage(KEPT, REMOVED));

        assertEquals(200, response.getStatusCode());
        assertNothingDone(finds);
    }

    @Test
    void urlVerification_carriesNoWorkspace_andIsAnswered() throws Exception {
        String body = "{\"token\":\"legacy\",\"challenge\":\"c-123\",\"type\":\"url_verification\"}";
        Response response = BoltRequests.ok(app(KEPT), new SlashCommands(SECRET, KEPT)
                .sign(body, Instant.now().getEpochSecond()).withHeader("Content-Type", "application/json"));

        assertTrue(response.getBody().contains("c-123"), response.getBody());
    }

    @Test
    void anEmptyList_refusesToBuildTheApp() {
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> app(" "));

        assertTrue(refused.getMessage().startsWith(AllowedWorkspaces.SETTING + " is empty"), refused.getMessage());
    }

    /** whoami typed in a workspace of an Enterprise Grid organisation: the form carries both ids. */
    private static SlashCommands.Signed gridCommand(String team, String enterprise) {
        SlashCommands commands = new SlashCommands(SECRET, team);
        String body = commands.command("U0" + team.substring(2), "someone", "whoami").formBody() + "&enterprise_id="
                + URLEncoder.encode(enterprise, StandardCharsets.UTF_8);
        return commands.sign(body, Instant.now().getEpochSecond());
    }

    private static SlashCommands.Signed sharedChannelMessage(String topLevelTeam, String authorizedTeam) {
        String body = "{\"token\":\"legacy\",\"team_id\":\"" + topLevelTeam + "\",\"api_app_id\":\"A0CIMENT01\","
                + "\"event\":{\"type\":\"message\",\"user\":\"U0SOMEONE\",\"text\":\"hi\",\"ts\":\"1700000000.000100\","
                + "\"channel\":\"C0SHARED1\",\"channel_type\":\"channel\",\"event_ts\":\"1700000000.000100\"},"
                + "\"type\":\"event_callback\",\"event_id\":\"" + SlackInteractions.newEventId() + "\","
                + "\"event_time\":1700000000,\"authorizations\":[{\"enterprise_id\":null,\"team_id\":\"" + authorizedTeam
                + "\",\"user_id\":\"U0BOT\",\"is_bot\":true,\"is_enterprise_install\":false}]}";
        return new SlashCommands(SECRET, topLevelTeam).sign(body, Instant.now().getEpochSecond())
                .withHeader("Content-Type", "application/json");
    }
}
