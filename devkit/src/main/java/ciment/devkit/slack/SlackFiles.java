package ciment.devkit.slack;

import ciment.devkit.slack.FakeSlackApi.Call;
import ciment.devkit.slack.FakeSlackApi.Upload;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Files as Slack's external uploads take them: files.getUploadURLExternal announces a file and gives an upload URL
 * of this fake's own, where the bytes posted are recorded; files.completeUploadExternal shares the files uploaded.
 */
final class SlackFiles {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Where the upload URLs point, ending with '/'. */
    private final String uploadBase;
    private final AtomicLong files = new AtomicLong();
    /** file id to the call that announced it (its name and length). */
    private final Map<String, Call> announced = new ConcurrentHashMap<>();
    private final List<Upload> uploads = new CopyOnWriteArrayList<>();

    SlackFiles(String uploadBase) {
        this.uploadBase = uploadBase;
    }

    List<Upload> uploads() {
        return List.copyOf(uploads);
    }

    Map<String, Object> uploadUrl(Call call) {
        if (call.param("filename") == null || call.param("length") == null) {
            return Map.of("ok", false, "error", "invalid_arguments");
        }
        String id = "F0" + files.incrementAndGet();
        announced.put(id, call);
        return Map.of("ok", true, "file_id", id, "upload_url", uploadBase + id);
    }

    /** Shares the uploaded files in the channel; a file never uploaded is refused as Slack does. */
    Map<String, Object> complete(Call call) {
        List<Map<String, Object>> given;
        try {
            Object value = call.params().get("files");
            given = value instanceof String text ? JSON.readValue(text, new TypeReference<List<Map<String, Object>>>() { })
                    : List.of();
        } catch (IOException notJson) {
            return Map.of("ok", false, "error", "invalid_arguments");
        }
        List<Map<String, Object>> shared = new ArrayList<>();
        for (Map<String, Object> file : given) {
            String id = String.valueOf(file.get("id"));
            if (uploads.stream().noneMatch(upload -> upload.fileId().equals(id))) {
                return Map.of("ok", false, "error", "file_not_found");
            }
            Call announcement = announced.get(id);
            shared.add(Map.of("id", id, "name", announcement.param("filename"),
                    "title", String.valueOf(file.getOrDefault("title", announcement.param("filename"))),
                    "channels", call.param("channel_id") == null ? List.of() : List.of(call.param("channel_id"))));
        }
        return Map.of("ok", true, "files", shared);
    }

    /** A POST of a file's bytes to its upload URL. */
    void upload(HttpExchange exchange) throws IOException {
        try (exchange) {
            String id = exchange.getRequestURI().getPath().substring("/upload/".length());
            byte[] bytes = exchange.getRequestBody().readAllBytes();
            Call announcement = announced.get(id);
            int status = announcement == null || !"POST".equals(exchange.getRequestMethod()) ? 404 : 200;
            if (status == 200) {
                uploads.add(new Upload(id, announcement.param("filename"), bytes));
            }
            byte[] answer = (status == 200 ? "OK - " + bytes.length : "Not found").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/plain");
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
        }
    }
}
