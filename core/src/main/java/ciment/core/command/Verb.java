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
 * @param usage   its line in help, {@code form} as shown there ("close &lt;slug&gt; / open &lt;slug&gt;"), its
 *                meaning under the key "help.&lt;first word&gt;"
 * @param example the key of what follows the words in an example ("help.join.example": "data-guild"), or
 *                empty for a verb that takes nothing
 */
public record Verb<C extends Command>(Class<C> type, List<String> words, Optional<Usage> usage,
        Optional<String> example, Reader reader, Action<C> action) {
    /** For {@link #typed}: whether the verb's example has a key ("help.join.example"). */
    public static final boolean WITH_EXAMPLE = true;
    public static final boolean NO_EXAMPLE = false;

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
     * A verb people type: {@code words} separated by "|" ("react|unreact") and its help {@code form}. Its help
     * line is the key "help.&lt;first word&gt;", and, when {@code example} is true, what follows the words in
     * an example is the key "help.&lt;first word&gt;.example".
     */
    public static <C extends Command> Verb<C> typed(Class<C> type, String words, String form, boolean example,
            Reader reader, Action<C> action) {
        List<String> said = List.of(words.split("\\|"));
        String key = "help." + said.get(0);
        return new Verb<>(type, said, Optional.of(new Usage(form, key)),
                example ? Optional.of(key + ".example") : Optional.empty(), reader, action);
    }

    /** A command no words say: built by buttons and cards, or read by another verb's words ("roles" alone). */
    public static <C extends Command> Verb<C> untyped(Class<C> type, Action<C> action) {
        return new Verb<>(type, List.of(), Optional.empty(), Optional.empty(), words -> {
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
