package ciment.teams.inbound;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.Entity;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The command words of a Teams message: without the @mention of the bot (Teams puts it in the text of
 * channel messages) and without the HTML Teams may add (&nbsp;, paragraphs, line breaks).
 *
 * <p>Anyone else @mentioned becomes {@code @Their Name}: it reads naturally in a post, and it is the token
 * a command naming a person ({@code approve data-guild @Grace Hopper}) hands to {@link TeamsDirectory},
 * which finds the mention entity behind it. Teams may split the mention of a name with spaces into one
 * {@code <at>} tag per word, each with the same id: adjacent tags of one person make one token.
 */
public final class MentionText {
    private static final Pattern AT = Pattern.compile("(?is)<at\\b[^>]*>(.*?)</at>");
    private static final Pattern TAG = Pattern.compile("</?[a-zA-Z][^<>]*>");
    private static final Pattern SPACES = Pattern.compile("[\\h\\u00a0]+");
    private static final Pattern LINE_BREAK = Pattern.compile("(?i)<br\\s*/?>|</p>|\\r\\n|\\r");
    private static final Pattern BLANK_LINES = Pattern.compile("\\n{3,}");
    private static final Pattern BETWEEN_PARTS = Pattern.compile("(?:[\\h\\u00a0]|&nbsp;)*");

    /** A person @mentioned in the message: the token standing for them in the command, and their Teams id. */
    public record Mention(String token, String memberId, String name) {
    }

    /**
     * The command's words and the people it mentions (the bot excluded); {@code toBot} when the bot is
     * @mentioned (in a channel, a message to the bot is a command; any other is a channel message).
     */
    record Read(String command, List<Mention> mentions, boolean toBot) {
    }

    private MentionText() {
    }

    static String commandOf(Activity activity) {
        return read(activity).command();
    }

    static Read read(Activity activity) {
        String text = activity.getText() == null ? "" : activity.getText();
        String botId = activity.getRecipient() == null ? null : activity.getRecipient().getId();
        String botName = activity.getRecipient() == null ? null : activity.getRecipient().getName();
        List<Tag> tags = tags(text, mentionEntities(activity), botId, botName);

        StringBuilder out = new StringBuilder();
        List<Mention> mentions = new ArrayList<>();
        boolean toBot = false;
        int copied = 0;
        for (int i = 0; i < tags.size(); i++) {
            Tag tag = tags.get(i);
            out.append(text, copied, tag.start());
            copied = tag.end();
            if (tag.ofBot()) {
                toBot = true;
                out.append(' ');
            } else if (tag.entity() == null) {
                out.append(tag.words()); // an <at> tag that no entity describes is not a mention: keep its words
            } else {
                StringBuilder name = new StringBuilder(tag.words());
                while (i + 1 < tags.size() && tags.get(i + 1).continues(tag, text)) {
                    name.append(' ').append(tags.get(++i).words());
                    copied = tags.get(i).end();
                }
                // on one line, and cleaned as the whole text will be, so the token is found in the command as is
                String inText = "@" + LINE_BREAK.matcher(name).replaceAll(" ").replace('\n', ' ');
                out.append(inText);
                mentions.add(new Mention(clean(inText), tag.entity().id(), tag.entity().name()));
            }
        }
        out.append(text.substring(copied));
        return new Read(clean(out.toString()), List.copyOf(mentions), toBot);
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

    /** A mention entity: the exact {@code <at>} text it describes and who it names. */
    private record MentionEntity(String text, String id, String name) {
    }

    /** One {@code <at>} tag of the text, with the entity describing it (null when none does). */
    private record Tag(int start, int end, String words, MentionEntity entity, boolean ofBot) {
        /** The next part of the same person's mention: the same id, nothing but spaces in between. */
        boolean continues(Tag previous, String text) {
            return entity != null && previous.entity() != null && entity.id().equals(previous.entity().id())
                    && BETWEEN_PARTS.matcher(text.substring(previous.end(), start)).matches();
        }
    }

    /** The text's {@code <at>} tags, each paired with the first entity not yet paired that has its exact text. */
    private static List<Tag> tags(String text, List<MentionEntity> entities, String botId, String botName) {
        List<MentionEntity> unpaired = new ArrayList<>(entities);
        List<Tag> tags = new ArrayList<>();
        Matcher at = AT.matcher(text);
        while (at.find()) {
            MentionEntity entity = unpaired.stream().filter(e -> e.text().equals(at.group())).findFirst().orElse(null);
            unpaired.remove(entity);
            boolean ofBot = entity == null ? at.group(1).strip().equals(botName) : entity.id().equals(botId);
            tags.add(new Tag(at.start(), at.end(), at.group(1), entity, ofBot));
        }
        return tags;
    }

    private static List<MentionEntity> mentionEntities(Activity activity) {
        List<MentionEntity> mentions = new ArrayList<>();
        if (activity.getEntities() == null) {
            return mentions;
        }
        for (Entity entity : activity.getEntities()) {
            if (!"mention".equalsIgnoreCase(entity.getType())) {
                continue;
            }
            JsonNode text = entity.getProperties().get("text");
            JsonNode mentioned = entity.getProperties().get("mentioned");
            String id = mentioned == null ? null : mentioned.path("id").asText(null);
            if (text != null && text.isTextual() && !text.asText().isEmpty() && id != null && !id.isBlank()) {
                mentions.add(new MentionEntity(text.asText(), id, mentioned.path("name").asText("")));
            }
        }
        return mentions;
    }
}
