package ciment.core.service;

import ciment.core.i18n.Language;
import ciment.core.i18n.Message;
import ciment.core.model.Community;
import ciment.core.model.Follow;
import ciment.core.model.Notice;
import ciment.core.model.Person;
import ciment.core.model.Post;
import ciment.core.model.Text;
import ciment.core.model.Ulid;
import ciment.core.port.Communities;
import ciment.core.port.Conversations;
import ciment.core.port.Follows;
import ciment.core.port.Notices;
import ciment.core.port.People;
import ciment.core.port.Repositories;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Tells the followers of a thread that something happened in it: a reply, an accepted answer, an edit of its
 * question. Run by the delivery function of the tool the change came from, for the table's stream record of the
 * change, so each change is told once and the request that made it waits for nothing.
 * <p>
 * Who follows is read then, not written when they post: the thread's first post's author and its repliers (one
 * Query of the thread), and who followed or muted it by their own say (one Query); a mute holds over the rest.
 * Never told: the writer of the change, someone who cannot read the thread any more, someone erasing, someone
 * who asked for fewer notices. A follower is told once per {@link #WINDOW}: the first change marks them told
 * (a conditional update), the next ones within the window are folded into that notice; the notice's id comes from
 * the thread, the person and the change, so a retried record tells nothing new. Writes per follower told: 2 (the
 * mark, the notice).
 */
public final class FollowUps {
    /** Changes in a thread within this time of a notice are folded into it. */
    public static final Duration WINDOW = Duration.ofMinutes(5);
    private static final int EXCERPT = 280;

    private final Communities communities;
    private final People people;
    private final Conversations conversations;
    private final Follows follows;
    private final Notices notices;
    private final Addressees addressees;
    private final Clock clock;

    FollowUps(Communities communities, People people, Conversations conversations, Follows follows, Notices notices,
            Addressees addressees, Clock clock) {
        this.communities = communities;
        this.people = people;
        this.conversations = conversations;
        this.follows = follows;
        this.notices = notices;
        this.addressees = addressees;
        this.clock = clock;
    }

    /** Over the store, a notice said in {@code fallback} to whoever's language is not known. */
    public static FollowUps over(Repositories store, Language fallback, Clock clock) {
        return new FollowUps(store.communities(), store.people(), store.conversations(), store.follows(),
                store.notices(), new Addressees(store.people(), fallback), clock);
    }

    /** What a change of a thread's item is to its followers (empty: nothing to tell). */
    record Change(String id, String rootId, String writerId, Instant at, Kind kind) {
        enum Kind { REPLY, ANSWER, EDIT }
    }

    /** A post or reply made or changed ({@code before}: as it was, empty when new): its followers told. */
    public void changed(Optional<Post> before, Post now) {
        changeOf(before, now).ifPresent(change -> tell(change, now));
    }

    /** A new reply; a question whose answer was accepted; a question whose words its author changed. */
    static Optional<Change> changeOf(Optional<Post> before, Post now) {
        if (now.isRemoved() || now.isHidden()) {
            return Optional.empty();
        }
        if (now.isReply()) {
            return before.isEmpty() ? Optional.of(new Change("reply|" + now.id(), now.rootId(), now.authorId(),
                    now.createdAt(), Change.Kind.REPLY)) : Optional.empty();
        }
        if (before.isEmpty() || !now.isQuestion() || before.get().isRemoved() || before.get().isHidden()) {
            return Optional.empty();
        }
        String answer = now.marks().answerId();
        if (answer != null && !answer.equals(before.get().marks().answerId())) {
            // Only the asker accepts an answer: they are its writer.
            return Optional.of(new Change("answer|" + answer, now.id(), now.authorId(), now.createdAt(),
                    Change.Kind.ANSWER));
        }
        if (!Objects.equals(before.get().text(), now.text())) {
            return Optional.of(new Change("edit|" + now.id() + "|" + Integer.toHexString(now.text().hashCode()),
                    now.id(), now.authorId(), now.createdAt(), Change.Kind.EDIT));
        }
        return Optional.empty();
    }

    private void tell(Change change, Post changed) {
        List<Post> thread = conversations.thread(changed.communityId(), change.rootId());
        if (thread.isEmpty() || thread.get(0).isRemoved() || thread.get(0).isHidden()) {
            return;
        }
        Optional<Community> community = communities.find(changed.slug());
        if (community.isEmpty()) {
            return;
        }
        Set<String> followers = followersOf(thread, follows.of(changed.communityId(), change.rootId()), changed.id());
        followers.remove(change.writerId());
        if (followers.isEmpty()) {
            return;
        }
        Post root = thread.get(0);
        Post about = change.kind() == Change.Kind.ANSWER ? thread.stream()
                .filter(p -> p.id().equals(root.marks().answerId())).findFirst().orElse(root) : changed;
        Instant now = clock.instant();
        for (Person person : people.people(followers)) {
            if (!person.erasing() && person.notices().followUps()
                    && MentionNotices.canRead(communities, person, community.get())) {
                tell(person, change, root, about, now);
            }
        }
    }

    /**
     * Who posted or replied, and who followed by their own say or by a mention; minus who muted it, and who the
     * changed post itself mentions (its mention told them already).
     */
    private static Set<String> followersOf(List<Post> thread, Map<String, Follow> said, String changedPostId) {
        Set<String> followers = new LinkedHashSet<>();
        thread.stream().map(Post::authorId).filter(Objects::nonNull).forEach(followers::add);
        said.values().stream().filter(follow -> !follow.muted()).forEach(follow -> followers.add(follow.personId()));
        said.values().stream().filter(follow -> follow.muted() || changedPostId.equals(follow.via()))
                .forEach(follow -> followers.remove(follow.personId()));
        return followers;
    }

    private void tell(Person person, Change change, Post root, Post about, Instant now) {
        addressees.direct(person).ifPresent(to -> {
            if (!follows.markTold(root.communityId(), root.id(), person.id(), change.id(), now, now.minus(WINDOW))) {
                return; // told of this thread moments ago: that notice covers this change
            }
            Message text = Message.of("follows.notice." + change.kind().name().toLowerCase(Locale.ROOT),
                    Message.verbatim(about.authorName()), root.slug(), root.reference(),
                    Message.verbatim(Text.cut(root.text(), EXCERPT)), Message.verbatim(Text.cut(about.text(), EXCERPT)));
            String id = Ulid.derived(change.at(), "follow|" + root.id() + "|" + person.id() + "|" + change.id());
            notices.send(Notice.told(id, to.to(), to.words(), text, now).about(root.reference()));
        });
    }
}
