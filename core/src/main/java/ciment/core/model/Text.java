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

    /**
     * What people typed, as a chat tool should show it: its lines kept (a carriage return or a line or
     * paragraph separator becomes a newline), its tabs kept, and dropped what shows nothing but can disguise
     * what is shown: control characters, and the bidi embeddings, overrides and isolates that reorder what
     * follows them (an address typed backwards after U+202E reads forwards). Half a surrogate pair becomes
     * U+FFFD. Both tools' renderers start from this.
     */
    public static String shown(String typed) {
        if (typed == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(typed.length());
        for (int i = 0; i < typed.length(); i++) {
            char c = typed.charAt(i);
            if (c == '\r') {
                out.append('\n');
                if (i + 1 < typed.length() && typed.charAt(i + 1) == '\n') {
                    i++;
                }
            } else if (c == '\u2028' || c == '\u2029') {
                out.append('\n');
            } else if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < typed.length() && Character.isLowSurrogate(typed.charAt(i + 1))) {
                    out.append(c).append(typed.charAt(++i));
                } else {
                    out.append('\uFFFD');
                }
            } else if (c == '\n' || c == '\t' || !(Character.isISOControl(c) || reorders(c))) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Bidi embeddings, overrides and isolates: what makes "moc.live" read as "evil.com". */
    private static boolean reorders(char c) {
        return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
    }

    /** Length as a person counts it (code points, not UTF-16 units). */
    public static int length(String text) {
        return text.codePointCount(0, text.length());
    }
}
