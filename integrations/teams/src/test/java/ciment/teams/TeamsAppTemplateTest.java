package ciment.teams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.devkit.TemplateTable;
import ciment.teams.auth.AllowedTenants;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Teams package's placeholders against template.yaml, the stack they are filled from (scripts/fill-urls):
 * {{MICROSOFT_APP_ID}} is the MicrosoftAppId parameter (and Output), {{BASE_URL}} and {{HOST}} the BaseUrl
 * Output, the stage's URL, under which the Teams function serves the bot's messaging route.
 */
class TeamsAppTemplateTest {
    private static final Map<String, Object> TEMPLATE = TemplateTable.document(repositoryRoot().resolve("template.yaml"));

    @Test
    void appIdPlaceholder_isTheMicrosoftAppIdParameter_andOutput() {
        assertNotNull(map(TEMPLATE.get("Parameters")).get("MicrosoftAppId"), "Parameter MicrosoftAppId");
        Map<String, Object> output = map(map(TEMPLATE.get("Outputs")).get("MicrosoftAppId"));
        assertEquals("MicrosoftAppId", output.get("Value"), "Output MicrosoftAppId is !Ref MicrosoftAppId");
        assertTrue(TeamsApp.placeholdersIn(TeamsApp.manifestText()).contains(TeamsApp.APP_ID));
    }

    @Test
    void baseUrlOutput_isTheStagesHttpsUrl_whoseHostTheManifestTrusts() {
        String baseUrl = (String) map(map(TEMPLATE.get("Outputs")).get("BaseUrl")).get("Value");
        assertNotNull(baseUrl, "Output BaseUrl");
        assertTrue(baseUrl.startsWith("https://"), baseUrl);
        assertTrue(baseUrl.endsWith("/${Stage}"), "BaseUrl ends with the stage, no trailing slash: " + baseUrl);
        assertNotNull(map(TEMPLATE.get("Parameters")).get("Stage"), "Parameter Stage");

        // as fill-urls fills it for a deployed stack: the bot's endpoint is on the one valid domain
        String deployed = baseUrl.replace("${HttpApi}", "abc123").replace("${AWS::Region}", "eu-west-1")
                .replace("${AWS::URLSuffix}", "amazonaws.com").replace("${Stage}", "dev");
        JsonNode filled = TeamsApp.parse(TeamsApp.filled(deployed, "00000000-0000-0000-0000-0000000000aa"));
        String endpointHost = URI.create(deployed + "/api/messages").getHost();
        assertEquals(endpointHost, filled.path("validDomains").path(0).asText());
    }

    @Test
    void teamsFunction_servesTheMessagingRoute_withTheAppIdAndAllowedTenants() {
        List<Map<String, Object>> serving = new ArrayList<>();
        for (Object resource : map(TEMPLATE.get("Resources")).values()) {
            Map<String, Object> properties = map(map(resource).get("Properties"));
            for (Object event : map(properties.get("Events")).values()) {
                Map<String, Object> route = map(map(event).get("Properties"));
                if ("/api/messages".equals(route.get("Path")) && "POST".equalsIgnoreCase(String.valueOf(route.get("Method")))) {
                    serving.add(properties);
                }
            }
        }
        assertEquals(1, serving.size(), "one function serves POST /api/messages");
        Map<String, Object> variables = map(map(serving.get(0).get("Environment")).get("Variables"));
        assertEquals("MicrosoftAppId", variables.get("MICROSOFT_APP_ID"), "the bot validates tokens for the package's app id");
        Object tenants = variables.get(AllowedTenants.SETTING);
        assertNotNull(tenants, AllowedTenants.SETTING + " reaches the Teams function");
        assertNotNull(map(TEMPLATE.get("Parameters")).get(String.valueOf(tenants)), "from a parameter: " + tenants);
    }

    private static Path repositoryRoot() {
        String root = System.getProperty("ciment.repo.root");
        return root == null || root.isBlank() ? Path.of("..", "..") : Path.of(root);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }
}
