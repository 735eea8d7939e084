package ciment.core.model;

import java.util.List;
import java.util.Optional;

/**
 * What a person declares about themselves: functional roles ("onboarding buddy") and skills
 * ("accessibility"), as they typed them, and the email address that links their accounts. Never a
 * rank, never a count of anything they did.
 */
public record Profile(Person person, List<String> roles, List<String> skills, Optional<String> email) {
    /** The most roles, and the most skills, a person declares: both lists are kept on one item. */
    public static final int MAX_DECLARED = 30;

    public Profile {
        roles = List.copyOf(roles);
        skills = List.copyOf(skills);
    }

    public Profile(Person person, List<String> roles, List<String> skills) {
        this(person, roles, skills, Optional.empty());
    }

    public static Profile empty(Person person) {
        return new Profile(person, List.of(), List.of());
    }
}
