package ciment.infra.dynamo;

import ciment.core.model.ChatAccount;
import ciment.core.model.Platform;
import ciment.core.model.Post;
import ciment.core.model.Slug;
import ciment.core.port.Digests;
import ciment.core.port.People;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * The table's key plan (ARCHITECTURE.md, "Data: one DynamoDB table"): every key Ciment writes is spelled here.
 * Beside ARCHITECTURE.md's table: a join request is {@code C#<id>} / {@code REQ#<personId>}; an identity link
 * is also in the index as {@code P#<personId>} / {@code ID#<platform>#<workspace>#<userId>} (a person's
 * accounts); a declared role or skill is {@code TOPIC#<key>} / {@code P#<personId>#ROLE|SKILL} (`who`).
 *
 * <p>Issue 3, part 2 (one person across tools, guests, invitations):
 * <ul>
 * <li>an email claim {@code EMAIL#<lower-case address>} / {@code EMAIL} names the one person who holds the
 *     address ({@code personId}); the PROFILE keeps it too ({@code email});</li>
 * <li>a person's {@code guest} flag is on PROFILE and on each identity link (resolving a caller stays one
 *     read); a person merged into another keeps their PROFILE with {@code mergedInto} (an alias: their posts
 *     keep their id);</li>
 * <li>an invitation is {@code C#<id>} / {@code INV#<personId>} (invitedBy, at, slug), in the index as
 *     {@code P#<personId>} / {@code INV#C#<id>} (a person's invitations);</li>
 * <li>a join request is also in the index, as {@code P#<personId>} / {@code REQ#C#<id>} (a person's requests,
 *     which a merge moves).</li>
 * </ul>
 *
 * <p>Issue 3, part 3 (notices): a notice waiting for delivery is {@code OUT#<noticeId>} / {@code OUT}, alone in
 * its partition and not in the index; the delivery functions' stream filters select it by {@code sk} and
 * {@code platform}. A join request keeps where its answer goes in a map attribute, {@code replyTo}.
 *
 * <p>Issue 3, item 8 (erase-my-data): a second index, {@code gsi2} (keys only), holds what names a person
 * outside their own items, so that erasing them needs no scan: a post is {@code P#<authorId>} /
 * {@code POST#<postId>}; an invitation {@code P#<invitedBy>} / {@code INV#C#<id>#<inviteeId>}; the PROFILE of
 * a person merged into another {@code P#<intoId>} / {@code ALIAS#<fromId>}; a notice {@code ID#<account>} /
 * {@code OUT#<noticeId>} (under the account it is for). A post saved by someone else that carries the words of an
 * account's user ("Save to community") is named beside that account's identity link: {@code ID#<account>} /
 * {@code CREDIT#<postId>}, with the post's key ({@code postPk}, {@code postSk}). A person being erased has {@code erasing} on their
 * PROFILE and identity links; a removed post has {@code removed} and no author or text.
 *
 * <p>Issue 6 (metering; spelled in {@code UsageMeter} and {@link DynamoUsage}): a day of an owner's usage is
 * {@code C#<id>} (or {@code PLATFORM}) / {@code USE#<yyyy-mm-dd>}, in gsi2 (keys only) as {@code USE#<yyyy-mm>} /
 * {@code <owner>#<dd>}; a budget is {@code C#<id>} / {@code BUDGET}; an alert claimed is {@code C#<id>} /
 * {@code ALERT#<yyyy-mm>#<percent>}. A request is a community's when its partition is {@code C#<id>} or
 * {@code Q#<id>} (its questions in gsi1).
 *
 * <p>Issue 17 (the digest; {@link DynamoDigests}): a person's digest item is {@code DIGEST#<n>} / {@code P#<person>},
 * n = the person id's hash mod 16, holding their chosen cadence and the last day they made a request.
 */
final class Keys {
    static final String PK = "pk";
    static final String SK = "sk";
    static final String GSI1 = "gsi1";
    static final String GSI1_PK = "gsi1pk";
    static final String GSI1_SK = "gsi1sk";
    static final String GSI2 = "gsi2";
    static final String GSI2_PK = "gsi2pk";
    static final String GSI2_SK = "gsi2sk";
    static final String ALIAS_PREFIX = "ALIAS#";

    static final String META = "META";
    static final String SLUG = "SLUG";
    static final String PROFILE = "PROFILE";
    static final String IDENTITY = "ID";
    static final String CATALOG = "CATALOG";
    static final String MEMBER_PREFIX = "M#";
    static final String POST_PREFIX = "POST#";
    static final String THREAD_PREFIX = "THREAD#";
    static final String REACTION_PREFIX = "R#";
    static final String AUDIT_PREFIX = "AUDIT#";
    static final String QUESTIONS_PREFIX = "Q#";
    static final String KNOWLEDGE_PREFIX = "KNOW#";
    static final String COMMUNITY_PREFIX = "C#";
    static final String PERSON_PREFIX = "P#";
    static final String REQUEST_PREFIX = "REQ#";
    static final String IDENTITY_PREFIX = "ID#";
    static final String TOPIC_PREFIX = "TOPIC#";
    static final String EMAIL = "EMAIL";
    static final String EMAIL_PREFIX = "EMAIL#";
    static final String INVITATION_PREFIX = "INV#";
    static final String OUTBOX = "OUT";
    static final String OUTBOX_PREFIX = "OUT#";
    /** Issue 14: a post carrying the words of an account's user, saved by someone else: {@code ID#<account>} / {@code CREDIT#<postId>}. */
    static final String CREDIT_PREFIX = "CREDIT#";
    /** Issue 6: a role an admin granted is {@code GRANT#<ROLE>} / {@code P#<personId>} (DynamoGrants). */
    static final String GRANT_PREFIX = "GRANT#";
    static final String LIMIT_PREFIX = "LIMIT#";
    static final String DIGEST_PREFIX = "DIGEST#";

    private Keys() {
    }

    static String community(String communityId) {
        return COMMUNITY_PREFIX + communityId;
    }

    static String member(String personId) {
        return MEMBER_PREFIX + personId;
    }

    static String person(String personId) {
        return PERSON_PREFIX + personId;
    }

    /** A query of the first index's entries under a person whose sort key starts with {@code prefix}. */
    static Consumer<QueryRequest.Builder> underPerson(String personId, String prefix) {
        return q -> q.indexName(GSI1)
                .keyConditionExpression("gsi1pk = :person AND begins_with(gsi1sk, :prefix)")
                .expressionAttributeValues(Map.of(":person", s(person(personId)), ":prefix", s(prefix)));
    }

    static String request(String personId) {
        return REQUEST_PREFIX + personId;
    }

    static String invitation(String personId) {
        return INVITATION_PREFIX + personId;
    }

    static String topic(String topicKey) {
        return TOPIC_PREFIX + topicKey;
    }

    static String slug(Slug slug) {
        return "SLUG#" + slug.value();
    }

    static String post(String postId) {
        return POST_PREFIX + postId;
    }

    /** The questions of a community, in the first index: {@code open#<id>} until one is answered, then {@code done#<id>}. */
    static String questions(String communityId) {
        return QUESTIONS_PREFIX + communityId;
    }

    static String question(String postId, boolean answered) {
        return (answered ? "done#" : "open#") + postId;
    }

    /** A post pinned as knowledge: a small item beside the community's posts, naming it by key (no copy of its words). */
    static String knowledge(Post post) {
        return KNOWLEDGE_PREFIX + post.id();
    }

    /** A reply, beside its thread's first post in the community's partition (issue 4). */
    static String reply(String rootId, String replyId) {
        return THREAD_PREFIX + rootId + "#" + replyId;
    }

    /**
     * One person's reaction with one emoji: {@code P#<personId>} / {@code R#<postId>#<emoji>}. In the person's
     * own partition (not ARCHITECTURE.md's {@code POST#<postId>} / {@code R#<emoji>#<personId>}): erase-my-data
     * finds them there with no index entry, so a reaction stays one small write.
     */
    static Map<String, AttributeValue> reaction(String postId, String emoji, String personId) {
        return key(person(personId), REACTION_PREFIX + postId + "#" + emoji);
    }

    /**
     * A person's writes of one kind in one window (issue 14): {@code P#<personId>} / {@code LIMIT#<kind>#<window
     * start, epoch seconds>}, in their own partition so that erase-my-data finds it without an index.
     */
    static Map<String, AttributeValue> limit(String personId, String kind, long windowStartSeconds) {
        return key(person(personId), LIMIT_PREFIX + kind + "#" + windowStartSeconds);
    }

    /** A moderation action in a community's audit trail: {@code C#<communityId>} / {@code AUDIT#<ulid>}. */
    static Map<String, AttributeValue> audit(String communityId, String entryId) {
        return key(community(communityId), AUDIT_PREFIX + entryId);
    }

    static String identity(ChatAccount account) {
        return IDENTITY_PREFIX + account.platform().key() + "#" + account.workspace() + "#" + account.userId();
    }

    /**
     * "ID#slack#T0001#U123" gives the account back. Workspaces (Slack team ids, Teams tenant GUIDs)
     * hold no "#"; a user id may, so it is everything after the workspace.
     */
    static ChatAccount account(String identityKey) {
        String[] parts = idIn(identityKey, IDENTITY_PREFIX).split("#", 3);
        if (parts.length != 3) {
            throw new IllegalStateException("not an identity key: " + identityKey);
        }
        return new ChatAccount(Platform.valueOf(parts[0].toUpperCase(Locale.ROOT)), parts[1], parts[2]);
    }

    /** "C#01J..." gives "01J...": ids are kept once, in the key. */
    static String idIn(String key, String prefix) {
        if (!key.startsWith(prefix)) {
            throw new IllegalStateException("expected a key starting with " + prefix + ": " + key);
        }
        return key.substring(prefix.length());
    }

    static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of(PK, s(pk), SK, s(sk));
    }

    static Map<String, AttributeValue> communityMeta(String communityId) {
        return key(community(communityId), META);
    }

    static Map<String, AttributeValue> membership(String communityId, String personId) {
        return key(community(communityId), member(personId));
    }

    static Map<String, AttributeValue> slugClaim(Slug slug) {
        return key(slug(slug), SLUG);
    }

    static Map<String, AttributeValue> identityLink(ChatAccount account) {
        return key(identity(account), IDENTITY);
    }

    /** Beside the account's identity link, in its partition: found by the account, whoever it belongs to by then. */
    static Map<String, AttributeValue> credit(ChatAccount author, String postId) {
        return key(identity(author), CREDIT_PREFIX + postId);
    }

    static Map<String, AttributeValue> joinRequest(String communityId, String personId) {
        return key(community(communityId), request(personId));
    }

    static Map<String, AttributeValue> invitation(String communityId, String personId) {
        return key(community(communityId), invitation(personId));
    }

    /** Addresses are compared in lower case: a claim exists once per address, however it was typed. */
    static Map<String, AttributeValue> emailClaim(String email) {
        return key(EMAIL_PREFIX + address(email), EMAIL);
    }

    static String address(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    static Map<String, AttributeValue> outbox(String noticeId) {
        return key(OUTBOX_PREFIX + noticeId, OUTBOX);
    }

    static Map<String, AttributeValue> profile(String personId) {
        return key(person(personId), PROFILE);
    }

    /** One entry per kind, so that a topic declared both as a role and a skill keeps one when the other goes. */
    static Map<String, AttributeValue> topicEntry(String topicKey, String personId, People.Kind kind) {
        return key(topic(topicKey), person(personId) + "#" + kind.name());
    }

    static Map<String, AttributeValue> grant(ciment.core.model.Grant grant, String personId) {
        return key(GRANT_PREFIX + grant.name(), person(personId));
    }

    /** A person's digest item, in one of the shards the digest run queries (issue 17). */
    static Map<String, AttributeValue> digest(String personId) {
        return key(digestShard(Digests.shardOf(personId)), person(personId));
    }

    static String digestShard(int shard) {
        return DIGEST_PREFIX + shard;
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
