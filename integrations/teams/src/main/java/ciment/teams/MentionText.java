package ciment.teams;

import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.Entity;
import java.util.regex.Pattern;

/**
 * The command words of a Teams message: without the @mention of the bot (Teams puts it in the text of
 * channel messages) and without the HTML Teams may add (&nbsp;, paragraphs, line breaks).
 */
final class MentionText {
    private static final Pattern TAG = Pattern.compile("</?[a-zA-Z][^<>]*>");
    private static final Pattern SPACES = Pattern.compile("[\\h\\u00a0]+");
    private static final Pattern LINE_BREAK = Pattern.compile("(?i)<br\\s*/?>|</p>|\\r\\n|\\r");
    private static final Pattern BLANK_LINES = Pattern.compile("\\n{3,}");

    private MentionText() {
    }

    static String commandOf(Activity activity) {
        String text = activity.getText() == null ? "" : activity.getText();
        ChannelAccount bot = activity.getRecipient();
        if (activity.getEntities() != null && bot != null) {
            for (Entity entity : activity.getEntities()) {
                if (!"mention".equalsIgnoreCase(entity.getType())) {
                    continue;
                }
                var properties = entity.getProperties();
                var mentioned = properties.get("mentioned");
                var mentionText = properties.get("text");
                boolean ofBot = mentioned != null && bot.getId() != null && bot.getId().equals(mentioned.path("id").asText());
                if (ofBot && mentionText != null && mentionText.isTextual() && !mentionText.asText().isEmpty()) {
                    text = text.replace(mentionText.asText(), " ");
                }
            }
        }
        if (bot != null && bot.getName() != null) {
            text = text.replace("<at>" + bot.getName() + "</at>", " ");
        }
        return clean(text);
    }

    /**
     * Strips tags, decodes the entities Teams uses, and folds spaces; line breaks (a newline, {@code <br>},
     * a paragraph's end) stay, so a post keeps its lines as in Slack.
     */
    static String clean(String text) {
        String lines = LINE_BREAK.matcher(text).replaceAll("\n");
        String plain = TAG.matcher(lines).replaceAll(" ")
                .replace("&nbsp;", " ")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&apos;", "'")
                .replace("&amp;", "&");
        StringBuilder out = new StringBuilder();
        for (String line : plain.split("\n", -1)) {
            out.append(SPACES.matcher(line).replaceAll(" ").strip()).append('\n');
        }
        return BLANK_LINES.matcher(out.toString().strip()).replaceAll("\n\n");
    }
}
