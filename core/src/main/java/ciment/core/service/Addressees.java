package ciment.core.service;

import ciment.core.i18n.Catalogue;
import ciment.core.i18n.Language;
import ciment.core.model.Caller;
import ciment.core.model.Person;
import ciment.core.model.Platform;
import ciment.core.model.Recipient;
import ciment.core.port.People;
import java.util.List;
import java.util.Optional;

/**
 * Where Ciment tells a person something on its own (an answer to their request, an invitation, a mention, a budget
 * alert), and the language it says it in: the one the person chose, else the one the chat tool said the account
 * told uses, else the deployment's (CIMENT_DEFAULT_LANGUAGE).
 * <p>
 * Decided when the notice is written, not when it is delivered: addressing a notice reads the person and their
 * accounts already, and those items carry the chosen language and each account's chat language, so the language
 * costs no read (but for a join request's answer to someone who chose none: one read of the identity link they
 * asked from). At delivery it would cost a read of every notice's identity link. The text is kept in the outbox as
 * said, by a conditional put: a retried delivery sends the same words, a retried request writes nothing new.
 */
record Addressees(People people, Language fallback) {

    /** Who a notice goes to, and the words it is said in. */
    record Addressee(Recipient to, Catalogue words) {
    }

    /**
     * Someone told directly: on their account on the asker's chat tool if they have one, else another (a Teams
     * message then goes through the asker's Bot Connector when the asker is on Teams). Empty: no account.
     */
    Optional<Addressee> direct(Person person, Caller caller) {
        List<People.Linked> accounts = people.linked(person);
        Optional<People.Linked> linked = accounts.stream()
                .filter(a -> a.account().platform() == caller.account().platform()).findFirst()
                .or(() -> accounts.stream().findFirst());
        return linked.map(account -> {
            String serviceUrl = caller.replyTo() != null && account.account().platform() == caller.account().platform()
                    ? caller.replyTo().serviceUrl() : null;
            return new Addressee(Recipient.direct(account.account(), serviceUrl), words(person, account.chatLanguage()));
        });
    }

    /** Someone told directly on their account on {@code tool} if they have one, else another (an announcement). */
    Optional<Addressee> direct(Person person, Platform tool) {
        List<People.Linked> accounts = people.linked(person);
        return accounts.stream().filter(a -> a.account().platform() == tool).findFirst()
                .or(() -> accounts.stream().findFirst())
                .map(linked -> new Addressee(Recipient.direct(linked.account(), null), words(person, linked.chatLanguage())));
    }

    /** Someone told directly on their first account (a budget alert). Empty: no account. */
    Optional<Addressee> direct(Person person) {
        return people.linked(person).stream().findFirst()
                .map(linked -> new Addressee(Recipient.direct(linked.account(), null), words(person, linked.chatLanguage())));
    }

    /** Someone told where they asked (a join request's answer). */
    Addressee at(Person person, Recipient to) {
        return new Addressee(to, person.language().isPresent() ? words(person, Optional.empty())
                : words(person, people.find(to.account()).flatMap(Person::chatLanguage)));
    }

    private Catalogue words(Person person, Optional<Language> accountSaid) {
        return Catalogue.first(person.language(), accountSaid, Optional.of(fallback));
    }
}
