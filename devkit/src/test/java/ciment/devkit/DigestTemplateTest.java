package ciment.devkit;

import static ciment.devkit.CostsTemplateTest.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * template.yaml's digest (issue 17): its function runs on a daily schedule at 07:00 UTC, with its own log group and
 * its own role, which writes only notices (the outbox) and usage items, and is alarmed on like the others.
 */
class DigestTemplateTest {

    @Test
    void digestFunction_runsDailyAt0700Utc_onASchedule_andOnNoRoute() throws IOException {
        Map<String, Object> events = map(TemplateTable.document(), "Resources", "DigestFunction", "Properties", "Events");
        assertEquals(List.of("DailyDigest"), List.copyOf(events.keySet()), "a schedule only: never an API route");
        Map<String, Object> schedule = map(events, "DailyDigest");
        assertEquals("Schedule", schedule.get("Type"));
        assertEquals("cron(0 7 * * ? *)", map(schedule, "Properties").get("Schedule"));
    }

    @Test
    void digestFunction_hasItsOwnLogGroupAndRole_writingOnlyNoticesAndUsageItems() throws IOException {
        Map<String, Object> template = TemplateTable.document();
        Map<String, Object> function = map(template, "Resources", "DigestFunction", "Properties");
        assertEquals("functions/digest/target/ciment-digest.jar", function.get("CodeUri"));
        assertEquals("DigestLogs", map(function, "LoggingConfig").get("LogGroup"));
        assertEquals(30, map(template, "Resources", "DigestLogs", "Properties").get("RetentionInDays"));
        assertEquals("DigestRole.Arn", function.get("Role"));
        assertFalse(function.containsKey("Policies"), "a role of its own, not SAM policies");
        String role = map(template, "Resources", "DigestRole").toString();
        assertFalse(role.contains("dynamodb:*") || role.contains("DeleteItem") || role.contains("Scan")
                || role.contains("TransactWriteItems"), role);
        assertTrue(role.contains("Action=dynamodb:PutItem") && role.contains("dynamodb:LeadingKeys=[OUT#*]"), role);
        assertTrue(role.contains("Action=dynamodb:UpdateItem") && role.contains("dynamodb:LeadingKeys=[C#*, PLATFORM]"),
                role);
    }

    @Test
    void digestFunction_isAlarmedOnErrorsAndThrottles() throws IOException {
        Map<String, Object> resources = map(TemplateTable.document(), "Resources");
        for (String alarm : List.of("DigestErrorsAlarm", "DigestThrottlesAlarm")) {
            assertTrue(map(resources, alarm, "Properties").toString().contains("DigestFunction"), alarm);
        }
    }
}
