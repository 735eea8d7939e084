package ciment.core.model;

import java.util.Locale;
import java.util.Objects;

/**
 * An email address Ciment believes, with the organisation that vouches for it: the Slack workspace or
 * enterprise, or the Microsoft tenant, trusted for the address's domain (CIMENT_TRUSTED_DOMAINS), of which the
 * account that gave the address is a member. Only such an address links chat accounts into one person.
 */
public record VouchedAddress(String email, String organisation) {
    public VouchedAddress {
        email = Objects.requireNonNull(email, "email").strip().toLowerCase(Locale.ROOT);
        Objects.requireNonNull(organisation, "organisation");
    }
}
