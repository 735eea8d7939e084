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

    /** How many values a hint holds: the first 15 random bits, three characters. */
    public static final int HINTS = 1 << 15;
    private static final int HINT_AT = 10;

    /**
     * The ULID with its first three random characters (15 bits) set to {@code hint}: a post's id says
     * which community to look in, without an index; 65 random bits remain.
     */
    public static String withHint(String ulid, int hint) {
        int value = Math.floorMod(hint, HINTS);
        char[] chars = ulid.toCharArray();
        for (int i = HINT_AT + 2; i >= HINT_AT; i--) {
            chars[i] = ALPHABET[value & 31];
            value >>>= 5;
        }
        return new String(chars);
    }

    /** The hint a ULID carries (see {@link #withHint}); -1 when it is not a ULID. */
    public static int hintOf(String ulid) {
        if (ulid == null || ulid.length() != 26) {
            return -1;
        }
        int value = 0;
        for (int i = HINT_AT; i < HINT_AT + 3; i++) {
            int digit = decode(ulid.charAt(i));
            if (digit < 0) {
                return -1;
            }
            value = (value << 5) | digit;
        }
        return value;
    }

    /** The smallest ULID made at {@code at}: where a key range of ids made from then on starts. */
    public static String earliest(Instant at) {
        return encode(at.toEpochMilli(), new byte[10]);
    }

    /** The instant a ULID was made. */
    public static Instant time(String ulid) {
        long millis = 0;
        for (int i = 0; i < 10; i++) {
            millis = (millis << 5) | decode(ulid.charAt(i));
        }
        return Instant.ofEpochMilli(millis);
    }

    static boolean isUlid(String text) {
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
