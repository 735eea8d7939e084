package ciment.slack.render;

import static ciment.slack.render.CommunityButtons.plain;

import ciment.core.i18n.Catalogue;
import ciment.core.model.Post;
import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.block.element.ButtonElement;
import com.slack.api.model.block.element.OverflowMenuElement;
import java.util.List;
import java.util.Optional;

/**
 * What can be done with a post where Slack shows it: an overflow menu on each post (Reply, Open thread,
 * React 👍), and the Open thread and Reply buttons under a notice about a post. An option's value is a
 * {@link Choice}: the verb and the post (and the emoji), in JSON; menus posted before it hold the words of the
 * command ("thread #ROOT"), still read as the same choice.
 */
public final class PostMenu {
    /** The overflow menu beside a post. */
    public static final String MENU = "ciment_post_menu";
    /** Open thread: the button's value is the post's reference. */
    public static final String THREAD = "ciment_thread";
    /** Reply: opens the reply modal; the button's value is the post's reference. */
    public static final String REPLY = "ciment_reply_open";
    /** The emoji React offers in one click. */
    static final String THUMBSUP = "thumbsup";

    private PostMenu() {
    }

    /** None for a removed or hidden post: nothing can be done with it from here. */
    static OverflowMenuElement overflow(Post post, Catalogue words) {
        String root = rootOf(post.reference());
        return OverflowMenuElement.builder().actionId(MENU).options(List.of(
                option(words.say("slack.menu.reply"), new Choice(Choice.REPLY, root, null)),
                option(words.say("slack.menu.thread"), new Choice(Choice.THREAD, root, null)),
                option(":+1: " + words.say("slack.menu.react"), new Choice(Choice.REACT, post.reference(), THUMBSUP))))
                .build();
    }

    static boolean actionable(Post post) {
        return !post.isRemoved() && !post.isHidden();
    }

    /** Under a notice about a post: Open thread and Reply, in the reader's language. */
    public static ActionsBlock buttons(String reference, Catalogue words) {
        return ActionsBlock.builder().elements(List.of(
                ButtonElement.builder().text(plain(words.say("slack.menu.thread"))).actionId(THREAD).value(reference).build(),
                ButtonElement.builder().text(plain(words.say("slack.menu.reply"))).actionId(REPLY).value(reference)
                        .style("primary").build()))
                .build();
    }

    /** In English: for the notices, until they say their reader's language. */
    public static ActionsBlock buttons(String reference) {
        return buttons(reference, Catalogue.ENGLISH);
    }

    /** The thread's first post of a reference: #ROOT for #ROOT/ID, the reference itself for #ID. */
    public static String rootOf(String reference) {
        int slash = reference.indexOf('/');
        return slash < 0 ? reference : reference.substring(0, slash);
    }

    private static OptionObject option(String text, Choice choice) {
        return OptionObject.builder().text(plain(text)).value(choice.value()).build();
    }

    /** An option of the menu: what to do (reply, thread, react) with which post, and the emoji to react with. */
    public record Choice(String verb, String post, String emoji) {
        public static final String REPLY = "reply";
        public static final String THREAD = "thread";
        public static final String REACT = "react";
        private static final Gson GSON = new Gson();

        /** The option's value: {"verb":"react","post":"#01…","emoji":"thumbsup"} (well under Slack's 150 characters). */
        public String value() {
            return GSON.toJson(this);
        }

        /** An option's value, as written now (JSON) or before (the command's words); empty when it is neither. */
        public static Optional<Choice> read(String value) {
            String text = value == null ? "" : value.strip();
            if (text.startsWith("{")) {
                try {
                    return Optional.ofNullable(GSON.fromJson(text, Choice.class)).filter(c -> c.verb() != null
                            && c.post() != null);
                } catch (JsonParseException notOurs) {
                    return Optional.empty();
                }
            }
            String[] words = text.split("\\s+");
            return words.length < 2 ? Optional.empty()
                    : Optional.of(new Choice(words[0], words[1], words.length > 2 ? words[2] : null));
        }
    }
}
