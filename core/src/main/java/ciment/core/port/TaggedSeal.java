package ciment.core.port;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * A seal spelled base64url(text, then a tag of it): the spelling and its checks, whatever keyed tag a
 * subclass computes (infra's HMAC; the tests' own key). Core has no cryptography of its own.
 */
public abstract class TaggedSeal implements Seal {
    /** How many bytes of the tag a seal carries. */
    protected static final int TAG_BYTES = 16;

    /** The text's tag: at least {@link #TAG_BYTES} bytes, of which the first are kept. */
    protected abstract byte[] tag(byte[] body);

    @Override
    public final String seal(String text) {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        byte[] sealed = Arrays.copyOf(body, body.length + TAG_BYTES);
        System.arraycopy(tag(body), 0, sealed, body.length, TAG_BYTES);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sealed);
    }

    @Override
    public final Optional<String> open(String sealed) {
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
        byte[] expected = Arrays.copyOf(tag(body), TAG_BYTES);
        // Compared in constant time: how long a comparison takes tells nothing of the right tag.
        return MessageDigest.isEqual(expected, Arrays.copyOfRange(bytes, body.length, bytes.length))
                ? Optional.of(new String(body, StandardCharsets.UTF_8)) : Optional.empty();
    }
}
