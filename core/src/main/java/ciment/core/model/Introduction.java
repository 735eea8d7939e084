package ciment.core.model;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What a chat tool says about an account the first time Ciment meets it: the name it shows, the email
 * address the tool gives, whether the account is a guest's, and the organisations the account is a member
 * of as the tool says (the Slack team id of the user's own workspace and, on Enterprise Grid, the enterprise
 * id; the Microsoft tenant id). The address links one person's Slack and Teams accounts only when one of those
 * organisations is trusted for its domain and the account is no guest's.
 */
public record Introduction(String displayName, Optional<String> email, boolean guest, List<String> organisations) {

    public Introduction {
        email = email.map(address -> address.strip().toLowerCase(Locale.ROOT)).filter(address -> !address.isEmpty());
        organisations = organisations.stream().filter(Objects::nonNull).map(String::strip)
                .filter(id -> !id.isEmpty()).distinct().toList();
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
