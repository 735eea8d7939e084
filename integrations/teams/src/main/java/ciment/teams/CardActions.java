package ciment.teams;

import ciment.core.reply.Reply;
import ciment.core.service.Caller;
import ciment.core.service.Ciment;
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
 * does: the same command as the words ("join data-guild"), run for the person who clicked, answered
 * with the card it came from drawn again for them (the info card then shows Leave), or with the
 * refusal's sentence when nothing was done. A post's buttons (Reply, React, Open thread: PostButtons)
 * answer with the post's thread as it is after the click.
 */
final class CardActions {
    static final String JOIN = "join";
    static final String LEAVE = "leave";
    static final String APPROVE = "approve";
    static final String DECLINE = "decline";
    static final String REQUESTS = "requests";
    /** More under a feed's page: its data holds the words that ask for the next page. */
    static final String FEED = "feed";

    /** Which card a button is on: the one drawn again after the click. */
    enum Origin { INFO, LIST, REQUESTS, FEED, POST }

    static final String MESSAGE_TYPE = "application/vnd.microsoft.activity.message";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private CardActions() {
    }

    /**
     * A click: the verb, the community, the card to draw again (with the list's query), and for approve
     * and decline the person who asked, by their Ciment id (whatever chat tool they asked from).
     */
    record Click(String verb, String slug, Origin origin, String query, String personId, String post, int from) {

        Click(String verb, String slug, Origin origin, String query, String personId) {
            this(verb, slug, origin, query, personId, null, -1);
        }

        /**
         * The command as a person would type it (approve and decline name the person by id instead); a feed's
         * More holds its words whole, in {@code query}.
         */
        String command() {
            return origin == Origin.FEED || origin == Origin.POST ? query : verb + " " + slug;
        }

        /** Runs the click for the person who clicked: the words' command, or the answer to a request by id. */
        Reply run(Ciment ciment, Caller clicker) {
            return personId == null ? ciment.handle(clicker, command())
                    : ciment.decide(clicker, slug, personId, verb.equals(APPROVE));
        }

        /** The command that draws the card the button was on, as it is now. */
        String refresh() {
            return switch (origin) {
                case INFO -> "info " + slug;
                case LIST -> ("communities " + query).strip();
                case REQUESTS -> "requests " + slug;
                case FEED -> query;
                case POST -> PostButtons.THREAD + " " + slug; // the post's thread, as it is after the click
            };
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
    static ObjectNode more(String words) {
        ObjectNode action = JSON.objectNode();
        action.put("type", "Action.Execute");
        action.put("title", "More");
        action.put("verb", FEED);
        ObjectNode data = action.putObject("data");
        data.put("words", words);
        data.put("card", Origin.FEED.name().toLowerCase(java.util.Locale.ROOT));
        return action;
    }

    /** The click, or empty when its verb or data are not one of Ciment's buttons. */
    static Optional<Click> read(AdaptiveCardInvokeAction action) {
        if (action == null || action.getVerb() == null) {
            return Optional.empty();
        }
        String verb = action.getVerb();
        if (verb.equals(FEED)) {
            JsonNode data = action.getData() == null ? null : Serialization.objectToTree(action.getData());
            String words = data == null ? "" : data.path("words").asText("");
            return words.startsWith(FEED + " ") ? Optional.of(new Click(FEED, "", Origin.FEED, words, null))
                    : Optional.empty();
        }
        if (PostButtons.isPostVerb(verb)) {
            // A post's button: its words, and its thread (in slug's place) to draw after the click.
            JsonNode data = action.getData() == null ? null : Serialization.objectToTree(action.getData());
            return PostButtons.command(verb, data).map(words -> {
                String post = PostButtons.postRef(data.path(PostButtons.REF).asText("")).orElseThrow();
                return new Click(verb, PostButtons.rootOf(post), Origin.POST, words, null, post,
                        data.path(PostButtons.FROM).asInt(-1));
            });
        }
        if (!verb.equals(JOIN) && !verb.equals(LEAVE) && !verb.equals(APPROVE) && !verb.equals(DECLINE)
                && !verb.equals(REQUESTS)) {
            return Optional.empty();
        }
        JsonNode data = action.getData() == null ? null : Serialization.objectToTree(action.getData());
        String slug = data == null ? "" : data.path("slug").asText("");
        if (slug.isBlank()) {
            return Optional.empty();
        }
        Origin origin = switch (data.path("card").asText("")) {
            case "list" -> Origin.LIST;
            case "requests" -> Origin.REQUESTS;
            default -> Origin.INFO;
        };
        String query = data.path("query").asText("");
        if (verb.equals(APPROVE) || verb.equals(DECLINE)) {
            String personId = data.path("personId").asText("");
            return personId.isBlank() ? Optional.empty()
                    : Optional.of(new Click(verb, slug, Origin.REQUESTS, "", personId));
        }
        return Optional.of(new Click(verb, slug, verb.equals(REQUESTS) ? Origin.REQUESTS : origin, query, null));
    }

    /**
     * The invoke's answer: a refusal's sentence (the card stays as it was), or the card drawn again for
     * the person who clicked, headed by what was done.
     *
     * @param refreshed runs the click's {@link Click#refresh()} command, after the action
     */
    static AdaptiveCardInvokeResponse answer(Click click, Reply done, Supplier<Reply> refreshed, String readerTenant) {
        if (PostButtons.READ_ON.equals(click.verb()) && done instanceof Reply.Thread thread) {
            Optional<ciment.core.model.Post> post = java.util.stream.Stream.concat(java.util.stream.Stream.of(thread.root()),
                    thread.replies().stream()).filter(p -> p.reference().equals(click.post())).findFirst();
            return post.map(p -> card(AdaptiveCards.readOn(p, click.from())))
                    .orElseGet(() -> message(click.post() + " is not in its thread any more."));
        }
        return answer(done, refreshed, readerTenant);
    }

    static AdaptiveCardInvokeResponse answer(Reply done, Supplier<Reply> refreshed, String readerTenant) {
        if (done instanceof Reply.Refused) {
            return message(done.summary());
        }
        Reply again = done instanceof Reply.Info || done instanceof Reply.Requests || done instanceof Reply.Feed
                || done instanceof Reply.Thread ? done
                : refreshed.get();
        Optional<ObjectNode> card = AdaptiveCards.actionable(again, readerTenant);
        if (card.isEmpty()) {
            return message(done.summary());
        }
        if (again != done) {
            AdaptiveCards.headWith(card.get(), done.summary());
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

    static AdaptiveCardInvokeResponse message(String sentence) {
        AdaptiveCardInvokeResponse response = new AdaptiveCardInvokeResponse();
        response.setStatusCode(200);
        response.setType(MESSAGE_TYPE);
        response.setValue(sentence);
        return response;
    }
}
