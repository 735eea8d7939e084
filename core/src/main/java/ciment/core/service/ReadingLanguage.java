package ciment.core.service;

import ciment.core.i18n.Catalogue;
import ciment.core.i18n.Language;
import ciment.core.model.Caller;
import ciment.core.model.Person;
import ciment.core.port.People;
import java.util.Optional;

/**
 * The language a person reads Ciment in: the one they chose ({@code language fr}), else the one their chat tool
 * says for this request (Teams), else the one it said when Ciment met their account (Slack's users.info), else
 * the deployment's.
 */
public final class ReadingLanguage {
    private final People people;
    private final Language fallback;

    ReadingLanguage(People people, Language fallback) {
        this.people = people;
        this.fallback = fallback;
    }

    /** For a conversation rather than a person: the language the chat tool says it is in, else the deployment's. */
    public Catalogue ofLocale(String locale) {
        return Catalogue.first(Language.ofTag(locale), Optional.of(fallback));
    }

    /** For a caller whose person may already have been looked up; else found (never enrolled: help writes nothing). */
    public Catalogue of(Caller caller, Optional<Person> known) {
        Optional<Person> person = known.isPresent() ? known : people.find(caller.account());
        return Catalogue.first(person.flatMap(Person::language), Language.ofTag(caller.locale()),
                person.flatMap(Person::chatLanguage), Optional.of(fallback));
    }
}
