package ciment.infra.dynamo;

import static ciment.infra.dynamo.Keys.s;

import ciment.core.model.Platform;
import ciment.core.model.Post;
import ciment.core.port.MirrorCopies;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Where each post shows, conversation by conversation, one small item each: {@code COPY#<postId>} /
 * {@code <platform>#<conversationId>}, holding the message's id once it is sent. Mirroring claims the item
 * before it sends (a conditional put), and says sent with the message's id after: a retried stream record
 * finds the copy sent and sends nothing. The post's origin (the channel message it was made from) and the
 * bot's own answers showing it are copies too, so mirroring never sends the post where it shows already.
 * No person's words, name or id are in it.
 */
public final class DynamoMirrors implements MirrorCopies {
    static final String CLAIM = "mirrors.claim";
    static final String SENT = "mirrors.sent";
    static final String COPIES = "mirrors.copies";
    static final String PREFIX = "COPY#";
    /**
     * A claim older than this was left by an attempt that stopped: the copy may or may not have been sent. It is the
     * delivery functions' timeout in template.yaml (a test holds them equal): an invocation that claimed a copy has
     * ended, one way or another, when its claim is this old, since it started before claiming.
     */
    public static final Duration CLAIM_LASTS = Duration.ofSeconds(60);

    private static final String STATE = "state";
    private static final String MESSAGE_ID = "messageId";
    private static final String ORIGIN = "origin";
    private static final String CLAIMED_AT = "claimedAt";
    /** When the claiming attempt's invocation ends at the latest (its deadline): the claim lapses then. */
    private static final String HELD_UNTIL = "heldUntil";

    private final Table table;
    private final DynamoMessageCopies messages;

    public DynamoMirrors(DynamoDbClient client, String tableName, CapacityMeter meter) {
        this(new Table(client, tableName, meter));
    }

    DynamoMirrors(Table table) {
        this.table = table;
        this.messages = new DynamoMessageCopies(table);
    }

    /** A claim by an attempt that may run until {@code now} + {@link #CLAIM_LASTS}. */
    public Claim claim(Post post, Platform platform, String conversationId, Instant now) {
        return claim(post, platform, conversationId, now, now.plus(CLAIM_LASTS));
    }

    /**
     * A claim by an attempt whose invocation ends by {@code heldUntil} (its deadline): the claim lapses then, or
     * {@link #CLAIM_LASTS} after it was made, whichever comes first.
     */
    @Override
    public Claim claim(Post post, Platform platform, String conversationId, Instant now, Instant heldUntil) {
        Instant until = heldUntil.isAfter(now.plus(CLAIM_LASTS)) ? now.plus(CLAIM_LASTS) : heldUntil;
        Map<String, AttributeValue> item = new HashMap<>(key(post.id(), platform, conversationId));
        item.put(STATE, s("claimed"));
        item.put(CLAIMED_AT, Items.n(now.toEpochMilli()));
        item.put(HELD_UNTIL, Items.n(until.toEpochMilli()));
        if (table.putNew(CLAIM, item)) {
            return Claim.CLAIMED;
        }
        Optional<Map<String, AttributeValue>> held = table.update(CLAIM, key(post.id(), platform, conversationId),
                "SET #claimedAt = :now, #heldUntil = :until", "attribute_not_exists(#messageId) AND (#heldUntil < :now"
                        + " OR (attribute_not_exists(#heldUntil) AND #claimedAt < :lapsed))",
                Map.of("#claimedAt", CLAIMED_AT, "#messageId", MESSAGE_ID, "#heldUntil", HELD_UNTIL),
                Map.of(":now", Items.n(now.toEpochMilli()), ":until", Items.n(until.toEpochMilli()),
                        ":lapsed", Items.n(now.minus(CLAIM_LASTS).toEpochMilli())),
                old -> {
                    Map<String, AttributeValue> after = new HashMap<>(old);
                    after.put(CLAIMED_AT, Items.n(now.toEpochMilli()));
                    after.put(HELD_UNTIL, Items.n(until.toEpochMilli()));
                    return after;
                });
        if (held.isPresent()) {
            return Claim.LAPSED;
        }
        return copy(post, platform, conversationId).filter(Copy::sent).isPresent() ? Claim.SENT : Claim.BUSY;
    }

    /** The copy was sent as this message: recorded on the copy, and as the message's (reactions and replies on it). */
    @Override
    public void sent(Post post, Platform platform, String conversationId, String messageId) {
        table.update(SENT, key(post.id(), platform, conversationId), "SET #messageId = :message, #state = :sent",
                "attribute_exists(pk)", Map.of("#messageId", MESSAGE_ID, "#state", STATE),
                Map.of(":message", s(messageId), ":sent", s("sent")), old -> {
                    Map<String, AttributeValue> after = new HashMap<>(old);
                    after.put(MESSAGE_ID, s(messageId));
                    after.put(STATE, s("sent"));
                    return after;
                });
        // The copy item is the claim just updated: only the message's item is new (no second, failing put).
        messages.recordMessage(platform, conversationId, messageId, post.reference());
    }

    /** A claim whose send failed: taken back (unless sent meanwhile), so that a retry claims it at once. */
    @Override
    public void release(Post post, Platform platform, String conversationId) {
        table.delete(CLAIM, key(post.id(), platform, conversationId), "attribute_not_exists(" + MESSAGE_ID + ")");
    }

    /**
     * A claim whose send may have been done all the same (no answer came: a timeout, a 5xx): left lapsed, unless
     * sent meanwhile, so that the next attempt finds it {@link Claim#LAPSED} and looks for the copy before sending.
     */
    @Override
    public void lapse(Post post, Platform platform, String conversationId) {
        table.update(CLAIM, key(post.id(), platform, conversationId), "SET #claimedAt = :never, #heldUntil = :never",
                "attribute_exists(pk) AND attribute_not_exists(#messageId)",
                Map.of("#claimedAt", CLAIMED_AT, "#messageId", MESSAGE_ID, "#heldUntil", HELD_UNTIL),
                Map.of(":never", Items.n(0)), old -> {
                    Map<String, AttributeValue> after = new HashMap<>(old);
                    after.put(CLAIMED_AT, Items.n(0));
                    after.put(HELD_UNTIL, Items.n(0));
                    return after;
                });
    }

    /** When the claim another attempt holds on the copy lapses; empty when none holds it (sent, or not claimed). */
    @Override
    public Optional<Instant> lapsesAt(Post post, Platform platform, String conversationId) {
        return table.get(COPIES, key(post.id(), platform, conversationId), true)
                .filter(item -> !item.containsKey(MESSAGE_ID) && item.containsKey(CLAIMED_AT))
                .map(item -> item.containsKey(HELD_UNTIL) ? Instant.ofEpochMilli(Long.parseLong(item.get(HELD_UNTIL).n()))
                        : Instant.ofEpochMilli(Long.parseLong(item.get(CLAIMED_AT).n())).plus(CLAIM_LASTS));
    }

    /** Every copy of a post (or reply: its id), on every tool. */
    @Override
    public List<Copy> copiesOf(String postId) {
        return table.queryAll(COPIES, q -> q.keyConditionExpression("pk = :post")
                        .expressionAttributeValues(Map.of(":post", s(PREFIX + postId)))
                        .consistentRead(true))
                .stream().map(DynamoMirrors::copy).toList();
    }

    /** A post or reply as a stream record's image holds it; empty for any other item. */
    public static Optional<Post> post(Map<String, AttributeValue> image) {
        AttributeValue sk = image.get(Keys.SK);
        AttributeValue pk = image.get(Keys.PK);
        boolean post = pk != null && pk.s() != null && pk.s().startsWith(Keys.COMMUNITY_PREFIX) && sk != null
                && sk.s() != null && (sk.s().startsWith(Keys.POST_PREFIX) || sk.s().startsWith(Keys.THREAD_PREFIX));
        return post ? Optional.of(PostItems.post(image)) : Optional.empty();
    }

    private Optional<Copy> copy(Post post, Platform platform, String conversationId) {
        return table.get(COPIES, key(post.id(), platform, conversationId), true).map(DynamoMirrors::copy);
    }

    /** A copy already sent (an answer of the bot, a mirror) or the post's origin: written whole, no claim. */
    static Map<String, AttributeValue> sentCopy(String postRef, Platform platform, String conversationId,
            String messageId, boolean origin) {
        Map<String, AttributeValue> item = new HashMap<>(key(postRef.substring(postRef.length() - 26), platform,
                conversationId));
        item.put(STATE, s("sent"));
        item.put(MESSAGE_ID, s(messageId));
        if (origin) {
            item.put(ORIGIN, AttributeValue.fromBool(true));
        }
        return item;
    }

    private static Map<String, AttributeValue> key(String postId, Platform platform, String conversationId) {
        return Keys.key(PREFIX + postId, platform.key() + "#" + conversationId);
    }

    private static Copy copy(Map<String, AttributeValue> item) {
        String sk = Items.str(item, Keys.SK);
        int hash = sk.indexOf('#');
        return new Copy(Items.platform(sk.substring(0, hash)), sk.substring(hash + 1),
                Items.optional(item, MESSAGE_ID).orElse(null), Items.bool(item, ORIGIN));
    }
}
