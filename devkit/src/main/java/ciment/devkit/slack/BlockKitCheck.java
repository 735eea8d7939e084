package ciment.devkit.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Block Kit payloads through slack_sdk's own validators: block_kit_check.py (beside this class) in the Python
 * of the repository's .venv, where {@code make test} installs slack-sdk at the version pinned in
 * scripts/requirements-test.txt. One Python process serves every check of a test JVM, a JSON line each way.
 */
public final class BlockKitCheck {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Process python;
    private static Writer requests;
    private static BufferedReader answers;

    private BlockKitCheck() {
    }

    /** What slack_sdk finds wrong with a message's {@code text} and {@code blocks} (empty: nothing). */
    public static List<String> message(String text, JsonNode blocks) {
        ObjectNode payload = JSON.createObjectNode();
        payload.put("text", text);
        payload.set("blocks", blocks);
        return check("message", payload);
    }

    /** What slack_sdk finds wrong with a view (Home tab or modal; empty: nothing). */
    public static List<String> view(JsonNode view) {
        return check("view", view);
    }

    /**
     * What slack_sdk finds wrong with what a Web API call carried to the fake Slack: the message of chat.postMessage,
     * chat.postEphemeral and chat.update, the view of views.open, views.update and views.publish; empty for any
     * other call.
     */
    public static List<String> call(FakeSlackApi.Call call) {
        try {
            return switch (call.method()) {
                case "chat.postMessage", "chat.postEphemeral", "chat.update" -> message(call.param("text"),
                        blocks(call.params().get("blocks")));
                case "views.open", "views.update", "views.publish" -> view(JSON.valueToTree(call.json("view")));
                default -> List.of();
            };
        } catch (IOException e) {
            return List.of(call.method() + ": blocks that are not JSON: " + e.getMessage());
        }
    }

    /** The SDK sends blocks as a JSON string in a form field, or as JSON in a JSON body. */
    private static JsonNode blocks(Object sent) throws IOException {
        if (sent == null) {
            return JSON.createArrayNode();
        }
        return sent instanceof String text ? JSON.readTree(text) : JSON.valueToTree(sent);
    }

    private static synchronized List<String> check(String kind, JsonNode payload) {
        ObjectNode request = JSON.createObjectNode();
        request.put("kind", kind);
        request.set("payload", payload);
        try {
            start();
            requests.write(JSON.writeValueAsString(request) + "\n");
            requests.flush();
            String line = answers.readLine();
            if (line == null) {
                throw new IllegalStateException("block_kit_check.py stopped (is slack-sdk in .venv? `make test` installs"
                        + " scripts/requirements-test.txt): "
                        + new String(python.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
            }
            List<String> errors = new ArrayList<>();
            JSON.readTree(line).path("errors").forEach(error -> errors.add(error.asText()));
            return errors;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void start() throws IOException {
        if (python != null && python.isAlive()) {
            return;
        }
        Path script = Files.createTempFile("block_kit_check", ".py");
        script.toFile().deleteOnExit();
        try (InputStream in = BlockKitCheck.class.getResourceAsStream("block_kit_check.py")) {
            Files.write(script, in.readAllBytes());
        }
        python = new ProcessBuilder(python().toString(), script.toString()).start();
        requests = new java.io.OutputStreamWriter(python.getOutputStream(), StandardCharsets.UTF_8);
        answers = new BufferedReader(new InputStreamReader(python.getInputStream(), StandardCharsets.UTF_8));
        Process started = python;
        Runtime.getRuntime().addShutdownHook(new Thread(started::destroy));
    }

    /** The venv's Python: under the repository root the build names, else under the nearest folder that has one. */
    static Path python() {
        String root = System.getProperty("ciment.repo.root", "");
        if (!root.isBlank() && Files.isExecutable(Path.of(root, ".venv", "bin", "python"))) {
            return Path.of(root, ".venv", "bin", "python");
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isExecutable(dir.resolve(".venv/bin/python"))) {
                return dir.resolve(".venv/bin/python");
            }
        }
        throw new IllegalStateException("No .venv/bin/python: run `make test` (or `make venv`) from the repository root,"
                + " which installs slack-sdk for the Block Kit checks.");
    }
}
