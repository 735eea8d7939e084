package ciment.core.service;

import ciment.core.i18n.Language;
import ciment.core.i18n.Message;
import ciment.core.model.Community;
import ciment.core.model.Person;
import ciment.core.model.Profile;
import ciment.core.model.Topic;
import ciment.core.port.Communities;
import ciment.core.port.People;
import ciment.core.reply.Reply;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** What people say about themselves (roles and skills), and finding colleagues by it. */
public record ProfileActions(People people, Communities communities) {
    static final int FOUND_LIMIT = 25;

    public Profile profile(Person person) {
        return people.profile(person);
    }

    public Reply me(Person person) {
        return me(person, Optional.empty());
    }

    /** @param unlinked why the caller's account is not linked by its address (whoami), when it is not */
    public Reply me(Person person, Optional<Message> unlinked) {
        return new Reply.Me(people.profile(person), people.accounts(person), unlinked);
    }

    /**
     * The language the person reads Ciment in, on all their accounts, from now on; empty: their chat tool's
     * again. The answer is said in it.
     */
    public Reply chooseLanguage(Me me, Optional<Language> language) {
        Person person = me.person();
        people.chooseLanguage(person, language);
        me.now(person.choosing(language));
        return new Reply.Done(language.map(chosen -> Message.of("core.language.chosen",
                Message.of("language.name." + chosen.code()))).orElse(Message.of("core.language.auto")));
    }

    public Reply declare(Person person, People.Kind kind, Topic topic, boolean add) {
        String what = kind == People.Kind.ROLE ? "roles" : "skills"; // the key's last word, the command's word
        if (add) {
            Profile profile = people.profile(person);
            int declaredAlready = (kind == People.Kind.ROLE ? profile.roles() : profile.skills()).size();
            if (declaredAlready >= Profile.MAX_DECLARED) {
                return new Reply.Refused(Message.of("core.declare.full." + what, declaredAlready));
            }
            return people.declare(person, kind, topic)
                    ? new Reply.Done(Message.of("core.declare.added." + what, Message.verbatim(topic.text())))
                    : new Reply.Refused(Message.of("core.declare.already." + what, Message.verbatim(topic.text())));
        }
        return people.withdraw(person, kind, topic)
                ? new Reply.Done(Message.of("core.declare.removed." + what, Message.verbatim(topic.text())))
                : new Reply.Refused(Message.of("core.declare.absent." + what, Message.verbatim(topic.text())));
    }

    /** People by name (never ranked) and the communities tagged with the topic, open or closed but not archived. */
    public Reply who(Person asker, Topic topic) {
        if (asker.guest()) {
            return new Reply.Refused(Message.of("core.search.guest"));
        }
        List<Reply.Found> found = people.declaring(topic.key()).stream()
                .sorted(Comparator.comparing(Person::displayName, String.CASE_INSENSITIVE_ORDER))
                .limit(FOUND_LIMIT)
                .map(person -> new Reply.Found(person, people.accounts(person)))
                .toList();
        List<Community> tagged = communities.catalog().stream()
                .filter(c -> !c.archived() && c.tags().contains(topic.key()))
                .sorted(Comparator.comparing(Community::slug))
                .toList();
        return new Reply.Who(topic.text(), found, tagged);
    }

}
