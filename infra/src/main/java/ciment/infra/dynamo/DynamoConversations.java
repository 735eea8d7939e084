package ciment.infra.dynamo;

import static ciment.infra.dynamo.Keys.s;

import ciment.core.model.AuditEntry;
import ciment.core.model.Post;
import ciment.core.model.PostRef;
import ciment.core.port.Conversations;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Threads, reactions, edits, deletes, hiding and the audit trail. No transactions: a transaction doubles
 * the units of each item. Each change is one conditional write of the item that guards it (a reply, a
 * person's reaction), then an atomic update of the post that counts it; when that update is refused (the
 * post was removed or hidden meanwhile) the first write is taken back.
 */
record DynamoConversations(Table table) implements Conversations {
    static final String FIND = "conversations.find";
    static final String REPLY = "conversations.reply";
    static final String THREAD = "conversations.thread";
    static final String REACT = "conversations.react";
    static final String EDIT = "conversations.edit";
    static final String DELETE = "conversations.delete";
    static final String HIDE = "conversations.hide";
    static final String AUDIT = "conversations.audit";
    private static final String OPEN_POST = "attribute_exists(pk) AND attribute_not_exists(#removed) AND attribute_not_exists(#hidden)";
    private static final Map<String, String> STATE = Map.of("#removed", PostItems.REMOVED, "#hidden", PostItems.HIDDEN);

    /** One BatchGetItem of the post's key in each community: a post is found by its key, no index. */
    @Override
    public Optional<Post> find(Collection<String> communityIds, PostRef ref) {
        if (communityIds.isEmpty()) {
            return Optional.empty();
        }
        String sk = ref.isReply() ? Keys.reply(ref.rootId(), ref.id()) : Keys.post(ref.id());
        List<Map<String, AttributeValue>> keys = communityIds.stream().map(id -> Keys.key(Keys.community(id), sk)).toList();
        // Eventually consistent: half a unit per community asked; a post is seldom named within a second of its making.
        return table.batchGet(FIND, keys, false).stream().findFirst().map(PostItems::post);
    }

    @Override
    public Added addReply(Post reply) {
        Map<String, AttributeValue> item = PostItems.post(reply);
        if (!table.putNew(REPLY, item)) {
            return Added.ALREADY_THERE;
        }
        Map<String, AttributeValue> root = Keys.key(Keys.community(reply.communityId()), Keys.post(reply.rootId()));
        Map<String, String> names = new HashMap<>(STATE);
        names.put("#replies", PostItems.REPLIES);
        names.put("#latest", PostItems.LATEST_REPLY);
        String preview = reply.preview();
        Optional<Map<String, AttributeValue>> counted = table.update(REPLY, root, "ADD #replies :one SET #latest = :latest",
                OPEN_POST, names, Map.of(":one", Items.n(1), ":latest", s(preview)), old -> {
                    Map<String, AttributeValue> after = new HashMap<>(old);
                    after.put(PostItems.LATEST_REPLY, s(preview));
                    after.put(PostItems.REPLIES, Items.n(1 + (old.containsKey(PostItems.REPLIES) ? Items.num(old, PostItems.REPLIES) : 0)));
                    return after;
                });
        if (counted.isEmpty()) {
            table.delete(REPLY, PostItems.postKey(reply), "attribute_exists(pk)");
            return Added.ROOT_GONE;
        }
        return Added.ADDED;
    }

    @Override
    public List<Post> thread(String communityId, String rootId) {
        Optional<Map<String, AttributeValue>> root = table.get(THREAD, Keys.key(Keys.community(communityId), Keys.post(rootId)), false);
        if (root.isEmpty()) {
            return List.of();
        }
        List<Post> thread = new ArrayList<>(List.of(PostItems.post(root.get())));
        table.queryAll(THREAD, q -> q
                        .keyConditionExpression("pk = :community AND begins_with(sk, :thread)")
                        .expressionAttributeValues(Map.of(":community", s(Keys.community(communityId)),
                                ":thread", s(Keys.THREAD_PREFIX + rootId + "#")))
                        .consistentRead(false))
                .stream().map(PostItems::post).forEach(thread::add);
        return thread;
    }

    /**
     * The person's reaction item first (its condition makes a reaction count once), then the count on the post.
     * An emoji new to the post joins its set of emoji on the condition that the set has room: when it has none,
     * or the post was hidden or removed meanwhile, the reaction item is taken back. The last reaction with an
     * emoji taken back leaves the post (one more write, on the condition that nobody reacted with it meanwhile).
     */
    @Override
    public Reacted react(Post post, String emoji, String personId, boolean add) {
        Map<String, AttributeValue> reaction = Keys.reaction(post.id(), emoji, personId);
        if (add && !table.putNew(REACT, reaction)) {
            return Reacted.UNCHANGED;
        }
        if (!add && table.delete(REACT, reaction, "attribute_exists(pk)").isEmpty()) {
            return Reacted.UNCHANGED;
        }
        String attribute = PostItems.REACTION_PREFIX + emoji;
        Map<String, String> names = new HashMap<>(Map.of("#count", attribute, "#emoji", PostItems.EMOJI));
        AttributeValue kind = AttributeValue.fromSs(List.of(emoji));
        if (!add) {
            Optional<Map<String, AttributeValue>> before = table.update(REACT, PostItems.postKey(post), "ADD #count :minus",
                    "attribute_exists(pk)", Map.of("#count", attribute), Map.of(":minus", Items.n(-1)),
                    old -> counted(old, attribute, -1, null));
            if (before.isPresent() && countOf(before.get(), attribute) <= 1) {
                table.update(REACT, PostItems.postKey(post), "REMOVE #count DELETE #emoji :kind", "#count = :zero", names,
                        Map.of(":kind", kind, ":zero", Items.n(0)), old -> {
                            Map<String, AttributeValue> after = new HashMap<>(old);
                            after.remove(attribute);
                            return after;
                        });
            }
            return before.isPresent() ? Reacted.CHANGED : Reacted.UNCHANGED;
        }
        names.putAll(STATE);
        Table.Updated counted = table.updateOrShow(REACT, PostItems.postKey(post), "ADD #count :one, #emoji :kind",
                OPEN_POST + " AND (attribute_exists(#count) OR attribute_not_exists(#emoji) OR size(#emoji) < :most)",
                names, Map.of(":one", Items.n(1), ":kind", kind, ":most", Items.n(Post.MAX_EMOJI)),
                old -> counted(old, attribute, 1, emoji));
        if (counted.applied()) {
            return Reacted.CHANGED;
        }
        table.delete(REACT, reaction, "attribute_exists(pk)");
        boolean open = counted.item().filter(item -> !item.containsKey(PostItems.REMOVED) && !item.containsKey(PostItems.HIDDEN))
                .isPresent();
        return open ? Reacted.FULL : Reacted.UNCHANGED;
    }

    /** The post item after its count of an emoji changed (and, adding one, the emoji joined its set), for metering. */
    private static Map<String, AttributeValue> counted(Map<String, AttributeValue> old, String attribute, int change,
            String added) {
        Map<String, AttributeValue> after = new HashMap<>(old);
        after.put(attribute, Items.n(change + countOf(old, attribute)));
        if (added != null) {
            java.util.Set<String> emoji = new java.util.TreeSet<>(old.containsKey(PostItems.EMOJI)
                    ? old.get(PostItems.EMOJI).ss() : List.of());
            emoji.add(added);
            after.put(PostItems.EMOJI, AttributeValue.fromSs(List.copyOf(emoji)));
        }
        return after;
    }

    private static long countOf(Map<String, AttributeValue> item, String attribute) {
        AttributeValue count = item.get(attribute);
        return count == null || count.n() == null ? 0 : Long.parseLong(count.n());
    }

    @Override
    public boolean edit(Post post, String authorId, String text) {
        boolean edited = rewrite(post, authorId, text);
        if (edited && post.isReply()) {
            // The thread's first post shows the edited words when this reply is its latest.
            String preview = post.editedTo(text).preview();
            table.update(EDIT, Keys.key(Keys.community(post.communityId()), Keys.post(post.rootId())), "SET #latest = :now",
                    "#latest = :was", Map.of("#latest", PostItems.LATEST_REPLY),
                    Map.of(":was", s(post.preview()), ":now", s(preview)), old -> {
                        Map<String, AttributeValue> after = new HashMap<>(old);
                        after.put(PostItems.LATEST_REPLY, s(preview));
                        return after;
                    });
        }
        return edited;
    }

    private boolean rewrite(Post post, String authorId, String text) {
        return table.update(EDIT, PostItems.postKey(post), "SET #text = :text, #edited = :yes",
                "authorId = :me AND attribute_not_exists(#removed) AND attribute_not_exists(#hidden)",
                Map.of("#text", Items.TEXT, "#edited", PostItems.EDITED, "#removed", PostItems.REMOVED, "#hidden", PostItems.HIDDEN),
                Map.of(":text", s(text), ":yes", AttributeValue.fromBool(true), ":me", s(authorId)), old -> {
                    Map<String, AttributeValue> after = new HashMap<>(old);
                    after.put(Items.TEXT, s(text));
                    after.put(PostItems.EDITED, AttributeValue.fromBool(true));
                    return after;
                }).isPresent();
    }

    /** As erase-my-data does it: the post keeps its key (its place in its thread), without author or text. */
    @Override
    public boolean delete(Post post, String authorId, AuditEntry entry) {
        boolean deleted = table.update(DELETE, PostItems.postKey(post), REMOVE_AUTHOR, "authorId = :me", REMOVAL_NAMES,
                Map.of(":yes", AttributeValue.fromBool(true), ":me", s(authorId)), DynamoConversations::removed)
                .isPresent();
        if (deleted) {
            table.putNew(DELETE, audit(entry));
            if (post.isReply()) {
                forgetPreview(table, DELETE, post);
            }
        }
        return deleted;
    }

    /**
     * A removed post keeps its key (its place in its community and thread) without author or text; it leaves
     * the author's index (erasing them does not find it again) and the community's questions.
     */
    static final String REMOVE_AUTHOR = "SET #removed = :yes REMOVE authorId, authorName, #text, #gsi2pk, #gsi2sk, #gsi1pk, #gsi1sk";
    static final Map<String, String> REMOVAL_NAMES = Map.of("#removed", PostItems.REMOVED, "#text", Items.TEXT,
            "#gsi2pk", Keys.GSI2_PK, "#gsi2sk", Keys.GSI2_SK, "#gsi1pk", Keys.GSI1_PK, "#gsi1sk", Keys.GSI1_SK);

    /** The item as {@link #REMOVE_AUTHOR} leaves it, for metering. */
    static Map<String, AttributeValue> removed(Map<String, AttributeValue> old) {
        Map<String, AttributeValue> after = new HashMap<>(old);
        after.keySet().removeAll(List.of("authorId", "authorName", Items.TEXT, Keys.GSI2_PK, Keys.GSI2_SK, Keys.GSI1_PK,
                Keys.GSI1_SK));
        after.put(PostItems.REMOVED, AttributeValue.fromBool(true));
        return after;
    }

    /** The thread's first post stops showing a deleted (or erased) reply's words, when that reply was its latest. */
    static void forgetPreview(Table table, String operation, Post reply) {
        String preview = reply.preview();
        table.update(operation, Keys.key(Keys.community(reply.communityId()), Keys.post(reply.rootId())), "REMOVE #latest",
                "#latest = :preview", Map.of("#latest", PostItems.LATEST_REPLY), Map.of(":preview", s(preview)), old -> {
                    Map<String, AttributeValue> after = new HashMap<>(old);
                    after.remove(PostItems.LATEST_REPLY);
                    return after;
                });
    }

    @Override
    public boolean hide(Post post, String reason, AuditEntry entry) {
        Map<String, String> names = new HashMap<>(STATE);
        boolean hidden = table.update(HIDE, PostItems.postKey(post), "SET #hidden = :reason", OPEN_POST, names,
                Map.of(":reason", s(reason)), old -> {
                    Map<String, AttributeValue> after = new HashMap<>(old);
                    after.put(PostItems.HIDDEN, s(reason));
                    return after;
                }).isPresent();
        if (hidden) {
            table.putNew(HIDE, audit(entry));
            if (post.isReply()) {
                // As for a deleted reply: its words leave the first post, whose copies are then drawn again.
                forgetPreview(table, HIDE, post);
            }
        }
        return hidden;
    }

    @Override
    public List<AuditEntry> audit(String communityId, int limit) {
        return table.query(AUDIT, q -> q
                        .keyConditionExpression("pk = :community AND begins_with(sk, :audit)")
                        .expressionAttributeValues(Map.of(":community", s(Keys.community(communityId)),
                                ":audit", s(Keys.AUDIT_PREFIX)))
                        .scanIndexForward(false)
                        .limit(limit)
                        .consistentRead(false))
                .stream().map(DynamoConversations::audit).toList();
    }

    private static Map<String, AttributeValue> audit(AuditEntry entry) {
        Map<String, AttributeValue> item = new HashMap<>(Keys.audit(entry.communityId(), entry.id()));
        item.put("action", s(entry.action()));
        item.put("post", s(entry.post()));
        item.put("actorId", s(entry.actorId()));
        item.put("actorName", s(entry.actorName()));
        // Under its actor in the keys-only index: erasing them finds the entries that name them.
        item.put(Keys.GSI2_PK, s(Keys.person(entry.actorId())));
        item.put(Keys.GSI2_SK, s(Keys.AUDIT_PREFIX + entry.id()));
        if (entry.reason() != null) {
            item.put("reason", s(entry.reason()));
        }
        item.put(Items.AT, s(entry.at().toString()));
        return item;
    }

    private static AuditEntry audit(Map<String, AttributeValue> item) {
        return new AuditEntry(Keys.idIn(Items.str(item, Keys.SK), Keys.AUDIT_PREFIX),
                Keys.idIn(Items.str(item, Keys.PK), Keys.COMMUNITY_PREFIX), Items.str(item, "action"),
                Items.str(item, "post"), Items.optional(item, "actorId").orElse(null), Items.str(item, "actorName"),
                Items.optional(item, "reason").orElse(null), Instant.parse(Items.str(item, Items.AT)));
    }
}
