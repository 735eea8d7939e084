package ciment.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.core.config.Settings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LocalAllowListsTest {

    @Test
    void unsetLists_serveAnyOnTheRunner_andEachIsToldOnce() {
        ByteArrayOutputStream told = new ByteArrayOutputStream();

        Settings opened = LocalAllowLists.anyWhenUnset(Settings.of(Map.of("CIMENT_TEAMS_ALLOWED_TENANTS", " ")),
                new PrintStream(told, true, StandardCharsets.UTF_8));

        assertEquals("*", opened.require("CIMENT_SLACK_ALLOWED_WORKSPACES"));
        assertEquals("*", opened.require("CIMENT_TEAMS_ALLOWED_TENANTS"));
        String warnings = told.toString(StandardCharsets.UTF_8);
        assertEquals(2, warnings.lines().count(), warnings);
        assertTrue(warnings.contains("CIMENT_SLACK_ALLOWED_WORKSPACES is not set: this local runner serves any (*)"),
                warnings);
    }

    @Test
    void listsGiven_areKept_andNothingIsTold() {
        ByteArrayOutputStream told = new ByteArrayOutputStream();
        Settings given = Settings.of(Map.of("CIMENT_SLACK_ALLOWED_WORKSPACES", "T0ONLY0001",
                "CIMENT_TEAMS_ALLOWED_TENANTS", "tenant-1"));

        Settings kept = LocalAllowLists.anyWhenUnset(given, new PrintStream(told, true, StandardCharsets.UTF_8));

        assertEquals("T0ONLY0001", kept.require("CIMENT_SLACK_ALLOWED_WORKSPACES"));
        assertEquals("tenant-1", kept.require("CIMENT_TEAMS_ALLOWED_TENANTS"));
        assertEquals("", told.toString(StandardCharsets.UTF_8));
    }
}
