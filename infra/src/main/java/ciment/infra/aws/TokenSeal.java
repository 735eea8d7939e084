package ciment.infra.aws;

import ciment.core.config.Settings;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Slack bot tokens at rest: envelope encryption under the stack's KMS key (CIMENT_TOKENS_KMS_KEY). A token is
 * sealed with AES-256-GCM under a data key; what is stored is the ciphertext (GCM's tag included), the data key
 * as KMS encrypted it, and the nonce. The associated data names the item the token belongs to, so that a sealed
 * token copied onto another workspace's item does not open there.
 *
 * <p>Per container, KMS is asked little: the data key that seals is used for {@link #KEY_LIFETIME} (or
 * {@link #SEALS_PER_KEY} tokens) before a new one is asked for, and each data key opened is kept by its encrypted
 * form as long (at most {@link #OPENED_KEPT}). Nothing is asked during init: a SnapStart snapshot holds no key.
 */
public final class TokenSeal {
    /**
     * The KMS key, by ARN (template.yaml's TokensKey). Not {@code ..._ARN}: that suffix names a secret to read at init
     * ({@link Secrets}).
     */
    public static final String KMS_KEY = "CIMENT_TOKENS_KMS_KEY";
    static final Duration KEY_LIFETIME = Duration.ofMinutes(5);
    /** Random 96-bit nonces: far below GCM's bound of 2^32 messages per key. */
    static final int SEALS_PER_KEY = 10_000;
    static final int OPENED_KEPT = 64;
    private static final String CIPHER = "AES/GCM/NoPadding";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String BINDING = "ciment slack bot token for ";

    /** What is stored of a token: nothing in it opens without KMS. */
    public record Sealed(byte[] ciphertext, byte[] encryptedKey, byte[] nonce) {
    }

    private record Opened(SecretKey key, Instant until) {
    }

    private final DataKeys keys;
    private final boolean seals;
    private final Clock clock;
    /** Made at the first seal, after any SnapStart restore: no two containers share its state. Guarded by this. */
    private SecureRandom random;
    private final Map<String, Opened> opened = new ConcurrentHashMap<>();
    /** The data key sealing now, its encrypted form, until when, and how many tokens it sealed; guarded by this. */
    private SecretKey sealingKey;
    private byte[] sealingKeyEncrypted;
    private Instant sealingUntil = Instant.MIN;
    private int sealed;

    TokenSeal(DataKeys keys, boolean seals, Clock clock) {
        this.keys = keys;
        this.seals = seals;
        this.clock = clock;
    }

    /** Seals and opens (the Slack function: installs, and tokens kept in the clear by earlier versions). */
    public static TokenSeal sealing(Settings settings) {
        return new TokenSeal(KmsDataKeys.fromSettings(settings, keyArn(settings)), true, Clock.systemUTC());
    }

    /** Opens only (the Slack delivery function, whose role may decrypt data keys but not ask for new ones). */
    public static TokenSeal openingOnly(Settings settings) {
        return new TokenSeal(KmsDataKeys.fromSettings(settings, keyArn(settings)), false, Clock.systemUTC());
    }

    /** Creates a KMS key and gives its ARN: for the local runner and tests, on an emulator. */
    public static String createKey(Settings settings) {
        return KmsDataKeys.createKey(settings, "Ciment (local): seals Slack bot tokens");
    }

    private static String keyArn(Settings settings) {
        return settings.get(KMS_KEY).orElseThrow(() -> new IllegalStateException(KMS_KEY
                + " is not set: with OAuth installs (SLACK_CLIENT_ID) each workspace's bot token is sealed with that KMS key"
                + " (template.yaml's TokensKey; the local runner makes one on its emulator)."));
    }

    /** Whether this seal may seal (else it only opens). */
    public boolean seals() {
        return seals;
    }

    /** The token sealed for the item {@code boundTo} (its partition key): it opens for that item only. */
    public synchronized Sealed seal(String token, String boundTo) {
        if (!seals) {
            throw new IllegalStateException("this function only opens bot tokens: its role may not ask KMS for data keys");
        }
        Instant now = clock.instant();
        if (sealingKey == null || !now.isBefore(sealingUntil) || sealed >= SEALS_PER_KEY) {
            DataKeys.DataKey fresh = keys.generate();
            sealingKey = new SecretKeySpec(fresh.plaintext(), "AES");
            sealingKeyEncrypted = fresh.encrypted();
            sealingUntil = now.plus(KEY_LIFETIME);
            sealed = 0;
            // This container opens what it sealed without asking KMS.
            keep(sealingKeyEncrypted, sealingKey, now);
        }
        if (random == null) {
            random = new SecureRandom();
        }
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        sealed++;
        try {
            return new Sealed(gcm(Cipher.ENCRYPT_MODE, sealingKey, nonce, boundTo, token.getBytes(StandardCharsets.UTF_8)),
                    sealingKeyEncrypted.clone(), nonce);
        } catch (GeneralSecurityException unavailable) {
            throw new IllegalStateException("AES-GCM is not available", unavailable);
        }
    }

    /**
     * The token, when {@code sealed} was sealed for {@code boundTo} and is intact; empty when it does not open (sealed
     * for another item, altered, or its data key refused by KMS). Throws when KMS cannot be asked (a retry may pass).
     */
    public Optional<String> open(Sealed sealed, String boundTo) {
        Optional<SecretKey> key = dataKey(sealed.encryptedKey());
        if (key.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new String(gcm(Cipher.DECRYPT_MODE, key.get(), sealed.nonce(), boundTo,
                    sealed.ciphertext()), StandardCharsets.UTF_8));
        } catch (GeneralSecurityException | IllegalArgumentException notWhatWasSealed) {
            // GCM's tag does not verify (another item's binding, an altered byte), or a nonce of the wrong shape.
            return Optional.empty();
        }
    }

    private Optional<SecretKey> dataKey(byte[] encrypted) {
        Instant now = clock.instant();
        Opened kept = opened.get(id(encrypted));
        if (kept != null && now.isBefore(kept.until())) {
            return Optional.of(kept.key());
        }
        return keys.decrypt(encrypted).map(plain -> keep(encrypted, new SecretKeySpec(plain, "AES"), now));
    }

    private SecretKey keep(byte[] encrypted, SecretKey key, Instant now) {
        if (opened.size() >= OPENED_KEPT) {
            opened.values().removeIf(kept -> !now.isBefore(kept.until()));
            if (opened.size() >= OPENED_KEPT) {
                opened.clear();
            }
        }
        opened.put(id(encrypted), new Opened(key, now.plus(KEY_LIFETIME)));
        return key;
    }

    private static String id(byte[] encrypted) {
        return Base64.getEncoder().encodeToString(encrypted);
    }

    private static byte[] gcm(int mode, SecretKey key, byte[] nonce, String boundTo, byte[] input)
            throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance(CIPHER);
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD((BINDING + boundTo).getBytes(StandardCharsets.UTF_8));
        return cipher.doFinal(input);
    }
}
