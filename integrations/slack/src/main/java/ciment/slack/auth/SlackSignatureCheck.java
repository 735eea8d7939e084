package ciment.slack.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The gate in front of Bolt: a request is Slack's only when its X-Slack-Signature is the HMAC-SHA256,
 * under the signing secret, of {@code v0:<X-Slack-Request-Timestamp>:<raw body>}, and its timestamp is
 * within five minutes of now, before or after. Bolt's own check accepts future timestamps and compares
 * strings in variable time, so this one decides; Bolt's runs after it and never sees a refused request.
 */
public final class SlackSignatureCheck {
    public static final String TIMESTAMP_HEADER = "X-Slack-Request-Timestamp";
    public static final String SIGNATURE_HEADER = "X-Slack-Signature";
    static final Duration TOLERANCE = Duration.ofMinutes(5);

    private static final String VERSION = "v0=";
    private static final int DIGEST_HEX_LENGTH = 64;

    private final SecretKeySpec key;
    private final Clock clock;

    public SlackSignatureCheck(String signingSecret, Clock clock) {
        if (signingSecret == null || signingSecret.isBlank()) {
            throw new IllegalArgumentException("a Slack signing secret is required");
        }
        this.key = new SecretKeySpec(signingSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.clock = clock;
    }

    /** The same check, reading both headers from a map whose names may come in any case. */
    public boolean accepts(Map<String, String> headers, byte[] rawBody) {
        return headers != null && accepts(header(headers, TIMESTAMP_HEADER), header(headers, SIGNATURE_HEADER), rawBody);
    }

    /**
     * @param timestamp the X-Slack-Request-Timestamp header (seconds since the epoch)
     * @param signature the X-Slack-Signature header ({@code v0=} and 64 hex digits)
     * @param rawBody   the body exactly as received, before any form or JSON parsing
     */
    public boolean accepts(String timestamp, String signature, byte[] rawBody) {
        if (rawBody == null || !isFresh(timestamp)) {
            return false;
        }
        byte[] given = digestOf(signature);
        return given != null && MessageDigest.isEqual(expected(timestamp, rawBody), given);
    }

    private boolean isFresh(String timestamp) {
        // Digits only, and few enough that parsing cannot overflow: no sign, no spaces, no exponent.
        if (timestamp == null || timestamp.isEmpty() || timestamp.length() > 12 || !timestamp.chars().allMatch(Character::isDigit)) {
            return false;
        }
        long age = clock.instant().getEpochSecond() - Long.parseLong(timestamp);
        return Math.abs(age) <= TOLERANCE.toSeconds();
    }

    private static byte[] digestOf(String signature) {
        if (signature == null || signature.length() != VERSION.length() + DIGEST_HEX_LENGTH || !signature.startsWith(VERSION)) {
            return null;
        }
        try {
            return HexFormat.of().parseHex(signature, VERSION.length(), signature.length());
        } catch (IllegalArgumentException notHex) {
            return null;
        }
    }

    private byte[] expected(String timestamp, byte[] rawBody) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(rawBody);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    static String header(Map<String, String> headers, String name) {
        String exact = headers.get(name);
        if (exact != null) {
            return exact;
        }
        for (Map.Entry<String, String> header : headers.entrySet()) {
            if (header.getKey() != null && header.getKey().equalsIgnoreCase(name)) {
                return header.getValue();
            }
        }
        return null;
    }
}
