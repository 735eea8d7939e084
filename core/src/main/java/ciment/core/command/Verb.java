package ciment.core.command;

import ciment.core.reply.Reply;
import ciment.core.reply.Usage;
import ciment.core.service.Actions;
import ciment.core.service.Me;
import java.util.List;
import java.util.Optional;

/**
 * One verb, declared once: the word(s) a person types, its form and example (for help and for the refusals
 * of words that do not fit it), its help line, how its words are read, and the use case its command calls.
 * A verb without words is one only buttons and cards send (an answer to a join request by the person's id).
 *
 * @param words   the words that say it, lower case (none: buttons only)
 * @param usage   its line in help, {@code form} as shown there ("close &lt;slug&gt; / open &lt;slug&gt;")
 * @param example what follows the words in an example ("data-guild")
 */
public record Verb<C extends Command>(Class<C> type, List<String> words, Optional<Usage> usage, String example,
        Reader reader, Action<C> action) {

    /** Reads a verb's words into its command; refuses, with the form, words that do not fit. */
    @FunctionalInterface
    public interface Reader {
        Command read(Words words);
    }

    /** The use case a command calls, for the person asking. */
    @FunctionalInterface
    public interface Action<C> {
        Reply run(Actions actions, Me me, C command);
    }

    /**
     * A verb people type: {@code words} separated by "|" ("react|unreact"), its help {@code form}, an
     * {@code example} of what follows the words, and its help line ({@code meaning}).
     */
    public static <C extends Command> Verb<C> typed(Class<C> type, String words, String form, String example,
            String meaning, Reader reader, Action<C> action) {
        return new Verb<>(type, List.of(words.split("\\|")), Optional.of(new Usage(form, meaning)), example,
                reader, action);
    }

    /** A command no words say: built by buttons and cards, or read by another verb's words ("roles" alone). */
    public static <C extends Command> Verb<C> untyped(Class<C> type, Action<C> action) {
        return new Verb<>(type, List.of(), Optional.empty(), "", words -> {
            throw new IllegalStateException(type.getSimpleName() + " has no words");
        }, action);
    }

    public String form() {
        return usage.map(Usage::form).orElse("");
    }

    Reply run(Actions actions, Me me, Command command) {
        return action.run(actions, me, type.cast(command));
    }
}
