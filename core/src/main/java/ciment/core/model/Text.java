package ciment.core.model;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Text rules shared by every command: limits, and folding for search. */
public final class Text {
    public static final int PURPOSE_MAX = 300;
    public static final int POST_MAX = 4000;

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

    /** Length as a person counts it (code points, not UTF-16 units). */
    public static int length(String text) {
        return text.codePointCount(0, text.length());
    }
}
