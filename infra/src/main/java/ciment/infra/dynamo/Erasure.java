package ciment.infra.dynamo;

import static ciment.infra.dynamo.DynamoPrivacy.ERASE;
import static ciment.infra.dynamo.Keys.s;
import static ciment.infra.dynamo.PersonalIndex.tableKey;

import ciment.core.model.Membership;
import ciment.core.model.Person;
import ciment.core.model.Post;
import ciment.core.model.Slug;
import ciment.core.model.Topic;
import ciment.core.port.Communities.Left;
import ciment.core.port.People.Kind;
import ciment.infra.dynamo.DynamoPrivacy.Step;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The steps of erase-my-data, in their order (see {@link DynamoPrivacy}): each deletes what is left of its
 * kind, for the person and the people merged into them, and can run again.
 */
record Erasure(Table table, PersonalIndex index, DynamoCommunities communities, DynamoPeople people,
        DynamoGrants grants) {
    /** Who an audit entry names once its steward erased their data. */
    static final String FORMER_MEMBER = "A former member";

    private static final String EXISTS = "attribute_exists(" + Keys.PK + ")";
    /** Updates of one erasure in flight at once (well under a table's per-partition limits). */
    private static final int AT_ONCE = 8;

    List<Step> steps(Person person) {
        String id = person.id();
        return List.of(
                new Step("mark", () -> none(this::mark, id)),
                new Step("memberships", () -> leaveAll(id)),
                new Step("posts", () -> forEachId(id, this::removePosts)),
                new Step("credited posts", () -> none(this::removeCredited, id)),
                new Step("reactions", () -> forEachId(id, this::deleteReactions)),
                new Step("follows", () -> forEachId(id, this::deleteFollows)),
                new Step("acknowledgements", () -> forEachId(id, this::deleteAcknowledgements)),
                new Step("announcements made", () -> forEachId(id, this::forgetAnnouncer)),
                new Step("write counters", () -> forEachId(id, this::deleteWriteCounters)),
                new Step("moderation", () -> forEachId(id, this::forgetModerator)),
                new Step("requests", () -> forEachId(id, this::deleteRequests)),
                new Step("invitations", () -> forEachId(id, this::deleteInvitations)),
                new Step("invitations given", () -> forEachId(id, this::forgetInviter)),
                new Step("communities created", () -> none(this::forgetCreator, id)),
                new Step("topics", () -> forEachId(id, this::deleteTopics)),
                new Step("grants", () -> forEachId(id, personId -> grants.forget(ERASE, personId))),
                new Step("digest", () -> none(pid -> table.delete(ERASE, Keys.digest(pid), EXISTS), id)),
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
                Map.of("#erasing", PersonItems.ERASING), Map.of(":yes", yes), MetaSizes.set(PersonItems.ERASING, yes));
        for (Map<String, AttributeValue> link : people.identityItemsOf(ERASE, personId)) {
            table.update(ERASE, Keys.key(Items.str(link, Keys.PK), Keys.IDENTITY), "SET #erasing = :yes",
                    EXISTS + " AND attribute_not_exists(#erasing)", Map.of("#erasing", PersonItems.ERASING),
                    Map.of(":yes", yes), MetaSizes.set(PersonItems.ERASING, yes));
        }
    }

    /** Each membership goes as a leave does: the counts follow, and a last steward cannot leave. */
    private List<Slug> leaveAll(String personId) {
        List<Slug> lastStewardOf = new ArrayList<>();
        for (String id : index.withAliases(ERASE, personId)) {
            for (Map<String, AttributeValue> item : communities.membershipItemsOf(ERASE, id)) {
                Membership membership = CommunityItems.membership(item);
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
        inParallel(index.named(ERASE, Keys.person(authorId), Keys.POST_PREFIX), key -> removePost(tableKey(key)));
    }

    private void removePost(Map<String, AttributeValue> key) {
        table.update(ERASE, key, DynamoConversations.REMOVE_AUTHOR, EXISTS,
                DynamoConversations.REMOVAL_NAMES, Map.of(":yes", AttributeValue.fromBool(true)),
                DynamoConversations::removed).map(PostItems::post).filter(Post::isReply)
                // A reply that was its thread's latest leaves no preview of its words on the first post.
                .ifPresent(reply -> DynamoConversations.forgetPreview(table, ERASE, reply));
    }

    /**
     * The posts that others saved with the person's words ("Save to community") go as their own posts do, and
     * so do the credits naming them: a step run twice finds none left.
     */
    private void removeCredited(String personId) {
        for (Map<String, AttributeValue> link : people.identityItemsOf(ERASE, personId)) {
            inParallel(index.creditsOf(ERASE, Items.str(link, Keys.PK)), credit -> {
                removePost(PostItems.creditedPost(credit));
                table.delete(ERASE, tableKey(credit), EXISTS);
            });
        }
    }

    /**
     * The audit trail keeps what was done to which post, and when; a steward who erases their data is no
     * longer named in it.
     */
    private void forgetModerator(String personId) {
        inParallel(index.named(ERASE, Keys.person(personId), Keys.AUDIT_PREFIX), key ->
            table.update(ERASE, tableKey(key), "SET actorName = :former REMOVE actorId, #gsi2pk, #gsi2sk", EXISTS,
                    Map.of("#gsi2pk", Keys.GSI2_PK, "#gsi2sk", Keys.GSI2_SK), Map.of(":former", s(FORMER_MEMBER)), old -> {
                        Map<String, AttributeValue> after = new HashMap<>(old);
                        after.keySet().removeAll(Set.of("actorId", Keys.GSI2_PK, Keys.GSI2_SK));
                        after.put("actorName", s(FORMER_MEMBER));
                        return after;
                    }));
    }

    /** Their follows and mutes, and the marks of when they were last told about a thread. */
    private void deleteFollows(String personId) {
        inParallel(index.named(ERASE, Keys.person(personId), DynamoFollows.FOLLOW_PREFIX),
                key -> table.delete(ERASE, tableKey(key), EXISTS));
    }

    /** A person's reactions, in their own partition: the counts on the posts stay (they name nobody). */
    private void deleteReactions(String personId) {
        inParallel(index.reactionsOf(ERASE, personId), item -> table.delete(ERASE, tableKey(item), EXISTS));
    }

    /** A person's Got it clicks, in their own partition: the counts on the announcements stay (they name nobody). */
    private void deleteAcknowledgements(String personId) {
        inParallel(index.acknowledgementsOf(ERASE, personId), item -> table.delete(ERASE, tableKey(item), EXISTS));
    }

    /** The announcements they made as a steward: their id and words go, the counts (which name nobody) stay. */
    private void forgetAnnouncer(String personId) {
        inParallel(index.named(ERASE, Keys.person(personId), AnnouncementItems.ANNOUNCE_PREFIX), key ->
            table.update(ERASE, tableKey(key), "REMOVE #steward, #text, #gsi2pk, #gsi2sk", EXISTS,
                    Map.of("#steward", AnnouncementItems.STEWARD, "#text", Items.TEXT, "#gsi2pk", Keys.GSI2_PK,
                            "#gsi2sk", Keys.GSI2_SK), Map.of(), old -> {
                        Map<String, AttributeValue> after = new HashMap<>(old);
                        after.keySet().removeAll(Set.of(AnnouncementItems.STEWARD, Items.TEXT, Keys.GSI2_PK,
                                Keys.GSI2_SK));
                        return after;
                    }));
    }

    /** How many posts, reactions and creates the person made in recent windows (they would expire within a day). */
    private void deleteWriteCounters(String personId) {
        table.queryAll(ERASE, q -> q
                        .keyConditionExpression("pk = :person AND begins_with(sk, :limit)")
                        .expressionAttributeValues(Map.of(":person", s(Keys.person(personId)), ":limit",
                                s(Keys.LIMIT_PREFIX))))
                .forEach(item -> table.delete(ERASE, tableKey(item), EXISTS));
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
        communities.admissions().requestItemsOf(ERASE, personId)
                .forEach(item -> table.delete(ERASE, tableKey(item), EXISTS));
    }

    private void deleteInvitations(String personId) {
        communities.admissions().invitationItemsOf(ERASE, personId)
                .forEach(item -> table.delete(ERASE, tableKey(item), EXISTS));
    }

    /** An invitation the person gave stays the invitee's; it no longer says who gave it. */
    private void forgetInviter(String personId) {
        for (Map<String, AttributeValue> key : index.named(ERASE, Keys.person(personId), Keys.INVITATION_PREFIX)) {
            table.update(ERASE, tableKey(key), "REMOVE #invitedBy, #gsi2pk, #gsi2sk", "#invitedBy = :me",
                    Map.of("#invitedBy", CommunityItems.INVITED_BY, "#gsi2pk", Keys.GSI2_PK, "#gsi2sk", Keys.GSI2_SK),
                    Map.of(":me", s(personId)), old -> {
                        Map<String, AttributeValue> after = new HashMap<>(old);
                        after.keySet().removeAll(Set.of(CommunityItems.INVITED_BY, Keys.GSI2_PK, Keys.GSI2_SK));
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
        Set<String> ids = index.withAliases(ERASE, personId);
        for (String id : ids) {
            List<Map<String, AttributeValue>> created = table.queryAll(ERASE, q -> q.indexName(Keys.GSI1)
                    .keyConditionExpression("gsi1pk = :catalog")
                    .filterExpression("#createdBy = :me")
                    .expressionAttributeNames(Map.of("#createdBy", CommunityItems.CREATED_BY))
                    .expressionAttributeValues(Map.of(":catalog", s(Keys.CATALOG), ":me", s(id))));
            for (Map<String, AttributeValue> meta : created) {
                table.update(ERASE, tableKey(meta), "REMOVE #createdBy", "#createdBy = :me",
                        Map.of("#createdBy", CommunityItems.CREATED_BY), Map.of(":me", s(id)), old -> {
                            Map<String, AttributeValue> after = new HashMap<>(old);
                            after.remove(CommunityItems.CREATED_BY);
                            return after;
                        });
            }
        }
    }

    /** The index entries of `who` (one per topic and kind); the PROFILE, which lists them, goes later. */
    private void deleteTopics(String personId) {
        table.get(ERASE, Keys.profile(personId), true).ifPresent(profile -> {
            for (Kind kind : Kind.values()) {
                for (String text : Items.texts(profile, PersonItems.textsOf(kind))) {
                    table.delete(ERASE, Keys.topicEntry(Topic.of(text).key(), personId, kind), EXISTS);
                }
            }
        });
    }

    /** Notices to the person's accounts, delivered or not (they would name the accounts for days). */
    private void deleteNotices(String personId) {
        for (Map<String, AttributeValue> link : people.identityItemsOf(ERASE, personId)) {
            for (Map<String, AttributeValue> key : index.named(ERASE, Items.str(link, Keys.PK), Keys.OUTBOX_PREFIX)) {
                table.delete(ERASE, tableKey(key), EXISTS);
            }
        }
    }

    /**
     * The claims of the addresses on the person's and their aliases' PROFILEs, when they name one of them
     * (a merge moved an alias's claim to the person; an address claimed by someone else since stays theirs).
     */
    private List<Slug> deleteEmails(String personId) {
        List<String> ids = List.copyOf(index.withAliases(ERASE, personId));
        Map<String, AttributeValue> values = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            values.put(":id" + i, s(ids.get(i)));
        }
        String condition = "personId IN (" + String.join(", ", values.keySet().stream().sorted().toList()) + ")";
        for (String id : ids) {
            table.get(ERASE, Keys.profile(id), true)
                    .flatMap(profile -> Items.optional(profile, PersonItems.EMAIL))
                    .ifPresent(email -> table.delete(ERASE, Keys.emailClaim(email), condition, values));
        }
        return List.of();
    }

    private void deleteAliases(String personId) {
        index.withAliases(ERASE, personId).stream().filter(id -> !id.equals(personId))
                .forEach(id -> table.delete(ERASE, Keys.profile(id), EXISTS));
    }

    private void deleteAccounts(String personId) {
        people.identityItemsOf(ERASE, personId).forEach(link -> table.delete(ERASE, tableKey(link), EXISTS));
    }

    private List<Slug> forEachId(String personId, Consumer<String> action) {
        index.withAliases(ERASE, personId).forEach(action);
        return List.of();
    }

    private static List<Slug> none(Consumer<String> action, String personId) {
        action.accept(personId);
        return List.of();
    }
}
