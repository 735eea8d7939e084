package ciment.devkit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every function template.yaml deploys points at code that exists: its handler is a class of the module
 * whose shaded jar its CodeUri names, and that module's pom makes that jar. (The tests run in devkit/,
 * next to the other modules.)
 */
class TemplateHandlersTest {
    private static final Path ROOT = Path.of("..");
    private static final Pattern CODE_URI = Pattern.compile("^(functions/[a-z-]+)/target/([a-z-]+\\.jar)$");

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> functions() throws IOException {
        Map<String, Map<String, Object>> resources = (Map<String, Map<String, Object>>) TemplateTable.document()
                .get("Resources");
        Map<String, Map<String, Object>> functions = new java.util.LinkedHashMap<>();
        resources.forEach((name, resource) -> {
            if ("AWS::Serverless::Function".equals(resource.get("Type"))) {
                functions.put(name, (Map<String, Object>) resource.get("Properties"));
            }
        });
        return functions;
    }

    @Test
    void everyFunctionsHandler_isAClassOfTheModuleThatBuildsItsJar() throws IOException {
        Map<String, Map<String, Object>> functions = functions();
        assertTrue(functions.keySet().containsAll(List.of("SlackFunction", "TeamsFunction", "SlackDeliveryFunction",
                "TeamsDeliveryFunction")), functions.keySet().toString());
        functions.forEach((name, properties) -> {
            String handler = (String) properties.get("Handler");
            String codeUri = (String) properties.get("CodeUri");
            Matcher jar = CODE_URI.matcher(codeUri);
            assertTrue(jar.matches(), name + "'s CodeUri " + codeUri + " is not a module's shaded jar");
            assertFalse(handler.contains("::"), name + ": the handler is the class itself, as the others");
            Path source = ROOT.resolve(jar.group(1)).resolve("src/main/java").resolve(handler.replace('.', '/') + ".java");
            assertTrue(Files.isRegularFile(source), name + "'s handler " + handler + " is not in " + jar.group(1));
            try {
                String pom = Files.readString(ROOT.resolve(jar.group(1)).resolve("pom.xml"));
                assertTrue(pom.contains("<outputFile>${project.build.directory}/" + jar.group(2) + "</outputFile>"),
                        jar.group(1) + "/pom.xml does not shade " + jar.group(2));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }
}
