package ciment.core.service;

import ciment.core.config.Settings;
import ciment.core.config.TrustedDomains;
import ciment.core.model.Grant;
import ciment.core.model.Person;
import ciment.core.port.Grants;
import ciment.core.port.People;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who holds the admin and finance roles: the people named at deployment by email (CIMENT_ADMIN_EMAILS,
 * CIMENT_FINANCE_EMAILS, matched without regard to case against the address Ciment holds for them, when a
 * workspace or tenant still trusted for its domain vouched for it: {@link AddressTrust}), and those an admin
 * granted a role to.
 */
public final class Roles {
    static final String ADMIN_EMAILS = "CIMENT_ADMIN_EMAILS";
    static final String FINANCE_EMAILS = "CIMENT_FINANCE_EMAILS";

    private final People people;
    private final Grants grants;
    private final Named named;
    private final AddressTrust trust;

    /**
     * The addresses named at deployment, in lower case, and which organisations are believed about addresses
     * (CIMENT_TRUSTED_DOMAINS): an address names a role only when one of them vouched for it.
     */
    public record Named(Set<String> admins, Set<String> finance, TrustedDomains trusted) {
        public static final Named NONE = new Named(Set.of(), Set.of(), TrustedDomains.NONE);

        public Named {
            admins = lower(admins);
            finance = lower(finance);
        }

        public static Named fromSettings(Settings settings) {
            return new Named(emails(settings.get(ADMIN_EMAILS)), emails(settings.get(FINANCE_EMAILS)),
                    TrustedDomains.fromSettings(settings));
        }

        Set<String> of(Grant grant) {
            return grant == Grant.ADMIN ? admins : finance;
        }

        private static Set<String> emails(Optional<String> list) {
            return list.map(text -> Arrays.stream(text.split("[,;\\s]+")).filter(e -> !e.isBlank())
                    .collect(Collectors.toSet())).orElse(Set.of());
        }

        private static Set<String> lower(Set<String> emails) {
            return emails.stream().map(e -> e.strip().toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        }
    }

    public Roles(People people, Grants grants, Named named) {
        this(people, grants, named, new AddressTrust(people, named.trusted()));
    }

    Roles(People people, Grants grants, Named named, AddressTrust trust) {
        this.people = people;
        this.grants = grants;
        this.named = named;
        this.trust = trust;
    }

    /** The person's roles: granted (one read), or named by email (one more read, only when any are named). */
    public Set<Grant> of(Person person) {
        Set<Grant> held = EnumSet.noneOf(Grant.class);
        held.addAll(grants.grantsOf(person.id()));
        if (held.size() < Grant.values().length && !(named.admins().isEmpty() && named.finance().isEmpty())) {
            trust.roleAddress(people.profile(person)).map(e -> e.toLowerCase(Locale.ROOT)).ifPresent(email -> {
                for (Grant grant : Grant.values()) {
                    if (named.of(grant).contains(email)) {
                        held.add(grant);
                    }
                }
            });
        }
        return held;
    }

    /** Whoever sees every community's costs: finance, and admins. */
    boolean seesAllCosts(Person person) {
        Set<Grant> held = of(person);
        return held.contains(Grant.FINANCE) || held.contains(Grant.ADMIN);
    }

    /**
     * The people who hold a role: granted, or named by an address that a person Ciment knows holds, vouched for
     * (someone named who never used Ciment has no chat account to be told on).
     */
    public List<Person> holders(Grant grant) {
        Set<String> ids = new LinkedHashSet<>(grants.holders(grant));
        for (String email : named.of(grant).stream().sorted().toList()) {
            trust.holder(email).ifPresent(person -> ids.add(person.id()));
        }
        return people.people(ids).stream().filter(person -> !person.erasing()).toList();
    }
}
