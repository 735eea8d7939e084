package ciment.infra.lambda;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The largest request body a route takes, checked before anything parses it: first on the whole API Gateway event,
 * read no further than a body of the bound could make it (base64 included), then on the body itself, counted as
 * the bytes the platform sent (a base64 body decoded). A larger one is answered 413 and one sentence.
 *
 * @param maxBytes the largest body, in bytes as sent
 */
public record BodyLimit(int maxBytes) {
    /**
     * What API Gateway wraps around a body: HTTP APIs take up to 10 KB of request line and headers, which payload
     * 1.0 lists twice (headers and multiValueHeaders), and the query and request context come on top.
     */
    static final int ENVELOPE_BYTES = 64 * 1024;
    public static final int STATUS = 413;

    public BodyLimit {
        if (maxBytes < 0) {
            throw new IllegalArgumentException("a body limit is 0 bytes or more");
        }
    }

    /** The sentence a refused request gets. */
    public String refusal() {
        return "The request body is larger than the %,d bytes this route takes: nothing was read.".formatted(maxBytes);
    }

    /** The largest event that can carry an admissible body: the body base64-encoded, within its envelope. */
    public int maxEventBytes() {
        return (maxBytes + 2) / 3 * 4 + ENVELOPE_BYTES;
    }

    /** The event's bytes, or empty (read no further) when they are more than {@link #maxEventBytes()}. */
    public Optional<byte[]> readEvent(InputStream input) throws IOException {
        byte[] event = input.readNBytes(maxEventBytes() + 1);
        return event.length > maxEventBytes() ? Optional.empty() : Optional.of(event);
    }

    /** Whether the event's body, as it carries it (base64 or text), is within the bound once decoded. */
    public boolean admits(String body, boolean base64) {
        return body == null || sentBytes(body, base64) <= maxBytes;
    }

    /** The bytes the platform sent: a base64 text's decoded length (counted, not decoded), a text's UTF-8 length. */
    static long sentBytes(String body, boolean base64) {
        if (!base64) {
            return body.getBytes(StandardCharsets.UTF_8).length;
        }
        int padding = body.endsWith("==") ? 2 : body.endsWith("=") ? 1 : 0;
        return (long) body.length() / 4 * 3 + (body.length() % 4 == 0 ? -padding : body.length() % 4 - 1);
    }
}
