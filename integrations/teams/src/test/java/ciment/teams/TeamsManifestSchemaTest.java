package ciment.teams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.devkit.schemas.PublishedSchemas;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * appPackage/manifest.json against Microsoft's v1.17 Teams app manifest schema (OfficeDev/microsoft-teams-app-schema,
 * vendored in the devkit): as scripts/fill-urls fills it for a stack, it is valid; before, only its placeholders
 * are not (local's FillUrlsTest checks what the script itself writes).
 */
class TeamsManifestSchemaTest {
    private static final String APP_ID = "0b7c1a3e-5f2d-4c8b-9a61-2e4f7d9c0b15";
    private static final String BASE_URL = "https://abc123.execute-api.eu-west-1.amazonaws.com/dev";

    private static JsonNode filled() {
        return TeamsApp.parse(TeamsApp.filled(BASE_URL, APP_ID));
    }

    @Test
    void filledManifest_isValid_againstTheV117Schema() {
        List<String> errors = PublishedSchemas.teamsManifest(filled());
        assertTrue(errors.isEmpty(), errors.toString());
        assertEquals(PublishedSchemas.TEAMS_MANIFEST_1_17, TeamsApp.manifest().path("$schema").asText(),
                "the manifest names the schema it is checked against");
    }

    @Test
    void templateBeforeFilling_isRefusedOnlyWhereAnAppIdPlaceholderStandsForAGuid() {
        List<String> errors = PublishedSchemas.teamsManifest(TeamsApp.manifest());
        assertFalse(errors.isEmpty());
        errors.forEach(error -> assertTrue(error.matches("^/(id|bots/0/botId|composeExtensions/0/botId|webApplicationInfo/id)"
                + ": .*pattern.*"), error));
    }

    @Test
    void brokenManifests_areRefused_soThatTheCheckCanFail() {
        assertFalse(PublishedSchemas.teamsManifest(with(filled(), "manifestVersion", "1.16")).isEmpty(),
                "manifestVersion is pinned to 1.17 (const, checked although the schema says draft-04)");
        assertFalse(PublishedSchemas.teamsManifest(with(filled(), "unknownProperty", "x")).isEmpty(),
                "no property the schema does not know");
        ObjectNode longName = (ObjectNode) filled();
        ((ObjectNode) longName.get("name")).put("short", "C".repeat(31));
        assertFalse(PublishedSchemas.teamsManifest(longName).isEmpty(), "a short name holds 30 characters");
        ObjectNode badColour = with(filled(), "accentColor", "blue");
        assertFalse(PublishedSchemas.teamsManifest(badColour).isEmpty(), "accentColor is #rrggbb");
    }

    private static ObjectNode with(JsonNode manifest, String field, String value) {
        ObjectNode copy = manifest.deepCopy();
        copy.put(field, value);
        return copy;
    }
}
