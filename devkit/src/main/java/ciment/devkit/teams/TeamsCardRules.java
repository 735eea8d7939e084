package ciment.devkit.teams;

import ciment.devkit.schemas.PublishedSchemas;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * An Adaptive Card as Teams gets it: against the Adaptive Cards 1.5 schema (PublishedSchemas), plus what the
 * schema leaves to Teams. Its version is 1.5, the highest Teams renders. Teams' own {@code msteams} extension,
 * which the schema does not know ({@code AdaptiveCard} has {@code additionalProperties: false}), is taken off
 * and held to Teams' documentation ("Format cards in Microsoft Teams": {@code width}, and {@code entities} for
 * mentions). And every button has words, every Action.Execute a verb (Universal Actions route by it), every link
 * is https.
 */
public final class TeamsCardRules {
    private static final Set<String> MSTEAMS = Set.of("width", "entities");

    private TeamsCardRules() {
    }

    /** What is wrong with the card (empty: nothing). */
    public static List<String> problems(JsonNode card) {
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
            if (msteams.has("width") && !"Full".equals(msteams.path("width").asText())) {
                problems.add("msteams.width is " + msteams.path("width") + ", not Full");
            }
            for (JsonNode entity : msteams.path("entities")) {
                if (!"mention".equals(entity.path("type").asText()) || entity.path("mentioned").path("id").asText().isBlank()
                        || entity.path("mentioned").path("name").asText().isBlank()) {
                    problems.add("msteams.entities: not a mention with an id and a name: " + entity);
                }
            }
        }
        problems.addAll(PublishedSchemas.adaptiveCard(published));
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
}
