package ciment.local;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.core.config.Settings;
import ciment.infra.aws.SqsDeadLetters;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WelcomeTest {
    private static final URI URL = URI.create("http://127.0.0.1:3000");

    @Test
    void everythingConfigured_saysWhereEachToolSends_andWarnsOfNothing() {
        String welcome = Welcome.text(URL, Settings.of(Map.of("AWS_ENDPOINT_URL", "http://localhost:4566",
                "SLACK_SIGNING_SECRET", "s", "SLACK_CLIENT_ID", "1.2", "MICROSOFT_APP_ID", "app",
                "CIMENT_FINANCE_TOKEN", "t", SqsDeadLetters.QUEUE_URL, "http://localhost:4566/q",
                "CIMENT_TRUSTED_DOMAINS", "corp.example=T0CORP")), false);
        assertTrue(welcome.startsWith("Ciment is running on http://127.0.0.1:3000 (table ciment at http://localhost:4566)"),
                welcome);
        assertTrue(welcome.contains("to http://127.0.0.1:3000/slack/events\n           through a tunnel Slack can reach\n"
                .replace("\n", System.lineSeparator())), welcome);
        assertTrue(welcome.contains("workspaces install the app at <tunnel>/slack/install"), welcome);
        assertTrue(welcome.contains("/api/messages with the bot's app id and password"), welcome);
        assertTrue(welcome.contains("fed to the Teams delivery function and the Slack one"), welcome);
        assertTrue(welcome.contains("Dead letters: http://localhost:4566/q"), welcome);
        assertTrue(welcome.contains("/costs/chart.svg, with Authorization: Bearer <CIMENT_FINANCE_TOKEN>"), welcome);
        assertTrue(welcome.contains("Health:  http://127.0.0.1:3000/health"), welcome);
        assertTrue(welcome.contains("now with POST http://127.0.0.1:3000/local/schedules/DigestFunction"), welcome);
        assertTrue(welcome.contains("Linking: accounts with one email address are one person where their "
                + "workspace or tenant is trusted for it (corp.example=T0CORP)"), welcome);
        assertFalse(welcome.contains("Warning") || welcome.contains("off") || welcome.contains("closed"), welcome);
        assertTrue(welcome.endsWith("Ctrl-C stops Ciment (the table stays at http://localhost:4566)."), welcome);
    }

    @Test
    void nothingConfigured_saysWhatIsOff_andWarnsThatTeamsIsUnauthenticated() {
        String welcome = Welcome.text(URL, Settings.of(Map.of()), true);
        assertTrue(welcome.contains("(off: SLACK_SIGNING_SECRET is not set)"), welcome);
        assertTrue(welcome.contains("Slack's is off: neither SLACK_BOT_TOKEN nor SLACK_CLIENT_ID is set"), welcome);
        assertTrue(welcome.contains("(closed: CIMENT_FINANCE_TOKEN is not set)"), welcome);
        assertTrue(welcome.contains("Warning: Teams activities are not authenticated"), welcome);
        assertTrue(welcome.contains("Linking: off (CIMENT_TRUSTED_DOMAINS is not set)"), welcome);
        assertFalse(welcome.contains("/slack/install"), "no installs without SLACK_CLIENT_ID: " + welcome);
        assertTrue(welcome.endsWith("Ctrl-C stops Ciment and the emulator it started."), welcome);
    }
}
