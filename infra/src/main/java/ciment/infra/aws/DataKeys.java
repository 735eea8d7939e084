package ciment.infra.aws;

import java.util.Optional;

/**
 * Where {@link TokenSeal}'s data keys come from: a fresh AES-256 key with its encrypted form, and the key back
 * from its encrypted form. {@link KmsDataKeys} in AWS and on moto; tests may count or refuse.
 */
interface DataKeys {

    /** A data key in the clear (32 bytes) and as the key service encrypted it (what is stored). */
    record DataKey(byte[] plaintext, byte[] encrypted) {
    }

    /** A new data key; throws when the key service refuses (this role may only decrypt, say). */
    DataKey generate();

    /**
     * The data key {@code encrypted} holds; empty when the key service says it does not open (not one of its
     * ciphertexts, another key's, or altered). Throws on anything else (throttled, unreachable): a retry may pass.
     */
    Optional<byte[]> decrypt(byte[] encrypted);
}
