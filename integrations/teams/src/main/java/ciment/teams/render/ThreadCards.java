package ciment.teams.render;

import static ciment.teams.render.AdaptiveCards.JSON;
import static ciment.teams.render.AdaptiveCards.actionSet;
import static ciment.teams.render.AdaptiveCards.attachment;
import static ciment.teams.render.AdaptiveCards.card;
import static ciment.teams.render.AdaptiveCards.container;
import static ciment.teams.render.AdaptiveCards.heading;
import static ciment.teams.render.AdaptiveCards.length;
import static ciment.teams.render.AdaptiveCards.notShown;
import static ciment.teams.render.AdaptiveCards.subtle;
import static ciment.teams.render.PostCards.activity;
import static ciment.teams.render.PostCards.byline;

import ciment.core.i18n.Catalogue;
import ciment.core.model.Post;
import ciment.core.reply.Reply;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.schema.Attachment;

/** A thread in Adaptive Cards, whole, and the rest of a post's words cut short (Read on). */
public final class ThreadCards {
    private ThreadCards() {
    }

    /**
     * A thread whole: its first post, then its replies oldest first. Words cut short end with Read on (the
     * rest of that post); a reply has only React here, the first post's Reply and Open thread serving them all.
     */
    public static Attachment thread(Reply.Thread thread, Catalogue said) {
        return attachment(CardFit.list(thread.replies().size(), room -> {
            ObjectNode card = card(thread.summary(said));
            ArrayNode body = card.withArray("body");
            body.add(heading(said.say("teams.thread.heading", thread.root().slug())));
            inThread(body, thread.root(), room, said);
            thread.replies().stream().limit(room.items()).forEach(reply -> inThread(body, reply, room, said));
            notShown(body, thread.replies().size() - room.items(), AdaptiveCards.Hidden.REPLIES, said);
            if (thread.replies().isEmpty()) {
                body.add(subtle(said.say("teams.thread.noReply", thread.root().reference())));
            }
            return card;
        }));
    }

    private static void inThread(ArrayNode body, Post post, CardFit.Room room, Catalogue said) {
        int words = room.words();
        ArrayNode items = container(body);
        items.add(byline(post, "", room.compact(), said));
        items.add(CardText.block(CardText.cut(post.shownText(said), words)));
        items.add(subtle(PostCards.line(post, said)));
        activity(items, post, words, room.compact(), said);
        ArrayNode buttons = JSON.arrayNode();
        if (length(post.text()) > words) {
            buttons.add(PostButtons.readOn(post.reference(), words - 1, said));
        }
        if (post.isReply()) {
            PostButtons.under(post, said).ifPresent(set -> set.withArray("actions").forEach(action -> {
                if (PostButtons.REACT.equals(action.path("verb").asText())) {
                    buttons.add(action);
                }
            }));
        } else {
            PostButtons.under(post, said).ifPresent(set -> buttons.addAll(set.withArray("actions")));
        }
        if (!buttons.isEmpty()) {
            items.add(actionSet(buttons));
        }
    }

    /**
     * The rest of a post's words, from the character {@code from} on (a click on Read on): as much as fits,
     * with Read on again when more remains, and Open thread to go back.
     */
    public static ObjectNode readOn(Post post, int from, Catalogue said) {
        String rest = post.text().substring(post.text().offsetByCodePoints(0, Math.min(Math.max(from, 0),
                length(post.text())))).stripLeading();
        int shownBefore = length(post.text()) - length(rest);
        return CardFit.words(length(rest), words -> {
            ObjectNode card = card(said.say("teams.readOn.fallback", post.reference()));
            ArrayNode body = card.withArray("body");
            body.add(heading(said.say("teams.readOn.heading", post.reference(), post.slug())));
            body.add(byline(post, "", said));
            body.add(CardText.block("…" + CardText.cut(rest, words)));
            ArrayNode buttons = card.putArray("actions");
            if (length(rest) > words) {
                buttons.add(PostButtons.readOn(post.reference(), shownBefore + words - 1, said));
            }
            buttons.add(PostButtons.openThread(post.reference(), said));
            return card;
        });
    }
}
