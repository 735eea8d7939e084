package ciment.core.model;

import java.util.Locale;
import java.util.Optional;

/**
 * What a chat tool says about an account the first time Ciment meets it: the name it shows, the
 * verified email address when the tool gives one (it links one person's Slack and Teams accounts),
 * and whether the account is a guest's.
 */
public record Introduction(String displayName, Optional<String> email, boolean guest) {

    public Introduction {
        email = email.map(address -> address.strip().toLowerCase(Locale.ROOT)).filter(address -> !address.isEmpty());
    }

    /** An employee's account known by its name only (no email: it stays unlinked). */
    public static Introduction named(String displayName) {
        return new Introduction(displayName, Optional.empty(), false);
    }
}
