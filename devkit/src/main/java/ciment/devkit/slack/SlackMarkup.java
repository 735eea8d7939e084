package ciment.devkit.slack;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * How Slack reads what an app sends, for tests: which strings it parses as mrkdwn (a text object of type
 * mrkdwn, a message's text), where {@code <…>} makes a link, a mention or a ping ({@code <!channel>}).
 * {@link #tokens} lists the {@code <…>} sequences Slack would act on, once Ciment's own are set aside.
 */
public final class SlackMarkup {
    /** What Slack acts on: a link, a user, channel or group mention, a broadcast, a date. */
    private static final Pattern TOKEN = Pattern.compile("<[^<>]*>");

    private SlackMarkup() {
    }

    /** The JSON as a tree. */
    public static JsonNode tree(String json) {
        return ciment.devkit.teams.Json.tree(json);
    }

    /** Every mrkdwn string in blocks, a view or a message: text objects of type mrkdwn, and a message's text. */
    public static List<String> mrkdwn(JsonNode node) {
        List<String> found = new ArrayList<>();
        collect(node, found);
        return found;
    }

    private static void collect(JsonNode node, List<String> found) {
        if (node.isObject()) {
            if ("mrkdwn".equals(node.path("type").asText()) && node.path("text").isTextual()) {
                found.add(node.path("text").asText());
            }
            node.fields().forEachRemaining(field -> collect(field.getValue(), found));
        } else if (node.isArray()) {
            node.forEach(item -> collect(item, found));
        }
    }

    /**
     * The {@code <…>} sequences Slack would turn into a link, a mention or a ping in {@code mrkdwn}, but
     * those matching {@code ours} (Ciment's own: its dates, its links, the people it names).
     */
    public static List<String> tokens(String mrkdwn, Pattern ours) {
        List<String> tokens = new ArrayList<>();
        var found = TOKEN.matcher(mrkdwn);
        while (found.find()) {
            if (!ours.matcher(found.group()).matches()) {
                tokens.add(found.group());
            }
        }
        return tokens;
    }
}
