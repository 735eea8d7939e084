package ciment.teams.render;

import static ciment.teams.render.CardText.bold;
import static ciment.teams.render.CardText.run;

import ciment.core.i18n.Catalogue;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.schema.Attachment;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * What every Adaptive Card of Ciment's is built from (schema 1.5, which Teams renders; its Action.Execute
 * buttons need 1.4). The cards per reply kind: {@link PostCards}, {@link ThreadCards}, {@link CommunityCards},
 * {@link StewardCards}, {@link MemberCards}, {@link PeopleCards}, {@link CostCards}; {@link TeamsReplies} picks
 * one. Buttons run the same commands as the words (CardActions). Names are in bold, never Teams mentions: a
 * person mentioned in a bot's card gets a notification in their activity feed, and nobody should be pinged
 * because someone else looked up a community, its requests or a skill.
 *
 * <p>Whatever people typed (words, names, purposes, tags, reasons) is in TextRuns, shown as typed
 * ({@link CardText}); TextBlocks, which Teams reads as markdown, hold only Ciment's own words and dates.
 * Every card is drawn within {@link TeamsWire#CARD_BUDGET} bytes as the SDK sends them ({@link CardFit}):
 * long words are cut, with the way to the rest (Open thread, or Read on in a thread).
 */
public final class AdaptiveCards {
    public static final String CONTENT_TYPE = "application/vnd.microsoft.card.adaptive";
    public static final String SCHEMA = "http://adaptivecards.io/schemas/adaptive-card.json";
    public static final String VERSION = "1.5";
    /** A name (an author's, a steward's) is cut to this many characters in a card. */
    public static final int NAME_MAX = 64;
    /** A line under a post (replies, the latest one's words, reactions) is cut to this many characters. */
    static final int LINE_MAX = 300;
    static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private AdaptiveCards() {
    }

    /**
     * Puts what a click did at the top of the card drawn again, in green: a sentence that may quote words
     * typed, so not in bold (Ciment's emphasis).
     */
    public static void headWith(ObjectNode card, String sentence) {
        card.withArray("body").insert(0, CardText.block(run(CardText.cut(sentence, TeamsWire.SUMMARY_MAX))
                .put("color", "Good")));
    }

    /** What a list holds, for "…and 3 more replies not shown." (its key: teams.notShown.&lt;what&gt;). */
    enum Hidden { POSTS, REPLIES, COMMUNITIES, REQUESTS, ACTIONS, MEMBERS, RESULTS }

    /** "…and 3 more replies not shown." when a list was cut to fit. */
    static void notShown(ArrayNode body, int hidden, Hidden what, Catalogue words) {
        if (hidden > 0) {
            body.add(subtle(words.say("teams.notShown." + what.name().toLowerCase(java.util.Locale.ROOT), hidden)));
        }
    }

    /** A fact: its title (said, or a name) in bold with its colon, then its value's runs (typed words, names in bold). */
    static ObjectNode fact(Catalogue words, String title, ObjectNode... value) {
        ObjectNode[] runs = new ObjectNode[value.length + 1];
        runs[0] = bold(words.say("teams.fact", title) + " ");
        System.arraycopy(value, 0, runs, 1, value.length);
        return CardText.block(runs).put("spacing", "None");
    }

    /** A separated container in the body; its items. */
    static ArrayNode container(ArrayNode body) {
        ObjectNode container = body.addObject();
        container.put("type", "Container");
        container.put("separator", true);
        return container.putArray("items");
    }

    static ObjectNode actionSet(ArrayNode actions) {
        ObjectNode set = JSON.objectNode();
        set.put("type", "ActionSet");
        set.set("actions", actions);
        return set;
    }

    static ObjectNode openUrl(String title, String url) {
        return JSON.objectNode().put("type", "Action.OpenUrl").put("title", title).put("url", url);
    }

    /** A card headed by its title, and when its list is empty, the sentence saying so. */
    static ObjectNode headed(String summary, String title, boolean empty, String whenEmpty) {
        ObjectNode card = card(summary);
        card.withArray("body").add(heading(title));
        if (empty) {
            card.withArray("body").add(text(whenEmpty));
        }
        return card;
    }

    /** A card; its fallbackText (what a client that cannot draw it shows) is read as markdown, so made inert. */
    static ObjectNode card(String fallbackText) {
        ObjectNode card = JSON.objectNode();
        card.put("type", "AdaptiveCard");
        card.put("$schema", SCHEMA);
        card.put("version", VERSION);
        card.put("fallbackText", CardText.inert(CardText.cut(fallbackText, TeamsWire.SUMMARY_MAX)));
        card.putArray("body");
        return card;
    }

    /** A heading: its words may echo what was typed (a query, a topic), so in a run. */
    static ObjectNode heading(String title) {
        return CardText.block(run(CardText.cut(title, LINE_MAX)).put("size", "Medium").put("weight", "Bolder"));
    }

    /** A sentence (Ciment's, which may quote what was typed): in a run. */
    public static ObjectNode text(String value) {
        return CardText.block(value);
    }

    /**
     * A small line of Ciment's own words with dates ({{DATE}} and {{TIME}}, which Teams renders in the
     * reader's time zone): a TextBlock, so only references, slugs and labels ever go in it.
     */
    static ObjectNode subtle(String ours) {
        ObjectNode block = JSON.objectNode();
        block.put("type", "TextBlock");
        block.put("text", ours);
        block.put("wrap", true);
        return block.put("isSubtle", true).put("size", "Small").put("spacing", "None");
    }

    /** Teams renders the date and time in the reader's own time zone and language. */
    static String when(Instant at) {
        String iso = at.truncatedTo(ChronoUnit.SECONDS).toString();
        return "{{DATE(" + iso + ", SHORT)}} {{TIME(" + iso + ")}}";
    }

    /** Characters as people count them (code points: an emoji is one). */
    static int length(String text) {
        return text == null ? 0 : text.codePointCount(0, text.length());
    }

    static Attachment attachment(ObjectNode card) {
        Attachment attachment = new Attachment();
        attachment.setContentType(CONTENT_TYPE);
        attachment.setContent(card);
        return attachment;
    }
}
