package ciment.core.testing;

import ciment.core.model.AuditEntry;
import ciment.core.model.Channel;
import ciment.core.model.ChatAccount;
import ciment.core.model.Community;
import ciment.core.model.Invitation;
import ciment.core.model.JoinRequest;
import ciment.core.model.Link;
import ciment.core.model.Membership;
import ciment.core.model.Notice;
import ciment.core.model.Person;
import ciment.core.model.Platform;
import ciment.core.model.Post;
import ciment.core.model.PostRef;
import ciment.core.model.Profile;
import ciment.core.model.Role;
import ciment.core.model.Slug;
import ciment.core.model.Topic;
import ciment.core.model.VouchedAddress;
import ciment.core.port.Posts;
import ciment.core.port.Store;
import ciment.core.privacy.PersonalData;
import java.util.HashSet;
import java.util.Set;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A store in memory, for tests of pure domain logic. The real store (DynamoDB) is tested against
 * the same behaviour on moto's server in the infra module.
 */
public final class InMemoryStore implements Store {
    private final Map<Slug, Community> communities = new TreeMap<>();
    private final Map<String, Membership> memberships = new HashMap<>();
    private final Map<String, Post> posts = new HashMap<>();
    private final TestSeal seal = new TestSeal();
    /** Replies by id, apart from posts as in the table (feeds read first posts only). */
    private final Map<String, Post> replies = new HashMap<>();
    /** "postId#emoji#personId" of each reaction. */
    private final Set<String> reactions = new HashSet<>();
    private final List<AuditEntry> audits = new ArrayList<>();
    private final Map<ChatAccount, Person> people = new HashMap<>();
    private final Map<String, JoinRequest> requests = new LinkedHashMap<>();
    private final Map<String, Invitation> invitations = new LinkedHashMap<>();
    private final Map<String, String> emails = new HashMap<>();
    /** Address to the organisation that vouched for it (none: claimed before vouching). */
    private final Map<String, String> vouchers = new HashMap<>();
    private final Map<String, String> mergedInto = new HashMap<>();
    /** The ids of the posts saved with the words of each account's user. */
    private final Map<ChatAccount, Set<String>> credits = new HashMap<>();
    private final List<Notice> outbox = new ArrayList<>();
    /** person id, then "ROLE"/"SKILL" + topic key, to the topic as typed. */
    private final Map<String, Map<String, Topic>> declared = new HashMap<>();
    /** person id to the roles an admin granted them. */
    private final Map<String, Set<ciment.core.model.Grant>> grants = new HashMap<>();
    private int writes;

    private boolean interruptNextErase;
    /** "personId#kind#windowStart" to the writes counted in that window (not among {@link #writes}: no content). */
    private final Map<String, Integer> quotas = new HashMap<>();

    /** How many changes were stored, to prove a refusal wrote nothing. */
    public synchronized int writes() {
        return writes;
    }

    @Override
    public synchronized boolean take(String personId, String kind, java.time.Instant windowStart,
            java.time.Duration window, int limit) {
        String key = personId + "#" + kind + "#" + windowStart;
        if (quotas.getOrDefault(key, 0) >= limit) {
            return false;
        }
        quotas.merge(key, 1, Integer::sum);
        return true;
    }

    @Override
    public synchronized Created create(Community community, Membership firstSteward) {
        if (communities.containsKey(community.slug())) {
            return Created.SLUG_TAKEN;
        }
        communities.put(community.slug(), community);
        memberships.put(key(community.id(), firstSteward.personId()), firstSteward);
        writes++;
        return Created.CREATED;
    }

    @Override
    public synchronized Optional<Community> find(Slug slug) {
        return Optional.ofNullable(communities.get(slug));
    }

    @Override
    public synchronized Joined join(Membership membership) {
        Community community = communities.get(membership.slug());
        if (community == null) {
            return Joined.NO_SUCH_COMMUNITY;
        }
        if (memberships.containsKey(key(membership.communityId(), membership.personId()))) {
            return Joined.ALREADY_MEMBER;
        }
        memberships.put(key(membership.communityId(), membership.personId()), membership);
        invitations.remove(key(membership.communityId(), membership.personId()));
        recount(community, 1, membership.role() == Role.STEWARD ? 1 : 0);
        writes++;
        return Joined.JOINED;
    }

    @Override
    public synchronized Left leave(String communityId, String personId) {
        Membership membership = memberships.get(key(communityId, personId));
        if (membership == null) {
            return Left.NOT_MEMBER;
        }
        Community community = communities.get(membership.slug());
        if (membership.isSteward() && community.stewardCount() <= 1) {
            return Left.LAST_STEWARD;
        }
        memberships.remove(key(communityId, personId));
        recount(community, -1, membership.isSteward() ? -1 : 0);
        writes++;
        return Left.LEFT;
    }

    @Override
    public synchronized Optional<Membership> membership(String communityId, String personId) {
        return Optional.ofNullable(memberships.get(key(communityId, personId)));
    }

    @Override
    public synchronized List<Membership> membershipsOf(String personId) {
        return memberships.values().stream().filter(m -> m.personId().equals(personId)).toList();
    }

    @Override
    public synchronized List<Membership> members(String communityId) {
        return memberships.values().stream().filter(m -> m.communityId().equals(communityId)).toList();
    }

    @Override
    public synchronized List<Community> catalog() {
        return new ArrayList<>(communities.values());
    }

    /** Told of each post or reply as it is stored, as the table's stream would tell the delivery functions. */
    private java.util.function.Consumer<Post> stored = post -> { };

    public void onStored(java.util.function.Consumer<Post> listener) {
        this.stored = listener;
    }

    @Override
    public synchronized boolean add(Post post) {
        if (posts.containsKey(post.id())) {
            return false;
        }
        stored.accept(post);
        posts.put(post.id(), post);
        writes++;
        return true;
    }

    @Override
    public synchronized List<Post> latest(String communityId, int limit) {
        return posts.values().stream()
                .filter(p -> p.communityId().equals(communityId))
                .sorted(Comparator.comparing(Post::id).reversed())
                .limit(limit)
                .toList();
    }

    /** Pages as the table does, without its size limit: at most {@code limit} posts. */
    @Override
    public synchronized Posts.Page page(String communityId, Optional<String> before, int limit) {
        List<Post> older = posts.values().stream()
                .filter(p -> p.communityId().equals(communityId))
                .filter(p -> before.isEmpty() || p.id().compareTo(before.get()) < 0)
                .sorted(Comparator.comparing(Post::id).reversed())
                .toList();
        return new Posts.Page(older.subList(0, Math.min(limit, older.size())), older.size() > limit);
    }

    @Override
    public String seal(String text) {
        return seal.seal(text);
    }

    @Override
    public Optional<String> open(String sealed) {
        return seal.open(sealed);
    }

    @Override
    public synchronized Optional<Person> find(ChatAccount account) {
        return Optional.ofNullable(people.get(account));
    }

    @Override
    public synchronized Person enroll(ChatAccount account, Person fresh, Optional<VouchedAddress> address) {
        Person existing = people.get(account);
        if (existing != null) {
            return existing;
        }
        Person person = address.flatMap(vouched -> holderOf(vouched.email())).map(Holder::person).orElse(fresh);
        people.put(account, person);
        if (person == fresh) {
            address.ifPresent(vouched -> vouch(vouched, fresh.id()));
        }
        writes++;
        return person;
    }

    @Override
    public synchronized Person link(ChatAccount account, Person person) {
        Person existing = people.putIfAbsent(account, person);
        writes++;
        return existing == null ? person : existing;
    }

    @Override
    public synchronized Optional<Holder> holderOf(String email) {
        String organisation = vouchers.get(email);
        return organisation == null ? Optional.empty() : Optional.ofNullable(emails.get(email)).flatMap(this::byPersonId)
                .map(person -> new Holder(person, new VouchedAddress(email, organisation)));
    }

    @Override
    public synchronized EmailClaim claimEmail(Person person, VouchedAddress address) {
        String owner = vouchers.containsKey(address.email()) ? emails.get(address.email()) : null;
        if (owner != null) {
            return owner.equals(person.id()) ? EmailClaim.ALREADY_THEIRS : EmailClaim.TAKEN;
        }
        if (emails.entrySet().stream().anyMatch(e -> e.getValue().equals(person.id()) && vouchers.containsKey(e.getKey()))) {
            return EmailClaim.HAS_ANOTHER;
        }
        vouch(address, person.id());
        writes++;
        return EmailClaim.CLAIMED;
    }

    private void vouch(VouchedAddress address, String personId) {
        emails.put(address.email(), personId);
        vouchers.put(address.email(), address.organisation());
    }

    /** An address claimed before addresses were vouched for (by an account of any organisation, a guest's too). */
    public synchronized void claimUnvouched(Person person, String email) {
        emails.put(email, person.id());
        vouchers.remove(email);
    }

    @Override
    public synchronized void merge(Person from, Person into) {
        // A guest's account stays a guest's, and every account of a guest is one.
        people.replaceAll((account, person) -> person.id().equals(from.id())
                ? new Person(into.id(), into.displayName(), into.guest() || person.guest(), into.erasing()) : person);
        for (Membership m : List.copyOf(memberships.values())) {
            if (!m.personId().equals(from.id())) {
                continue;
            }
            memberships.remove(key(m.communityId(), from.id()));
            Membership theirs = memberships.get(key(m.communityId(), into.id()));
            Community c = byId(m.communityId());
            if (theirs == null) {
                memberships.put(key(m.communityId(), into.id()), new Membership(m.communityId(), m.slug(), into.id(), m.role(), m.since()));
            } else if (m.isSteward() && !theirs.isSteward()) {
                memberships.put(key(m.communityId(), into.id()), new Membership(m.communityId(), m.slug(), into.id(), Role.STEWARD, theirs.since()));
                recount(c, -1, 0);
            } else {
                recount(c, -1, m.isSteward() ? -1 : 0);
            }
        }
        for (JoinRequest r : List.copyOf(requests.values())) {
            if (r.personId().equals(from.id())) {
                requests.remove(key(r.communityId(), from.id()));
                if (!memberships.containsKey(key(r.communityId(), into.id()))) {
                    requests.putIfAbsent(key(r.communityId(), into.id()),
                            new JoinRequest(r.communityId(), r.slug(), into.id(), into.displayName(), r.at()));
                }
            }
        }
        for (Invitation i : List.copyOf(invitations.values())) {
            if (i.personId().equals(from.id())) {
                invitations.remove(key(i.communityId(), from.id()));
                if (!memberships.containsKey(key(i.communityId(), into.id()))) {
                    invitations.putIfAbsent(key(i.communityId(), into.id()),
                            new Invitation(i.communityId(), i.slug(), into.id(), i.invitedBy(), i.at()));
                }
            }
        }
        Map<String, Topic> theirs = declared.remove(from.id());
        if (theirs != null) {
            theirs.forEach((kindAndKey, topic) -> declared.computeIfAbsent(into.id(), id -> new LinkedHashMap<>())
                    .putIfAbsent(kindAndKey, topic));
        }
        mergedInto.put(from.id(), into.id());
        writes++;
    }

    @Override
    public synchronized Invited invite(Invitation invitation) {
        String key = key(invitation.communityId(), invitation.personId());
        if (memberships.containsKey(key)) {
            return Invited.ALREADY_MEMBER;
        }
        if (invitations.putIfAbsent(key, invitation) != null) {
            return Invited.ALREADY_INVITED;
        }
        writes++;
        return Invited.INVITED;
    }

    @Override
    public synchronized boolean invited(String communityId, String personId) {
        return invitations.containsKey(key(communityId, personId));
    }

    @Override
    public synchronized List<String> invitationsOf(String personId) {
        return invitations.values().stream().filter(i -> i.personId().equals(personId)).map(Invitation::communityId).toList();
    }

    private Optional<Person> byPersonId(String personId) {
        return people.values().stream().filter(p -> p.id().equals(personId)).findFirst();
    }

    @Override
    public synchronized void change(String communityId, Change change) {
        Community c = byId(communityId);
        Community changed = switch (change) {
            case Change.Openness o -> new Community(c.id(), c.slug(), c.name(), c.purpose(), c.tags(), o.open(),
                    c.archived(), c.memberCount(), c.stewardCount(), c.createdBy(), c.createdAt());
            case Change.Tags t -> new Community(c.id(), c.slug(), c.name(), c.purpose(), t.tags(), c.open(),
                    c.archived(), c.memberCount(), c.stewardCount(), c.createdBy(), c.createdAt());
            case Change.Archival a -> new Community(c.id(), c.slug(), c.name(), c.purpose(), c.tags(), c.open(),
                    a.archived(), c.memberCount(), c.stewardCount(), c.createdBy(), c.createdAt());
            case Change.Purpose p -> new Community(c.id(), c.slug(), c.name(), p.purpose(), c.tags(), c.open(),
                    c.archived(), c.memberCount(), c.stewardCount(), c.createdBy(), c.createdAt());
        };
        communities.put(c.slug(), changed);
        writes++;
    }

    @Override
    public synchronized List<String> stewards(String communityId) {
        return memberships.values().stream()
                .filter(m -> m.communityId().equals(communityId) && m.isSteward())
                .map(Membership::personId)
                .toList();
    }

    @Override
    public synchronized Requested request(JoinRequest request) {
        String key = key(request.communityId(), request.personId());
        if (memberships.containsKey(key)) {
            return Requested.ALREADY_MEMBER;
        }
        if (requests.putIfAbsent(key, request) != null) {
            return Requested.ALREADY_FILED;
        }
        writes++;
        return Requested.FILED;
    }

    @Override
    public synchronized List<JoinRequest> requests(String communityId) {
        return requests.values().stream().filter(r -> r.communityId().equals(communityId)).toList();
    }

    @Override
    public synchronized Optional<JoinRequest> pendingRequest(String communityId, String personId) {
        return Optional.ofNullable(requests.get(key(communityId, personId)));
    }

    @Override
    public synchronized void send(Notice notice) {
        // As the outbox's conditional put: a notice id is kept once.
        if (outbox.stream().noneMatch(sent -> sent.id().equals(notice.id()))) {
            outbox.add(notice);
            writes++;
        }
    }

    /** The notices sent so far, oldest first. */
    public synchronized List<Notice> outbox() {
        return List.copyOf(outbox);
    }

    @Override
    public synchronized Decided decide(String communityId, String personId, boolean approve, Membership membership) {
        if (requests.remove(key(communityId, personId)) == null) {
            return Decided.NO_REQUEST;
        }
        writes++;
        if (approve) {
            // Someone who joined meanwhile (the community was open for a while) is not counted twice.
            if (memberships.putIfAbsent(key(communityId, personId), membership) == null) {
                recount(byId(communityId), 1, 0);
            }
            return Decided.APPROVED;
        }
        return Decided.DECLINED;
    }

    @Override
    public synchronized RoleChanged setRole(String communityId, String personId, Role role) {
        Membership m = memberships.get(key(communityId, personId));
        if (m == null) {
            return RoleChanged.NOT_MEMBER;
        }
        if (m.role() == role) {
            return RoleChanged.ALREADY;
        }
        Community c = byId(communityId);
        if (role == Role.MEMBER && c.stewardCount() <= 1) {
            return RoleChanged.LAST_STEWARD;
        }
        memberships.put(key(communityId, personId), new Membership(communityId, m.slug(), personId, role, m.since()));
        recount(c, 0, role == Role.STEWARD ? 1 : -1);
        writes++;
        return RoleChanged.CHANGED;
    }

    @Override
    public synchronized List<Person> people(Collection<String> personIds) {
        return people.values().stream().filter(p -> personIds.contains(p.id())).distinct().toList();
    }

    @Override
    public synchronized Profile profile(Person person) {
        Map<String, Topic> mine = declared.getOrDefault(person.id(), Map.of());
        Optional<String> email = emails.entrySet().stream().filter(e -> e.getValue().equals(person.id()))
                .map(Map.Entry::getKey).findFirst();
        return new Profile(person, texts(mine, "ROLE"), texts(mine, "SKILL"), email,
                email.map(vouchers::get));
    }

    @Override
    public synchronized boolean declare(Person person, Kind kind, Topic topic) {
        boolean added = declared.computeIfAbsent(person.id(), id -> new LinkedHashMap<>())
                .putIfAbsent(kind.name() + topic.key(), topic) == null;
        writes += added ? 1 : 0;
        return added;
    }

    @Override
    public synchronized boolean withdraw(Person person, Kind kind, Topic topic) {
        boolean removed = declared.getOrDefault(person.id(), new HashMap<>()).remove(kind.name() + topic.key()) != null;
        writes += removed ? 1 : 0;
        return removed;
    }

    @Override
    public synchronized List<Person> declaring(String topicKey) {
        return people.values().stream().distinct()
                .filter(p -> declared.getOrDefault(p.id(), Map.of()).values().stream().anyMatch(t -> t.key().equals(topicKey)))
                .toList();
    }

    @Override
    public synchronized List<ChatAccount> accounts(Person person) {
        return people.entrySet().stream().filter(e -> e.getValue().id().equals(person.id())).map(Map.Entry::getKey).toList();
    }

    /** The next erase stops (throws) right after marking the person, as a Lambda timing out would. */
    public synchronized void interruptNextErase() {
        interruptNextErase = true;
    }

    @Override
    public synchronized Optional<PersonalData> personalData(String personId) {
        Optional<Person> person = byPersonId(personId);
        if (person.isEmpty()) {
            return Optional.empty();
        }
        Set<String> ids = withAliases(personId);
        return Optional.of(new PersonalData(profile(person.get()), accounts(person.get()), membershipsOf(personId),
                requests.values().stream().filter(r -> ids.contains(r.personId())).toList(),
                invitations.values().stream().filter(i -> ids.contains(i.personId())).toList(),
                java.util.stream.Stream.concat(posts.values().stream(), replies.values().stream())
                        .filter(p -> !p.isRemoved() && (ids.contains(p.authorId())
                                || credited(accounts(person.get())).contains(p.id())))
                        .sorted(Comparator.comparing(Post::id)).toList(),
                ids.stream().filter(id -> !id.equals(personId)).sorted().toList(),
                reactions.stream().map(key -> key.split("#", 3))
                        .filter(parts -> ids.contains(parts[2]))
                        .map(parts -> new PersonalData.Reaction(parts[0], parts[1])).sorted(Comparator
                                .comparing(PersonalData.Reaction::postId).thenComparing(PersonalData.Reaction::emoji))
                        .toList(),
                ids.stream().flatMap(id -> grants.getOrDefault(id, Set.of()).stream())
                        .map(g -> g.name().toLowerCase(java.util.Locale.ROOT)).distinct().sorted().toList()));
    }

    @Override
    public synchronized Set<ciment.core.model.Grant> grantsOf(String personId) {
        return Set.copyOf(grants.getOrDefault(personId, Set.of()));
    }

    @Override
    public synchronized boolean grant(String personId, ciment.core.model.Grant grant) {
        boolean added = grants.computeIfAbsent(personId, id -> new HashSet<>()).add(grant);
        if (added) {
            writes++;
        }
        return added;
    }

    @Override
    public synchronized List<String> holders(ciment.core.model.Grant grant) {
        return grants.entrySet().stream().filter(e -> e.getValue().contains(grant)).map(Map.Entry::getKey).sorted()
                .toList();
    }

    @Override
    public synchronized void credit(ChatAccount author, Post post) {
        credits.computeIfAbsent(author, account -> new HashSet<>()).add(post.id());
        writes++;
    }

    /** The ids of the posts credited to these accounts. */
    private Set<String> credited(Collection<ChatAccount> accounts) {
        Set<String> ids = new HashSet<>();
        accounts.forEach(account -> ids.addAll(credits.getOrDefault(account, Set.of())));
        return ids;
    }

    @Override
    public synchronized Erased erase(Person person) {
        Set<String> ids = withAliases(person.id());
        people.replaceAll((account, p) -> ids.contains(p.id()) ? new Person(p.id(), p.displayName(), p.guest(), true) : p);
        writes++;
        if (interruptNextErase) {
            interruptNextErase = false;
            throw new IllegalStateException("erase of " + person.id() + " interrupted");
        }
        // Memberships first, as in the table: a last steward stops the erasure before anything else goes.
        List<Membership> theirs = memberships.values().stream().filter(m -> ids.contains(m.personId())).toList();
        List<Slug> lastStewardOf = theirs.stream()
                .filter(m -> m.isSteward() && byId(m.communityId()).stewardCount() <= 1)
                .map(Membership::slug).sorted().toList();
        if (!lastStewardOf.isEmpty()) {
            return new Erased(lastStewardOf);
        }
        theirs.forEach(m -> leave(m.communityId(), m.personId()));
        // Their posts go, and the posts others saved with their words.
        Set<String> creditedIds = credited(people.entrySet().stream().filter(e -> ids.contains(e.getValue().id()))
                .map(Map.Entry::getKey).toList());
        java.util.function.Predicate<Post> theirsToRemove = p -> p.authorId() != null
                && (ids.contains(p.authorId()) || creditedIds.contains(p.id()));
        posts.replaceAll((id, p) -> theirsToRemove.test(p) ? p.asRemoved() : p);
        // As in the table: an erased reply's words leave its thread's first post; reactions go, counts stay.
        replies.values().stream().filter(theirsToRemove).forEach(r -> {
            Post root = posts.get(r.rootId());
            if (root != null && r.preview().equals(root.latestReply())) {
                posts.put(root.id(), root.withReplies(root.replyCount(), null));
            }
        });
        replies.replaceAll((id, p) -> theirsToRemove.test(p) ? p.asRemoved() : p);
        people.forEach((account, p) -> {
            if (ids.contains(p.id())) {
                credits.remove(account);
            }
        });
        reactions.removeIf(key -> ids.contains(key.substring(key.lastIndexOf('#') + 1)));
        requests.values().removeIf(r -> ids.contains(r.personId()));
        invitations.values().removeIf(i -> ids.contains(i.personId()));
        invitations.replaceAll((key, i) -> ids.contains(i.invitedBy())
                ? new Invitation(i.communityId(), i.slug(), i.personId(), "", i.at()) : i);
        communities.replaceAll((slug, c) -> ids.contains(c.createdBy()) ? new Community(c.id(), c.slug(), c.name(),
                c.purpose(), c.tags(), c.open(), c.archived(), c.memberCount(), c.stewardCount(), "", c.createdAt()) : c);
        ids.forEach(declared::remove);
        ids.forEach(grants::remove);
        emails.values().removeIf(ids::contains);
        vouchers.keySet().retainAll(emails.keySet());
        mergedInto.keySet().removeIf(ids::contains);
        Set<ChatAccount> accounts = new HashSet<>();
        people.forEach((account, p) -> {
            if (ids.contains(p.id())) {
                accounts.add(account);
            }
        });
        outbox.removeIf(n -> accounts.contains(n.to().account()));
        people.keySet().removeAll(accounts);
        writes++;
        return Erased.DONE;
    }

    /** The person's id and the ids of the people merged into them, however many merges ago. */
    private Set<String> withAliases(String personId) {
        Set<String> ids = new HashSet<>(Set.of(personId));
        boolean grew = true;
        while (grew) {
            grew = mergedInto.entrySet().stream().filter(e -> ids.contains(e.getValue())).map(Map.Entry::getKey)
                    .map(ids::add).reduce(false, Boolean::logicalOr);
        }
        return ids;
    }

    private static List<String> texts(Map<String, Topic> declared, String kind) {
        return declared.entrySet().stream().filter(e -> e.getKey().startsWith(kind)).map(e -> e.getValue().text()).toList();
    }

    private Community byId(String communityId) {
        return communities.values().stream().filter(c -> c.id().equals(communityId)).findFirst().orElseThrow();
    }

    private void recount(Community c, int members, int stewards) {
        communities.put(c.slug(), new Community(c.id(), c.slug(), c.name(), c.purpose(), c.tags(), c.open(), c.archived(),
                c.memberCount() + members, c.stewardCount() + stewards, c.createdBy(), c.createdAt()));
    }

    private static String key(String communityId, String personId) {
        return communityId + "/" + personId;
    }

    // ---- conversations ----

    @Override
    public synchronized Optional<Post> find(Collection<String> communityIds, PostRef ref) {
        Post post = ref.isReply() ? replies.get(ref.id()) : posts.get(ref.id());
        return Optional.ofNullable(post).filter(p -> communityIds.contains(p.communityId()))
                .filter(p -> !ref.isReply() || ref.rootId().equals(p.rootId()));
    }

    @Override
    public synchronized Added addReply(Post reply) {
        if (replies.containsKey(reply.id())) {
            return Added.ALREADY_THERE;
        }
        stored.accept(reply);
        Post root = posts.get(reply.rootId());
        if (root == null || root.isRemoved() || root.isHidden()) {
            return Added.ROOT_GONE;
        }
        replies.put(reply.id(), reply);
        posts.put(root.id(), root.withReplies(root.replyCount() + 1, reply.preview()));
        writes++;
        return Added.ADDED;
    }

    @Override
    public synchronized List<Post> thread(String communityId, String rootId) {
        Post root = posts.get(rootId);
        if (root == null || !root.communityId().equals(communityId)) {
            return List.of();
        }
        List<Post> thread = new ArrayList<>(List.of(root));
        replies.values().stream().filter(r -> rootId.equals(r.rootId())).sorted(Comparator.comparing(Post::id))
                .forEach(thread::add);
        return thread;
    }

    @Override
    public synchronized Reacted react(Post post, String emoji, String personId, boolean add) {
        Post current = current(post);
        if (current == null || current.isHidden() || current.isRemoved()) {
            return Reacted.UNCHANGED;
        }
        String key = post.id() + "#" + emoji + "#" + personId;
        if (add && !current.reactions().containsKey(emoji) && current.reactions().size() >= Post.MAX_EMOJI) {
            return Reacted.FULL;
        }
        if (add ? !reactions.add(key) : !reactions.remove(key)) {
            return Reacted.UNCHANGED;
        }
        Map<String, Integer> counts = new HashMap<>(current.reactions());
        counts.merge(emoji, add ? 1 : -1, Integer::sum);
        counts.values().removeIf(count -> count <= 0); // as in the table: an emoji nobody shows leaves its place
        store(current.withReactions(counts));
        writes++;
        return Reacted.CHANGED;
    }

    @Override
    public synchronized boolean edit(Post post, String authorId, String text) {
        Post current = current(post);
        if (current == null || !authorId.equals(current.authorId())) {
            return false;
        }
        store(current.editedTo(text));
        writes++;
        Post root = current.isReply() ? posts.get(current.rootId()) : null;
        if (root != null && current.preview().equals(root.latestReply())) {
            posts.put(root.id(), root.withReplies(root.replyCount(), current.editedTo(text).preview()));
        }
        return true;
    }

    @Override
    public synchronized boolean delete(Post post, String authorId, AuditEntry entry) {
        Post current = current(post);
        if (current == null || !authorId.equals(current.authorId())) {
            return false;
        }
        store(current.asRemoved());
        audits.add(entry);
        writes++;
        Post root = current.isReply() ? posts.get(current.rootId()) : null;
        if (root != null && current.preview().equals(root.latestReply())) {
            posts.put(root.id(), root.withReplies(root.replyCount(), null));
        }
        return true;
    }

    @Override
    public synchronized boolean hide(Post post, String reason, AuditEntry entry) {
        Post current = current(post);
        if (current == null || current.isHidden() || current.isRemoved()) {
            return false;
        }
        store(current.hiddenFor(reason));
        audits.add(entry);
        writes++;
        Post root = current.isReply() ? posts.get(current.rootId()) : null;
        if (root != null && current.preview().equals(root.latestReply())) {
            posts.put(root.id(), root.withReplies(root.replyCount(), null));
        }
        return true;
    }

    @Override
    public synchronized List<AuditEntry> audit(String communityId, int limit) {
        return audits.stream().filter(a -> a.communityId().equals(communityId))
                .sorted(Comparator.comparing(AuditEntry::id).reversed()).limit(limit).toList();
    }

    @Override
    public synchronized boolean accept(Post question, Post answer) {
        Post root = posts.get(question.id());
        if (root == null || !root.isQuestion() || root.isRemoved() || root.isHidden()) {
            return false;
        }
        posts.put(root.id(), root.withMarks(new Post.Marks(true, answer.id(), root.isPinned())));
        writes++;
        return true;
    }

    @Override
    public synchronized List<Post> questions(String communityId, boolean unansweredOnly, int limit) {
        Comparator<Post> answeredLast = Comparator.comparing(Post::isAnswered);
        return posts.values().stream().filter(p -> p.communityId().equals(communityId) && p.isQuestion() && !p.isRemoved())
                .filter(p -> !unansweredOnly || !p.isAnswered())
                .sorted(answeredLast.thenComparing(Comparator.comparing(Post::id).reversed())).limit(limit).toList();
    }

    @Override
    public synchronized boolean pin(Post post, boolean pin) {
        Post current = current(post);
        if (current == null || current.isRemoved() || current.isPinned() == pin) {
            return false;
        }
        Post.Marks marks = current.marks();
        store(current.withMarks(new Post.Marks(marks.question(), marks.answerId(), pin)));
        writes++;
        return true;
    }

    @Override
    public synchronized List<Post> knowledge(String communityId, int limit) {
        return java.util.stream.Stream.concat(posts.values().stream(), replies.values().stream())
                .filter(p -> p.communityId().equals(communityId) && p.isPinned())
                .sorted(Comparator.comparing(Post::id).reversed()).limit(limit).toList();
    }

    // ---- links and copies ----

    private final Map<String, Link> links = new HashMap<>();
    private final Map<String, String> copies = new HashMap<>();

    @Override
    public synchronized boolean link(Link link) {
        if (links.putIfAbsent(link.channel().key(), link) != null) {
            return false;
        }
        writes++;
        return true;
    }

    @Override
    public synchronized boolean unlink(Link link) {
        if (links.remove(link.channel().key()) == null) {
            return false;
        }
        writes++;
        return true;
    }

    @Override
    public synchronized Optional<Link> linkOf(Channel channel) {
        return Optional.ofNullable(links.get(channel.key()));
    }

    @Override
    public synchronized List<Link> links(String communityId) {
        return links.values().stream().filter(l -> l.communityId().equals(communityId))
                .sorted(Comparator.comparing(l -> l.channel().key())).toList();
    }

    @Override
    public synchronized boolean record(Platform platform, String conversationId, String messageId, String postRef) {
        if (copies.putIfAbsent(platform.key() + "#" + conversationId + "#" + messageId, postRef) != null) {
            return false;
        }
        writes++;
        return true;
    }

    @Override
    public synchronized Optional<String> find(Platform platform, String conversationId, String messageId) {
        return Optional.ofNullable(copies.get(platform.key() + "#" + conversationId + "#" + messageId));
    }

    private Post current(Post post) {
        return post.isReply() ? replies.get(post.id()) : posts.get(post.id());
    }

    private void store(Post post) {
        (post.isReply() ? replies : posts).put(post.id(), post);
    }
}
