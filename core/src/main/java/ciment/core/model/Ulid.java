package ciment.core.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;

/**
 * ULIDs: 48 bits of milliseconds then 80 bits, in Crockford base 32 (26 characters, time-ordered).
 * The first character is a digit until the year 10889, which CONTRACT.md relies on for post ids.
 */
public final class Ulid {
    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ulid() {
    }

    public static String random(Instant at) {
        byte[] tail = new byte[10];
        RANDOM.nextBytes(tail);
        return encode(at.toEpochMilli(), tail);
    }

    /**
     * The same source (a chat message id, an activity id) at the same time always gives the same id,
     * so a retried or duplicated request finds the post it already made instead of making another.
     */
    public static String derived(Instant at, String source) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(source.getBytes(StandardCharsets.UTF_8));
            byte[] tail = new byte[10];
            System.arraycopy(digest, 0, tail, 0, tail.length);
            return encode(at.toEpochMilli(), tail);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    /** The instant a ULID was made. */
    public static Instant time(String ulid) {
        long millis = 0;
        for (int i = 0; i < 10; i++) {
            millis = (millis << 5) | decode(ulid.charAt(i));
        }
        return Instant.ofEpochMilli(millis);
    }

    public static boolean isUlid(String text) {
        if (text == null || text.length() != 26 || text.charAt(0) > '7') {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (decode(text.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    private static String encode(long millis, byte[] tail) {
        char[] out = new char[26];
        for (int i = 9; i >= 0; i--) {
            out[i] = ALPHABET[(int) (millis & 31)];
            millis >>>= 5;
        }
        // 80 bits of tail as 16 characters of 5 bits each
        int bitBuffer = 0;
        int bits = 0;
        int pos = 10;
        for (byte b : tail) {
            bitBuffer = (bitBuffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out[pos++] = ALPHABET[(bitBuffer >>> (bits - 5)) & 31];
                bits -= 5;
            }
        }
        return new String(out);
    }

    private static int decode(char c) {
        char upper = Character.toUpperCase(c);
        for (int i = 0; i < ALPHABET.length; i++) {
            if (ALPHABET[i] == upper) {
                return i;
            }
        }
        return -1;
    }
}
