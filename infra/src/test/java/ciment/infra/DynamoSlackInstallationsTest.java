package ciment.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ciment.core.port.SlackInstallations.Installation;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The Slack app's OAuth installs and states on the table (moto): one per workspace, states good once and until they expire. */
class DynamoSlackInstallationsTest {
    private static final Instant NOW = Instant.parse("2026-11-27T23:00:00Z");
    private final String table = MotoTables.create("slack-installs");
    private final DynamoSlackInstallations installs = MotoTables.store(table).slackInstallations();

    private static Installation of(String enterpriseId, String teamId, String token) {
        return new Installation(enterpriseId, teamId, "Team " + teamId, "A0CIMENT01", "U0BOT", "B0BOT", token,
                "chat:write,commands", "U0ADMIN", NOW);
    }

    @Test
    void install_isFoundByItsWorkspace_andAReinstallReplacesItsToken() {
        installs.save(of(null, "T0ONE", "xoxb-first"));
        installs.save(of(null, "T0ONE", "xoxb-second"));

        assertEquals(Optional.of(of(null, "T0ONE", "xoxb-second")), installs.find(null, "T0ONE"));
        assertEquals(Optional.empty(), installs.find(null, "T0TWO"));
        assertEquals(1, MotoTables.items(table).stream().filter(i -> i.get("pk").s().startsWith("SLACK#T#")).count());
    }

    @Test
    void workspaceOfAnOrganisation_withoutItsOwnInstall_usesTheOrgWideOne() {
        installs.save(of("E0ORG", null, "xoxb-org"));

        assertEquals("xoxb-org", installs.find("E0ORG", "T0MEMBER").orElseThrow().botToken());
        assertEquals(Optional.empty(), installs.find("E0OTHER", "T0MEMBER"));
    }

    @Test
    void uninstall_forgetsTheWorkspace_andForgettingTwiceIsNothing() {
        installs.save(of(null, "T0GONE", "xoxb-gone"));

        installs.delete(null, "T0GONE");
        installs.delete(null, "T0GONE");

        assertEquals(Optional.empty(), installs.find(null, "T0GONE"));
    }
}
