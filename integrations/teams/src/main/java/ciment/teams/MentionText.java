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
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00a0]+");

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

    /** Strips tags, decodes the entities Teams uses, and folds whitespace. */
    static String clean(String text) {
        String plain = TAG.matcher(text.replaceAll("(?i)<br\\s*/?>", " ")).replaceAll(" ");
        plain = plain.replace("&nbsp;", " ")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&apos;", "'")
                .replace("&amp;", "&");
        return SPACES.matcher(plain).replaceAll(" ").strip();
    }
}
