package ciment.infra;

import static ciment.infra.Keys.s;

import ciment.core.model.ChatAccount;
import ciment.core.model.Invitation;
import ciment.core.model.JoinRequest;
import ciment.core.model.Membership;
import ciment.core.model.Person;
import ciment.core.model.Post;
import ciment.core.model.Profile;
import ciment.core.model.Slug;
import ciment.core.model.Topic;
import ciment.core.port.Communities.Left;
import ciment.core.port.People.Kind;
import ciment.core.port.PersonalRecords;
import ciment.core.privacy.PersonalData;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A person's own data, collected for export-my-data and deleted by erase-my-data, without a scan: what
 * is theirs is in the first index under {@code P#<id>} (memberships, accounts, requests, invitations), what
 * names them elsewhere in the second (posts, invitations they gave, people merged into them, notices to
 * their accounts), and the posts others saved with their words beside their accounts' identity links.
 *
 * <p>An erasure is a sequence of steps, like a merge: each deletes what is left of its kind and can run
 * again. The person is marked first (PROFILE and identity links say {@code erasing}), so that their next
 * request, which still finds them, finishes an erasure that was interrupted; their identity links go last.
 * Memberships go before posts: a membership that a last steward cannot leave stops the erasure before
 * anything else is deleted.
 */
final class DynamoPrivacy implements PersonalRecords {
    static final String COLLECT = "privacy.collect";
    static final String ERASE = "privacy.erase";
    static final String CREDIT = "privacy.credit";

    private static final String EXISTS = "attribute_exists(" + Keys.PK + ")";
    /** People merged into people merged into this one, and so on: as many hops as a merge follows. */
    private static final int ALIAS_DEPTH = 8;
    /** Updates of one erasure in flight at once (well under a table's per-partition limits). */
    private static final int AT_ONCE = 8;

    private final Table table;
    private final DynamoCommunities communities;
    private final DynamoPeople people;
    private final DynamoGrants grants;

    DynamoPrivacy(Table table, DynamoCommunities communities, DynamoPeople people, DynamoGrants grants) {
        this.table = table;
        this.communities = communities;
        this.people = people;
        this.grants = grants;
    }

    /** A step of an erasure, named for tests that stop between two. Each returns the communities that stopped it. */
    record Step(String name, Supplier<List<Slug>> action) {
    }

    // ---- export ----

    @Override
    public Optional<PersonalData> personalData(String personId) {
        return collect(personId, 0);
    }

    private Optional<PersonalData> collect(String personId, int hops) {
        Optional<Map<String, AttributeValue>> profileItem = table.get(COLLECT, Keys.profile(personId), true);
        if (profileItem.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> mergedInto = Items.optional(profileItem.get(), Items.MERGED_INTO);
        if (mergedInto.isPresent()) {
            // Merged after asking for the file: the file is the person they became.
            if (hops >= ALIAS_DEPTH) {
                throw new IllegalStateException("person " + personId + " is merged more than " + ALIAS_DEPTH + " times over");
            }
            return collect(mergedInto.get(), hops + 1);
        }
        Person person = Items.personOfProfile(profileItem.get());
        Profile profile = Items.profile(person, profileItem.get());
        List<ChatAccount> accounts = new ArrayList<>();
        List<Membership> memberships = new ArrayList<>();
        List<JoinRequest> requests = new ArrayList<>();
        List<Invitation> invitations = new ArrayList<>();
        // One query of the person's partition of the first index gives all four.
        for (Map<String, AttributeValue> item : ofPerson(COLLECT, personId)) {
            String sortKey = Items.str(item, Keys.GSI1_SK);
            if (sortKey.startsWith(Keys.IDENTITY_PREFIX)) {
                accounts.add(Items.accountOfIdentity(item));
            } else if (sortKey.startsWith(Keys.request(Keys.COMMUNITY_PREFIX))) {
                requests.add(Items.joinRequest(item));
            } else if (sortKey.startsWith(Keys.invitation(Keys.COMMUNITY_PREFIX))) {
                invitations.add(Items.invitation(item));
            } else if (sortKey.startsWith(Keys.COMMUNITY_PREFIX)) {
                memberships.add(Items.membership(item));
            }
        }
        Set<String> ids = withAliases(COLLECT, personId);
        Set<Map<String, AttributeValue>> postKeys = new LinkedHashSet<>();
        for (String id : ids) {
            postKeys.addAll(named(COLLECT, Keys.person(id), Keys.POST_PREFIX).stream().map(DynamoPrivacy::tableKey).toList());
        }
        // Their words that others saved to a community are theirs too.
        for (ChatAccount account : accounts) {
            creditsOf(COLLECT, Keys.identity(account)).forEach(credit -> postKeys.add(Items.creditedPost(credit)));
        }
        List<Post> posts = table.batchGet(COLLECT, List.copyOf(postKeys), false).stream().map(Items::post)
                .filter(post -> !post.isRemoved())
                .sorted(Comparator.comparing(Post::id)).toList();
        List<PersonalData.Reaction> reactions = new ArrayList<>();
        for (String id : ids) {
            reactionsOf(COLLECT, id).forEach(item -> reactions.add(reaction(Items.str(item, Keys.SK))));
        }
        reactions.sort(Comparator.comparing(PersonalData.Reaction::postId).thenComparing(PersonalData.Reaction::emoji));
        List<String> granted = ids.stream().flatMap(id -> grants.grantsOf(COLLECT, id).stream())
                .map(grant -> grant.name().toLowerCase(java.util.Locale.ROOT)).distinct().sorted().toList();
        return Optional.of(new PersonalData(profile, accounts, memberships, requests, invitations, posts,
                ids.stream().filter(id -> !id.equals(personId)).sorted().toList(), reactions, granted));
    }

    /** R#<postId>#<emoji>: emoji names hold no '#', post ids may (a reply's root/reply), so split at the last. */
    private static PersonalData.Reaction reaction(String sortKey) {
        String rest = sortKey.substring(Keys.REACTION_PREFIX.length());
        int cut = rest.lastIndexOf('#');
        return new PersonalData.Reaction(rest.substring(0, cut), rest.substring(cut + 1));
    }

    // ---- erase ----

    @Override
    public Erased erase(Person person) {
        for (Step step : steps(person)) {
            List<Slug> stopped = step.action().get();
            if (!stopped.isEmpty()) {
                return new Erased(stopped);
            }
        }
        return Erased.DONE;
    }

    List<Step> steps(Person person) {
        String id = person.id();
        return List.of(
                new Step("mark", () -> none(this::mark, id)),
                new Step("memberships", () -> leaveAll(id)),
                new Step("posts", () -> forEachId(id, this::removePosts)),
                new Step("credited posts", () -> none(this::removeCredited, id)),
                new Step("reactions", () -> forEachId(id, this::deleteReactions)),
                new Step("write counters", () -> forEachId(id, this::deleteWriteCounters)),
                new Step("moderation", () -> forEachId(id, this::forgetModerator)),
                new Step("requests", () -> forEachId(id, this::deleteRequests)),
                new Step("invitations", () -> forEachId(id, this::deleteInvitations)),
                new Step("invitations given", () -> forEachId(id, this::forgetInviter)),
                new Step("communities created", () -> none(this::forgetCreator, id)),
                new Step("topics", () -> forEachId(id, this::deleteTopics)),
                new Step("grants", () -> forEachId(id, personId -> grants.forget(ERASE, personId))),
                new Step("notices", () -> none(this::deleteNotices, id)),
                new Step("email", () -> deleteEmails(id)),
                new Step("aliases", () -> none(this::deleteAliases, id)),
                new Step("profile", () -> none(pid -> table.delete(ERASE, Keys.profile(pid), EXISTS), id)),
                new Step("accounts", () -> none(this::deleteAccounts, id)));
    }

    /** The PROFILE and every identity link say erasing: the person's next request finishes the erasure. */
    private void mark(String personId) {
        AttributeValue yes = AttributeValue.fromBool(true);
        table.update(ERASE, Keys.profile(personId), "SET #erasing = :yes", EXISTS + " AND attribute_not_exists(#erasing)",
                Map.of("#erasing", Items.ERASING), Map.of(":yes", yes), MetaSizes.set(Items.ERASING, yes));
        for (Map<String, AttributeValue> link : people.identityItemsOf(ERASE, personId)) {
            table.update(ERASE, Keys.key(Items.str(link, Keys.PK), Keys.IDENTITY), "SET #erasing = :yes",
                    EXISTS + " AND attribute_not_exists(#erasing)", Map.of("#erasing", Items.ERASING),
                    Map.of(":yes", yes), MetaSizes.set(Items.ERASING, yes));
        }
    }

    /** Each membership goes as a leave does: the counts follow, and a last steward cannot leave. */
    private List<Slug> leaveAll(String personId) {
        List<Slug> lastStewardOf = new ArrayList<>();
        for (String id : withAliases(ERASE, personId)) {
            for (Map<String, AttributeValue> item : communities.membershipItemsOf(ERASE, id)) {
                Membership membership = Items.membership(item);
                if (communities.leave(membership.communityId(), id) == Left.LAST_STEWARD) {
                    lastStewardOf.add(membership.slug());
                }
            }
        }
        return lastStewardOf.stream().distinct().sorted().toList();
    }

    /**
     * A post keeps its place (its key) in its community and in threads, without text or author: it reads
     * as removed. Leaving the author's index partition, it is not found again by a step run twice.
     */
    private void removePosts(String authorId) {
        inParallel(named(ERASE, Keys.person(authorId), Keys.POST_PREFIX), key -> removePost(tableKey(key)));
    }

    private void removePost(Map<String, AttributeValue> key) {
        table.update(ERASE, key, DynamoConversations.REMOVE_AUTHOR, EXISTS,
                DynamoConversations.REMOVAL_NAMES, Map.of(":yes", AttributeValue.fromBool(true)),
                DynamoConversations::removed).map(Items::post).filter(Post::isReply)
                // A reply that was its thread's latest leaves no preview of its words on the first post.
                .ifPresent(reply -> DynamoConversations.forgetPreview(table, ERASE, reply));
    }

    /**
     * The posts that others saved with the person's words ("Save to community") go as their own posts do, and
     * so do the credits naming them: a step run twice finds none left.
     */
    private void removeCredited(String personId) {
        for (Map<String, AttributeValue> link : people.identityItemsOf(ERASE, personId)) {
            inParallel(creditsOf(ERASE, Items.str(link, Keys.PK)), credit -> {
                removePost(Items.creditedPost(credit));
                table.delete(ERASE, tableKey(credit), EXISTS);
            });
        }
    }

    /** One put beside the author's identity link; a retry finds it there and writes nothing. */
    @Override
    public void credit(ChatAccount author, Post post) {
        table.putNew(CREDIT, Items.credit(author, post));
    }

    private List<Map<String, AttributeValue>> creditsOf(String operation, String identityKey) {
        return table.queryAll(operation, q -> q
                .keyConditionExpression("pk = :account AND begins_with(sk, :credit)")
                .expressionAttributeValues(Map.of(":account", s(identityKey), ":credit", s(Keys.CREDIT_PREFIX))));
    }

    /**
     * The audit trail keeps what was done to which post, and when; a steward who erases their data is no
     * longer named in it.
     */
    private void forgetModerator(String personId) {
        inParallel(named(ERASE, Keys.person(personId), Keys.AUDIT_PREFIX), key ->
            table.update(ERASE, tableKey(key), "SET actorName = :former REMOVE actorId, #gsi2pk, #gsi2sk", EXISTS,
                    Map.of("#gsi2pk", Keys.GSI2_PK, "#gsi2sk", Keys.GSI2_SK), Map.of(":former", s(FORMER_MEMBER)), old -> {
                        Map<String, AttributeValue> after = new HashMap<>(old);
                        after.keySet().removeAll(Set.of("actorId", Keys.GSI2_PK, Keys.GSI2_SK));
                        after.put("actorName", s(FORMER_MEMBER));
                        return after;
                    }));
    }

    /** A person's reactions, in their own partition: the counts on the posts stay (they name nobody). */
    private void deleteReactions(String personId) {
        inParallel(reactionsOf(ERASE, personId), item -> table.delete(ERASE, tableKey(item), EXISTS));
    }

    /** How many posts, reactions and creates the person made in recent windows (they would expire within a day). */
    private void deleteWriteCounters(String personId) {
        table.queryAll(ERASE, q -> q
                        .keyConditionExpression("pk = :person AND begins_with(sk, :limit)")
                        .expressionAttributeValues(Map.of(":person", s(Keys.person(personId)), ":limit",
                                s(Keys.LIMIT_PREFIX))))
                .forEach(item -> table.delete(ERASE, tableKey(item), EXISTS));
    }

    private List<Map<String, AttributeValue>> reactionsOf(String operation, String personId) {
        return table.queryAll(operation, q -> q
                .keyConditionExpression("pk = :person AND begins_with(sk, :reaction)")
                .expressionAttributeValues(Map.of(":person", s(Keys.person(personId)), ":reaction", s(Keys.REACTION_PREFIX))));
    }

    /**
     * Runs the action on every item, {@link #AT_ONCE} at a time: a person's posts are many single-item
     * updates, and one after the other a thousand of them would outlast a chat tool's patience.
     */
    private static <T> void inParallel(List<T> items, Consumer<T> action) {
        if (items.size() <= 1) {
            items.forEach(action);
            return;
        }
        try (ExecutorService pool = Executors.newFixedThreadPool(Math.min(AT_ONCE, items.size()))) {
            List<Future<?>> running = items.stream().map(item -> pool.submit(() -> action.accept(item)))
                    .<Future<?>>map(future -> future).toList();
            for (Future<?> each : running) {
                try {
                    each.get();
                } catch (ExecutionException failed) {
                    throw failed.getCause() instanceof RuntimeException runtime ? runtime
                            : new IllegalStateException(failed.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while erasing", e);
                }
            }
        }
    }

    private void deleteRequests(String personId) {
        communities.requestItemsOf(ERASE, personId).forEach(item -> table.delete(ERASE, tableKey(item), EXISTS));
    }

    private void deleteInvitations(String personId) {
        communities.invitationItemsOf(ERASE, personId).forEach(item -> table.delete(ERASE, tableKey(item), EXISTS));
    }

    /** An invitation the person gave stays the invitee's; it no longer says who gave it. */
    private void forgetInviter(String personId) {
        for (Map<String, AttributeValue> key : named(ERASE, Keys.person(personId), Keys.INVITATION_PREFIX)) {
            table.update(ERASE, tableKey(key), "REMOVE #invitedBy, #gsi2pk, #gsi2sk", "#invitedBy = :me",
                    Map.of("#invitedBy", Items.INVITED_BY, "#gsi2pk", Keys.GSI2_PK, "#gsi2sk", Keys.GSI2_SK),
                    Map.of(":me", s(personId)), old -> {
                        Map<String, AttributeValue> after = new HashMap<>(old);
                        after.keySet().removeAll(Set.of(Items.INVITED_BY, Keys.GSI2_PK, Keys.GSI2_SK));
                        return after;
                    });
        }
    }

    /**
     * A community the person created stays; it no longer says who created it. Communities are not indexed
     * by creator (that would cost every community a write for this rare request): the catalog is read, its
     * one partition of the first index, filtered by DynamoDB.
     */
    private void forgetCreator(String personId) {
        Set<String> ids = withAliases(ERASE, personId);
        for (String id : ids) {
            List<Map<String, AttributeValue>> created = table.queryAll(ERASE, q -> q.indexName(Keys.GSI1)
                    .keyConditionExpression("gsi1pk = :catalog")
                    .filterExpression("#createdBy = :me")
                    .expressionAttributeNames(Map.of("#createdBy", Items.CREATED_BY))
                    .expressionAttributeValues(Map.of(":catalog", s(Keys.CATALOG), ":me", s(id))));
            for (Map<String, AttributeValue> meta : created) {
                table.update(ERASE, tableKey(meta), "REMOVE #createdBy", "#createdBy = :me",
                        Map.of("#createdBy", Items.CREATED_BY), Map.of(":me", s(id)), old -> {
                            Map<String, AttributeValue> after = new HashMap<>(old);
                            after.remove(Items.CREATED_BY);
                            return after;
                        });
            }
        }
    }

    /** The index entries of `who` (one per topic and kind); the PROFILE, which lists them, goes later. */
    private void deleteTopics(String personId) {
        table.get(ERASE, Keys.profile(personId), true).ifPresent(profile -> {
            for (Kind kind : Kind.values()) {
                for (String text : Items.texts(profile, Items.textsOf(kind))) {
                    table.delete(ERASE, Keys.topicEntry(Topic.of(text).key(), personId, kind), EXISTS);
                }
            }
        });
    }

    /** Notices to the person's accounts, delivered or not (they would name the accounts for days). */
    private void deleteNotices(String personId) {
        for (Map<String, AttributeValue> link : people.identityItemsOf(ERASE, personId)) {
            for (Map<String, AttributeValue> key : named(ERASE, Items.str(link, Keys.PK), Keys.OUTBOX_PREFIX)) {
                table.delete(ERASE, tableKey(key), EXISTS);
            }
        }
    }

    /**
     * The claims of the addresses on the person's and their aliases' PROFILEs, when they name one of them
     * (a merge moved an alias's claim to the person; an address claimed by someone else since stays theirs).
     */
    private List<Slug> deleteEmails(String personId) {
        List<String> ids = List.copyOf(withAliases(ERASE, personId));
        Map<String, AttributeValue> values = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            values.put(":id" + i, s(ids.get(i)));
        }
        String condition = "personId IN (" + String.join(", ", values.keySet().stream().sorted().toList()) + ")";
        for (String id : ids) {
            table.get(ERASE, Keys.profile(id), true)
                    .flatMap(profile -> Items.optional(profile, Items.EMAIL))
                    .ifPresent(email -> table.delete(ERASE, Keys.emailClaim(email), condition, values));
        }
        return List.of();
    }

    private void deleteAliases(String personId) {
        withAliases(ERASE, personId).stream().filter(id -> !id.equals(personId))
                .forEach(id -> table.delete(ERASE, Keys.profile(id), EXISTS));
    }

    private void deleteAccounts(String personId) {
        people.identityItemsOf(ERASE, personId).forEach(link -> table.delete(ERASE, tableKey(link), EXISTS));
    }

    // ---- lookups ----

    /** The person and the people merged into them, however many merges ago (from the second index). */
    private Set<String> withAliases(String operation, String personId) {
        Set<String> ids = new LinkedHashSet<>(List.of(personId));
        List<String> next = List.of(personId);
        for (int depth = 0; depth < ALIAS_DEPTH && !next.isEmpty(); depth++) {
            List<String> found = new ArrayList<>();
            for (String id : next) {
                for (Map<String, AttributeValue> key : named(operation, Keys.person(id), Keys.ALIAS_PREFIX)) {
                    String alias = Keys.idIn(Items.str(key, Keys.GSI2_SK), Keys.ALIAS_PREFIX);
                    if (ids.add(alias)) {
                        found.add(alias);
                    }
                }
            }
            next = found;
        }
        return ids;
    }

    /** The keys of the items that name {@code owner} in the second index, of one kind (sort key prefix). */
    /** Who an audit entry names once its steward erased their data. */
    static final String FORMER_MEMBER = "A former member";

    private List<Map<String, AttributeValue>> named(String operation, String owner, String prefix) {
        return table.queryAll(operation, q -> q.indexName(Keys.GSI2)
                .keyConditionExpression("gsi2pk = :owner AND begins_with(gsi2sk, :prefix)")
                .expressionAttributeValues(Map.of(":owner", s(owner), ":prefix", s(prefix))));
    }

    private List<Map<String, AttributeValue>> ofPerson(String operation, String personId) {
        return table.queryAll(operation, q -> q.indexName(Keys.GSI1)
                .keyConditionExpression("gsi1pk = :person")
                .expressionAttributeValues(Map.of(":person", s(Keys.person(personId)))));
    }

    private List<Slug> forEachId(String personId, Consumer<String> action) {
        withAliases(ERASE, personId).forEach(action);
        return List.of();
    }

    private static List<Slug> none(Consumer<String> action, String personId) {
        action.accept(personId);
        return List.of();
    }

    private static Map<String, AttributeValue> tableKey(Map<String, AttributeValue> item) {
        return Map.of(Keys.PK, item.get(Keys.PK), Keys.SK, item.get(Keys.SK));
    }
}
