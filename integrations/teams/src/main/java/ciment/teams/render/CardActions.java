package ciment.teams.render;

import ciment.core.command.Command;
import ciment.core.command.CommunityVerbs;
import ciment.core.command.ConversationVerbs;
import ciment.core.command.StewardVerbs;
import ciment.core.i18n.Catalogue;
import ciment.core.model.PostRef;
import ciment.core.model.Refusal;
import ciment.core.model.Slug;
import ciment.core.reply.Reply;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.schema.AdaptiveCardInvokeAction;
import com.microsoft.bot.schema.AdaptiveCardInvokeResponse;
import com.microsoft.bot.schema.Serialization;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The buttons of Ciment's cards (Universal Actions: Action.Execute, a verb and data) and what a click
 * does: the command its verb and data say (join: {@code Join} of the data's slug), run for the person who clicked, answered
 * with the card it came from drawn again for them (the info card then shows Leave), or with the
 * refusal's sentence when nothing was done. A post's buttons (Reply, React, Open thread: PostButtons)
 * answer with the post's thread as it is after the click.
 */
public final class CardActions {
    static final String JOIN = "join";
    static final String LEAVE = "leave";
    static final String APPROVE = "approve";
    static final String DECLINE = "decline";
    static final String REQUESTS = "requests";
    /** Insights on a steward's info card: the click names the community, who clicked is checked again. */
    static final String INSIGHTS = "insights";
    /** More under a feed's page: its data holds the feed's slug ("" for all mine) and the next page's cursor. */
    static final String FEED = "feed";

    /** Which card a button is on: the one drawn again after the click. */
    enum Origin { INFO, LIST, REQUESTS, FEED, POST, INSIGHTS }

    public static final String MESSAGE_TYPE = "application/vnd.microsoft.activity.message";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private CardActions() {
    }

    /**
     * A click: its verb, the command it runs for the person who clicked, the command that draws the card it was on
     * again (after the click), and for a post's Read on the post and where its words go on from. Both commands
     * are made when run, so that a value the grammar refuses is answered with the refusal's sentence.
     */
    public record Click(String verb, Supplier<Command> command, Supplier<Command> refresh, String post, int from) {

        public Click(String verb, Supplier<Command> command, Supplier<Command> refresh) {
            this(verb, command, refresh, null, -1);
        }
    }

    /** The button's JSON: an Action.Execute whose data says what to do, where, and which card to draw again. */
    static ObjectNode button(String title, String verb, String slug, Origin origin, String query, String style) {
        ObjectNode action = JSON.objectNode();
        action.put("type", "Action.Execute");
        action.put("title", title);
        action.put("verb", verb);
        if (style != null) {
            action.put("style", style);
        }
        ObjectNode data = action.putObject("data");
        data.put("slug", slug);
        data.put("card", origin.name().toLowerCase(java.util.Locale.ROOT));
        if (query != null && !query.isEmpty()) {
            data.put("query", query);
        }
        return action;
    }

    /** Approve or Decline on the requests card: the data names the person who asked by their id. */
    static ObjectNode decision(String title, String verb, String slug, String personId, String style) {
        ObjectNode action = button(title, verb, slug, Origin.REQUESTS, null, style);
        ((ObjectNode) action.get("data")).put("personId", personId);
        return action;
    }

    /** More, under a feed's page: the next page, drawn in the card's place for the person who clicked. */
    static ObjectNode more(String slug, String cursor, Catalogue words) {
        ObjectNode action = JSON.objectNode();
        action.put("type", "Action.Execute");
        action.put("title", words.say("teams.button.more"));
        action.put("verb", FEED);
        ObjectNode data = action.putObject("data");
        data.put("slug", slug);
        data.put("cursor", cursor);
        data.put("card", Origin.FEED.name().toLowerCase(java.util.Locale.ROOT));
        return action;
    }

    /** The click, or empty when its verb or data are not one of Ciment's buttons. */
    public static Optional<Click> read(AdaptiveCardInvokeAction action) {
        if (action == null || action.getVerb() == null) {
            return Optional.empty();
        }
        String verb = action.getVerb();
        JsonNode data = action.getData() == null ? null : Serialization.objectToTree(action.getData());
        if (verb.equals(FEED)) {
            return feedPage(data).map(page -> new Click(FEED, () -> page, () -> page));
        }
        if (PostButtons.isPostVerb(verb)) {
            // A post's button: its command, and its thread to draw after the click.
            return PostButtons.command(verb, data).map(command -> {
                String post = PostButtons.postRef(data.path(PostButtons.REF).asText("")).orElseThrow();
                String root = PostButtons.rootOf(post);
                return new Click(verb, command, () -> new ConversationVerbs.Thread(PostRef.parse(root)), post,
                        data.path(PostButtons.FROM).asInt(-1));
            });
        }
        if (AnnouncementCards.isAnnounceVerb(verb)) {
            return AnnouncementCards.click(verb, data);
        }
        if (!verb.equals(JOIN) && !verb.equals(LEAVE) && !verb.equals(APPROVE) && !verb.equals(DECLINE)
                && !verb.equals(REQUESTS) && !verb.equals(INSIGHTS)) {
            return Optional.empty();
        }
        String slug = data == null ? "" : data.path("slug").asText("");
        if (slug.isBlank()) {
            return Optional.empty();
        }
        Supplier<Command> requests = () -> new StewardVerbs.Requests(Slug.parse(slug));
        if (verb.equals(APPROVE) || verb.equals(DECLINE)) {
            String personId = data.path("personId").asText("");
            return personId.isBlank() ? Optional.empty() : Optional.of(new Click(verb,
                    () -> new StewardVerbs.DecideRequest(Slug.parse(slug), personId, verb.equals(APPROVE)), requests));
        }
        if (verb.equals(INSIGHTS)) {
            Supplier<Command> insights = () -> new StewardVerbs.Insights(Slug.parse(slug));
            return Optional.of(new Click(verb, insights, insights));
        }
        String query = data.path("query").asText("");
        Supplier<Command> refresh = switch (verb.equals(REQUESTS) ? "requests" : data.path("card").asText("")) {
            case "list" -> () -> new CommunityVerbs.Discover(query.strip());
            case "requests" -> requests;
            default -> () -> new CommunityVerbs.Info(Slug.parse(slug));
        };
        Supplier<Command> command = switch (verb) {
            case JOIN -> () -> new CommunityVerbs.Join(Slug.parse(slug));
            case LEAVE -> () -> new CommunityVerbs.Leave(Slug.parse(slug));
            default -> requests;
        };
        return Optional.of(new Click(verb, command, refresh));
    }

    /**
     * The page a More asks for: its data now (the feed's slug and the cursor), or on cards posted before, the
     * words that asked for it ("feed data-guild more:…"), read as the same page.
     */
    private static Optional<Command> feedPage(JsonNode data) {
        if (data == null) {
            return Optional.empty();
        }
        String slug = data.path("slug").asText("");
        String cursor = data.path("cursor").asText("");
        String[] words = data.path("words").asText("").strip().split("\\s+");
        if (cursor.isEmpty() && words[0].equals(FEED) && words.length <= 3
                && words[words.length - 1].startsWith(Reply.Feed.MORE)) {
            slug = words.length == 3 ? words[1] : "";
            cursor = words[words.length - 1].substring(Reply.Feed.MORE.length());
        }
        if (cursor.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ConversationVerbs.Feed(slug.isEmpty() ? Optional.empty() : Optional.of(Slug.parse(slug)),
                    Optional.of(cursor)));
        } catch (Refusal notASlug) {
            return Optional.empty();
        }
    }

    /**
     * The invoke's answer: a refusal's sentence (the card stays as it was), or the card drawn again for
     * the person who clicked, headed by what was done.
     *
     * @param refreshed runs the click's {@link Click#refresh()} command, after the action
     * @param words     the language of the person who clicked
     */
    public static AdaptiveCardInvokeResponse answer(Click click, Reply done, Supplier<Reply> refreshed, String readerTenant,
            Catalogue words) {
        if (AnnouncementCards.answeredAlone(click.verb())) {
            return message(done.summary(words));
        }
        if (PostButtons.READ_ON.equals(click.verb()) && done instanceof Reply.Thread thread) {
            Optional<ciment.core.model.Post> post = java.util.stream.Stream.concat(java.util.stream.Stream.of(thread.root()),
                    thread.replies().stream()).filter(p -> p.reference().equals(click.post())).findFirst();
            return post.map(p -> card(ThreadCards.readOn(p, click.from(), words)))
                    .orElseGet(() -> message(words.say("teams.readOn.gone", click.post())));
        }
        return answer(done, refreshed, readerTenant, words);
    }

    public static AdaptiveCardInvokeResponse answer(Reply done, Supplier<Reply> refreshed, String readerTenant,
            Catalogue words) {
        if (done instanceof Reply.Refused) {
            return message(done.summary(words));
        }
        Reply again = done instanceof Reply.Info || done instanceof Reply.Requests || done instanceof Reply.Feed
                || done instanceof Reply.Thread || done instanceof ciment.core.reply.Insights ? done
                : refreshed.get();
        Optional<ObjectNode> card = TeamsReplies.actionable(again, readerTenant, words);
        if (card.isEmpty()) {
            return message(done.summary(words));
        }
        if (again != done) {
            AdaptiveCards.headWith(card.get(), done.summary(words));
        }
        return card(card.get());
    }

    private static AdaptiveCardInvokeResponse card(ObjectNode card) {
        AdaptiveCardInvokeResponse response = new AdaptiveCardInvokeResponse();
        response.setStatusCode(200);
        response.setType(AdaptiveCards.CONTENT_TYPE);
        response.setValue(card);
        return response;
    }

    public static AdaptiveCardInvokeResponse message(String sentence) {
        AdaptiveCardInvokeResponse response = new AdaptiveCardInvokeResponse();
        response.setStatusCode(200);
        response.setType(MESSAGE_TYPE);
        response.setValue(sentence);
        return response;
    }
}
