package ciment.infra.dynamo;

import static ciment.infra.dynamo.Items.bool;
import static ciment.infra.dynamo.Items.num;
import static ciment.infra.dynamo.Items.optional;
import static ciment.infra.dynamo.Items.platform;
import static ciment.infra.dynamo.Items.str;
import static ciment.infra.dynamo.Keys.s;

import ciment.core.model.ChatAccount;
import ciment.core.model.Post;
import ciment.core.model.Slug;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Posts (a thread's first post and its replies) to items and back, and the credits that tie a post to the
 * account whose words it carries. Ids that the key already holds are not repeated in a post.
 */
final class PostItems {
    static final String QUESTION = "question";
    static final String ANSWER_ID = "answerId";
    static final String PINNED = "pinned";
    static final String REMOVED = "removed";
    static final String REPLIES = "replies";
    static final String LATEST_REPLY = "latestReply";
    static final String HIDDEN = "hidden";
    static final String EDITED = "edited";
    /** A reaction count on a post: one number attribute per emoji, R#<emoji>, kept by atomic ADD. */
    static final String REACTION_PREFIX = "R#";
    /**
     * The emoji a post shows, as a string set beside their counts: its size is what bounds them
     * ({@link ciment.core.model.Post#MAX_EMOJI}) in the condition of the update that adds one.
     */
    static final String EMOJI = "emoji";
    static final String POST_PK = "postPk";
    static final String POST_SK = "postSk";

    private PostItems() {
    }

    /**
     * A post is not in the first index: a copy there would double its write units. It is in the second
     * (keys only: one small write) under its author, so that erasing them finds their posts.
     */
    static Map<String, AttributeValue> post(Post p) {
        Map<String, AttributeValue> item = new HashMap<>(postKey(p));
        item.put(Keys.GSI2_PK, s(Keys.person(p.authorId())));
        item.put(Keys.GSI2_SK, s(Keys.post(p.id())));
        item.put("slug", s(p.slug().value()));
        item.put("authorId", s(p.authorId()));
        item.put("authorName", s(p.authorName()));
        item.put("origin", s(p.origin().key()));
        item.put("text", s(p.text()));
        item.put("createdAt", s(p.createdAt().toString()));
        if (p.isQuestion()) {
            // In the first index under its community's questions: ask costs one index write more than post.
            item.put(QUESTION, AttributeValue.fromBool(true));
            item.put(Keys.GSI1_PK, s(Keys.questions(p.communityId())));
            item.put(Keys.GSI1_SK, s(Keys.question(p.id(), false)));
        }
        return item;
    }

    /**
     * A thread's first post is {@code C#<communityId>} / {@code POST#<id>}; a reply {@code C#<communityId>} /
     * {@code THREAD#<rootId>#<id>}: beside its thread, out of the feed's POST# range, found by its key.
     */
    static Map<String, AttributeValue> postKey(Post p) {
        return Keys.key(Keys.community(p.communityId()), p.isReply() ? Keys.reply(p.rootId(), p.id()) : Keys.post(p.id()));
    }

    /**
     * A removed post (its author erased their data or deleted it) has no author and no text: it reads as
     * removed, keeping its replies and counts. A hidden one shows the steward's reason in place of its text.
     */
    static Post post(Map<String, AttributeValue> item) {
        String sk = str(item, Keys.SK);
        boolean reply = sk.startsWith(Keys.THREAD_PREFIX);
        String id = reply ? sk.substring(sk.lastIndexOf('#') + 1) : Keys.idIn(sk, Keys.POST_PREFIX);
        String rootId = reply ? Keys.idIn(sk, Keys.THREAD_PREFIX).split("#")[0] : null;
        Map<String, Integer> reactions = new HashMap<>();
        item.forEach((name, value) -> {
            if (name.startsWith(REACTION_PREFIX) && value.n() != null) {
                reactions.put(name.substring(REACTION_PREFIX.length()), Integer.parseInt(value.n()));
            }
        });
        boolean removed = bool(item, REMOVED);
        Post post = new Post(id, Keys.idIn(str(item, Keys.PK), Keys.COMMUNITY_PREFIX), new Slug(str(item, "slug")),
                removed ? null : str(item, "authorId"), removed ? Post.REMOVED : str(item, "authorName"),
                platform(str(item, "origin")), removed ? Post.REMOVED_TEXT : str(item, "text"),
                Instant.parse(str(item, "createdAt")), rootId,
                item.containsKey(REPLIES) ? num(item, REPLIES) : 0, optional(item, LATEST_REPLY).orElse(null),
                reactions, null, bool(item, EDITED),
                new Post.Marks(bool(item, QUESTION), optional(item, ANSWER_ID).orElse(null), bool(item, PINNED)));
        if (removed) {
            return post.asRemoved();
        }
        return optional(item, HIDDEN).map(post::hiddenFor).orElse(post);
    }

    /** A post that carries the words of the account's user: the post's key, beside the account's link. */
    static Map<String, AttributeValue> credit(ChatAccount author, Post p) {
        Map<String, AttributeValue> item = new HashMap<>(Keys.credit(author, p.id()));
        Map<String, AttributeValue> post = postKey(p);
        item.put(POST_PK, post.get(Keys.PK));
        item.put(POST_SK, post.get(Keys.SK));
        return item;
    }

    /** The key of the post a credit names. */
    static Map<String, AttributeValue> creditedPost(Map<String, AttributeValue> credit) {
        return Map.of(Keys.PK, credit.get(POST_PK), Keys.SK, credit.get(POST_SK));
    }
}
