package ciment.core.command;

import ciment.core.model.Refusal;
import ciment.core.model.Slug;
import ciment.core.model.Text;
import java.util.Locale;

/**
 * What the grammar checks about a command's values, whoever built it (typed words, a modal, a reply box):
 * commands check them as they are made, so a button's command is refused as the same words would be.
 */
final class Checks {
    private Checks() {
    }

    /** A post's or question's text: not empty, and no longer than a post. */
    static String postText(String text, String whenEmpty) {
        if (text.isEmpty()) {
            throw new Refusal(whenEmpty);
        }
        if (Text.length(text) > Text.POST_MAX) {
            throw new Refusal(tooLong(text) + ": shorten it, or split it into two posts.");
        }
        return text;
    }

    /** A reply's or an edit's text: not empty, and no longer than a post. */
    static String text(String text, String form, String ask) {
        if (text.isEmpty()) {
            throw new Refusal(ask + ": " + form + ".");
        }
        if (Text.length(text) > Text.POST_MAX) {
            throw new Refusal(tooLong(text) + ": shorten it.");
        }
        return text;
    }

    private static String tooLong(String text) {
        return "A post holds at most " + String.format(Locale.ROOT, "%,d", Text.POST_MAX) + " characters and yours has "
                + String.format(Locale.ROOT, "%,d", Text.length(text));
    }

    /** What a community is for, said with {@code verb} (create, purpose). */
    static String purpose(Slug slug, String purpose, String verb) {
        if (purpose.isEmpty()) {
            throw new Refusal("Say what " + slug + " is for: " + verb + " " + slug + " <purpose>, for example “" + verb
                    + " " + slug + " Sharing data tips across teams”.");
        }
        if (Text.length(purpose) > Text.PURPOSE_MAX) {
            throw new Refusal("A purpose holds at most " + Text.PURPOSE_MAX + " characters and yours has "
                    + Text.length(purpose) + ": shorten it.");
        }
        return purpose;
    }
}
