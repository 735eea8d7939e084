package ciment.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The Teams app package's sources (appPackage/), as the tests of the package read them. */
final class TeamsApp {
    static final Path DIRECTORY = Path.of("appPackage");
    static final Path MANIFEST = DIRECTORY.resolve("manifest.json");
    static final String APP_ID = "{{MICROSOFT_APP_ID}}";
    static final String HOST = "{{HOST}}";
    static final String BASE_URL = "{{BASE_URL}}";
    /** The placeholders scripts/fill-urls fills (issue 7): no other may appear. */
    static final Set<String> PLACEHOLDERS = Set.of(APP_ID, HOST, BASE_URL);
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{[^}]*}}");

    private TeamsApp() {
    }

    static String manifestText() {
        return text(MANIFEST);
    }

    private static String text(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The language files manifest.json names (localizationInfo.additionalLanguages), file name by language tag. */
    static Map<String, String> languageFiles() {
        Map<String, String> files = new LinkedHashMap<>();
        manifest().path("localizationInfo").path("additionalLanguages")
                .forEach(language -> files.put(language.path("languageTag").asText(), language.path("file").asText()));
        return files;
    }

    /** One language file of the package (fr-fr.json), read as JSON. */
    static JsonNode languageFile(String name) {
        return parse(text(DIRECTORY.resolve(name)));
    }

    static JsonNode manifest() {
        return parse(manifestText());
    }

    static JsonNode parse(String json) {
        try {
            return new ObjectMapper().readTree(json);
        } catch (IOException e) {
            throw new AssertionError("an app package file is not JSON: " + e.getMessage(), e);
        }
    }

    static Set<String> placeholdersIn(String text) {
        Set<String> found = new LinkedHashSet<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group());
        }
        return found;
    }

    /** The manifest as the fill script makes it for a stack whose BaseUrl is this. */
    static String filled(String baseUrl, String appId) {
        String host = java.net.URI.create(baseUrl).getHost();
        return manifestText().replace(BASE_URL, baseUrl).replace(HOST, host).replace(APP_ID, appId);
    }
}
