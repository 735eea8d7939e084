package ciment.core.testing;

import ciment.core.port.Seal;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The seal of the in-memory store: the text and its HMAC, as infra's, with a fixed test key. */
public final class TestSeal implements Seal {
    private static final byte[] KEY = "ciment core tests' cursor key".getBytes(StandardCharsets.UTF_8);
    private static final int TAG = 16;

    @Override
    public String seal(String text) {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        byte[] sealed = Arrays.copyOf(body, body.length + TAG);
        System.arraycopy(tag(body), 0, sealed, body.length, TAG);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sealed);
    }

    @Override
    public Optional<String> open(String sealed) {
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(sealed);
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        // Only the one spelling Ciment made: the last character's spare bits could otherwise differ unseen.
        if (!Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).equals(sealed)) {
            return Optional.empty();
        }
        if (bytes.length < TAG) {
            return Optional.empty();
        }
        byte[] body = Arrays.copyOf(bytes, bytes.length - TAG);
        return MessageDigest.isEqual(tag(body), Arrays.copyOfRange(bytes, body.length, bytes.length))
                ? Optional.of(new String(body, StandardCharsets.UTF_8)) : Optional.empty();
    }

    private static byte[] tag(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
            return Arrays.copyOf(mac.doFinal(body), TAG);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
