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

    enum EmailClaim { CLAIMED, ALREADY_THEIRS, TAKEN, HAS_ANOTHER }

    /**
     * Links an account seen for the first time to its person: the one who already holds its verified
     * email address, or else {@code fresh}, made now (with that address, when there is one). When two
     * requests race, both get the same person.
     */
    Person enroll(ChatAccount account, Person fresh, Optional<String> email);

    /** The person who holds this (lower-case) email address. */
    Optional<Person> findByEmail(String email);

    /**
     * Records a verified email address for a person who has none (CLAIMED). Nothing is written when they
     * hold it already (ALREADY_THEIRS), hold another (HAS_ANOTHER), or another person holds it (TAKEN:
     * the two are the same person, to be merged).
     */
    EmailClaim claimEmail(Person person, String email);

    /**
     * Makes {@code from} part of {@code into}: its chat accounts, memberships (a steward stays a steward),
     * join requests, invitations, roles and skills move over, nothing is lost, and {@code from}'s id
     * remains an alias of {@code into} (its posts keep it). Safe to run again if it was interrupted.
     */
    void merge(Person from, Person into);

    /** The people with these ids that exist, in no particular order. */
    List<Person> people(Collection<String> personIds);

    /** What the person declared (empty lists when nothing). */
    Profile profile(Person person);

    /**
     * The profiles of several people, in their order. A store that can read them in one request should:
     * the messaging extension's people search must answer within Teams' 5 seconds.
     */
    default List<Profile> profiles(List<Person> persons) {
        return persons.stream().map(this::profile).toList();
    }

    /** Adds a role or skill (false when already there); the topic becomes findable by `who`. */
    boolean declare(Person person, Kind kind, Topic topic);

    /** Removes a role or skill (false when it was not there). */
    boolean withdraw(Person person, Kind kind, Topic topic);

    /** The people who declared this topic, as a role or a skill, by name. */
    List<Person> declaring(String topicKey);

    /** The chat accounts linked to a person. */
    List<ChatAccount> accounts(Person person);
}
