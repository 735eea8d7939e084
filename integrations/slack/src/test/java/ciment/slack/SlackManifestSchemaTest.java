package ciment.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.devkit.schemas.PublishedSchemas;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * manifest.yaml against Slack's own manifest schema (slackapi/manifest-schema, vendored in the devkit), read as
 * Slack reads it (YAML to JSON), once scripts/fill-urls has put the stack's URL in (local's FillUrlsTest checks
 * what the script itself writes).
 */
class SlackManifestSchemaTest {
    private static final String BASE_URL = "https://abc123.execute-api.eu-west-1.amazonaws.com/dev";

    static JsonNode manifest(String baseUrl) {
        try {
            Object yaml = new Yaml().load(Files.readString(Path.of("manifest.yaml")).replace("{{BASE_URL}}", baseUrl));
            return new ObjectMapper().valueToTree(yaml);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void filledManifest_isValid_againstSlacksSchema() {
        JsonNode manifest = manifest(BASE_URL);
        List<String> errors = PublishedSchemas.slackManifest(manifest);
        assertTrue(errors.isEmpty(), errors.toString());
        assertEquals(1, manifest.path("_metadata").path("major_version").asInt(), "the schema of major version 1");
    }

    /** Slack's schema writes background_color's pattern as "regex", which no JSON Schema validator reads. */
    @Test
    void backgroundColour_matchesTheRegexSlacksSchemaWrites_thoughNoValidatorReadsIt() throws IOException {
        JsonNode schema;
        try (var in = getClass().getResourceAsStream("/schemas/slack/schemas/manifest.schema.1.0.0.json")) {
            schema = new ObjectMapper().readTree(in);
        }
        String regex = schema.at("/definitions/app-manifests.v1.display_information.schema/properties/background_color/regex")
                .asText();
        assertFalse(regex.isEmpty(), "the schema still writes it");
        assertTrue(manifest(BASE_URL).at("/display_information/background_color").asText().matches(regex), regex);
    }

    @Test
    void brokenManifests_areRefused_soThatTheCheckCanFail() {
        ObjectNode unknown = (ObjectNode) manifest(BASE_URL);
        ((ObjectNode) unknown.get("features")).putObject("unknown_feature");
        assertFalse(PublishedSchemas.slackManifest(unknown).isEmpty(), "no feature the schema does not know");
        ObjectNode longName = (ObjectNode) manifest(BASE_URL);
        ((ObjectNode) longName.get("display_information")).put("name", "C".repeat(36));
        assertFalse(PublishedSchemas.slackManifest(longName).isEmpty(), "an app's name holds 35 characters");
        ObjectNode noCommand = (ObjectNode) manifest(BASE_URL);
        ((ObjectNode) noCommand.get("features").get("slash_commands").get(0)).remove("command");
        assertFalse(PublishedSchemas.slackManifest(noCommand).isEmpty(), "a slash command needs its command");
    }
}
