package ciment.core.port;

import ciment.core.model.ChatAccount;
import ciment.core.model.Person;
import java.util.Optional;

/** Who is behind a chat account. A person id is never a chat id, so linking accounts needs no migration. */
public interface People {

    Optional<Person> find(ChatAccount account);

    /**
     * Makes a person for an account seen for the first time. When two requests race, both get the
     * same person: the first registration wins.
     */
    Person register(ChatAccount account, Person person);
}
