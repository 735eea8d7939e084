package ciment.core.i18n;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Something to say, before it is said in a language: a key of the catalogues and its arguments. An argument
 * may itself be a Message, said in the same language (a refusal that names a command's form, say).
 */
public record Message(String key, List<Object> args) {

    public Message {
        Objects.requireNonNull(key, "key");
        args = List.copyOf(args);
    }

    public static Message of(String key, Object... args) {
        return new Message(key, Arrays.asList(args));
    }

    /** Text that is said as it is in every language: what a person wrote, a name. Never a sentence of ours. */
    public static Message verbatim(String text) {
        return of(VERBATIM, text);
    }

    public static final String VERBATIM = "verbatim";
}
