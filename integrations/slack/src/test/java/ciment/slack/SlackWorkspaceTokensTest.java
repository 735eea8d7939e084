package ciment.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.core.Ciment;
import ciment.core.config.Settings;
import ciment.core.config.TrustedDomains;
import ciment.core.model.Channel;
import ciment.core.model.ChatAccount;
import ciment.core.model.Link;
import ciment.core.model.Notice;
import ciment.core.model.Platform;
import ciment.core.model.Post;
import ciment.core.model.Recipient;
import ciment.core.model.Slug;
import ciment.core.model.Ulid;
import ciment.core.port.Refused;
import ciment.core.port.Repositories;
import ciment.core.port.SlackInstallations;
import ciment.core.testing.InMemoryRepositories;
import ciment.devkit.slack.FakeSlackApi;
import ciment.devkit.slack.SlackInteractions;
import ciment.devkit.slack.SlashCommands;
import ciment.slack.auth.AllowedWorkspaces;
import ciment.slack.auth.SlackSettings;
import ciment.slack.outbound.SlackMirrorSender;
import ciment.slack.outbound.SlackNoticeSender;
import com.slack.api.bolt.App;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * OAuth mode (SLACK_CLIENT_ID set): the app answers each workspace with its installed bot token, the delivery
 * senders send into each workspace with its own, and an uninstall forgets the workspace.
 */
class SlackWorkspaceTokensTest {
    private static final String SECRET = "test-signing-secret";
    private static final Instant AT = Instant.ofEpochSecond(1_699_999_990);
    private static final String INSTALLED = "T0INSTALL1";
    private static final String INSTALLED_TOKEN = "xoxb-installed";

    private final FakeSlackApi slackApi = FakeSlackApi.start();
    private final MapInstallations installations = new MapInstallations();

    @AfterEach
    void stop() {
        slackApi.close();
    }

    /** Installations in memory, as the table keeps them. */
    static final class MapInstallations implements SlackInstallations {
        final Map<String, Installation> byTeam = new ConcurrentHashMap<>();

        @Override
        public void save(Installation installation) {
            byTeam.put(installation.teamId(), installation);
        }

        @Override
        public Optional<Installation> find(String enterpriseId, String teamId) {
            return Optional.ofNullable(teamId == null ? null : byTeam.get(teamId));
        }

        @Override
        public void delete(String enterpriseId, String teamId) {
            byTeam.remove(teamId);
        }
    }

    private void install(String teamId, String token) {
        installations.save(new SlackInstallations.Installation(null, teamId, "Team " + teamId, "A0CIMENT01",
                FakeSlackApi.BOT_USER_ID, FakeSlackApi.BOT_ID, token, "chat:write", AT));
    }

    private Settings oauth(boolean withBotToken) {
        Map<String, String> values = new HashMap<>(Map.of(SlackSettings.SIGNING_SECRET, SECRET, AllowedWorkspaces.SETTING, "*",
                SlackSettings.API_URL, slackApi.baseUrl(), SlackSettings.CLIENT_ID, "1234.5678",
                SlackSettings.CLIENT_SECRET, "client-secret"));
        if (withBotToken) {
            values.put(SlackSettings.BOT_TOKEN, "xoxb-fallback");
        }
        return Settings.of(values);
    }

    private static Link linkIn(String workspace) {
        return new Link("01COMMUNITY", Slug.parse("data-guild"),
                new Channel(Platform.SLACK, workspace, "C0" + workspace, "mirror", null), "U0ADA", AT);
    }

    private static Post fromTeams() {
        return new Post(Ulid.random(AT), "01COMMUNITY", Slug.parse("data-guild"), "P0ADA", "Ada Lovelace",
                Platform.TEAMS, "Hello from Teams", AT);
    }

    @Test
    void mirrorCopy_intoAnInstalledWorkspace_goesWithItsToken_elsewhereWithTheFallbackToken() throws Exception {
        install(INSTALLED, INSTALLED_TOKEN);
        SlackMirrorSender sender = new SlackMirrorSender(oauth(true), InMemoryRepositories.create().people(), installations);

        sender.send(linkIn(INSTALLED), fromTeams(), Optional.empty());
        sender.send(linkIn("T0LEGACY01"), fromTeams(), Optional.empty());

        var posted = slackApi.calls("chat.postMessage");
        assertEquals(INSTALLED_TOKEN, posted.get(0).token());
        assertEquals("xoxb-fallback", posted.get(1).token());
    }

    @Test
    void mirrorCopy_intoAWorkspaceNeverInstalled_withoutAFallbackToken_isRefusedForGood() {
        SlackMirrorSender sender = new SlackMirrorSender(oauth(false), InMemoryRepositories.create().people(), installations);

        Refused refused = assertThrows(Refused.class, () -> sender.send(linkIn("T0NOWHERE1"), fromTeams(),
                Optional.empty()));

        assertTrue(refused.getMessage().contains("not installed in Slack workspace T0NOWHERE1"), refused.getMessage());
        assertEquals(0, slackApi.calls("chat.postMessage").size());
    }

    @Test
    void mirrorCopy_intoAWorkspaceInstalledAfterARefusal_goesWithItsToken_atTheNextCopy() throws Exception {
        SlackMirrorSender sender = new SlackMirrorSender(oauth(false), InMemoryRepositories.create().people(), installations);
        assertThrows(Refused.class, () -> sender.send(linkIn(INSTALLED), fromTeams(), Optional.empty()));

        install(INSTALLED, INSTALLED_TOKEN);
        sender.send(linkIn(INSTALLED), fromTeams(), Optional.empty());

        assertEquals(INSTALLED_TOKEN, slackApi.calls("chat.postMessage").get(0).token(), "the absence was not kept");
    }

    @Test
    void notice_toAPersonOfAnInstalledWorkspace_goesWithItsToken() throws Exception {
        install(INSTALLED, INSTALLED_TOKEN);
        SlackNoticeSender sender = new SlackNoticeSender(oauth(false), personId -> Optional.empty(), installations);

        sender.send(new Notice("01NOTICE", Recipient.direct(new ChatAccount(Platform.SLACK, INSTALLED, "U0BOB"), null),
                "Welcome to data-guild.", AT));

        assertEquals(INSTALLED_TOKEN, slackApi.calls("chat.postMessage").getLast().token());
    }

    @Test
    void command_fromAnInstalledWorkspace_asksSlackWithThatWorkspacesToken() throws Exception {
        String token = slackApi.registerOAuthCode("code-1", INSTALLED, "Installed Co");
        install(INSTALLED, token);
        slackApi.addUser(new FakeSlackApi.User("U0ADA", "Ada Lovelace", "ada", "ada@example.com").fromTeam(INSTALLED));
        Repositories store = InMemoryRepositories.create();
        Ciment ciment = new Ciment(store, Clock.systemUTC(), TrustedDomains.parse("example.com=" + INSTALLED));
        App app = CimentSlackApp.create(oauth(true), () -> ciment, Clock.systemUTC(), () -> installations);
        SlashCommands commands = new SlashCommands(SECRET, INSTALLED);

        String answer = BoltRequests.ok(app, commands.sign(commands.command("U0ADA", "ada", "whoami"), Instant.now()))
                .getBody();

        assertTrue(answer.contains("ada@example.com"), answer);
        assertEquals(token, slackApi.calls("users.info").getLast().token());
        assertTrue(slackApi.calls("users.info").stream().noneMatch(call -> "xoxb-fallback".equals(call.token())));
    }

    @Test
    void appUninstalled_forgetsTheWorkspacesInstallation_beforeTheAnswer() throws Exception {
        install(INSTALLED, INSTALLED_TOKEN);
        App app = CimentSlackApp.create(oauth(false), () -> null, Clock.systemUTC(), () -> installations);
        SlackInteractions events = new SlackInteractions(SECRET, INSTALLED);

        BoltRequests.ok(app, events.event(Map.of("type", "app_uninstalled"), SlackInteractions.newEventId(),
                Instant.now()));

        assertEquals(Optional.empty(), installations.find(null, INSTALLED));
    }
}
