package ciment.infra.aws;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/** A key service in memory that counts what it is asked: its data keys are wrapped with a master key of its own. */
final class FakeDataKeys implements DataKeys {
    final AtomicInteger generated = new AtomicInteger();
    final AtomicInteger decrypted = new AtomicInteger();
    private final SecureRandom random = new SecureRandom();
    private final SecretKeySpec master;

    FakeDataKeys() {
        byte[] key = new byte[32];
        random.nextBytes(key);
        master = new SecretKeySpec(key, "AES");
    }

    @Override
    public DataKey generate() {
        generated.incrementAndGet();
        byte[] plaintext = new byte[32];
        random.nextBytes(plaintext);
        byte[] nonce = new byte[12];
        random.nextBytes(nonce);
        byte[] wrapped = crypt(Cipher.ENCRYPT_MODE, nonce, plaintext);
        byte[] encrypted = Arrays.copyOf(nonce, nonce.length + wrapped.length);
        System.arraycopy(wrapped, 0, encrypted, nonce.length, wrapped.length);
        return new DataKey(plaintext, encrypted);
    }

    @Override
    public Optional<byte[]> decrypt(byte[] encrypted) {
        decrypted.incrementAndGet();
        try {
            return Optional.of(crypt(Cipher.DECRYPT_MODE, Arrays.copyOf(encrypted, 12),
                    Arrays.copyOfRange(encrypted, 12, encrypted.length)));
        } catch (IllegalStateException doesNotOpen) {
            return Optional.empty();
        }
    }

    private byte[] crypt(int mode, byte[] nonce, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, master, new GCMParameterSpec(128, nonce));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
