package ciment.infra.aws;

import ciment.core.config.Settings;
import ciment.core.port.TaggedSeal;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals a text as base64url(text, then the first 16 bytes of its HMAC-SHA256). The key is CIMENT_CURSOR_KEY
 * (in Lambda, a secret named by CIMENT_CURSOR_KEY_ARN, resolved like the others), so that every container
 * opens what another sealed; without it, a random key of this process (the local runner, tests).
 */
public final class HmacSeal extends TaggedSeal {
    static final String KEY_SETTING = "CIMENT_CURSOR_KEY";
    private static final String ALGORITHM = "HmacSHA256";
    private static final byte[] PROCESS_KEY = randomKey();

    private final SecretKeySpec key;

    HmacSeal(byte[] key) {
        this.key = new SecretKeySpec(key, ALGORITHM);
    }

    public static HmacSeal fromSettings(Settings settings) {
        return settings.get(KEY_SETTING).map(k -> new HmacSeal(k.getBytes(StandardCharsets.UTF_8)))
                .orElseGet(HmacSeal::ofThisProcess);
    }

    public static HmacSeal ofThisProcess() {
        return new HmacSeal(PROCESS_KEY);
    }

    @Override
    protected byte[] tag(byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(body);
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
