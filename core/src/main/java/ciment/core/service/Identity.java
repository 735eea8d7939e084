package ciment.core.service;

import ciment.core.model.ChatAccount;
import ciment.core.model.Person;
import ciment.core.model.Ulid;
import ciment.core.port.People;
import java.time.Clock;

/** Finds the person behind a chat account, making one the first time the account is seen. */
final class Identity {
    private final People people;
    private final Clock clock;

    Identity(People people, Clock clock) {
        this.people = people;
        this.clock = clock;
    }

    Person personOf(Caller caller) {
        ChatAccount account = caller.account();
        return people.find(account).orElseGet(() -> people.register(account,
                new Person(Ulid.random(clock.instant()), nameOrId(caller))));
    }

    private static String nameOrId(Caller caller) {
        String name = caller.displayName().get();
        return name == null || name.isBlank() ? caller.account().userId() : name.strip();
    }
}
