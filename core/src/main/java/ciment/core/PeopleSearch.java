package ciment.core;

import ciment.core.i18n.Message;
import ciment.core.model.ChatAccount;
import ciment.core.model.Person;
import ciment.core.model.Profile;
import ciment.core.model.Refusal;
import ciment.core.model.Topic;
import ciment.core.port.People;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Finding colleagues by a role or skill they declared, for a search box that must answer at once (the
 * Teams messaging extension: 5 seconds, no chat API call). It only reads: the asker must be someone
 * Ciment has met, and is never enrolled here. People come by name, never ranked, with what they
 * declared and the address that reaches them; their chat accounts are read only when there is no address.
 */
public final class PeopleSearch {
    static final int LIMIT = 25;

    /** A person found: what they declared (and their email address when known), and, without one, their accounts. */
    public record Found(Person person, Profile profile, List<ChatAccount> accounts) {
        public Found {
            accounts = List.copyOf(accounts);
        }
    }

    private final People people;

    public PeopleSearch(People people) {
        this.people = people;
    }

    /**
     * @throws Refusal when the asker is unknown, a guest (who, by words, is refused the same way), or the
     *                 query is no topic
     */
    public List<Found> find(ChatAccount asker, String query) {
        Person me = people.find(asker).orElseThrow(() -> new Refusal(Message.of("core.search.unknownAsker")));
        if (me.guest()) {
            throw new Refusal(Message.of("core.search.guest"));
        }
        Topic topic = Topic.of(query);
        List<Person> declaring = people.declaring(topic.key()).stream()
                .sorted(Comparator.comparing(Person::displayName, String.CASE_INSENSITIVE_ORDER))
                .limit(LIMIT)
                .toList();
        List<Profile> profiles = people.profiles(declaring);
        List<Found> found = new ArrayList<>();
        for (Profile profile : profiles) {
            // A vouched address reaches them; any other could be anyone's (issue 14), so their accounts are read.
            List<ChatAccount> accounts = profile.vouchedAddress().isPresent() ? List.of()
                    : people.accounts(profile.person());
            found.add(new Found(profile.person(), profile, accounts));
        }
        return found;
    }
}
