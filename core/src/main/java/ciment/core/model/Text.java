package ciment.core.model;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Text rules shared by every command: limits, and folding for search. */
public final class Text {
    public static final int PURPOSE_MAX = 300;
    public static final int POST_MAX = 4000;
    /** The longest name kept on a post (Slack allows 80 characters, Azure AD 256: this only bounds the item). */
    public static final int NAME_MAX = 200;

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private Text() {
    }

    /** Lower case, no accents, single spaces: "  Accessibilité " folds to "accessibilite". */
    public static String fold(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        String bare = MARKS.matcher(decomposed).replaceAll("");
        return SPACES.matcher(bare.toLowerCase(Locale.ROOT)).replaceAll(" ").trim();
    }

    /** The text whole when it has at most {@code max} characters (code points), else its start and "…" in {@code max}. */
    public static String cut(String text, int max) {
        return length(text) <= max ? text : text.substring(0, text.offsetByCodePoints(0, max - 1)) + "…";
    }

    /** Length as a person counts it (code points, not UTF-16 units). */
    public static int length(String text) {
        return text.codePointCount(0, text.length());
    }
}
