package ciment.teams;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.devkit.teams.TeamsCardRules;
import ciment.teams.render.AdaptiveCards;
import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.Serialization;
import java.util.ArrayList;
import java.util.List;

/** Cards as Teams gets them, held to the Adaptive Cards 1.5 schema and Teams' rules (devkit's TeamsCardRules). */
public final class AdaptiveCardCheck {
    private AdaptiveCardCheck() {
    }

    static List<String> problems(JsonNode card) {
        return TeamsCardRules.problems(card);
    }

    public static void assertValid(JsonNode card) {
        List<String> problems = problems(card);
        String json = card.toString();
        assertTrue(problems.isEmpty(), problems.size() + " problems, first: " + problems.stream().limit(5).toList()
                + "\nin " + (json.length() <= 2_000 ? json : json.substring(0, 2_000) + "…"));
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
}
