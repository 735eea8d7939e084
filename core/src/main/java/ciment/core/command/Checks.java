package ciment.core.command;

import ciment.core.i18n.Message;
import ciment.core.model.Refusal;
import ciment.core.model.Slug;
import ciment.core.model.Text;

/**
 * What the grammar checks about a command's values, whoever built it (typed words, a modal, a reply box):
 * commands check them as they are made, so a button's command is refused as the same words would be.
 */
final class Checks {
    private Checks() {
    }

    /** A post's or question's text: not empty, and no longer than a post. */
    static String postText(String text, Message whenEmpty) {
        if (text.isEmpty()) {
            throw new Refusal(whenEmpty);
        }
        if (Text.length(text) > Text.POST_MAX) {
            throw new Refusal(Message.of("core.text.tooLongToSplit", Text.POST_MAX, Text.length(text)));
        }
        return text;
    }

    /** A reply's or an edit's text: not empty, and no longer than a post. */
    static String text(String text, Message whenEmpty) {
        if (text.isEmpty()) {
            throw new Refusal(whenEmpty);
        }
        if (Text.length(text) > Text.POST_MAX) {
            throw new Refusal(Message.of("core.text.tooLong", Text.POST_MAX, Text.length(text)));
        }
        return text;
    }

    /** What a community is for, said with {@code verb} (create, purpose). */
    static String purpose(Slug slug, String purpose, String verb) {
        if (purpose.isEmpty()) {
            throw new Refusal(Message.of("core.purpose.missing", slug.value(), verb));
        }
        if (Text.length(purpose) > Text.PURPOSE_MAX) {
            throw new Refusal(Message.of("core.purpose.tooLong", Text.PURPOSE_MAX, Text.length(purpose)));
        }
        return purpose;
    }
}
