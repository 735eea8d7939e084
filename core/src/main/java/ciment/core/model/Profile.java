package ciment.core.model;

import java.util.List;
import java.util.Optional;

/**
 * What a person declares about themselves: functional roles ("onboarding buddy") and skills
 * ("accessibility"), as they typed them, and the email address Ciment holds for them. Never a rank, never
 * a count of anything they did.
 *
 * @param vouchedBy the organisation that vouched for the address ({@link VouchedAddress}); empty for an address
 *                  recorded before addresses were vouched for, which links nothing and names no role
 */
public record Profile(Person person, List<String> roles, List<String> skills, Optional<String> email,
        Optional<String> vouchedBy) {
    public Profile {
        roles = List.copyOf(roles);
        skills = List.copyOf(skills);
        vouchedBy = email.isPresent() ? vouchedBy : Optional.empty();
    }

    public Profile(Person person, List<String> roles, List<String> skills, Optional<String> email) {
        this(person, roles, skills, email, Optional.empty());
    }

    public Profile(Person person, List<String> roles, List<String> skills) {
        this(person, roles, skills, Optional.empty());
    }

    public static Profile empty(Person person) {
        return new Profile(person, List.of(), List.of());
    }

    /** The address with the organisation that vouched for it, when it was. */
    public Optional<VouchedAddress> vouchedAddress() {
        return email.flatMap(address -> vouchedBy.map(organisation -> new VouchedAddress(address, organisation)));
    }
}
