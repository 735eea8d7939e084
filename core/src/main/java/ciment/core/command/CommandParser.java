package ciment.core.command;

import ciment.core.Refusal;
import ciment.core.model.Slug;
import ciment.core.model.Text;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads the words after `/ciment` (Slack) or sent to the bot (Teams, mention already removed).
 * A command that cannot be read is refused with one sentence showing the right form.
 */
public final class CommandParser {

    private CommandParser() {
    }

    public static Command parse(String text) {
        Words words = new Words(text == null ? "" : text.strip());
        String verb = words.next().toLowerCase(Locale.ROOT);
        return switch (verb) {
            case "", "help", "?" -> new Command.Help();
            case "create" -> create(words);
            case "join" -> new Command.Join(slug(words, "join <slug>", "join data-guild"));
            case "leave" -> new Command.Leave(slug(words, "leave <slug>", "leave data-guild"));
            case "communities" -> new Command.Discover(words.rest());
            case "post" -> post(words);
            case "feed" -> feed(words);
            default -> throw unknown(verb);
        };
    }

    private static Command create(Words words) {
        Slug slug = slug(words, "create <slug> <purpose>", "create data-guild Sharing data tips across teams");
        String purpose = words.rest();
        if (purpose.isEmpty()) {
            throw new Refusal("Say what " + slug + " is for: create " + slug + " <purpose>, for example “create " + slug
                    + " Sharing data tips across teams”.");
        }
        if (Text.length(purpose) > Text.PURPOSE_MAX) {
            throw new Refusal("A purpose holds at most " + Text.PURPOSE_MAX + " characters and yours has "
                    + Text.length(purpose) + ": shorten it.");
        }
        return new Command.Create(slug, purpose);
    }

    private static Command post(Words words) {
        Slug slug = slug(words, "post <slug> <text>", "post data-guild Who knows a good SQL formatter?");
        String text = words.rest();
        if (text.isEmpty()) {
            throw new Refusal("Write something to post: post " + slug + " <text>.");
        }
        if (Text.length(text) > Text.POST_MAX) {
            throw new Refusal("A post holds at most " + String.format(Locale.ROOT, "%,d", Text.POST_MAX)
                    + " characters and yours has " + String.format(Locale.ROOT, "%,d", Text.length(text))
                    + ": shorten it, or split it into two posts.");
        }
        return new Command.PostTo(slug, text);
    }

    private static Command feed(Words words) {
        String word = words.next();
        if (word.isEmpty()) {
            return new Command.Feed(Optional.empty());
        }
        if (!words.rest().isEmpty()) {
            throw new Refusal("feed takes one community at most: feed " + word + ", or feed alone for all yours.");
        }
        return new Command.Feed(Optional.of(Slug.parse(word)));
    }

    private static Slug slug(Words words, String form, String example) {
        String word = words.next();
        if (word.isEmpty()) {
            throw new Refusal("Name the community: " + form + ", for example “" + example + "”.");
        }
        return Slug.parse(word);
    }

    private static Refusal unknown(String verb) {
        if (Grammar.LATER.contains(verb)) {
            return new Refusal("“" + verb + "” is not available yet in this version of Ciment: send help to see what is.");
        }
        return new Refusal("I don't know “" + verb + "”: send help to see the commands.");
    }

    /** Splits off leading words while keeping the rest of the text exactly as typed (line breaks included). */
    private static final class Words {
        private String remaining;

        Words(String text) {
            this.remaining = text;
        }

        String next() {
            String text = remaining.stripLeading();
            int end = 0;
            while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
                end++;
            }
            remaining = text.substring(end);
            return text.substring(0, end);
        }

        String rest() {
            String text = remaining.strip();
            remaining = "";
            return text;
        }
    }
}
