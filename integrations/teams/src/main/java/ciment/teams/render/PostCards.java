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

import ciment.core.i18n.Catalogue;
import ciment.core.model.Post;
import ciment.core.reply.Reply;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.schema.Attachment;

/**
 * Posts in Adaptive Cards: a feed, questions or knowledge, the post just made, a post mirrored into a linked
 * channel, a notice about a post. A Teams bot cannot post as a person, so every post names its author in
 * bold (never a mention) in the card. Words cut to fit end with teams.post.more: the thread has them all.
 */
public final class PostCards {
    /** ...and to this many in a compact list, where a name is cut to {@link #SHORT_NAME_MAX}. */
    static final int SHORT_LINE_MAX = 48;
    static final int SHORT_NAME_MAX = 24;
    private PostCards() {
    }

    static Attachment feed(Reply.Feed feed, Catalogue words) {
        return attachment(CardFit.list(feed.posts().size(), room -> {
            ObjectNode card = headed(feed.summary(words), feed.title(words), feed.posts().isEmpty(),
                    feed.emptyHint(words));
            ArrayNode body = card.withArray("body");
            feed.posts().stream().limit(room.items()).forEach(post -> post(body, post, feed.isHome(), room, words));
            notShown(body, feed.posts().size() - room.items(), AdaptiveCards.Hidden.POSTS, words);
            feed.nextCursor().ifPresent(cursor -> card.putArray("actions").add(CardActions.more(feed.community(),
                    cursor, words)));
            return card;
        }));
    }

    /**
     * A post in a feed or a list: author, words (cut to the room's characters, the rest in its thread),
     * reference and time, its replies and reaction counts, then its buttons (PostButtons). Compact, it has
     * React and Open thread only (its thread has Reply).
     */
    private static void post(ArrayNode body, Post post, boolean home, CardFit.Room room, Catalogue words) {
        ArrayNode items = container(body);
        items.add(byline(post, home ? words.say("teams.post.in", post.slug()) : "", room.compact(), words));
        items.add(CardText.block(cut(post.shownText(words), room.words(), words)));
        items.add(subtle(line(post, words)));
        activity(items, post, room.words(), room.compact(), words);
        PostButtons.under(post, words).ifPresent(set -> items.add(room.compact() ? compact(set) : set));
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

    /** Its reference, time and where it was written, under a post ("#… · {{DATE}} {{TIME}} · from Slack"). */
    static String line(Post post, Catalogue words) {
        return words.say("teams.post.line", post.reference(), when(post.createdAt()), post.origin().label());
    }

    static ObjectNode byline(Post post, String after, Catalogue words) {
        return byline(post, after, false, words);
    }

    /** The author in bold (never a mention), then where (said, or "") and whether edited. */
    static ObjectNode byline(Post post, String after, boolean compact, Catalogue words) {
        return CardText.block(bold(CardText.cut(post.authorName(), compact ? SHORT_NAME_MAX : NAME_MAX)),
                run((after.isEmpty() ? "" : " " + after) + (post.edited() ? " " + words.say("teams.post.edited") : "")))
                .put("spacing", "None");
    }

    /**
     * Its replies and reaction counts; cut short, a post's line leaves out its latest reply's words too, and
     * compact, it is cut shorter.
     */
    static void activity(ArrayNode items, Post post, int words, boolean compact, Catalogue said) {
        String activity = words <= CardFit.SHORT && post.latestReply() != null
                ? post.withReplies(post.replyCount(), null).activity(said) : post.activity(said);
        if (!activity.isEmpty()) {
            items.add(CardText.subtle(run(CardText.cut(activity, compact ? SHORT_LINE_MAX : LINE_MAX))));
        }
    }

    /** The post just made (or edited): as much of it as fits, with its buttons, under the answer's sentence. */
    public static Attachment posted(Reply.Posted posted, Catalogue said) {
        Post post = posted.post();
        return attachment(CardFit.words(length(post.text()), words -> {
            ObjectNode card = card(posted.summary(said));
            post(card.withArray("body"), post, true, new CardFit.Room(words, 1, false), said);
            return card;
        }));
    }

    /**
     * A notice about a post (a mention): its sentence, then Open thread and Reply, so the person reads and
     * answers it where the notice reached them.
     */
    public static Attachment aboutPost(String sentence, String postRef) {
        return aboutPost(sentence, postRef, Catalogue.ENGLISH);
    }

    /** A notice about a post, its buttons said in the reader's language. */
    public static Attachment aboutPost(String sentence, String postRef, Catalogue said) {
        return attachment(CardFit.words(length(sentence), words -> {
            ObjectNode card = card(sentence);
            card.withArray("body").add(CardText.block(cut(sentence, words, said)));
            card.set("actions", PostButtons.forNotice(postRef, said));
            return card;
        }));
    }

    /**
     * A post mirrored into a linked channel: a bot cannot post as a person, so the card names its author in
     * bold and where they wrote it ("via Slack"), then its words, its reference and time, its activity line
     * (replies, reaction counts: the reactions on every copy) and its buttons. A removed post says so alone.
     */
    public static Attachment mirrored(Post post) {
        return mirrored(post, Catalogue.ENGLISH);
    }

    /** A post mirrored into a linked channel, said in the channel's language. */
    public static Attachment mirrored(Post post, Catalogue said) {
        if (post.isRemoved()) {
            ObjectNode card = card(said.say("teams.post.removed"));
            ArrayNode body = card.withArray("body");
            body.add(text(said.say("teams.post.removed")));
            body.add(subtle(post.reference()));
            return attachment(card);
        }
        return attachment(CardFit.words(length(post.text()), words -> {
            ObjectNode card = card(said.say("teams.card.fallback", post.authorName(), post.shownText(said)));
            ArrayNode body = card.withArray("body");
            body.add(byline(post, said.say("teams.post.via", post.origin().label()), said));
            body.add(CardText.block(cut(post.shownText(said), words, said)));
            body.add(subtle(said.say("teams.post.mirroredLine", post.reference(), when(post.createdAt()), post.slug())));
            activity(body, post, words, false, said);
            PostButtons.under(post, said).ifPresent(body::add);
            return card;
        }));
    }

    /** Questions or knowledge: a title, then each post as feeds show it. */
    static Attachment posts(Reply.Posts posts, Catalogue words) {
        return attachment(CardFit.list(posts.posts().size(), room -> {
            ObjectNode card = headed(posts.summary(words), posts.title(words), posts.posts().isEmpty(),
                    posts.emptyHint(words));
            ArrayNode body = card.withArray("body");
            posts.posts().stream().limit(room.items()).forEach(post -> post(body, post, false, room, words));
            notShown(body, posts.posts().size() - room.items(), AdaptiveCards.Hidden.POSTS, words);
            return card;
        }));
    }

    /** The first {@code max} characters of a post's words, and a mark saying there is more in its thread. */
    private static String cut(String words, int max, Catalogue said) {
        if (length(words) <= max) {
            return words;
        }
        return words.substring(0, words.offsetByCodePoints(0, max)).stripTrailing() + said.say("teams.post.more");
    }
}
