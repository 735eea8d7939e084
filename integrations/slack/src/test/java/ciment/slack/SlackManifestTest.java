package ciment.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.core.Ciment;
import ciment.core.config.Settings;
import ciment.core.port.Repositories;
import ciment.core.testing.InMemoryRepositories;
import ciment.devkit.slack.FakeSlackApi;
import ciment.devkit.slack.SlackInteractions;
import ciment.slack.auth.AllowedWorkspaces;
import ciment.slack.auth.SlackScopes;
import ciment.slack.auth.SlackSettings;
import ciment.slack.render.CreateCommunityModal;
import ciment.slack.render.SaveModal;
import com.slack.api.bolt.App;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.MethodsClient;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * manifest.yaml against the code: the scopes it asks for are exactly {@link SlackScopes#bot()}, the methods in
 * SlackScopes are exactly those the code calls, every bot event it subscribes to has a handler, and its URLs,
 * command and shortcuts are the ones the app serves.
 */
class SlackManifestTest {
    private static final Path MANIFEST = Path.of("manifest.yaml");
    private static final Path SOURCES = Path.of("src/main/java/ciment/slack");
    private static final String SECRET = "test-signing-secret";

    private final FakeSlackApi slackApi = FakeSlackApi.start();
    private final SlackInteractions slack = new SlackInteractions(SECRET, FakeSlackApi.TEAM_ID);

    @AfterEach
    void stop() {
        slackApi.close();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> manifest() throws IOException {
        try (InputStream in = Files.newInputStream(MANIFEST)) {
            return new Yaml().load(in);
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T at(Map<String, Object> yaml, String... path) {
        Object node = yaml;
        for (String name : path) {
            node = ((Map<String, Object>) node).get(name);
        }
        return (T) node;
    }

    @Test
    void manifestScopes_areExactlyThoseTheCodeNeeds() throws IOException {
        List<String> scopes = at(manifest(), "oauth_config", "scopes", "bot");
        assertEquals(SlackScopes.bot(), new TreeSet<>(scopes));
        assertEquals(scopes.size(), Set.copyOf(scopes).size(), "a scope is listed twice");
        assertTrue(at(manifest(), "oauth_config", "scopes").equals(Map.of("bot", scopes)), "no user scopes");
    }

    @Test
    void scopeTable_listsEveryWebApiMethodTheCodeCalls_andNoOther() throws IOException {
        Set<String> clientMethods = Arrays.stream(MethodsClient.class.getMethods()).map(Method::getName)
                .collect(Collectors.toSet());
        Pattern call = Pattern.compile("\\.([a-z]+[A-Z]\\w*)\\(");
        Set<String> called = new TreeSet<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher matcher = call.matcher(Files.readString(file));
                while (matcher.find()) {
                    if (clientMethods.contains(matcher.group(1))) {
                        called.add(slackName(matcher.group(1)));
                    }
                }
            }
        }
        assertTrue(called.contains("chat.postMessage") && called.contains("views.publish"), called.toString());
        // auth.test is Bolt's own call (each request's token); the rest are the code's.
        called.add("auth.test");
        assertEquals(new TreeSet<>(SlackScopes.METHODS.keySet()), called);
    }

    @Test
    void slashCommand_asksSlackForIds_asMrkdwnTypedReadsThem() throws IOException {
        List<Map<String, Object>> commands = at(manifest(), "features", "slash_commands");
        // Escaped, Slack names people by id (<@U…>) and links addresses: Mrkdwn.typed reads exactly that form,
        // and SlashCommands (devkit) sends tests' words in it. Unescaped, @Carol would arrive as plain text.
        assertEquals(true, commands.getFirst().get("should_escape"), commands.toString());
    }

    /** chatPostMessage: chat.postMessage, as Slack names its methods. */
    private static String slackName(String javaName) {
        int split = 0;
        while (!Character.isUpperCase(javaName.charAt(split))) {
            split++;
        }
        return javaName.substring(0, split) + "." + Character.toLowerCase(javaName.charAt(split))
                + javaName.substring(split + 1);
    }

    @Test
    void manifestEvents_areThoseInTheScopeTable_andEachHasAHandler() throws Exception {
        List<String> events = at(manifest(), "settings", "event_subscriptions", "bot_events");
        Set<String> expected = new TreeSet<>(SlackScopes.EVENTS.keySet());
        expected.addAll(SlackScopes.INSTALL_EVENTS.keySet());
        assertEquals(expected, new TreeSet<>(events));

        Repositories store = InMemoryRepositories.create();
        Ciment ciment = new Ciment(store, Clock.systemUTC());
        App app = CimentSlackApp.create(Settings.of(Map.of(SlackSettings.SIGNING_SECRET, SECRET, AllowedWorkspaces.SETTING, "*",
                SlackSettings.API_URL, slackApi.baseUrl(), SlackSettings.BOT_TOKEN, "xoxb-test")), () -> ciment,
                Clock.systemUTC());
        for (String event : events) {
            Response response = BoltRequests.run(app, slack.event(sample(event), SlackInteractions.newEventId(),
                    Instant.now()));
            assertEquals(200, response.getStatusCode(), event + " has no handler: " + response.getBody());
        }
    }

    /** A small event of the kind the manifest names (message.channels: a message in a public channel). */
    private static Map<String, Object> sample(String manifestName) {
        String ts = Instant.now().getEpochSecond() + ".000100";
        Map<String, Object> event = new HashMap<>();
        String[] parts = manifestName.split("\\.", 2);
        event.put("type", parts[0]);
        event.put("event_ts", ts);
        switch (parts[0]) {
            case "message" -> {
                event.putAll(Map.of("channel_type", switch (parts[1]) {
                    case "channels" -> "channel";
                    case "groups" -> "group";
                    default -> parts[1];
                }, "channel", "C0SOMEWHERE", "user", "U0ADA", "text", "hello", "ts", ts));
            }
            case "reaction_added", "reaction_removed" -> event.putAll(Map.of("user", "U0ADA", "reaction", "tada",
                    "item_user", "U0BOB", "item", Map.of("type", "message", "channel", "C0SOMEWHERE", "ts", ts)));
            case "app_home_opened" -> event.putAll(Map.of("user", "U0ADA", "channel", "D0ADA", "tab", "messages"));
            case "tokens_revoked" -> event.put("tokens", Map.of("oauth", List.of(), "bot", List.of("U0CIMENTBOT")));
            default -> {
            }
        }
        return event;
    }

    @Test
    void manifestUrls_useTheBaseUrlPlaceholder_andTheAppsRoutes() throws IOException {
        Map<String, Object> manifest = manifest();
        String events = "{{BASE_URL}}/slack/events";
        assertEquals(events, at(manifest, "settings", "event_subscriptions", "request_url"));
        assertEquals(events, at(manifest, "settings", "interactivity", "request_url"));
        assertEquals(true, at(manifest, "settings", "interactivity", "is_enabled"));
        assertEquals(List.of("{{BASE_URL}}" + SlackSettings.REDIRECT_PATH), at(manifest, "oauth_config", "redirect_urls"));
        List<Map<String, Object>> commands = at(manifest, "features", "slash_commands");
        assertEquals(1, commands.size());
        assertEquals(CimentSlackApp.COMMAND, commands.getFirst().get("command"));
        assertEquals(events, commands.getFirst().get("url"));
        assertEquals(false, at(manifest, "settings", "socket_mode_enabled"));
        assertEquals(false, at(manifest, "settings", "org_deploy_enabled"));
        assertEquals(false, at(manifest, "settings", "token_rotation_enabled"));
        String text = Files.readAllLines(MANIFEST).stream().filter(line -> !line.strip().startsWith("#"))
                .collect(Collectors.joining("\n"));
        Matcher urls = Pattern.compile("(https?://|\\{\\{)[^\"\\s]*").matcher(text);
        while (urls.find()) {
            assertTrue(urls.group().startsWith("{{BASE_URL}}/slack/"), "a URL without the placeholder: " + urls.group());
        }
    }

    @Test
    void manifestAppHome_hasTheHomeTab_andAMessagesTabPeopleCanReplyIn() throws IOException {
        Map<String, Object> home = at(manifest(), "features", "app_home");
        assertEquals(true, home.get("home_tab_enabled"));
        assertEquals(true, home.get("messages_tab_enabled"));
        // Replies in the thread of a notice about a post become replies to that post (message.im).
        assertEquals(false, home.get("messages_tab_read_only_enabled"));
    }

    @Test
    void manifestShortcuts_areTheOnesTheAppHandles() throws IOException {
        List<Map<String, Object>> shortcuts = at(manifest(), "features", "shortcuts");
        Map<String, Object> byId = shortcuts.stream().collect(Collectors.toMap(s -> (String) s.get("callback_id"),
                s -> s.get("type")));
        assertEquals(Map.of(CreateCommunityModal.CALLBACK_ID, "global", SaveModal.CALLBACK_ID, "message"), byId);
        assertFalse(shortcuts.stream().anyMatch(s -> String.valueOf(s.get("description")).length() > 80),
                "Slack takes shortcut descriptions of 80 characters at most");
    }
}
