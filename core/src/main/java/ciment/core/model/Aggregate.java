package ciment.core.model;

/**
 * A number about people is shown only when it covers 5 or more of them: below that it could point at
 * someone. Ciment never shows a count about one person.
 */
public final class Aggregate {
    public static final int SMALLEST_SHOWN = 5;

    private Aggregate() {
    }

    /** "12 members", or "fewer than 5 members". */
    public static String members(int count) {
        return count >= SMALLEST_SHOWN ? count + " members" : "fewer than " + SMALLEST_SHOWN + " members";
    }
}
