package ciment.core.port;

import ciment.core.i18n.Language;
import ciment.core.model.ChatAccount;
import ciment.core.model.NoticeLevel;
import ciment.core.model.Person;
import ciment.core.model.Profile;
import ciment.core.model.Topic;
import ciment.core.model.VouchedAddress;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Who is behind a chat account. A person id is never a chat id, so linking accounts needs no migration. */
public interface People {

    enum Kind { ROLE, SKILL }

    Optional<Person> find(ChatAccount account);

    enum EmailClaim { CLAIMED, ALREADY_THEIRS, TAKEN, HAS_ANOTHER }

    /**
     * Makes a person of an account seen for the first time: {@code fresh}, made now, holding the address when
     * one is given. An address held by nobody, or only by a claim that no organisation vouched for (made before
     * addresses were vouched for), becomes fresh's; when another person claimed it meanwhile, the account is
     * linked to them. When two requests race, both get the same person.
     */
    Person enroll(ChatAccount account, Person fresh, Optional<VouchedAddress> address);

    /**
     * Links an account seen for the first time to a person who exists (one holding the address it vouched
     * for); when another request linked the account first, the person it was linked to is returned.
     */
    Person link(ChatAccount account, Person person);

    /** Who holds a (lower-case) address by a vouched claim, and the organisation that vouched for it. */
    record Holder(Person person, VouchedAddress address) {
    }

    /** The person who holds this address by a vouched claim (following merges); empty for any other claim. */
    Optional<Holder> holderOf(String email);

    /**
     * Records a vouched address for a person who holds none that is vouched (CLAIMED). Nothing is written
     * when they hold it already (ALREADY_THEIRS), hold another (HAS_ANOTHER), or another person holds it
     * by a vouched claim (TAKEN: the two may be the same person, to be merged).
     */
    EmailClaim claimEmail(Person person, VouchedAddress address);

    /**
     * Makes {@code from} part of {@code into}: its chat accounts, memberships (a steward stays a steward),
     * join requests, invitations, roles and skills move over, nothing is lost, and {@code from}'s id
     * remains an alias of {@code into} (its posts keep it). A guest stays a guest: an account that was a
     * guest's, or that joins a guest, is a guest's afterwards. Safe to run again if it was interrupted.
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
    default List<ChatAccount> accounts(Person person) {
        return linked(person).stream().map(Linked::account).toList();
    }

    /**
     * A chat account linked to a person, with the language its chat tool said it uses when Ciment met it (empty:
     * it said none): a notice to the account is said in it when the person chose no language.
     */
    record Linked(ChatAccount account, Optional<Language> chatLanguage) {
    }

    /** The chat accounts linked to a person, each with its chat language: as {@link #accounts}, the same read. */
    List<Linked> linked(Person person);

    /** Keeps the language the person chose (empty: their chat tool's) on their profile and on each of their accounts. */
    void chooseLanguage(Person person, Optional<Language> language);

    /** Keeps what the person is told on their own, as their language is: on their profile and each account. */
    void chooseNotices(Person person, NoticeLevel level);
}
