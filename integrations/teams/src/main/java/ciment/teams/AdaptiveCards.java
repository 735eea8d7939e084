package ciment.teams;

import ciment.core.model.Community;
import ciment.core.model.Post;
import ciment.core.reply.Reply;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.schema.Attachment;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Adaptive Cards (schema 1.5, which Teams renders) for answers that are lists. A Teams bot cannot post
 * as a person, so every post names its author in the card.
 */
final class AdaptiveCards {
    static final String CONTENT_TYPE = "application/vnd.microsoft.card.adaptive";
    static final String SCHEMA = "http://adaptivecards.io/schemas/adaptive-card.json";
    static final String VERSION = "1.5";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private AdaptiveCards() {
    }

    static Attachment feed(Reply.Feed feed) {
        ObjectNode card = card(feed.summary());
        ArrayNode body = card.withArray("body");
        body.add(heading(feed.title()));
        if (feed.posts().isEmpty()) {
            body.add(text(feed.emptyHint()));
        }
        for (Post post : feed.posts()) {
            ObjectNode container = body.addObject();
            container.put("type", "Container");
            container.put("separator", true);
            ArrayNode items = container.putArray("items");
            items.add(text("**" + escape(post.authorName()) + "**" + (feed.isHome() ? " in " + post.slug() : ""))
                    .put("spacing", "None"));
            items.add(text(post.text()));
            items.add(subtle(post.reference() + " · " + when(post.createdAt()) + " · from " + post.origin().label()));
        }
        return attachment(card);
    }

    static Attachment communities(Reply.CommunityList list) {
        ObjectNode card = card(list.summary());
        ArrayNode body = card.withArray("body");
        body.add(heading(list.query().isEmpty() ? "Communities" : "Communities matching “" + list.query() + "”"));
        if (list.communities().isEmpty()) {
            body.add(text(list.summary()));
        }
        for (Reply.Listed listed : list.communities()) {
            Community community = listed.community();
            ObjectNode container = body.addObject();
            container.put("type", "Container");
            container.put("separator", true);
            ArrayNode items = container.putArray("items");
            items.add(text("**" + community.slug() + "** · " + escape(community.name())));
            items.add(text(community.purpose()));
            items.add(subtle(community.memberCount() + (community.memberCount() == 1 ? " member" : " members")
                    + " · " + (community.open() ? "open" : "closed")
                    + (listed.member() ? " · you are a member" : " · join " + community.slug())));
        }
        return attachment(card);
    }

    private static ObjectNode card(String fallbackText) {
        ObjectNode card = JSON.objectNode();
        card.put("type", "AdaptiveCard");
        card.put("$schema", SCHEMA);
        card.put("version", VERSION);
        card.put("fallbackText", fallbackText);
        card.putArray("body");
        return card;
    }

    private static ObjectNode heading(String title) {
        return text(title).put("size", "Medium").put("weight", "Bolder");
    }

    private static ObjectNode text(String value) {
        ObjectNode block = JSON.objectNode();
        block.put("type", "TextBlock");
        block.put("text", value);
        block.put("wrap", true);
        return block;
    }

    private static ObjectNode subtle(String value) {
        return text(value).put("isSubtle", true).put("size", "Small").put("spacing", "None");
    }

    /** Teams renders the date and time in the reader's own time zone and language. */
    private static String when(Instant at) {
        String iso = at.truncatedTo(ChronoUnit.SECONDS).toString();
        return "{{DATE(" + iso + ", SHORT)}} {{TIME(" + iso + ")}}";
    }

    /** Names are shown in bold: keep their own asterisks and underscores from breaking the markup. */
    private static String escape(String name) {
        return name == null ? "" : name.replace("*", "\\*").replace("_", "\\_");
    }

    private static Attachment attachment(ObjectNode card) {
        Attachment attachment = new Attachment();
        attachment.setContentType(CONTENT_TYPE);
        attachment.setContent(card);
        return attachment;
    }
}
