package ciment.core.service;

import ciment.core.Refusal;
import ciment.core.model.ChatAccount;
import ciment.core.model.Introduction;
import ciment.core.model.Person;
import ciment.core.model.Ulid;
import ciment.core.port.People;
import java.time.Clock;
import java.util.Optional;

/**
 * Finds the person behind a chat account. An account seen for the first time joins the person who
 * holds its verified email address (one person across Slack and Teams), or becomes a new person.
 */
final class Identity {
    private final People people;
    private final Clock clock;

    Identity(People people, Clock clock) {
        this.people = people;
        this.clock = clock;
    }

    Person personOf(Caller caller) {
        return people.find(caller.account()).orElseGet(() -> enroll(caller.account(), caller.introduction().get()));
    }

    /** An account Ciment has not met: linked by email to its person, or a new person. */
    Person enroll(ChatAccount account, Introduction introduction) {
        String name = introduction.displayName() == null || introduction.displayName().isBlank()
                ? account.userId() : introduction.displayName().strip();
        Person fresh = new Person(Ulid.random(clock.instant()), name, introduction.guest());
        return people.enroll(account, fresh, introduction.email());
    }

    /**
     * Asks the chat tool again about the caller's account (whoami): a verified email address learnt
     * since links this person to the one who already holds it, merging the two. Returns who the caller
     * is now.
     */
    Person reintroduce(Caller caller, Person person) {
        Optional<String> email;
        try {
            email = caller.introduction().get().email();
        } catch (Refusal chatToolDidNotAnswer) {
            return person; // whoami still shows what Ciment knows
        }
        if (email.isEmpty()) {
            return person;
        }
        return switch (people.claimEmail(person, email.get())) {
            case CLAIMED, ALREADY_THEIRS, HAS_ANOTHER -> person;
            case TAKEN -> people.findByEmail(email.get())
                    .filter(owner -> !owner.id().equals(person.id()))
                    .map(owner -> {
                        people.merge(person, owner);
                        return owner;
                    })
                    .orElse(person);
        };
    }
}
