package ciment.teams.render;

import static ciment.teams.render.AdaptiveCards.JSON;

import ciment.core.command.AnnounceVerbs;
import ciment.core.command.CommunityVerbs;
import ciment.core.command.Command;
import ciment.core.i18n.Catalogue;
import ciment.core.model.Slug;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.schema.Attachment;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Announcements in Adaptive Cards: the direct message each member gets (the notice's card about a post, with Got it
 * first), and on a community's card, for its stewards, Announce: a box and its Send, as Reply does. Got it's data
 * names the announcement ({@code <community>/<day>}) and the community's slug to draw again, never a person: the
 * clicker is the caller.
 */
public final class AnnouncementCards {
    static final String GOT_IT = "announce.ack";
    static final String ANNOUNCE = "announce";
    static final String ANNOUNCEMENT = "announcement";
    private static final String BOX = "announceText";

    private AnnouncementCards() {
    }

    /** An announcement told directly: its text, Got it, then Open thread and Reply. */
    public static Attachment notice(String sentence, String postRef, String announcement, Catalogue words) {
        Attachment attachment = PostCards.aboutPost(sentence, postRef, words);
        ObjectNode card = (ObjectNode) attachment.getContent();
        ObjectNode gotIt = JSON.objectNode();
        gotIt.put("type", "Action.Execute");
        gotIt.put("title", words.say("announce.gotIt"));
        gotIt.put("verb", GOT_IT);
        gotIt.putObject("data");
        gotIt.put("style", "positive");
        ((ObjectNode) gotIt.get("data")).put(ANNOUNCEMENT, announcement);
        ((ArrayNode) card.withArray("actions")).insert(0, gotIt);
        return attachment;
    }

    /** Announce on a community's card: a box and its Send, shown when clicked. */
    static ObjectNode announceBox(String slug, Catalogue words) {
        return PostButtons.textBox(words.say("announce.button"), BOX, "label", words.say("announce.modal.label", slug),
                execute(words.say("teams.button.send"), ANNOUNCE, slug));
    }

    /** Got it is answered by its sentence, the direct message left as it was: no card is drawn again. */
    static boolean answeredAlone(String verb) {
        return GOT_IT.equals(verb);
    }

    static boolean isAnnounceVerb(String verb) {
        return GOT_IT.equals(verb) || ANNOUNCE.equals(verb);
    }

    /**
     * Got it clicked (answered by its sentence alone: {@link #answeredAlone}), or Send: its command, and the
     * community's card drawn again after it.
     */
    static Optional<CardActions.Click> click(String verb, JsonNode data) {
        if (GOT_IT.equals(verb)) {
            String announcement = data == null ? "" : data.path(ANNOUNCEMENT).asText("");
            Supplier<Command> acknowledge = () -> new AnnounceVerbs.Acknowledge(announcement);
            return Optional.of(new CardActions.Click(verb, acknowledge, acknowledge));
        }
        String slug = data == null ? "" : data.path("slug").asText("");
        if (slug.isBlank()) {
            return Optional.empty();
        }
        Supplier<Command> info = () -> new CommunityVerbs.Info(Slug.parse(slug));
        String input = data.path(PostButtons.INPUT).asText("");
        String text = input.isEmpty() ? "" : data.path(input).asText("").strip();
        return Optional.of(new CardActions.Click(verb, () -> new AnnounceVerbs.Announce(Slug.parse(slug), text), info));
    }

    private static ObjectNode execute(String title, String verb, String slug) {
        ObjectNode action = JSON.objectNode();
        action.put("type", "Action.Execute");
        action.put("title", title);
        action.put("verb", verb);
        action.putObject("data").put("slug", slug);
        return action;
    }
}
