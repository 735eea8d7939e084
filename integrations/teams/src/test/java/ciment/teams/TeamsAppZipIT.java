package ciment.teams;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** After package: target/ciment-teams-app.zip is what Teams takes, its files at its root. */
class TeamsAppZipIT {
    private static final Path ZIP = Path.of("target", "ciment-teams-app.zip");

    @Test
    void zip_holdsManifestItsLanguageFilesAndBothIconsAtItsRoot_andNothingElse() throws IOException {
        Map<String, byte[]> entries = entries();
        java.util.Set<String> expected = new java.util.HashSet<>(TeamsApp.languageFiles().values());
        expected.addAll(java.util.Set.of("manifest.json", "color.png", "outline.png"));
        assertEquals(expected, entries.keySet(),
                "Teams reads manifest.json, the language files and the icons it names from the zip's root");
        assertTrue(entries.containsKey("fr-fr.json"), "the French file");
    }

    @Test
    void zippedFiles_areTheAppPackagesSources_theManifestParsing() throws IOException {
        Map<String, byte[]> entries = entries();
        for (String name : entries.keySet()) {
            assertArrayEquals(Files.readAllBytes(TeamsApp.DIRECTORY.resolve(name)), entries.get(name), name);
        }
        var manifest = TeamsApp.parse(new String(entries.get("manifest.json"), StandardCharsets.UTF_8));
        assertEquals(TeamsApp.APP_ID, manifest.path("bots").path(0).path("botId").asText());
        assertTrue(entries.containsKey(manifest.path("icons").path("color").asText()));
        assertTrue(entries.containsKey(manifest.path("icons").path("outline").asText()));
        BufferedImage color = ImageIO.read(new ByteArrayInputStream(entries.get("color.png")));
        BufferedImage outline = ImageIO.read(new ByteArrayInputStream(entries.get("outline.png")));
        assertEquals(192, color.getWidth());
        assertEquals(32, outline.getWidth());
    }

    private static Map<String, byte[]> entries() throws IOException {
        assertTrue(Files.isRegularFile(ZIP), ZIP + " is missing: the package phase writes it");
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(ZIP))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                assertTrue(!entry.isDirectory() && !entry.getName().contains("/"), entry.getName() + " is not at the root");
                entries.put(entry.getName(), zip.readAllBytes());
            }
        }
        return entries;
    }
}
