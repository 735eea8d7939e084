package ciment.slack.render;

import ciment.core.model.Text;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Slack's mrkdwn rules for text people typed: &, < and > are escaped so that no text can become a
 * link, a mention or an @channel ping, control characters and reordering bidi controls are dropped
 * (Text.shown, as in Teams' cards); long text is cut, with an ellipsis, to fit Block Kit's limits.
 */
public final class Mrkdwn {
    public static final String ELLIPSIS = "…";
    /** A user mention once escaped: &lt;@U123&gt; or &lt;@U123|ada&gt;. */
    private static final Pattern ESCAPED_MENTION = Pattern.compile("&lt;@([UW][A-Z0-9]{2,})(?:\\|[^\\s&|]*)?&gt;");

    /** Slack's link markup in a message it sends: {@code <target>} or {@code <target|text shown>}. */
    private static final Pattern LINK = Pattern.compile("<((?:https?|mailto):[^<>|\\s]+)(?:\\|([^<>]*))?>");
    /** A channel Slack recognised: {@code <#C123|general>}, or {@code <#C123>} and {@code <#C123|>} without its name. */
    private static final Pattern CHANNEL = Pattern.compile("<#([CG][A-Z0-9]{2,})(?:\\|([^<>|]*))?>");
    /**
     * Slack's special mentions: {@code <!here>}, {@code <!channel>}, {@code <!everyone>}, a user group
     * {@code <!subteam^S123|@team>}, a date {@code <!date^1700000000^{date}|fallback>}.
     */
    private static final Pattern SPECIAL = Pattern.compile("<!([a-z]+)(?:\\^[^<>|]*)?(?:\\|([^<>]*))?>");

    private Mrkdwn() {
    }

    /**
     * The text with &, < and > escaped, once {@link Text#shown} has dropped the control characters and the
     * bidi controls that would disguise what is shown (an address typed backwards after U+202E).
     */
    public static String escape(String typed) {
        if (typed == null) {
            return "";
        }
        String text = Text.shown(typed);
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

    /**
     * The words of a slash command (or a message) as the person typed them. With escaping on (the manifest's
     * should_escape), Slack sends &, < and > as entities, and turns what it recognises into markup: an email
     * address typed as {@code ada@example.com} arrives as {@code <mailto:ada@example.com|ada@example.com>}, a web
     * address as {@code <https://x.example>} or {@code <http://x.example|x.example>}, {@code #general} as
     * {@code <#C123|general>}, {@code @here} as {@code <!here>}. Links, channels and special mentions become the
     * text typed again (so a person can be named by email address, and a post reads as written); user
     * mentions stay whole, for the directory to resolve by id.
     */
    public static String typed(String text) {
        if (text == null) {
            return "";
        }
        String links = LINK.matcher(text).replaceAll(link -> {
            String shown = link.group(2) != null ? link.group(2) : link.group(1).replaceFirst("^mailto:", "");
            return Matcher.quoteReplacement(shown);
        });
        String channels = CHANNEL.matcher(links).replaceAll(channel -> Matcher.quoteReplacement(
                "#" + (channel.group(2) == null || channel.group(2).isEmpty() ? channel.group(1) : channel.group(2))));
        String specials = SPECIAL.matcher(channels).replaceAll(special -> Matcher.quoteReplacement(
                special.group(2) != null ? special.group(2) : "@" + special.group(1)));
        return unescape(specials);
    }

    /** Slack sends the text of a slash command with &, < and > escaped; Ciment keeps the words as typed. */
    public static String unescape(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    /**
     * Cuts already escaped text to at most {@code max} characters, ending with an ellipsis when cut,
     * never inside an entity such as {@code &amp;} nor between the two halves of a surrogate pair.
     */
    public static String fit(String escaped, int max) {
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

    /**
     * Escaped text with the Slack user mentions it held ({@code <@U123>}, {@code <@U123|ada>}) made live
     * again: for sentences that echo the person the asker themselves @mentioned.
     */
    static String withMentions(String escaped) {
        return ESCAPED_MENTION.matcher(escaped).replaceAll("<@$1>");
    }

    /** Each line quoted, as mrkdwn's block quote. */
    static String quote(String escaped) {
        return ">" + escaped.replace("\n", "\n>");
    }
}
