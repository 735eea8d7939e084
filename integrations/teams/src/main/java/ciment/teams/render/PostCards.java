package ciment.teams.render;

import static ciment.teams.render.AdaptiveCards.JSON;
import static ciment.teams.render.AdaptiveCards.LINE_MAX;
import static ciment.teams.render.AdaptiveCards.NAME_MAX;
import static ciment.teams.render.AdaptiveCards.actionSet;
import static ciment.teams.render.AdaptiveCards.attachment;
import static ciment.teams.render.AdaptiveCards.card;
import static ciment.teams.render.AdaptiveCards.container;
import static ciment.teams.render.AdaptiveCards.headed;
import static ciment.teams.render.AdaptiveCards.length;
import static ciment.teams.render.AdaptiveCards.notShown;
import static ciment.teams.render.AdaptiveCards.subtle;
import static ciment.teams.render.AdaptiveCards.text;
import static ciment.teams.render.AdaptiveCards.when;
import static ciment.teams.render.CardText.bold;
import static ciment.teams.render.CardText.run;

import ciment.core.model.Post;
import ciment.core.reply.Reply;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.schema.Attachment;

/**
 * Posts in Adaptive Cards: a feed, questions or knowledge, the post just made, a post mirrored into a linked
 * channel, a notice about a post. A Teams bot cannot post as a person, so every post names its author in
 * bold (never a mention) in the card. Words cut to fit end with {@link #MORE}: the thread has them all.
 */
public final class PostCards {
    /** ...and to this many in a compact list, where a name is cut to {@link #SHORT_NAME_MAX}. */
    static final int SHORT_LINE_MAX = 48;
    static final int SHORT_NAME_MAX = 24;
    /** What ends a post's words cut in a list: its thread has them all. */
    public static final String MORE = "… (more in its thread)";

    private PostCards() {
    }

    static Attachment feed(Reply.Feed feed) {
        return attachment(CardFit.list(feed.posts().size(), room -> {
            ObjectNode card = headed(feed.summary(), feed.title(), feed.posts().isEmpty(), feed.emptyHint());
            ArrayNode body = card.withArray("body");
            feed.posts().stream().limit(room.items()).forEach(post -> post(body, post, feed.isHome(), room));
            notShown(body, feed.posts().size() - room.items(), "posts");
            feed.nextCursor().ifPresent(cursor -> card.putArray("actions").add(CardActions.more(feed.community(),
                    cursor)));
            return card;
        }));
    }

    /**
     * A post in a feed or a list: author, words (cut to the room's characters, the rest in its thread),
     * reference and time, its replies and reaction counts, then its buttons (PostButtons). Compact, it has
     * React and Open thread only (its thread has Reply).
     */
    private static void post(ArrayNode body, Post post, boolean home, CardFit.Room room) {
        ArrayNode items = container(body);
        items.add(byline(post, home ? " in " + post.slug() : "", room.compact()));
        items.add(CardText.block(cut(post.text(), room.words())));
        items.add(subtle(post.reference() + " · " + when(post.createdAt()) + " · from " + post.origin().label()));
        activity(items, post, room.words(), room.compact());
        PostButtons.under(post).ifPresent(set -> items.add(room.compact() ? compact(set) : set));
    }

    /** A post's buttons, but Reply: what a compact post keeps. */
    private static ObjectNode compact(ObjectNode buttons) {
        ArrayNode kept = JSON.arrayNode();
        buttons.withArray("actions").forEach(action -> {
            if (!"Action.ShowCard".equals(action.path("type").asText())) { // Reply's box
                kept.add(action);
            }
        });
        return actionSet(kept);
    }

    static ObjectNode byline(Post post, String after) {
        return byline(post, after, false);
    }

    /** The author in bold (never a mention), then where and whether edited. */
    static ObjectNode byline(Post post, String after, boolean compact) {
        return CardText.block(bold(CardText.cut(post.authorName(), compact ? SHORT_NAME_MAX : NAME_MAX)),
                run(after + (post.edited() ? " (edited)" : ""))).put("spacing", "None");
    }

    /**
     * Its replies and reaction counts; cut short, a post's line leaves out its latest reply's words too, and
     * compact, it is cut shorter.
     */
    static void activity(ArrayNode items, Post post, int words, boolean compact) {
        String activity = words <= CardFit.SHORT && post.latestReply() != null
                ? post.withReplies(post.replyCount(), null).activity() : post.activity();
        if (!activity.isEmpty()) {
            items.add(CardText.subtle(run(CardText.cut(activity, compact ? SHORT_LINE_MAX : LINE_MAX))));
        }
    }

    /** The post just made (or edited): as much of it as fits, with its buttons, under the answer's sentence. */
    public static Attachment posted(Reply.Posted posted) {
        Post post = posted.post();
        return attachment(CardFit.words(length(post.text()), words -> {
            ObjectNode card = card(posted.summary());
            post(card.withArray("body"), post, true, new CardFit.Room(words, 1, false));
            return card;
        }));
    }

    /**
     * A notice about a post (a mention): its sentence, then Open thread and Reply, so the person reads and
     * answers it where the notice reached them.
     */
    public static Attachment aboutPost(String sentence, String postRef) {
        return attachment(CardFit.words(length(sentence), words -> {
            ObjectNode card = card(sentence);
            card.withArray("body").add(CardText.block(cut(sentence, words)));
            card.set("actions", PostButtons.forNotice(postRef));
            return card;
        }));
    }

    /**
     * A post mirrored into a linked channel: a bot cannot post as a person, so the card names its author in
     * bold and where they wrote it ("via Slack"), then its words, its reference and time, its activity line
     * (replies, reaction counts: the reactions on every copy) and its buttons. A removed post says so alone.
     */
    public static Attachment mirrored(Post post) {
        if (post.isRemoved()) {
            ObjectNode card = card(Post.REMOVED_TEXT);
            ArrayNode body = card.withArray("body");
            body.add(text(Post.REMOVED_TEXT));
            body.add(subtle(post.reference()));
            return attachment(card);
        }
        return attachment(CardFit.words(length(post.text()), words -> {
            ObjectNode card = card(post.authorName() + ": " + post.text());
            ArrayNode body = card.withArray("body");
            body.add(byline(post, " · via " + post.origin().label()));
            body.add(CardText.block(cut(post.text(), words)));
            body.add(subtle(post.reference() + " · " + when(post.createdAt()) + " in " + post.slug()));
            activity(body, post, words, false);
            PostButtons.under(post).ifPresent(body::add);
            return card;
        }));
    }

    /** Questions or knowledge: a title, then each post as feeds show it. */
    static Attachment posts(Reply.Posts posts) {
        return attachment(CardFit.list(posts.posts().size(), room -> {
            ObjectNode card = headed(posts.summary(), posts.title(), posts.posts().isEmpty(), posts.emptyHint());
            ArrayNode body = card.withArray("body");
            posts.posts().stream().limit(room.items()).forEach(post -> post(body, post, false, room));
            notShown(body, posts.posts().size() - room.items(), "posts");
            return card;
        }));
    }

    /** The first {@code max} characters of a post's words, and a mark saying there is more in its thread. */
    private static String cut(String words, int max) {
        if (length(words) <= max) {
            return words;
        }
        return words.substring(0, words.offsetByCodePoints(0, max)).stripTrailing() + MORE;
    }
}
