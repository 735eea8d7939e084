package ciment.infra;

import ciment.core.config.Settings;
import ciment.core.port.Seal;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals a text as base64url(text, then the first 16 bytes of its HMAC-SHA256). The key is CIMENT_CURSOR_KEY
 * (in Lambda, a secret named by CIMENT_CURSOR_KEY_ARN, resolved like the others), so that every container
 * opens what another sealed; without it, a random key of this process (the local runner, tests).
 */
final class HmacSeal implements Seal {
    static final String KEY_SETTING = "CIMENT_CURSOR_KEY";
    private static final String ALGORITHM = "HmacSHA256";
    private static final int TAG_BYTES = 16;
    private static final byte[] PROCESS_KEY = randomKey();

    private final SecretKeySpec key;

    HmacSeal(byte[] key) {
        this.key = new SecretKeySpec(key, ALGORITHM);
    }

    static HmacSeal fromSettings(Settings settings) {
        return settings.get(KEY_SETTING).map(k -> new HmacSeal(k.getBytes(StandardCharsets.UTF_8)))
                .orElseGet(HmacSeal::ofThisProcess);
    }

    static HmacSeal ofThisProcess() {
        return new HmacSeal(PROCESS_KEY);
    }

    @Override
    public String seal(String text) {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        byte[] sealed = Arrays.copyOf(body, body.length + TAG_BYTES);
        System.arraycopy(tag(body), 0, sealed, body.length, TAG_BYTES);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sealed);
    }

    @Override
    public Optional<String> open(String sealed) {
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(sealed);
        } catch (IllegalArgumentException notBase64url) {
            return Optional.empty();
        }
        // Only the one spelling Ciment made: the last character's spare bits could otherwise differ unseen.
        if (!Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).equals(sealed)) {
            return Optional.empty();
        }
        if (bytes.length < TAG_BYTES) {
            return Optional.empty();
        }
        byte[] body = Arrays.copyOf(bytes, bytes.length - TAG_BYTES);
        // Compared in constant time: how long a comparison takes tells nothing of the right tag.
        return MessageDigest.isEqual(tag(body), Arrays.copyOfRange(bytes, body.length, bytes.length))
                ? Optional.of(new String(body, StandardCharsets.UTF_8)) : Optional.empty();
    }

    private byte[] tag(byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return Arrays.copyOf(mac.doFinal(body), TAG_BYTES);
        } catch (GeneralSecurityException unavailable) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", unavailable);
        }
    }

    private static byte[] randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }
}
