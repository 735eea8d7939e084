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
import static ciment.teams.render.AdaptiveCards.when;
import static ciment.teams.render.PostCards.activity;
import static ciment.teams.render.PostCards.byline;

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
    public static Attachment thread(Reply.Thread thread) {
        return attachment(CardFit.list(thread.replies().size(), room -> {
            ObjectNode card = card(thread.summary());
            ArrayNode body = card.withArray("body");
            body.add(heading("Thread in " + thread.root().slug()));
            inThread(body, thread.root(), room);
            thread.replies().stream().limit(room.items()).forEach(reply -> inThread(body, reply, room));
            notShown(body, thread.replies().size() - room.items(), "replies");
            if (thread.replies().isEmpty()) {
                body.add(subtle("No reply yet: reply " + thread.root().reference() + " <text>."));
            }
            return card;
        }));
    }

    private static void inThread(ArrayNode body, Post post, CardFit.Room room) {
        int words = room.words();
        ArrayNode items = container(body);
        items.add(byline(post, "", room.compact()));
        items.add(CardText.block(CardText.cut(post.text(), words)));
        items.add(subtle(post.reference() + " · " + when(post.createdAt()) + " · from " + post.origin().label()));
        activity(items, post, words, room.compact());
        ArrayNode buttons = JSON.arrayNode();
        if (length(post.text()) > words) {
            buttons.add(PostButtons.readOn(post.reference(), words - 1));
        }
        if (post.isReply()) {
            PostButtons.under(post).ifPresent(set -> set.withArray("actions").forEach(action -> {
                if (PostButtons.REACT.equals(action.path("verb").asText())) {
                    buttons.add(action);
                }
            }));
        } else {
            PostButtons.under(post).ifPresent(set -> buttons.addAll(set.withArray("actions")));
        }
        if (!buttons.isEmpty()) {
            items.add(actionSet(buttons));
        }
    }

    /**
     * The rest of a post's words, from the character {@code from} on (a click on Read on): as much as fits,
     * with Read on again when more remains, and Open thread to go back.
     */
    public static ObjectNode readOn(Post post, int from) {
        String rest = post.text().substring(post.text().offsetByCodePoints(0, Math.min(Math.max(from, 0),
                length(post.text())))).stripLeading();
        int shownBefore = length(post.text()) - length(rest);
        return CardFit.words(length(rest), words -> {
            ObjectNode card = card(post.reference() + " (continued)");
            ArrayNode body = card.withArray("body");
            body.add(heading("Post " + post.reference() + " in " + post.slug() + ", continued"));
            body.add(byline(post, ""));
            body.add(CardText.block("…" + CardText.cut(rest, words)));
            ArrayNode buttons = card.putArray("actions");
            if (length(rest) > words) {
                buttons.add(PostButtons.readOn(post.reference(), shownBefore + words - 1));
            }
            buttons.add(PostButtons.openThread(post.reference()));
            return card;
        });
    }
}
