package ciment.infra.dynamo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.core.config.Settings;
import ciment.core.port.SlackInstallations.Installation;
import ciment.infra.aws.TokenSeal;
import ciment.infra.testing.MotoTables;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The Slack app's OAuth installs on the table (moto, its KMS too): one per workspace, the bot token sealed for its
 * item.
 */
class DynamoSlackInstallationsTest {
    private static final Instant NOW = Instant.parse("2026-11-27T23:00:00Z");
    private static final Settings SETTINGS = MotoTables.withTokensKey();
    private final String table = MotoTables.create("slack-installs");
    private final DynamoSlackInstallations installs = MotoTables.repositories(table).slackInstallations(TokenSeal.sealing(SETTINGS));

    private static Installation of(String enterpriseId, String teamId, String token) {
        return new Installation(enterpriseId, teamId, "Team " + teamId, "A0CIMENT01", "U0BOT", "B0BOT", token,
                "chat:write,commands", NOW);
    }

    private Map<String, AttributeValue> item(String pk) {
        return MotoTables.items(table).stream().filter(i -> i.get("pk").s().equals(pk)).findFirst().orElseThrow();
    }

    /** Every attribute's bytes as text: what someone reading the table (or its stream, or a backup) sees. */
    private static String raw(Map<String, AttributeValue> item) {
        StringBuilder all = new StringBuilder();
        item.forEach((name, value) -> all.append(name).append('=')
                .append(value.b() != null ? new String(value.b().asByteArray(), StandardCharsets.ISO_8859_1) : value.toString())
                .append('\n'));
        return all.toString();
    }

    /** An installation as an earlier version wrote it: the token in the clear, the installer's user id. */
    private void putLegacy(String teamId, String token, String installer) {
        Map<String, AttributeValue> item = new HashMap<>(DynamoSlackInstallations.installationKey(null, teamId));
        item.put("teamId", AttributeValue.fromS(teamId));
        item.put("botToken", AttributeValue.fromS(token));
        item.put("installerUserId", AttributeValue.fromS(installer));
        item.put("installedAt", AttributeValue.fromS(NOW.toString()));
        MotoTables.CLIENT.putItem(b -> b.tableName(table).item(item));
    }

    @Test
    void install_keepsItsTokenSealed_noTokenInTheClear_andNothingOfTheInstaller() {
        installs.save(of(null, "T0SEALED", "xoxb-sealed-token"));

        Map<String, AttributeValue> item = item("SLACK#T#T0SEALED");
        assertFalse(raw(item).contains("xoxb-"), raw(item));
        assertFalse(item.containsKey("botToken"));
        assertFalse(item.containsKey("installerUserId"));
        assertTrue(item.get("botTokenSealed").b() != null && item.get("botTokenKey").b() != null
                && item.get("botTokenNonce").b() != null, item.keySet().toString());
        assertEquals("xoxb-sealed-token", installs.find(null, "T0SEALED").orElseThrow().botToken());
    }

    @Test
    void sealedToken_copiedOntoAnotherWorkspacesItem_isRefused_andThatWorkspaceIsNotServedWithIt() {
        installs.save(of(null, "T0VICTIM", "xoxb-victim"));
        installs.save(of(null, "T0THIEF", "xoxb-thief"));
        Map<String, AttributeValue> victim = item("SLACK#T#T0VICTIM");
        Map<String, AttributeValue> thief = new HashMap<>(item("SLACK#T#T0THIEF"));
        for (String name : new String[] {"botTokenSealed", "botTokenKey", "botTokenNonce"}) {
            thief.put(name, victim.get(name));
        }
        MotoTables.CLIENT.putItem(b -> b.tableName(table).item(thief));

        assertEquals(Optional.empty(), installs.find(null, "T0THIEF"));
        assertEquals("xoxb-victim", installs.find(null, "T0VICTIM").orElseThrow().botToken());
    }

    @Test
    void itemOfAnEarlierVersion_isRead_thenRewrittenSealed_withoutItsInstaller() {
        putLegacy("T0LEGACY", "xoxb-legacy-token", "U0LEGACYADMIN");

        assertEquals("xoxb-legacy-token", installs.find(null, "T0LEGACY").orElseThrow().botToken());

        Map<String, AttributeValue> item = item("SLACK#T#T0LEGACY");
        assertFalse(raw(item).contains("xoxb-"), raw(item));
        assertFalse(raw(item).contains("U0LEGACYADMIN"), raw(item));
        assertEquals("xoxb-legacy-token", installs.find(null, "T0LEGACY").orElseThrow().botToken());
    }

    @Test
    void itemOfAnEarlierVersion_readByAFunctionThatOnlyOpens_isUsed_andLeftForTheSlackFunction() {
        putLegacy("T0LEGACY2", "xoxb-legacy-two", "U0LEGACYADMIN");
        DynamoSlackInstallations delivery = MotoTables.repositories(table).slackInstallations(TokenSeal.openingOnly(SETTINGS));

        assertEquals("xoxb-legacy-two", delivery.find(null, "T0LEGACY2").orElseThrow().botToken());
        assertEquals("xoxb-legacy-two", item("SLACK#T#T0LEGACY2").get("botToken").s());
    }

    @Test
    void sealedToken_opensInAnotherContainer_thatOnlyOpens() {
        installs.save(of(null, "T0SHARED", "xoxb-shared"));
        DynamoSlackInstallations delivery = MotoTables.repositories(table).slackInstallations(TokenSeal.openingOnly(SETTINGS));

        assertEquals("xoxb-shared", delivery.find(null, "T0SHARED").orElseThrow().botToken());
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
