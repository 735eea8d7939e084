package ciment.core.service;

import ciment.core.i18n.Language;
import ciment.core.i18n.Message;
import ciment.core.model.Caller;
import ciment.core.model.ChatAccount;
import ciment.core.model.Introduction;
import ciment.core.model.Person;
import ciment.core.model.Refusal;
import ciment.core.model.Ulid;
import ciment.core.model.VouchedAddress;
import ciment.core.port.People;
import ciment.core.port.People.Holder;
import java.time.Clock;
import java.util.Optional;

/**
 * Finds the person behind a chat account. An account seen for the first time joins the person who holds its
 * email address, when {@link AddressTrust} vouches for it (one person across Slack and Teams), or becomes a
 * new person.
 */
public record Identity(People people, AddressTrust trust, Clock clock) {
    public Person personOf(Caller caller) {
        return people.find(caller.account()).orElseGet(() -> enroll(caller.account(), caller.introduction().get()));
    }

    /** An account Ciment has not met: linked by its vouched address to its person, or a new person. */
    Person enroll(ChatAccount account, Introduction introduction) {
        String name = introduction.displayName() == null || introduction.displayName().isBlank()
                ? account.userId() : introduction.displayName().strip();
        Optional<Language> said = introduction.locale().flatMap(Language::ofTag);
        Person fresh = new Person(Ulid.random(clock.instant()), name, introduction.guest()).hearing(said);
        if (!(trust.of(account, introduction) instanceof AddressTrust.Vouched vouched)) {
            return people.enroll(account, fresh, Optional.empty());
        }
        VouchedAddress address = vouched.address();
        Optional<Holder> holder = people.holderOf(address.email());
        if (holder.isEmpty()) {
            return people.enroll(account, fresh, Optional.of(address));
        }
        // A holder Ciment no longer believes about it (their organisation is not trusted for it any more) keeps
        // the claim, and the account stays apart.
        return trust.believable(holder.get()) ? people.link(account, holder.get().person().hearing(said))
                : people.enroll(account, fresh, Optional.empty());
    }

    /** The person an address names (approve, invite), or a refusal: {@link AddressTrust#named}. */
    Person named(String email) {
        return trust.named(email);
    }

    /** Who the caller is after whoami, and why their account is not linked by its address when it is not. */
    record Reintroduced(Person person, Optional<Message> unlinked) {
    }

    /**
     * Asks the chat tool again about the caller's account (whoami): a vouched address learnt since links this
     * person to the one who already holds it, merging the two.
     */
    Reintroduced reintroduce(Caller caller, Person person) {
        Introduction introduction;
        try {
            introduction = caller.introduction().get();
        } catch (Refusal chatToolDidNotAnswer) {
            return new Reintroduced(person, Optional.empty()); // whoami still shows what Ciment knows
        }
        if (person.guest()) {
            return unlinked(person, AddressTrust.GUEST); // a guest stays one, whatever the directory says now
        }
        return switch (trust.of(caller.account(), introduction)) {
            case AddressTrust.Unlinked unlinked -> unlinked(person, unlinked.why());
            case AddressTrust.Vouched vouched -> claim(person, vouched.address());
        };
    }

    private Reintroduced claim(Person person, VouchedAddress address) {
        return switch (people.claimEmail(person, address)) {
            case CLAIMED, ALREADY_THEIRS, HAS_ANOTHER -> new Reintroduced(person, Optional.empty());
            case TAKEN -> people.holderOf(address.email())
                    .filter(holder -> !holder.person().id().equals(person.id()))
                    .map(holder -> {
                        if (!trust.believable(holder)) {
                            return unlinked(person, AddressTrust.heldElsewhere(address.email()));
                        }
                        people.merge(person, holder.person());
                        return new Reintroduced(holder.person(), Optional.empty());
                    })
                    .orElse(new Reintroduced(person, Optional.empty()));
        };
    }

    private static Reintroduced unlinked(Person person, Message why) {
        return new Reintroduced(person, Optional.of(why));
    }
}
