package ciment.core.model;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A person named in a command: an email address, or an @mention in the chat tool's own form (Slack's
 * {@code <@U123|ada>}, a Teams {@code <at>Ada</at>}), which only the chat tool's adapter can resolve.
 */
public record PersonRef(String token) {
    private static final Pattern EMAIL = Pattern.compile("[^@\\s<>]+@[^@\\s<>]+\\.[^@\\s<>]+");

    public boolean isEmail() {
        return EMAIL.matcher(token).matches();
    }

    /** The email address in lower case (as Ciment keeps them). */
    public String email() {
        return token.toLowerCase(Locale.ROOT);
    }
}
