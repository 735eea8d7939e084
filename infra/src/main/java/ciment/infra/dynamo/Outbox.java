package ciment.infra.dynamo;

import static ciment.infra.dynamo.Keys.s;

import ciment.core.config.Settings;
import ciment.core.model.Announcement;
import ciment.core.model.Notice;
import ciment.core.port.Notices;
import ciment.infra.aws.DynamoClients;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The outbox: notices waiting for delivery, one item each ({@code OUT#<id>} / {@code OUT}), which the
 * table's stream hands to the delivery function of the recipient's platform. The item also keeps its
 * delivery's state, so that a record Lambda hands over again (a retried batch) is sent once:
 * <ul>
 * <li>{@code claimedAt} (epoch ms) while an attempt sends it, {@code attempts} so far;</li>
 * <li>{@code deliveredAt} once sent; {@code lastError} after a failed attempt.</li>
 * </ul>
 * A claim lasts {@link #CLAIM_LASTS}: an attempt that crashed between claim and delivered leaves a claim
 * that a later retry may take over (it then sends again: the platform may show the notice twice).
 * Every request is metered under {@code outbox.*}.
 */
public final class Outbox implements Notices, ciment.core.port.Outbox {
    static final String SEND = "outbox.send";
    static final String CLAIM = "outbox.claim";
    static final String DELIVERED = "outbox.delivered";
    static final String RELEASED = "outbox.released";
    static final String SEND_ONCE = "outbox.sendOnce";
    /** On an identity link: when Ciment introduced itself to the account's person (Slack's App Home). */
    static final String INTRODUCED_AT = "introducedAt";
    /** The mark that Ciment introduced itself in a conversation: {@code INTRO#<tool>#<conversation>} / {@code INTRO}. */
    static final String INTRODUCTION = "INTRO";
    /** An identity link is a few hundred bytes: the update of its mark is bounded by one write unit. */
    private static final long IDENTITY_BYTES_AT_MOST = CapacityCalculator.WRITE_UNIT_BYTES;

    /** How long a notice is kept, delivered or not: longer than a stream keeps its records (24 h). */
    static final Duration KEPT_FOR = Duration.ofDays(3);
    /** A claim older than this was made by an attempt that crashed or timed out: it may be claimed again. */
    public static final Duration CLAIM_LASTS = Duration.ofMinutes(1);

    static final String CLAIMED_AT = "claimedAt";
    static final String ATTEMPTS = "attempts";
    static final String DELIVERED_AT = "deliveredAt";
    static final String LAST_ERROR = "lastError";
    private static final int ERROR_CHARS = 500;
    static final String REACHED = "outbox.reached";
    private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);
    private static final String UNDELIVERED = "attribute_exists(" + Keys.PK + ") AND attribute_not_exists("
            + DELIVERED_AT + ")";

    private final Table table;

    public Outbox(DynamoDbClient client, String tableName, CapacityMeter meter) {
        this(new Table(client, tableName, meter));
    }

    Outbox(Table table) {
        this.table = table;
    }

    /** The outbox a delivery function uses: its client (once per container), table and meter from the settings. */
    public static Outbox fromSettings(Settings settings) {
        return new Outbox(DynamoClients.create(settings), settings.table(), CapacityMeter.forSettings(settings));
    }

    /** One conditional put: a notice written twice (same id) is kept once. */
    @Override
    public void send(Notice notice) {
        table.putNew(SEND, NoticeItems.notice(notice, notice.at().plus(KEPT_FOR)));
    }

    /**
     * The mark and the notice in one transaction, each on its condition (the mark not made yet, the notice not
     * written yet): false, with nothing written, when either was there. Unlike the notice, which expires, the mark
     * lasts: on the identity link (erased with its person), or an item of the conversation's own.
     */
    @Override
    public boolean sendOnce(Notice notice, Once once) {
        if (once instanceof Once.Account account && marked(account)) {
            return false;
        }
        Write mark = switch (once) {
            case Once.Account account -> Write.update(table.name(), Keys.identityLink(account.account()),
                    "SET " + INTRODUCED_AT + " = :at", "attribute_exists(" + Keys.PK + ") AND attribute_not_exists("
                            + INTRODUCED_AT + ")", Map.of(":at", s(notice.at().toString())), IDENTITY_BYTES_AT_MOST, true);
            case Once.Conversation conversation -> Write.putNew(table.name(), introduction(conversation, notice.at()));
        };
        Table.Outcome outcome = table.transact(SEND_ONCE, List.of(mark,
                Write.putNew(table.name(), NoticeItems.notice(notice, notice.at().plus(KEPT_FOR)))));
        if (outcome.committed()) {
            return true;
        }
        if (outcome.conditionFailed(0) || outcome.conditionFailed(1)) {
            return false;
        }
        throw new IllegalStateException("notice " + notice.id() + " not written: " + outcome.reasons());
    }

    /**
     * Whether the identity link has its mark already: each App Home opening asks, and half a read unit costs far
     * less than the transaction's two failed transactional writes. An eventually consistent read may miss a
     * mark made just now: the transaction's condition still refuses the second notice.
     */
    private boolean marked(Once.Account account) {
        return table.get(SEND_ONCE, Keys.identityLink(account.account()), false)
                .map(link -> link.containsKey(INTRODUCED_AT)).orElse(false);
    }

    /** The mark of an introduction in a conversation: its key, and when it was made. */
    static Map<String, AttributeValue> introduction(Once.Conversation conversation, Instant at) {
        Map<String, AttributeValue> item = new HashMap<>(Keys.key(INTRODUCTION + "#" + conversation.platform().key()
                + "#" + conversation.conversationId(), INTRODUCTION));
        item.put("at", s(at.toString()));
        return item;
    }

    /**
     * The notice in an outbox item (as the stream shows it); empty when the item is something else. An
     * outbox item that cannot be read fails (IllegalStateException): it is a poison record.
     */
    public static Optional<Notice> notice(Map<String, AttributeValue> item) {
        AttributeValue pk = item.get(Keys.PK);
        AttributeValue sk = item.get(Keys.SK);
        boolean outbox = pk != null && pk.s() != null && pk.s().startsWith(Keys.OUTBOX_PREFIX)
                && sk != null && Keys.OUTBOX.equals(sk.s());
        return outbox ? Optional.of(NoticeItems.notice(item)) : Optional.empty();
    }

    /**
     * Claims the notice for one attempt, by one conditional update: it succeeds when the notice is not
     * delivered and not claimed since {@code now - CLAIM_LASTS}. Give the same {@code now} to
     * {@link #released}.
     */
    @Override
    public Claim claim(String noticeId, Instant now) {
        Table.Updated updated = table.updateOrShow(CLAIM, Keys.outbox(noticeId),
                "SET " + CLAIMED_AT + " = :now ADD " + ATTEMPTS + " :one",
                UNDELIVERED + " AND (attribute_not_exists(" + CLAIMED_AT + ") OR " + CLAIMED_AT + " < :stale)",
                Map.of(), Map.of(":now", Items.n(now.toEpochMilli()), ":one", Items.n(1),
                        ":stale", Items.n(now.minus(CLAIM_LASTS).toEpochMilli())),
                old -> with(old, Map.of(CLAIMED_AT, Items.n(now.toEpochMilli()),
                        ATTEMPTS, Items.n(old.containsKey(ATTEMPTS) ? Items.num(old, ATTEMPTS) + 1 : 1))));
        if (updated.applied()) {
            return Claim.CLAIMED;
        }
        return updated.item().map(item -> item.containsKey(DELIVERED_AT) ? Claim.DELIVERED : Claim.BUSY)
                .orElse(Claim.GONE);
    }

    /** Marks the notice sent; false when it was already (or is gone). */
    @Override
    public boolean delivered(String noticeId, Instant now) {
        AttributeValue at = s(now.toString());
        return table.update(DELIVERED, Keys.outbox(noticeId), "SET " + DELIVERED_AT + " = :at", UNDELIVERED,
                Map.of(), Map.of(":at", at), old -> with(old, Map.of(DELIVERED_AT, at))).isPresent();
    }

    /**
     * Marks the notice sent; an announcement's notice, once marked, is counted reached on its announcement by an ADD:
     * only the update that marks it (its condition: not delivered yet) is followed by one, so a notice counts once.
     * Not one transaction: every member's notice counts on the same item, and concurrent transactions on one item
     * conflict, where plain updates take turns. An attempt stopped between the two leaves one member uncounted,
     * never one counted twice. False when it was already (or is gone).
     */
    @Override
    public boolean delivered(Notice notice, Instant now) {
        boolean marked = delivered(notice.id(), now);
        Optional<Announcement.Named> told = Announcement.named(notice.announcement());
        if (marked && told.isPresent()) {
            try {
                Map<String, AttributeValue> key = AnnouncementItems.key(told.get().communityId(), told.get().day());
                table.update(REACHED, key, "ADD " + AnnouncementItems.REACHED + " :one", "attribute_exists(" + Keys.PK + ")",
                        Map.of(), Map.of(":one", Items.n(1)), old -> counted(old));
            } catch (RuntimeException e) {
                // Sent and marked: retrying the record could only send it again. The count misses one.
                LOG.warn("notice {} was delivered but not counted reached: {}", notice.id(), e.toString());
            }
        }
        return marked;
    }

    private static Map<String, AttributeValue> counted(Map<String, AttributeValue> announcement) {
        Map<String, AttributeValue> after = new HashMap<>(announcement);
        int reached = announcement.containsKey(AnnouncementItems.REACHED) ? Items.num(announcement, AnnouncementItems.REACHED) : 0;
        after.put(AnnouncementItems.REACHED, Items.n(reached + 1L));
        return after;
    }

    /**
     * Gives up this attempt's claim after a failed send, so that the next retry may claim at once, and keeps
     * why it failed. Only the claim made at {@code claimedAt} is given up (not a later attempt's); false
     * when there was none.
     */
    @Override
    public boolean released(String noticeId, Instant claimedAt, String reason) {
        String error = reason == null ? "unknown" : reason.length() > ERROR_CHARS ? reason.substring(0, ERROR_CHARS) : reason;
        return table.update(RELEASED, Keys.outbox(noticeId), "REMOVE " + CLAIMED_AT + " SET " + LAST_ERROR + " = :error",
                UNDELIVERED + " AND " + CLAIMED_AT + " = :claimedAt", Map.of(),
                Map.of(":error", s(error), ":claimedAt", Items.n(claimedAt.toEpochMilli())),
                old -> {
                    Map<String, AttributeValue> after = with(old, Map.of(LAST_ERROR, s(error)));
                    after.remove(CLAIMED_AT);
                    return after;
                }).isPresent();
    }

    private static Map<String, AttributeValue> with(Map<String, AttributeValue> item, Map<String, AttributeValue> more) {
        Map<String, AttributeValue> after = new HashMap<>(item);
        after.putAll(more);
        return after;
    }
}
