package ciment.teams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ciment.core.command.Verbs;
import ciment.core.model.Refusal;
import ciment.devkit.schemas.PublishedSchemas;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * appPackage's language files (manifest.json's localizationInfo: fr-fr.json) against Microsoft's v1.17 localization
 * schema (vendored in the devkit) and against the manifest: every key they set is a text of the manifest, every text
 * the schema lets a language file say differently is said in French, and the French command titles are the words a
 * French speaker types.
 */
class TeamsLocalizationTest {
    private static final JsonNode MANIFEST = TeamsApp.manifest();
    private static final String FRENCH = "fr-fr.json";
    /** The French title of each command word the manifest lists, wherever it lists it (issue 16's French words). */
    private static final Map<String, String> FRENCH_WORDS = Map.ofEntries(Map.entry("help", "aide"),
            Map.entry("communities", "communautés"), Map.entry("join", "rejoindre"), Map.entry("feed", "fil"),
            Map.entry("post", "publier"), Map.entry("ask", "demander"), Map.entry("who", "qui"),
            Map.entry("whoami", "moi"), Map.entry("create", "créer"),
            Map.entry("export-my-data", "exporter-mes-données"), Map.entry("questions", "questions"),
            Map.entry("link", "lier"), Map.entry("links", "liens"), Map.entry("info", "info"),
            Map.entry("knowledge", "savoir"));

    @Test
    void manifest_isInEnglish_andNamesTheFrenchFileBesideIt() {
        assertEquals("en-us", MANIFEST.path("localizationInfo").path("defaultLanguageTag").asText());
        assertEquals(Map.of("fr-fr", FRENCH), TeamsApp.languageFiles());
        TeamsApp.languageFiles().values().forEach(file ->
                assertTrue(Files.isRegularFile(TeamsApp.DIRECTORY.resolve(file)), file + " is beside manifest.json"));
    }

    @Test
    void everyLanguageFile_isValid_againstTheV117LocalizationSchema_theManifestsVersion() {
        for (String file : TeamsApp.languageFiles().values()) {
            JsonNode language = TeamsApp.languageFile(file);
            List<String> errors = PublishedSchemas.teamsLocalization(language);
            assertEquals(List.of(), errors, file);
            assertEquals(PublishedSchemas.TEAMS_LOCALIZATION_1_17, language.path("$schema").asText(),
                    file + " names the localization schema of the manifest's version, 1.17");
        }
    }

    @Test
    void brokenLanguageFiles_areRefused_soThatTheCheckCanFail() {
        JsonNode french = TeamsApp.languageFile(FRENCH);
        assertFalse(errors(with(french, "name.short", "C".repeat(31))).isEmpty(), "a short name holds 30 characters");
        assertFalse(errors(with(french, "description.short", "d".repeat(81))).isEmpty(), "80 characters");
        assertFalse(errors(with(french, "bots[0].commandLists[0].commands[0].title", "t".repeat(33))).isEmpty(),
                "a command title holds 32 characters");
        assertFalse(errors(with(french, "bots[0].commandLists[3].commands[0].title", "aide")).isEmpty(),
                "at most three command lists");
        assertFalse(errors(with(french, "developer.name", "Ciment")).isEmpty(), "the developer is not translated");
        ObjectNode withoutDescription = french.deepCopy();
        withoutDescription.remove("description.full");
        assertFalse(errors(withoutDescription).isEmpty(), "names and descriptions are required");
    }

    @Test
    void everyKeyALanguageFileSets_isATextOfTheManifest() {
        for (String file : TeamsApp.languageFiles().values()) {
            for (String key : keys(TeamsApp.languageFile(file))) {
                JsonNode english = MANIFEST.at(pointer(key));
                assertTrue(english.isTextual(), file + ": " + key + " is no text of manifest.json at " + pointer(key));
            }
        }
    }

    @Test
    void everyTextTheSchemaLetsALanguageFileSay_isSaidInFrench() throws IOException {
        List<Pattern> localizable = localizableKeys();
        TreeSet<String> expected = new TreeSet<>();
        collectTexts(MANIFEST, "", expected);
        expected.removeIf(key -> localizable.stream().noneMatch(pattern -> pattern.matcher(key).matches()));
        assertTrue(expected.contains("bots[0].commandLists[2].commands[9].title"), "bot command titles: " + expected);
        assertTrue(expected.contains("composeExtensions[0].commands[1].parameters[0].description"), "parameters");
        TreeSet<String> untranslated = new TreeSet<>(expected);
        keys(TeamsApp.languageFile(FRENCH)).forEach(untranslated::remove);
        assertEquals(new TreeSet<>(), untranslated, "texts fr-fr.json leaves in English");
    }

    @Test
    void everyBotCommandTitle_hasItsFrenchWord_inEveryList() {
        JsonNode french = TeamsApp.languageFile(FRENCH);
        JsonNode lists = MANIFEST.path("bots").path(0).path("commandLists");
        for (int list = 0; list < lists.size(); list++) {
            JsonNode commands = lists.path(list).path("commands");
            for (int command = 0; command < commands.size(); command++) {
                String english = commands.path(command).path("title").asText();
                String key = "bots[0].commandLists[" + list + "].commands[" + command + "]";
                assertTrue(FRENCH_WORDS.containsKey(english), english + " has no French word in this test");
                assertEquals(FRENCH_WORDS.get(english), french.path(key + ".title").asText(), key);
                String description = plain(french.path(key + ".description").asText());
                String form = commands.path(command).path("description").asText();
                if (form.contains(": " + english)) { // the description ends with the form, typed with the French word
                    assertTrue(description.contains(": " + FRENCH_WORDS.get(english)), key + ": " + description);
                }
            }
        }
    }

    @Test
    void frenchTexts_readAsAFrenchEmployeeReadsThem() {
        JsonNode french = TeamsApp.languageFile(FRENCH);
        assertEquals("Ciment", french.path("name.short").asText(), "a name is not translated");
        assertEquals("Ciment : communautés de pratique dans Teams et Slack", plain(french.path("name.full").asText()));
        assertEquals("Communautés de pratique : publications, questions et savoir, dans Teams et Slack",
                plain(french.path("description.short").asText()));
        assertEquals("Rejoindre une communauté (une communauté fermée demande à ses animateurs) : "
                + "rejoindre <communauté>",
                plain(french.path("bots[0].commandLists[0].commands[2].description").asText()));
        String saveTitle = french.path("composeExtensions[0].commands[2].title").asText();
        assertEquals("Enregistrer dans une communauté", saveTitle);
        // the description names the message action by the title Teams shows beside it, in either language
        assertTrue(MANIFEST.path("description").path("full").asText()
                .contains(MANIFEST.path("composeExtensions").path(0).path("commands").path(2).path("title").asText()));
        String full = plain(french.path("description.full").asText());
        assertTrue(full.contains("« " + saveTitle + " »"), full);
        assertTrue(full.contains("Envoyez « aide » au bot"), full);
        assertFalse(full.contains("'") || full.contains("\""), "typographic apostrophes and quotes: " + full);
    }

    /** Once Ciment answers French command words (issue 16), a French title runs the same command as the English. */
    @Test
    void frenchCommandTitles_runTheSameVerbAsTheEnglish_onceCimentAnswersFrenchWords() {
        assumeTrue(verbOf("rejoindre").isPresent(), "Ciment answers no French command word yet");
        FRENCH_WORDS.forEach((english, french) -> {
            assertTrue(verbOf(english).isPresent(), english);
            assertEquals(verbOf(english), verbOf(french), french + " runs what " + english + " runs");
        });
    }

    /** The command a word starts, with the arguments it may need; empty when Ciment does not know it. */
    private static Optional<Class<?>> verbOf(String word) {
        for (String rest : List.of("", " data-guild", " data-guild Hello there")) {
            try {
                return Optional.of(Verbs.parse(word + rest).getClass());
            } catch (Refusal notThisForm) {
                // a form with more arguments may fit
            }
        }
        return Optional.empty();
    }

    /** What the localization schema lets a language file set, besides its $schema. */
    private static List<Pattern> localizableKeys() throws IOException {
        List<Pattern> keys = new ArrayList<>();
        try (InputStream in = PublishedSchemas.class
                .getResourceAsStream("/schemas/teams/v1.17/MicrosoftTeams.Localization.schema.json")) {
            JsonNode schema = TeamsApp.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            schema.path("properties").fieldNames().forEachRemaining(name -> {
                if (!name.equals("$schema")) {
                    keys.add(Pattern.compile(Pattern.quote(name)));
                }
            });
            schema.path("patternProperties").fieldNames()
                    .forEachRemaining(pattern -> keys.add(Pattern.compile(pattern)));
        }
        return keys;
    }

    /** Every text of the manifest by its localization key ("bots[0].commandLists[1].commands[3].title"). */
    private static void collectTexts(JsonNode node, String key, TreeSet<String> keys) {
        if (node.isTextual()) {
            keys.add(key);
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectTexts(node.get(i), key + "[" + i + "]", keys);
            }
        } else if (node.isObject()) {
            node.fieldNames().forEachRemaining(name ->
                    collectTexts(node.get(name), key.isEmpty() ? name : key + "." + name, keys));
        }
    }

    /** A localization key as the JSON pointer of the manifest's text it replaces. */
    private static String pointer(String key) {
        return "/" + key.replaceAll("\\[(\\d+)]", ".$1").replace(".", "/");
    }

    private static List<String> keys(JsonNode languageFile) {
        List<String> keys = new ArrayList<>();
        for (Iterator<String> names = languageFile.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.equals("$schema")) {
                keys.add(name);
            }
        }
        return keys;
    }

    /** French typography's no-break spaces (before : ; and inside « ») as plain spaces, to compare sentences. */
    private static String plain(String text) {
        return text.replace('\u00a0', ' ').replace('\u202f', ' ');
    }

    private static List<String> errors(JsonNode languageFile) {
        return PublishedSchemas.teamsLocalization(languageFile);
    }

    private static ObjectNode with(JsonNode languageFile, String key, String value) {
        ObjectNode copy = languageFile.deepCopy();
        copy.put(key, value);
        return copy;
    }
}
