package ciment.core.model;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What a chat tool says about an account the first time Ciment meets it: the name it shows, the email
 * address the tool gives, whether the account is a guest's, and the organisations the account is a member
 * of as the tool says (the Slack team id of the user's own workspace and, on Enterprise Grid, the enterprise
 * id; the Microsoft tenant id), and the language the tool says they use (a tag like "fr-FR"; may be empty). The address links one person's Slack and Teams accounts only when one of those
 * organisations is trusted for its domain and the account is no guest's.
 */
public record Introduction(String displayName, Optional<String> email, boolean guest, List<String> organisations,
        Optional<String> locale) {

    public Introduction {
        email = email.map(address -> address.strip().toLowerCase(Locale.ROOT)).filter(address -> !address.isEmpty());
        organisations = organisations.stream().filter(Objects::nonNull).map(String::strip)
                .filter(id -> !id.isEmpty()).distinct().toList();
    }

    public Introduction(String displayName, Optional<String> email, boolean guest, List<String> organisations) {
        this(displayName, email, guest, organisations, Optional.empty());
    }

    /** The same account, in the language the tool says it uses ("fr-FR"; null: it does not say). */
    public Introduction speaking(String tag) {
        return new Introduction(displayName, email, guest, organisations, Optional.ofNullable(tag));
    }

    /** Of no organisation the tool names: its address links nothing. */
    public Introduction(String displayName, Optional<String> email, boolean guest) {
        this(displayName, email, guest, List.of());
    }

    /** An employee's account known by its name only (no email: it stays unlinked). */
    public static Introduction named(String displayName) {
        return new Introduction(displayName, Optional.empty(), false);
    }
}
