package ciment.infra.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.core.config.Settings;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** KMS's JSON API as KmsApi speaks it, against a recording server: signed for KMS, tried again when KMS says so. */
class KmsApiTest {
    private record Seen(Map<String, List<String>> headers, String body) {
    }

    private record Answer(int status, String body) {
    }

    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final Queue<Answer> answers = new ConcurrentLinkedQueue<>();
    private final HttpServer server = start();

    private HttpServer start() {
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            http.createContext("/", exchange -> {
                seen.add(new Seen(Map.copyOf(exchange.getRequestHeaders()),
                        new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
                Answer answer = answers.isEmpty() ? new Answer(200, "{}") : answers.poll();
                byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(answer.status(), body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            http.start();
            return http;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private KmsApi api() {
        return KmsApi.fromSettings(Settings.of(Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:" + server.getAddress().getPort(),
                "AWS_REGION", "eu-west-3", "AWS_ACCESS_KEY_ID", "AKIDEXAMPLE", "AWS_SECRET_ACCESS_KEY", "secret")));
    }

    private static String header(Seen request, String name) {
        return request.headers().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(e -> e.getValue().getFirst()).findFirst().orElse("");
    }

    @Test
    void call_isSignedForKmsInItsRegion_withItsTargetAndJsonContentType() {
        answers.add(new Answer(200, "{\"Plaintext\":\"AAEC\"}"));

        assertEquals("AAEC", KmsApi.text(api().call("Decrypt", "{\"KeyId\":\"k\"}".getBytes(StandardCharsets.UTF_8)),
                "Plaintext"));

        Seen request = seen.getFirst();
        assertEquals("{\"KeyId\":\"k\"}", request.body());
        assertEquals("TrentService.Decrypt", header(request, "X-Amz-Target"));
        assertEquals("application/x-amz-json-1.1", header(request, "Content-Type"));
        String authorization = header(request, "Authorization");
        assertTrue(authorization.startsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/"), authorization);
        assertTrue(authorization.contains("/eu-west-3/kms/aws4_request"), authorization);
        assertTrue(authorization.contains("x-amz-target"), "the target is signed: " + authorization);
    }

    @Test
    void throttledOrFailingKms_isAskedAgain_threeAttemptsInAll() {
        answers.add(new Answer(400, "{\"__type\":\"ThrottlingException\",\"message\":\"slow down\"}"));
        answers.add(new Answer(500, "{\"__type\":\"KMSInternalException\"}"));
        answers.add(new Answer(200, "{\"Plaintext\":\"AAEC\"}"));

        assertEquals("AAEC", KmsApi.text(api().call("Decrypt", new byte[] {'{', '}'}), "Plaintext"));
        assertEquals(3, seen.size());

        answers.add(new Answer(503, "{}"));
        answers.add(new Answer(503, "{}"));
        answers.add(new Answer(503, "{}"));
        answers.add(new Answer(200, "{}"));
        assertThrows(KmsApi.KmsError.class, () -> api().call("Decrypt", new byte[] {'{', '}'}));
        assertEquals(6, seen.size(), "given up after three attempts");
    }

    @Test
    void refusal_isNotAskedAgain_andSaysItsTypeWithoutItsNamespace() {
        answers.add(new Answer(400, "{\"__type\":\"com.amazonaws.kms#InvalidCiphertextException\",\"Message\":\"no\"}"));

        KmsApi.KmsError refused = assertThrows(KmsApi.KmsError.class, () -> api().call("Decrypt", new byte[] {'{', '}'}));

        assertEquals("InvalidCiphertextException", refused.type());
        assertFalse(refused.retryable());
        assertEquals(1, seen.size());
    }

    @Test
    void withoutAnEndpointOverride_callsGoToKmsInTheRegion() {
        assertEquals(URI.create("https://kms.eu-west-3.amazonaws.com/"),
                KmsApi.fromSettings(Settings.of(Map.of("AWS_REGION", "eu-west-3"))).endpoint());
    }
}
