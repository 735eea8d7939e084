package ciment.slack;

import static ciment.slack.CommunityButtons.plain;

import ciment.core.model.Post;
import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.block.element.ButtonElement;
import com.slack.api.model.block.element.OverflowMenuElement;
import java.util.List;

/**
 * What can be done with a post where Slack shows it: an overflow menu on each post (Reply, Open thread,
 * React 👍), and the Open thread and Reply buttons under a notice about a post. An option's value is the
 * words of the command it stands for ("thread #ROOT"), so a click runs the same core command as typing.
 */
final class PostMenu {
    /** The overflow menu beside a post. */
    static final String MENU = "ciment_post_menu";
    /** Open thread: the button's value is the post's reference. */
    static final String THREAD = "ciment_thread";
    /** Reply: opens the reply modal; the button's value is the post's reference. */
    static final String REPLY = "ciment_reply_open";
    /** The emoji React offers in one click. */
    static final String THUMBSUP = "thumbsup";

    private PostMenu() {
    }

    /** None for a removed or hidden post: nothing can be done with it from here. */
    static OverflowMenuElement overflow(Post post) {
        String root = rootOf(post.reference());
        return OverflowMenuElement.builder().actionId(MENU).options(List.of(
                option("Reply", "reply " + root),
                option("Open thread", "thread " + root),
                option(":+1: React", "react " + post.reference() + " " + THUMBSUP))).build();
    }

    static boolean actionable(Post post) {
        return !post.isRemoved() && !post.isHidden();
    }

    /** Under a notice about a post: Open thread and Reply. */
    static ActionsBlock buttons(String reference) {
        return ActionsBlock.builder().elements(List.of(
                ButtonElement.builder().text(plain("Open thread")).actionId(THREAD).value(reference).build(),
                ButtonElement.builder().text(plain("Reply")).actionId(REPLY).value(reference).style("primary").build()))
                .build();
    }

    /** The thread's first post of a reference: #ROOT for #ROOT/ID, the reference itself for #ID. */
    static String rootOf(String reference) {
        int slash = reference.indexOf('/');
        return slash < 0 ? reference : reference.substring(0, slash);
    }

    private static OptionObject option(String text, String value) {
        return OptionObject.builder().text(plain(text)).value(value).build();
    }
}
