package ciment.slack;

/**
 * Slack's mrkdwn rules for text people typed: &, < and > are escaped so that no text can become a
 * link, a mention or an @channel ping; long text is cut, with an ellipsis, to fit Block Kit's limits.
 */
final class Mrkdwn {
    static final String ELLIPSIS = "…";

    private Mrkdwn() {
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    /** Slack sends the text of a slash command with &, < and > escaped; Ciment keeps the words as typed. */
    static String unescape(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    /**
     * Cuts already escaped text to at most {@code max} characters, ending with an ellipsis when cut,
     * never inside an entity such as {@code &amp;} nor between the two halves of a surrogate pair.
     */
    static String fit(String escaped, int max) {
        if (escaped.length() <= max) {
            return escaped;
        }
        int cut = Math.max(0, max - ELLIPSIS.length());
        int entity = escaped.lastIndexOf('&', cut - 1);
        if (entity >= 0 && entity > cut - 5 && escaped.indexOf(';', entity) >= cut) {
            cut = entity;
        }
        if (cut > 0 && Character.isHighSurrogate(escaped.charAt(cut - 1))) {
            cut--;
        }
        return escaped.substring(0, cut) + ELLIPSIS;
    }

    /** Each line quoted, as mrkdwn's block quote. */
    static String quote(String escaped) {
        return ">" + escaped.replace("\n", "\n>");
    }
}
