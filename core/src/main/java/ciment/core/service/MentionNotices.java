package ciment.core.service;

import ciment.core.i18n.Message;
import ciment.core.model.Caller;
import ciment.core.model.Community;
import ciment.core.model.Follow;
import ciment.core.model.Notice;
import ciment.core.model.Person;
import ciment.core.model.Post;
import ciment.core.model.Refusal;
import ciment.core.model.Text;
import ciment.core.model.Ulid;
import ciment.core.port.Communities;
import ciment.core.port.Follows;
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
 * so a retried request, or an edit that keeps the mention, never tells them twice. Each mention costs lookups
 * (the person in the table, in Teams the Bot Connector's member lookup): a text naming more than
 * {@link #MAX_MENTIONED} people is refused by {@link #allow} before any is looked up, and before the post is
 * written. Someone told follows the thread from then on (one write), unless they muted it: then, or when they
 * asked for no notices, they are not told.
 */
record MentionNotices(Communities communities, People people, Notices notices, Addressees addressees,
        AddressTrust trust, Follows follows) {
    /**
     * At most this many people are mentioned (so looked up, and told) per post: a post naming a crowd is not a
     * way to message everyone, nor to make Ciment look up hundreds of people.
     */
    static final int MAX_MENTIONED = 10;
    private static final Pattern EMAIL = Pattern.compile("(?<![\\w@])@([^@\\s<>]+@[^@\\s<>]+\\.[A-Za-z]{2,})");
    private static final int EXCERPT = 280;

    /**
     * Refuses a text that mentions more than {@link #MAX_MENTIONED} people, saying so and that {@code nothingDone}
     * (“nothing was posted”). The mentions are counted in the text as written: nobody is looked up here.
     */
    void allow(Caller caller, String text, Message nothingDone) {
        int count = caller.directory().mentionsIn(text).size() + emailsIn(text).size();
        if (count > MAX_MENTIONED) {
            throw new Refusal(Message.of("core.mentions.tooMany", MAX_MENTIONED, count, nothingDone));
        }
    }

    void notify(Person author, Caller caller, Post post) {
        Set<Person> mentioned = new LinkedHashSet<>();
        // Never more lookups than allow lets through, whoever calls.
        for (String token : caller.directory().mentionsIn(post.text()).stream().limit(MAX_MENTIONED).toList()) {
            caller.directory().accountOf(token).flatMap(people::find).ifPresent(mentioned::add);
        }
        for (String email : emailsIn(post.text()).stream().limit(MAX_MENTIONED).toList()) {
            // Only an address vouched for names someone: anyone else's profile may say any address.
            trust.holder(email).ifPresent(mentioned::add);
        }
        if (mentioned.isEmpty()) {
            return; // most posts mention nobody: they cost no read here
        }
        Optional<Community> community = communities.find(post.slug());
        if (community.isEmpty()) {
            return;
        }
        mentioned.stream().filter(person -> !person.id().equals(author.id()) && !person.erasing())
                .filter(person -> person.notices().mentions())
                .filter(person -> canRead(communities, person, community.get()))
                .limit(MAX_MENTIONED)
                .forEach(person -> tell(person, author, caller, post));
    }

    /** The addresses a text @mentions ({@code @ada@example.com}), lower case, each once. */
    private static Set<String> emailsIn(String text) {
        Set<String> emails = new LinkedHashSet<>();
        Matcher found = EMAIL.matcher(text);
        while (found.find()) {
            emails.add(found.group(1).toLowerCase(Locale.ROOT));
        }
        return emails;
    }

    /** Members read a community's posts; anyone but a guest not let in reads an open one's. */
    static boolean canRead(Communities communities, Person person, Community community) {
        if (communities.membership(community.id(), person.id()).isPresent()) {
            return true;
        }
        return community.open() && (!person.guest() || communities.invited(community.id(), person.id()));
    }

    private void tell(Person person, Person author, Caller caller, Post post) {
        addressees.direct(person, caller).ifPresent(to -> {
            Follow follow = new Follow(post.communityId(), post.isReply() ? post.rootId() : post.id(), person.id(),
                    Follow.State.FOLLOWING, caller.at(), post.id());
            if (!follows.followUnlessMuted(follow)) {
                return; // they muted this thread: it stays quiet, mentions in it too
            }
            Message text = Message.of("delivery.mention", Message.verbatim(author.displayName()), post.slug(),
                    post.reference(), Message.verbatim(Text.cut(post.text(), EXCERPT)));
            String id = Ulid.derived(post.createdAt(), "mention|" + post.id() + "|" + person.id());
            notices.send(Notice.told(id, to.to(), to.words(), text, caller.at()).about(post.reference()));
        });
    }
}
