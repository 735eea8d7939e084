package ciment.teams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.core.command.Grammar;
import ciment.core.model.Community;
import ciment.core.model.Platform;
import ciment.core.model.Post;
import ciment.core.model.Slug;
import ciment.core.reply.Reply;
import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.Serialization;
import com.microsoft.bot.schema.TextFormatTypes;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TeamsRepliesTest {
    private static final Instant AT = Instant.parse("2025-03-01T09:30:15.123Z");

    private static Post post(String id, String author, String text) {
        return new Post(id, "c1", Slug.parse("guild-java"), "p-" + author, author, Platform.SLACK, text, AT);
    }

    @Test
    void feed_isAnAdaptiveCard_namingEachPostsAuthor() {
        Reply.Feed feed = new Reply.Feed("guild-java",
                List.of(post("01JB0000000000000000000002", "Grace Hopper", "Second"),
                        post("01JB0000000000000000000001", "Ada Lovelace", "First")), "none");
        Activity activity = TeamsReplies.render(feed);

        JsonNode card = card(activity);
        String json = card.toString();
        assertTrue(json.contains("**Grace Hopper**"), json);
        assertTrue(json.contains("**Ada Lovelace**"), json);
        assertTrue(json.indexOf("Second") < json.indexOf("First"), "newest first");
        assertTrue(json.contains("#01JB0000000000000000000002"));
        assertTrue(json.contains("{{DATE(2025-03-01T09:30:15Z, SHORT)}}"), "date without fractions, as Teams parses it");
        assertEquals(feed.summary(), activity.getSummary());
        assertValidAdaptiveCard(card);
    }

    @Test
    void emptyFeed_isACardWithTheHint() {
        Activity activity = TeamsReplies.render(new Reply.Feed("", List.of(), "You are not in any community yet."));
        JsonNode card = card(activity);
        assertTrue(card.toString().contains("You are not in any community yet."));
        assertValidAdaptiveCard(card);
    }

    @Test
    void communityList_isAnAdaptiveCard_withMembershipShown() {
        Community community = new Community("c1", Slug.parse("guild-java"), "guild-java", "Java people", true, 3, 1, "p1", AT);
        Activity activity = TeamsReplies.render(new Reply.CommunityList("", List.of(new Reply.Listed(community, true))));
        JsonNode card = card(activity);
        assertTrue(card.toString().contains("Java people"));
        assertTrue(card.toString().contains("3 members"));
        assertTrue(card.toString().contains("you are a member"));
        assertValidAdaptiveCard(card);
    }

    @Test
    void sentences_areTextAndHelpIsMarkdown() {
        Activity refused = TeamsReplies.render(new Reply.Refused("Only members can post in guild-java: join guild-java first."));
        assertEquals("Only members can post in guild-java: join guild-java first.", refused.getText());
        assertEquals(TextFormatTypes.PLAIN, refused.getTextFormat());
        assertTrue(refused.getAttachments() == null || refused.getAttachments().isEmpty());

        Activity help = TeamsReplies.render(new Reply.Help(Grammar.AVAILABLE));
        assertEquals(TextFormatTypes.MARKDOWN, help.getTextFormat());
        for (Grammar.Usage usage : Grammar.AVAILABLE) {
            assertTrue(help.getText().contains("`" + usage.form() + "`"), usage.form());
        }
    }

    private static JsonNode card(Activity activity) {
        assertEquals(1, activity.getAttachments().size());
        assertEquals("application/vnd.microsoft.card.adaptive", activity.getAttachments().get(0).getContentType());
        // as the Bot Connector will receive it
        return Serialization.objectToTree(activity).path("attachments").path(0).path("content");
    }

    /** The parts of the Adaptive Card 1.5 schema these cards use: known elements, properties and values. */
    static void assertValidAdaptiveCard(JsonNode card) {
        assertEquals("AdaptiveCard", card.path("type").asText());
        assertEquals("http://adaptivecards.io/schemas/adaptive-card.json", card.path("$schema").asText());
        assertEquals("1.5", card.path("version").asText());
        assertTrue(card.path("body").isArray() && !card.path("body").isEmpty());
        Set<String> cardProperties = Set.of("type", "$schema", "version", "body", "actions", "fallbackText", "speak", "lang");
        card.fieldNames().forEachRemaining(name -> assertTrue(cardProperties.contains(name), "card property " + name));
        card.path("body").forEach(TeamsRepliesTest::assertValidElement);
    }

    private static void assertValidElement(JsonNode element) {
        String type = element.path("type").asText();
        switch (type) {
            case "TextBlock" -> {
                assertTrue(element.path("text").isTextual(), "TextBlock needs text");
                Set<String> allowed = Set.of("type", "text", "wrap", "size", "weight", "isSubtle", "spacing", "separator", "color");
                element.fieldNames().forEachRemaining(name -> assertTrue(allowed.contains(name), "TextBlock property " + name));
                checkEnum(element, "size", Set.of("Default", "Small", "Medium", "Large", "ExtraLarge"));
                checkEnum(element, "weight", Set.of("Default", "Lighter", "Bolder"));
                checkEnum(element, "spacing", Set.of("Default", "None", "Small", "Medium", "Large", "ExtraLarge", "Padding"));
                if (element.has("wrap")) {
                    assertTrue(element.get("wrap").isBoolean());
                }
                if (element.has("isSubtle")) {
                    assertTrue(element.get("isSubtle").isBoolean());
                }
            }
            case "Container" -> {
                assertTrue(element.path("items").isArray(), "Container needs items");
                Set<String> allowed = Set.of("type", "items", "separator", "spacing", "style");
                element.fieldNames().forEachRemaining(name -> assertTrue(allowed.contains(name), "Container property " + name));
                element.path("items").forEach(TeamsRepliesTest::assertValidElement);
            }
            default -> throw new AssertionError("element type not used by Ciment's cards: " + type);
        }
    }

    private static void checkEnum(JsonNode element, String property, Set<String> values) {
        if (element.has(property)) {
            assertTrue(values.contains(element.get(property).asText()), property + "=" + element.get(property));
        }
    }
}
