package ciment.core.service;

import ciment.core.model.Community;
import ciment.core.model.Notice;
import ciment.core.model.Person;
import ciment.core.model.Post;
import ciment.core.model.Recipient;
import ciment.core.model.Ulid;
import ciment.core.port.Communities;
import ciment.core.port.Notices;
import ciment.core.port.People;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells the people a post @mentions, once each, by a direct message on their chat tool that names the post.
 * Only people who can read the post are told (members, and for an open community anyone but a guest who was
 * not let in); the author is never told about themselves. The notice's id comes from the post and the person,
 * so a retried request, or an edit that keeps the mention, never tells them twice.
 */
final class MentionNotices {
    /** At most this many people are told per post: a post naming a crowd is not a way to message everyone. */
    static final int MAX_TOLD = 10;
    private static final Pattern EMAIL = Pattern.compile("(?<![\\w@])@([^@\\s<>]+@[^@\\s<>]+\\.[A-Za-z]{2,})");
    private static final int EXCERPT = 280;

    private final Communities communities;
    private final People people;
    private final Notices notices;
    private final AddressTrust trust;

    MentionNotices(Communities communities, People people, Notices notices, AddressTrust trust) {
        this.communities = communities;
        this.people = people;
        this.notices = notices;
        this.trust = trust;
    }

    void notify(Person author, Caller caller, Post post) {
        Set<Person> mentioned = new LinkedHashSet<>();
        for (String token : caller.directory().mentionsIn(post.text())) {
            caller.directory().accountOf(token).flatMap(people::find).ifPresent(mentioned::add);
        }
        Matcher emails = EMAIL.matcher(post.text());
        while (emails.find()) {
            // Only an address vouched for names someone: anyone else's profile may say any address.
            trust.holder(emails.group(1).toLowerCase(Locale.ROOT)).ifPresent(mentioned::add);
        }
        if (mentioned.isEmpty()) {
            return; // most posts mention nobody: they cost no read here
        }
        Optional<Community> community = communities.find(post.slug());
        if (community.isEmpty()) {
            return;
        }
        mentioned.stream().filter(person -> !person.id().equals(author.id()) && !person.erasing())
                .filter(person -> canRead(person, community.get()))
                .limit(MAX_TOLD)
                .forEach(person -> tell(person, author, caller, post));
    }

    private boolean canRead(Person person, Community community) {
        if (communities.membership(community.id(), person.id()).isPresent()) {
            return true;
        }
        return community.open() && (!person.guest() || communities.invited(community.id(), person.id()));
    }

    private void tell(Person person, Person author, Caller caller, Post post) {
        Recipient to = DirectRecipient.of(people, person, caller);
        if (to == null) {
            return;
        }
        String text = author.displayName() + " mentioned you in " + post.slug() + " (" + post.reference() + "): “"
                + excerpt(post.text()) + "” Open it with thread " + post.reference() + ".";
        String id = Ulid.derived(post.createdAt(), "mention|" + post.id() + "|" + person.id());
        notices.send(Notice.aboutPost(id, to, text, caller.at(), post.reference()));
    }

    private static String excerpt(String text) {
        return text.codePointCount(0, text.length()) <= EXCERPT ? text
                : text.substring(0, text.offsetByCodePoints(0, EXCERPT - 1)) + "…";
    }
}
