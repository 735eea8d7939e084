package ciment.teams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.core.Ciment;
import ciment.core.command.Grammar;
import ciment.core.testing.InMemoryRepositories;
import ciment.devkit.teams.FakeBotFramework;
import ciment.devkit.teams.TeamsActivities;
import ciment.teams.auth.ClientCredentials;
import ciment.teams.auth.InboundAuth;
import ciment.teams.inbound.CimentBot;
import ciment.teams.inbound.MessagingExtension;
import ciment.teams.inbound.SaveToCommunity;
import ciment.teams.inbound.TeamsEndpoint;
import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.bot.builder.BotFrameworkAdapter;
import com.microsoft.bot.connector.authentication.AuthenticationConfiguration;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * appPackage/manifest.json (Teams app manifest v1.17) against the code it describes: the command ids the bot
 * handles, the command words Ciment answers, the permission the channel messages need, the icons, and the
 * schema's limits (lengths, list sizes) that Teams checks on upload.
 */
class TeamsAppPackageTest {
    private static final JsonNode MANIFEST = TeamsApp.manifest();
    private static FakeBotFramework fake;
    private static TeamsEndpoint endpoint;

    @BeforeAll
    static void start() {
        fake = FakeBotFramework.start();
        Clock clock = Clock.systemUTC();
        endpoint = new TeamsEndpoint(new BotFrameworkAdapter(
                new ClientCredentials(null, null, URI.create(fake.oauthTokenUrl()), clock),
                new AuthenticationConfiguration(), null, null, null),
                new CimentBot(new Ciment(InMemoryRepositories.create(), clock), clock), InboundAuth.unauthenticated());
    }

    @AfterAll
    static void stop() {
        fake.close();
    }

    @Test
    void schemaAndManifestVersion_match_andAreV117() {
        assertEquals("1.17", MANIFEST.path("manifestVersion").asText());
        assertEquals("https://developer.microsoft.com/en-us/json-schemas/teams/v1.17/MicrosoftTeams.schema.json",
                MANIFEST.path("$schema").asText());
        assertTrue(MANIFEST.path("version").asText().matches("\\d+\\.\\d+\\.\\d+"), "version is semver");
    }

    @Test
    void appId_botId_extensionBotId_andWebApplicationId_areAllTheAppIdPlaceholder() {
        assertEquals(TeamsApp.APP_ID, MANIFEST.path("id").asText());
        assertEquals(1, MANIFEST.path("bots").size());
        assertEquals(TeamsApp.APP_ID, bot().path("botId").asText());
        assertEquals(1, MANIFEST.path("composeExtensions").size(), "the schema allows one messaging extension");
        assertEquals(TeamsApp.APP_ID, extension().path("botId").asText());
        assertEquals(TeamsApp.APP_ID, MANIFEST.path("webApplicationInfo").path("id").asText());
    }

    @Test
    void onlyTheFillScriptsPlaceholders_appear() {
        Set<String> used = TeamsApp.placeholdersIn(TeamsApp.manifestText());
        assertTrue(TeamsApp.PLACEHOLDERS.containsAll(used), "unknown placeholders: " + used);
    }

    @Test
    void bot_isInPersonalTeamAndGroupChat_talks_andSendsFiles() {
        assertEquals(Set.of("personal", "team", "groupChat"), texts(bot().path("scopes")));
        assertFalse(bot().path("isNotificationOnly").asBoolean(true), "people send it commands");
        // export-my-data sends a file consent card (TeamsDataFile): Teams shows those only with supportsFiles.
        assertTrue(bot().path("supportsFiles").asBoolean(false));
    }

    @Test
    void commandLists_coverEveryScope_withAtMostTenCommands_eachAWordCimentAnswers() {
        Set<String> words = commandWords();
        Set<String> covered = new HashSet<>();
        JsonNode lists = bot().path("commandLists");
        assertTrue(lists.size() >= 1 && lists.size() <= 3, "the schema allows 1 to 3 command lists");
        for (JsonNode list : lists) {
            covered.addAll(texts(list.path("scopes")));
            JsonNode commands = list.path("commands");
            assertTrue(commands.size() >= 1 && commands.size() <= 10, list.path("scopes") + ": 1 to 10 commands");
            Set<String> titles = new HashSet<>();
            for (JsonNode command : commands) {
                String title = command.path("title").asText();
                assertTrue(words.contains(title), title + " is not a command word of Grammar.AVAILABLE: " + words);
                assertTrue(titles.add(title), title + " twice in " + list.path("scopes"));
                assertLength(command, "title", 1, 32);
                assertLength(command, "description", 1, 128);
            }
            assertTrue(titles.contains("help"), "every list starts from help");
        }
        assertEquals(texts(bot().path("scopes")), covered, "a command list for each of the bot's scopes");
    }

    @Test
    void messagingExtension_namesExactlyTheCommandIdsTheCodeHandles() {
        Set<String> queries = new TreeSet<>();
        Set<String> actions = new TreeSet<>();
        for (JsonNode command : extension().path("commands")) {
            String type = command.path("type").asText("query"); // the schema's default
            (type.equals("action") ? actions : queries).add(command.path("id").asText());
        }
        assertEquals(new TreeSet<>(MessagingExtension.COMMANDS), queries);
        assertEquals(Set.of(SaveToCommunity.COMMAND), actions);
    }

    @Test
    void searches_takeTheParameterTheCodeReads_andTheActionOpensADialogOnAMessage() {
        assertTrue(extension().path("commands").size() <= 10);
        for (JsonNode command : extension().path("commands")) {
            assertLength(command, "id", 1, 64);
            assertLength(command, "title", 1, 32);
            assertLength(command, "description", 1, 128);
            if (command.path("type").asText().equals("action")) {
                assertTrue(command.path("fetchTask").asBoolean(false), "the code answers fetchTask with its dialog");
                assertEquals(Set.of("message"), texts(command.path("context")), "a message action");
            } else {
                assertEquals(List.of(MessagingExtension.QUERY), names(command.path("parameters")));
                assertFalse(texts(command.path("context")).contains("message"));
            }
        }
    }

    @Test
    void everyManifestCommand_reachesItsHandler_andAnUnknownIdIsTold() {
        for (JsonNode command : extension().path("commands")) {
            String id = command.path("id").asText();
            TeamsActivities.Message invoke = TeamsActivities.message(fake.serviceUrl(), fake.botId());
            invoke = command.path("type").asText().equals("action")
                    ? invoke.fetchTask(id, TeamsActivities.messagePayload("1700000000000", "Ada", "<p>Hello</p>"))
                    : invoke.composeQuery(id, "anything");
            TeamsEndpoint.Answer answer = endpoint.handle(invoke.json(), null);
            assertEquals(200, answer.status(), id + ": " + answer.body());
            assertFalse(answer.body().contains("does not know"), id + ": " + answer.body());
        }
        TeamsEndpoint.Answer unknown = endpoint.handle(TeamsActivities.message(fake.serviceUrl(), fake.botId())
                .composeQuery("searchSomethingElse", "x").json(), null);
        assertTrue(unknown.body().contains("does not know the search searchSomethingElse"), unknown.body());
        TeamsEndpoint.Answer unknownAction = endpoint.handle(TeamsActivities.message(fake.serviceUrl(), fake.botId())
                .fetchTask("shareElsewhere", TeamsActivities.messagePayload("1", "Ada", "<p>Hi</p>")).json(), null);
        assertTrue(unknownAction.body().contains("does not know this action"), unknownAction.body());
    }

    @Test
    void resourceSpecificConsent_asksChannelMessagesOnly_asTheBotReadsChannelsNotGroupChats() {
        List<String> permissions = new ArrayList<>();
        for (JsonNode permission : MANIFEST.path("authorization").path("permissions").path("resourceSpecific")) {
            permissions.add(permission.path("name").asText() + "/" + permission.path("type").asText());
        }
        // TeamsChannelMessages turns a linked channel's every message into posts: that needs this permission.
        // A group chat cannot be linked, so ChatMessage.Read.Chat would ask for messages Ciment never uses.
        assertEquals(List.of("ChannelMessage.Read.Group/Application"), permissions);
        assertFalse(MANIFEST.path("webApplicationInfo").path("resource").asText().isBlank(),
                "RSC needs webApplicationInfo with a resource");
    }

    @Test
    void validDomains_holdTheHostPlaceholder() {
        assertEquals(Set.of(TeamsApp.HOST), texts(MANIFEST.path("validDomains")));
    }

    @Test
    void namesDescriptionsAndColour_areWithinTheSchemasLimits() {
        assertLength(MANIFEST.path("name"), "short", 1, 30);
        assertLength(MANIFEST.path("name"), "full", 1, 100);
        assertLength(MANIFEST.path("description"), "short", 1, 80);
        assertLength(MANIFEST.path("description"), "full", 1, 4000);
        assertLength(MANIFEST.path("developer"), "name", 1, 32);
        assertEquals("Ciment", MANIFEST.path("developer").path("name").asText());
        assertTrue(MANIFEST.path("accentColor").asText().matches("#[0-9A-Fa-f]{6}"));
        assertTrue(Set.of("identity", "messageTeamMembers").containsAll(texts(MANIFEST.path("permissions"))));
    }

    @Test
    void developerUrls_areHttpsUrls_onceFilled() {
        JsonNode filled = TeamsApp.parse(TeamsApp.filled("https://abc123.execute-api.us-east-1.amazonaws.com/dev",
                "00000000-0000-0000-0000-0000000000aa"));
        for (String field : List.of("websiteUrl", "privacyUrl", "termsOfUseUrl")) {
            URI url = URI.create(filled.path("developer").path(field).asText());
            assertEquals("https", url.getScheme(), field);
            assertTrue(url.getHost() != null && url.getHost().contains("."), field + ": " + url);
        }
        URI resource = URI.create(filled.path("webApplicationInfo").path("resource").asText());
        assertEquals("https", resource.getScheme());
        assertEquals(Set.of("abc123.execute-api.us-east-1.amazonaws.com"), texts(filled.path("validDomains")));
        assertTrue(TeamsApp.placeholdersIn(filled.toString()).isEmpty());
    }

    @Test
    void colourIcon_is192PixelsSquareAndOpaque() throws IOException {
        assertEquals("color.png", MANIFEST.path("icons").path("color").asText());
        BufferedImage color = png(TeamsApp.DIRECTORY.resolve("color.png"));
        assertEquals(192, color.getWidth());
        assertEquals(192, color.getHeight());
        for (int[] corner : new int[][] {{0, 0}, {191, 0}, {0, 191}, {191, 191}, {96, 2}}) {
            assertEquals(255, color.getRGB(corner[0], corner[1]) >>> 24, "full-bleed background");
        }
    }

    @Test
    void outlineIcon_is32PixelsSquare_whiteOnTransparent() throws IOException {
        assertEquals("outline.png", MANIFEST.path("icons").path("outline").asText());
        BufferedImage outline = png(TeamsApp.DIRECTORY.resolve("outline.png"));
        assertEquals(32, outline.getWidth());
        assertEquals(32, outline.getHeight());
        assertTrue(outline.getColorModel().hasAlpha());
        int transparent = 0;
        int opaque = 0;
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 32; x++) {
                int argb = outline.getRGB(x, y);
                int alpha = argb >>> 24;
                if (alpha == 0) {
                    transparent++;
                } else {
                    assertEquals(0xFFFFFF, argb & 0xFFFFFF, "pixel " + x + "," + y + " is not white");
                    opaque += alpha == 255 ? 1 : 0;
                }
            }
        }
        assertTrue(transparent > 0 && opaque > 0, "a white shape on a transparent background");
    }

    /** The first word of every form the help lists ("close <slug> / open <slug>": close and open). */
    private static Set<String> commandWords() {
        return Grammar.AVAILABLE.stream()
                .flatMap(usage -> Arrays.stream(usage.form().split(" / ")))
                .map(form -> form.strip().split(" ")[0])
                .flatMap(word -> Arrays.stream(word.split("\\|")))
                .collect(Collectors.toSet());
    }

    private static BufferedImage png(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        assertEquals(0x89, bytes[0] & 0xFF, file + " is a PNG");
        assertEquals("PNG", new String(bytes, 1, 3, java.nio.charset.StandardCharsets.US_ASCII), file + " is a PNG");
        BufferedImage image = ImageIO.read(file.toFile());
        assertTrue(image != null, file + " is readable");
        return image;
    }

    private static JsonNode bot() {
        return MANIFEST.path("bots").path(0);
    }

    private static JsonNode extension() {
        return MANIFEST.path("composeExtensions").path(0);
    }

    private static void assertLength(JsonNode node, String field, int min, int max) {
        String value = node.path(field).asText("");
        assertTrue(value.length() >= min && value.length() <= max,
                field + " \"" + value + "\" is " + value.length() + " characters, not " + min + " to " + max);
    }

    private static Set<String> texts(JsonNode array) {
        Set<String> texts = new HashSet<>();
        array.forEach(item -> texts.add(item.asText()));
        assertEquals(array.size(), texts.size(), "no repeats in " + array);
        return texts;
    }

    private static List<String> names(JsonNode parameters) {
        List<String> names = new ArrayList<>();
        parameters.forEach(parameter -> names.add(parameter.path("name").asText()));
        return names;
    }
}
