package ciment.teams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.devkit.schemas.PublishedSchemas;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.Serialization;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A card as Teams gets it, against the Adaptive Cards 1.5 schema (microsoft/AdaptiveCards, vendored in the
 * devkit), plus what the schema leaves to Teams: the card's version is 1.5 (the highest Teams renders), and
 * Teams' own {@code msteams} extension, which the schema does not know, is taken off and checked against
 * Teams' documentation ("Format cards in Microsoft Teams": {@code width} "Full", and {@code entities} of
 * mentions).
 */
final class AdaptiveCardCheck {
    private static final Set<String> MSTEAMS = Set.of("width", "entities");

    private AdaptiveCardCheck() {
    }

    /** What is wrong with the card (empty: nothing), for tests that show a broken card being refused. */
    static List<String> problems(JsonNode card) {
        List<String> problems = new ArrayList<>();
        if (!"1.5".equals(card.path("version").asText())) {
            problems.add("version is " + card.path("version") + ", not 1.5");
        }
        if (!card.path("body").isArray() || card.path("body").isEmpty()) {
            problems.add("no body: Teams shows an empty card");
        }
        ObjectNode published = card.deepCopy();
        JsonNode msteams = published.remove("msteams");
        if (msteams != null) {
            msteams.fieldNames().forEachRemaining(name -> {
                if (!MSTEAMS.contains(name)) {
                    problems.add("msteams." + name + " is not in Teams' documentation");
                }
            });
        }
        problems.addAll(PublishedSchemas.adaptiveCard(published));
        // What the schema leaves optional but a button needs: words on it, a verb Ciment routes, a safe link.
        for (JsonNode action : card.findParents("type")) {
            String type = action.path("type").asText();
            if (type.startsWith("Action.") && action.path("title").asText().isBlank()) {
                problems.add(type + " without a title");
            }
            if (type.equals("Action.Execute") && action.path("verb").asText().isBlank()) {
                problems.add("Action.Execute without a verb");
            }
            if (type.equals("Action.OpenUrl") && !action.path("url").asText().startsWith("https://")) {
                problems.add("Action.OpenUrl to " + action.path("url") + ", not https");
            }
        }
        return problems;
    }

    static void assertValid(JsonNode card) {
        List<String> problems = problems(card);
        assertTrue(problems.isEmpty(), problems.size() + " problems, first: " + problems.stream().limit(5).toList()
                + "\nin " + abbreviated(card));
        JsonNode msteams = card.path("msteams");
        if (msteams.has("width")) {
            assertEquals("Full", msteams.path("width").asText(), "msteams.width");
        }
        for (JsonNode entity : msteams.path("entities")) {
            assertEquals("mention", entity.path("type").asText(), "msteams.entities are mentions");
            assertFalse(entity.path("mentioned").path("id").asText().isBlank(), "mentioned.id");
            assertFalse(entity.path("mentioned").path("name").asText().isBlank(), "mentioned.name");
        }
    }

    /** Every Adaptive Card among an activity's attachments, as the Bot Connector receives it. */
    static List<JsonNode> cards(Activity activity) {
        List<JsonNode> cards = new ArrayList<>();
        for (JsonNode attachment : Serialization.objectToTree(activity).path("attachments")) {
            if (AdaptiveCards.CONTENT_TYPE.equals(attachment.path("contentType").asText())) {
                cards.add(attachment.path("content"));
            }
        }
        return cards;
    }

    private static String abbreviated(JsonNode card) {
        String json = card.toString();
        return json.length() <= 2_000 ? json : json.substring(0, 2_000) + "…";
    }
}
