package ciment.core.model;

import java.util.List;

/**
 * What a person declares about themselves: functional roles ("onboarding buddy") and skills
 * ("accessibility"), as they typed them. Never a rank, never a count of anything they did.
 */
public record Profile(Person person, List<String> roles, List<String> skills) {
    public Profile {
        roles = List.copyOf(roles);
        skills = List.copyOf(skills);
    }

    public static Profile empty(Person person) {
        return new Profile(person, List.of(), List.of());
    }
}
