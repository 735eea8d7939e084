package ciment.core.testing;

import ciment.core.model.ChatAccount;
import ciment.core.model.Community;
import ciment.core.model.Invitation;
import ciment.core.model.Membership;
import ciment.core.model.Person;
import ciment.core.model.Post;
import ciment.core.model.Slug;
import ciment.core.port.Digests;
import ciment.core.port.PersonalRecords;
import ciment.core.privacy.PersonalData;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** A person's data collected and erased in memory, across everything the other repositories keep. */
final class InMemoryPersonalRecords implements PersonalRecords {
    private final InMemoryTable table;
    private final InMemoryCommunities communities;
    private final InMemoryPeople people;
    private boolean interruptNextErase;

    InMemoryPersonalRecords(InMemoryTable table, InMemoryCommunities communities, InMemoryPeople people) {
        this.table = table;
        this.communities = communities;
        this.people = people;
    }

    /** The next erase stops (throws) right after marking the person, as a Lambda timing out would. */
    void interruptNextErase() {
        synchronized (table) {
            interruptNextErase = true;
        }
    }

    @Override
    public Optional<PersonalData> personalData(String personId) {
        synchronized (table) {
            Optional<Person> person = table.byPersonId(personId);
            if (person.isEmpty()) {
                return Optional.empty();
            }
            Set<String> ids = table.withAliases(personId);
            List<ChatAccount> accounts = people.accounts(person.get());
            return Optional.of(new PersonalData(people.profile(person.get()), accounts,
                    communities.membershipsOf(personId),
                    table.requests.values().stream().filter(r -> ids.contains(r.personId())).toList(),
                    table.invitations.values().stream().filter(i -> ids.contains(i.personId())).toList(),
                    Stream.concat(table.posts.values().stream(), table.replies.values().stream())
                            .filter(p -> !p.isRemoved() && (ids.contains(p.authorId())
                                    || table.credited(accounts).contains(p.id())))
                            .sorted(Comparator.comparing(Post::id)).toList(),
                    ids.stream().filter(id -> !id.equals(personId)).sorted().toList(),
                    table.reactions.stream().map(key -> key.split("#", 3))
                            .filter(parts -> ids.contains(parts[2]))
                            .map(parts -> new PersonalData.Reaction(parts[0], parts[1])).sorted(Comparator
                                    .comparing(PersonalData.Reaction::postId).thenComparing(PersonalData.Reaction::emoji))
                            .toList(),
                    ids.stream().flatMap(id -> table.grants.getOrDefault(id, Set.of()).stream())
                            .map(g -> g.name().toLowerCase(Locale.ROOT)).distinct().sorted().toList(),
                    List.of(), // follows: the in-memory store keeps none for export, as before
                    Optional.ofNullable(table.digests.get(personId)).map(Digests.Subscriber::exported).orElse(Map.of())));
        }
    }

    @Override
    public void credit(ChatAccount author, Post post) {
        synchronized (table) {
            table.credits.computeIfAbsent(author, account -> new HashSet<>()).add(post.id());
            table.writes++;
        }
    }

    @Override
    public Erased erase(Person person) {
        synchronized (table) {
            Set<String> ids = table.withAliases(person.id());
            table.people.replaceAll((account, p) -> ids.contains(p.id())
                    ? new Person(p.id(), p.displayName(), p.guest(), true) : p);
            table.writes++;
            if (interruptNextErase) {
                interruptNextErase = false;
                throw new IllegalStateException("erase of " + person.id() + " interrupted");
            }
            // Memberships first, as in the table: a last steward stops the erasure before anything else goes.
            List<Membership> theirs = table.memberships.values().stream().filter(m -> ids.contains(m.personId())).toList();
            List<Slug> lastStewardOf = theirs.stream()
                    .filter(m -> m.isSteward() && table.byId(m.communityId()).stewardCount() <= 1)
                    .map(Membership::slug).sorted().toList();
            if (!lastStewardOf.isEmpty()) {
                return new Erased(lastStewardOf);
            }
            theirs.forEach(m -> communities.leave(m.communityId(), m.personId()));
            removePosts(ids);
            forgetEverythingElse(ids);
            table.writes++;
            return Erased.DONE;
        }
    }

    /** Their posts go, and the posts others saved with their words. */
    private void removePosts(Set<String> ids) {
        Set<String> creditedIds = table.credited(table.people.entrySet().stream()
                .filter(e -> ids.contains(e.getValue().id())).map(Map.Entry::getKey).toList());
        Predicate<Post> theirsToRemove = p -> p.authorId() != null
                && (ids.contains(p.authorId()) || creditedIds.contains(p.id()));
        table.posts.replaceAll((id, p) -> theirsToRemove.test(p) ? p.asRemoved() : p);
        // As in the table: an erased reply's words leave its thread's first post; reactions go, counts stay.
        table.replies.values().stream().filter(theirsToRemove).forEach(r -> {
            Post root = table.posts.get(r.rootId());
            if (root != null && r.preview().equals(root.latestReply())) {
                table.posts.put(root.id(), root.withReplies(root.replyCount(), null));
            }
        });
        table.replies.replaceAll((id, p) -> theirsToRemove.test(p) ? p.asRemoved() : p);
    }

    private void forgetEverythingElse(Set<String> ids) {
        table.people.forEach((account, p) -> {
            if (ids.contains(p.id())) {
                table.credits.remove(account);
            }
        });
        table.reactions.removeIf(key -> ids.contains(key.substring(key.lastIndexOf('#') + 1)));
        table.requests.values().removeIf(r -> ids.contains(r.personId()));
        table.invitations.values().removeIf(i -> ids.contains(i.personId()));
        table.invitations.replaceAll((key, i) -> ids.contains(i.invitedBy())
                ? new Invitation(i.communityId(), i.slug(), i.personId(), "", i.at()) : i);
        table.communities.replaceAll((slug, c) -> ids.contains(c.createdBy()) ? new Community(c.id(), c.slug(), c.name(),
                c.purpose(), c.tags(), c.open(), c.archived(), c.memberCount(), c.stewardCount(), "", c.createdAt(),
                c.welcome()) : c);
        ids.forEach(table.declared::remove);
        ids.forEach(table.grants::remove);
        ids.forEach(table.digests::remove);
        table.emails.values().removeIf(ids::contains);
        table.vouchers.keySet().retainAll(table.emails.keySet());
        table.mergedInto.keySet().removeIf(ids::contains);
        Set<ChatAccount> accounts = new HashSet<>();
        table.people.forEach((account, p) -> {
            if (ids.contains(p.id())) {
                accounts.add(account);
            }
        });
        table.outbox.removeIf(n -> accounts.contains(n.to().account()));
        table.people.keySet().removeAll(accounts);
    }
}
