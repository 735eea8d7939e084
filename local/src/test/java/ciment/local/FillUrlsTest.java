package ciment.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * scripts/fill-urls, run as an operator runs it after sam deploy (with --base-url and --app-id, no AWS):
 * the Slack manifest and the Teams package come out with every placeholder filled, the URLs on the given
 * base, the package's files at the zip's root; a bad app id or a placeholder it does not know is refused
 * in one sentence and nothing is written.
 */
class FillUrlsTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BASE = "https://abc123.execute-api.eu-west-1.amazonaws.com/dev";
    private static final String HOST = "abc123.execute-api.eu-west-1.amazonaws.com";
    private static final String APP_ID = "0b7c1a3e-5f2d-4c8b-9a61-2e4f7d9c0b15";
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final Pattern URL = Pattern.compile("https://[^\\s\"']+");

    @TempDir
    Path dir;

    private record Run(int exit, String output) {
    }

    private Run fillUrls(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("python3", ROOT.resolve("scripts/fill-urls").toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(process.waitFor(), output);
    }

    /** Placeholder-bearing stand-ins for integrations/slack/manifest.yaml and the Teams appPackage/. */
    private Path[] fixtures(String slackManifest) throws IOException {
        Path slack = Files.writeString(dir.resolve("manifest.yaml"), slackManifest);
        Path teams = Files.createDirectories(dir.resolve("appPackage"));
        Files.writeString(teams.resolve("manifest.json"), """
                {"id": "4f8e2c1a-0000-4000-8000-000000000001", "bots": [{"botId": "{{MICROSOFT_APP_ID}}"}],
                 "webApplicationInfo": {"id": "{{MICROSOFT_APP_ID}}"}, "validDomains": ["{{HOST}}"],
                 "developer": {"websiteUrl": "{{BASE_URL}}/", "privacyUrl": "{{BASE_URL}}/privacy"}}""");
        Files.write(teams.resolve("color.png"), PNG);
        Files.write(teams.resolve("outline.png"), PNG);
        return new Path[] {slack, teams};
    }

    private static final String SLACK = """
            settings:
              event_subscriptions:
                request_url: {{BASE_URL}}/slack/events
              interactivity:
                request_url: {{BASE_URL}}/slack/events
            oauth_config:
              redirect_urls:
                - {{BASE_URL}}/slack/oauth_redirect
            features:
              slash_commands:
                - command: /ciment
                  url: {{BASE_URL}}/slack/events
            """;

    private static Map<String, byte[]> entries(Path zip) throws IOException {
        Map<String, byte[]> entries = new TreeMap<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    private static List<String> urls(String text) {
        List<String> urls = new ArrayList<>();
        Matcher found = URL.matcher(text);
        while (found.find()) {
            urls.add(found.group());
        }
        return urls;
    }

    @Test
    void baseUrlAndAppId_fillTheSlackManifest_andTheTeamsPackage() throws Exception {
        Path[] in = fixtures(SLACK);
        Path out = dir.resolve("dist");
        Run run = fillUrls("--base-url", BASE + "/", "--app-id", APP_ID, "--out", out.toString(),
                "--slack-manifest", in[0].toString(), "--teams-package", in[1].toString());
        assertEquals(0, run.exit(), run.output());

        String slack = Files.readString(out.resolve("slack-manifest.yaml"));
        assertFalse(slack.contains("{{"), slack);
        assertEquals(4, urls(slack).size(), slack);
        urls(slack).forEach(url -> assertTrue(url.startsWith(BASE + "/slack/"), url));

        Map<String, byte[]> zip = entries(out.resolve("ciment-teams-app.zip"));
        assertEquals(List.of("color.png", "manifest.json", "outline.png"), List.copyOf(zip.keySet()));
        assertEquals(List.of(PNG[0], PNG[1]), List.of(zip.get("color.png")[0], zip.get("color.png")[1]));
        String manifestText = new String(zip.get("manifest.json"), StandardCharsets.UTF_8);
        assertFalse(manifestText.contains("{{"), manifestText);
        JsonNode manifest = JSON.readTree(manifestText);
        assertEquals(APP_ID, manifest.at("/bots/0/botId").asText());
        assertEquals(APP_ID, manifest.at("/webApplicationInfo/id").asText());
        assertEquals(HOST, manifest.at("/validDomains/0").asText());
        assertEquals(BASE + "/privacy", manifest.at("/developer/privacyUrl").asText());
    }

    @Test
    void anAppIdThatIsNotAGuid_isRefusedInOneSentence_andWritesNothing() throws Exception {
        Path[] in = fixtures(SLACK);
        Path out = dir.resolve("dist");
        Run run = fillUrls("--base-url", BASE, "--app-id", "my-bot", "--out", out.toString(),
                "--slack-manifest", in[0].toString(), "--teams-package", in[1].toString());
        assertEquals(1, run.exit());
        assertEquals("fill-urls: The Microsoft App ID 'my-bot' is not a GUID (the Azure Bot's app id, as 8-4-4-4-12 hex digits).",
                run.output().strip());
        assertFalse(Files.exists(out));
    }

    @Test
    void aPlaceholderTheScriptDoesNotFill_isRefused_andWritesNothing() throws Exception {
        Path[] in = fixtures(SLACK + "display_information:\n  name: {{APP_NAME}}\n");
        Path out = dir.resolve("dist");
        Run run = fillUrls("--base-url", BASE, "--app-id", APP_ID, "--out", out.toString(),
                "--slack-manifest", in[0].toString(), "--teams-package", in[1].toString());
        assertEquals(1, run.exit());
        assertTrue(run.output().strip().endsWith("has placeholders this script does not fill: {{APP_NAME}}."), run.output());
        assertFalse(Files.exists(out));
    }

    @Test
    void aBaseUrlThatIsNotHttps_orAMissingIcon_isRefused() throws Exception {
        Path[] in = fixtures(SLACK);
        Run http = fillUrls("--base-url", "http://abc/dev", "--app-id", APP_ID, "--out", dir.resolve("a").toString(),
                "--slack-manifest", in[0].toString(), "--teams-package", in[1].toString());
        assertEquals(1, http.exit());
        assertTrue(http.output().contains("is not an https URL"), http.output());
        Files.delete(in[1].resolve("outline.png"));
        Run noIcon = fillUrls("--base-url", BASE, "--app-id", APP_ID, "--out", dir.resolve("b").toString(),
                "--slack-manifest", in[0].toString(), "--teams-package", in[1].toString());
        assertEquals(1, noIcon.exit());
        assertTrue(noIcon.output().contains("outline.png is missing"), noIcon.output());
        assertFalse(Files.exists(dir.resolve("b")));
    }

    @Test
    void aLanguageFileTheManifestNames_butThePackageLacks_isRefused_andWritesNothing() throws Exception {
        Path[] in = fixtures(SLACK);
        Path manifest = in[1].resolve("manifest.json");
        Files.writeString(manifest, Files.readString(manifest).replaceFirst("\\{", """
                {"localizationInfo": {"defaultLanguageTag": "en-us",
                 "additionalLanguages": [{"languageTag": "fr-fr", "file": "fr-fr.json"}]},"""));
        Path out = dir.resolve("dist");
        Run run = fillUrls("--base-url", BASE, "--app-id", APP_ID, "--out", out.toString(),
                "--slack-manifest", in[0].toString(), "--teams-package", in[1].toString());
        assertEquals(1, run.exit());
        assertTrue(run.output().strip().endsWith("fr-fr.json is missing: the Teams language file is made by the "
                + "integrations module (see the README)."), run.output());
        assertFalse(Files.exists(out));

        Files.writeString(in[1].resolve("fr-fr.json"), """
                {"name.short": "Ciment", "name.full": "{{BASE_URL}}"}""");
        Run filled = fillUrls("--base-url", BASE, "--app-id", APP_ID, "--out", out.toString(),
                "--slack-manifest", in[0].toString(), "--teams-package", in[1].toString());
        assertEquals(0, filled.exit(), filled.output());
        JsonNode french = JSON.readTree(entries(out.resolve("ciment-teams-app.zip")).get("fr-fr.json"));
        assertEquals(BASE, french.path("name.full").asText(), "a language file is filled as the manifest is");
    }

    /** The repository's own manifest and package (helpers of issue 7 write them): filled, consistent with the template. */
    @Test
    void theRepositorysManifestAndPackage_fillCompletely_onTheTemplatesBaseUrl() throws Exception {
        Path slackSource = ROOT.resolve("integrations/slack/manifest.yaml");
        Path teamsSource = ROOT.resolve("integrations/teams/appPackage/manifest.json");
        assumeTrue(Files.isRegularFile(slackSource) && Files.isRegularFile(teamsSource), "manifests not written yet");
        Path out = dir.resolve("dist");
        Run run = fillUrls("--base-url", BASE, "--app-id", APP_ID, "--out", out.toString());
        assertEquals(0, run.exit(), run.output());

        String slack = Files.readString(out.resolve("slack-manifest.yaml"));
        assertFalse(slack.contains("{{"), slack);
        List<String> ours = urls(slack).stream().filter(url -> url.contains(HOST)).toList();
        assertTrue(ours.contains(BASE + "/slack/events"), slack);
        assertTrue(ours.contains(BASE + "/slack/oauth_redirect"), slack);
        ours.forEach(url -> assertTrue(url.startsWith(BASE), url));

        Map<String, byte[]> zip = entries(out.resolve("ciment-teams-app.zip"));
        assertTrue(zip.keySet().containsAll(List.of("manifest.json", "color.png", "outline.png")), zip.keySet().toString());
        JsonNode manifest = JSON.readTree(zip.get("manifest.json"));
        // the language files it names (localizationInfo) go beside it: Teams refuses a package without them
        manifest.path("localizationInfo").path("additionalLanguages")
                .forEach(language -> assertTrue(zip.containsKey(language.path("file").asText()), language.toString()));
        assertTrue(zip.containsKey("fr-fr.json"), zip.keySet().toString());
        assertFalse(manifest.toString().contains("{{"), manifest.toString());
        assertEquals(APP_ID, manifest.at("/bots/0/botId").asText());
        // The messaging extension is the same bot: the template's MicrosoftAppId everywhere the package names a bot.
        manifest.path("composeExtensions").forEach(extension -> assertEquals(APP_ID, extension.path("botId").asText()));
        List<String> domains = new ArrayList<>();
        manifest.path("validDomains").forEach(domain -> domains.add(domain.asText()));
        assertTrue(domains.contains(HOST), domains.toString());
    }

    @Test
    void theRealManifests_asTheScriptFillsThem_passThePlatformsPublishedSchemas() throws Exception {
        Path out = dir.resolve("dist");
        Run run = fillUrls("--base-url", BASE, "--app-id", APP_ID, "--out", out.toString());
        assertEquals(0, run.exit(), run.output());

        Object slackYaml = new org.yaml.snakeyaml.Yaml().load(Files.readString(out.resolve("slack-manifest.yaml")));
        List<String> slackErrors = ciment.devkit.schemas.PublishedSchemas.slackManifest(JSON.valueToTree(slackYaml));
        assertEquals(List.of(), slackErrors, "Slack's manifest schema (slackapi/manifest-schema)");
        Map<String, byte[]> zip = entries(out.resolve("ciment-teams-app.zip"));
        JsonNode teams = JSON.readTree(zip.get("manifest.json"));
        List<String> teamsErrors = ciment.devkit.schemas.PublishedSchemas.teamsManifest(teams);
        assertEquals(List.of(), teamsErrors, "Microsoft's Teams manifest schema v1.17");
        JsonNode french = JSON.readTree(zip.get("fr-fr.json"));
        List<String> frenchErrors = ciment.devkit.schemas.PublishedSchemas.teamsLocalization(french);
        assertEquals(List.of(), frenchErrors, "Microsoft's Teams localization schema v1.17");
    }
}
