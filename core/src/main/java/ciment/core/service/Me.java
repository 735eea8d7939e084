package ciment.core.service;

import ciment.core.model.Caller;
import ciment.core.model.Person;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Who sends a command: their chat account and request ({@link #caller()}), and the person behind it, looked
 * up only by the commands that use them (help needs no store at all) and then once.
 */
public final class Me {
    private final Caller caller;
    private final Supplier<Person> lookup;
    private Person person;

    Me(Caller caller, Supplier<Person> lookup) {
        this.caller = caller;
        this.lookup = lookup;
    }

    public Caller caller() {
        return caller;
    }

    /** The person, if a command has looked them up. */
    public Optional<Person> known() {
        return Optional.ofNullable(person);
    }

    /** The person as a command left them (a language chosen), for what is said after it. */
    public void now(Person changed) {
        person = changed;
    }

    public Person person() {
        if (person == null) {
            person = lookup.get();
        }
        return person;
    }
}
