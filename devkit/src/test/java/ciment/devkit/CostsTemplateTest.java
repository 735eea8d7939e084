package ciment.devkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * template.yaml's finance pieces (issue 6): the costs function's routes take IAM authorization (and the API
 * enables it), a daily schedule measures storage, the function has its own log group with retention, its own
 * role without wildcards on DynamoDB writes, and the roles' emails reach every function as CONTRACT.md names them.
 */
class CostsTemplateTest {

    @SuppressWarnings("unchecked")
    private static Map<String, Object> template() throws IOException {
        return TemplateTable.document();
    }

    /** The node at {@code path} under {@code node} (the digest's template test reads the same way). */
    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object node, String... path) {
        Object at = node;
        for (String key : path) {
            at = ((Map<String, Object>) at).get(key);
            assertNotNull(at, "no " + key + " in " + String.join("/", path));
        }
        return (Map<String, Object>) at;
    }

    @Test
    void costsRoutes_takeIamAuthorization_onTheHttpApi() throws IOException {
        Map<String, Object> template = template();
        assertEquals(true, map(template, "Resources", "HttpApi", "Properties", "Auth").get("EnableIamAuthorizer"));
        Map<String, Object> events = map(template, "Resources", "CostsFunction", "Properties", "Events");
        for (String route : List.of("/costs", "/costs/chart.svg")) {
            Map<String, Object> event = events.values().stream().map(e -> map(e, "Properties"))
                    .filter(p -> route.equals(p.get("Path"))).findFirst().orElseThrow(() -> new AssertionError(route));
            assertEquals("GET", event.get("Method"));
            assertEquals("2.0", event.get("PayloadFormatVersion"));
            assertEquals("AWS_IAM", map(event, "Auth").get("Authorizer"), route);
        }
    }

    @Test
    void storage_isMeasuredDaily_byASchedule() throws IOException {
        Map<String, Object> schedule = map(template(), "Resources", "CostsFunction", "Properties", "Events",
                "DailyStorageMeasure");
        assertEquals("Schedule", schedule.get("Type"));
        assertTrue(String.valueOf(map(schedule, "Properties").get("Schedule")).matches("cron\\(\\d+ \\d+ \\* \\* \\? \\*\\)"));
    }

    @Test
    void costsFunction_hasItsOwnLogGroupWithRetention_andItsOwnRole_writingOnlyUsageItems() throws IOException {
        Map<String, Object> template = template();
        Map<String, Object> function = map(template, "Resources", "CostsFunction", "Properties");
        assertEquals("CostsLogs", map(function, "LoggingConfig").get("LogGroup"));
        assertEquals(30, map(template, "Resources", "CostsLogs", "Properties").get("RetentionInDays"));
        assertEquals("CostsRole.Arn", function.get("Role"));
        assertFalse(function.containsKey("Policies"), "a role of its own, not SAM policies");
        String role = map(template, "Resources", "CostsRole").toString();
        assertFalse(role.contains("dynamodb:*") || role.contains("dynamodb:PutItem") || role.contains("DeleteItem"), role);
        assertTrue(role.contains("dynamodb:LeadingKeys=[C#*, PLATFORM]"), role);
        assertEquals("ciment", ((List<Map<String, Object>>) (Object) map(template, "Resources", "CostsRole", "Properties")
                .get("Tags")).get(0).get("Value"));
    }

    @Test
    void roleEmails_andPublicUrl_reachEveryFunction() throws IOException {
        Map<String, Object> variables = map(template(), "Globals", "Function", "Environment", "Variables");
        assertEquals("AdminEmails", variables.get("CIMENT_ADMIN_EMAILS"));
        assertEquals("FinanceEmails", variables.get("CIMENT_FINANCE_EMAILS"));
        assertEquals("PublicUrl", variables.get("CIMENT_PUBLIC_URL"));
    }
}
