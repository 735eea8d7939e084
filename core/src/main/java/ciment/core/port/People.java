package ciment.core.port;

import ciment.core.model.ChatAccount;
import ciment.core.model.Person;
import ciment.core.model.Profile;
import ciment.core.model.Topic;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Who is behind a chat account. A person id is never a chat id, so linking accounts needs no migration. */
public interface People {

    enum Kind { ROLE, SKILL }

    Optional<Person> find(ChatAccount account);

    /**
     * Makes a person for an account seen for the first time. When two requests race, both get the
     * same person: the first registration wins.
     */
    Person register(ChatAccount account, Person person);

    /** The people with these ids that exist, in no particular order. */
    List<Person> people(Collection<String> personIds);

    /** What the person declared (empty lists when nothing). */
    Profile profile(Person person);

    /** Adds a role or skill (false when already there); the topic becomes findable by `who`. */
    boolean declare(Person person, Kind kind, Topic topic);

    /** Removes a role or skill (false when it was not there). */
    boolean withdraw(Person person, Kind kind, Topic topic);

    /** The people who declared this topic, as a role or a skill, by name. */
    List<Person> declaring(String topicKey);

    /** The chat accounts linked to a person. */
    List<ChatAccount> accounts(Person person);
}
