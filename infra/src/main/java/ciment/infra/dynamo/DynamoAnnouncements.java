package ciment.infra.dynamo;

import static ciment.infra.dynamo.Keys.s;

import ciment.core.model.Announcement;
import ciment.core.model.Notice;
import ciment.core.model.Post;
import ciment.core.port.Announcements;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Announcements on the table ({@link AnnouncementItems}): the post and the day's claim in one transaction; an
 * acknowledgement and its count in another; members read a page at a time; the notices of a step written by
 * BatchWriteItem, but for those a step run before wrote already (a put again would be a MODIFY on the stream, never
 * an INSERT, but it would wipe their delivery's state); the next step by a conditional put.
 */
public final class DynamoAnnouncements implements Announcements {
    static final String ANNOUNCE = "announcements.announce";
    static final String FIND = "announcements.find";
    static final String LATEST = "announcements.latest";
    static final String ACKNOWLEDGE = "announcements.acknowledge";
    static final String MEMBERS = "announcements.members";
    static final String TELL = "announcements.tell";
    static final String CONTINUE = "announcements.continue";
    private static final String EXISTS = "attribute_exists(" + Keys.PK + ")";

    private final Table table;

    DynamoAnnouncements(Table table) {
        this.table = table;
    }

    @Override
    public Made announce(Announcement announcement, Post post) {
        Table.Outcome outcome = table.transact(ANNOUNCE, List.of(
                Write.putNew(table.name(), PostItems.post(post)),
                Write.putNew(table.name(), AnnouncementItems.announcement(announcement))));
        return outcome.committed() ? Made.MADE : Made.ALREADY_TODAY;
    }

    @Override
    public Optional<Announcement> find(String communityId, LocalDate day) {
        return table.get(FIND, AnnouncementItems.key(communityId, day), true).map(AnnouncementItems::announcement);
    }

    @Override
    public List<Announcement> latest(String communityId, int limit) {
        return table.query(LATEST, q -> q.keyConditionExpression("pk = :community AND begins_with(sk, :announce)")
                        .expressionAttributeValues(Map.of(":community", s(Keys.community(communityId)),
                                ":announce", s(AnnouncementItems.ANNOUNCE_PREFIX)))
                        .scanIndexForward(false).limit(limit))
                .stream().map(AnnouncementItems::announcement).toList();
    }

    @Override
    public boolean acknowledge(Announcement announcement, String personId, Instant at) {
        Map<String, AttributeValue> ack = AnnouncementItems.ack(personId, announcement, at);
        Table.Outcome outcome = table.transact(ACKNOWLEDGE, List.of(
                Write.putNew(table.name(), ack),
                Write.update(table.name(), AnnouncementItems.key(announcement.communityId(), announcement.day()),
                        "ADD " + AnnouncementItems.ACKNOWLEDGED + " :one", EXISTS, Map.of(":one", Items.n(1)),
                        ItemSizes.of(AnnouncementItems.announcement(announcement)), false)));
        return outcome.committed();
    }

    @Override
    public MemberPage members(String communityId, Optional<String> after, int limit) {
        Map<String, AttributeValue> start = after.map(id -> Keys.membership(communityId, id)).orElse(null);
        QueryResponse page = table.queryFrom(MEMBERS, q -> q
                .keyConditionExpression("pk = :community AND begins_with(sk, :member)")
                .expressionAttributeValues(Map.of(":community", s(Keys.community(communityId)),
                        ":member", s(Keys.MEMBER_PREFIX)))
                .limit(limit), start);
        var members = page.items().stream().map(CommunityItems::membership).toList();
        boolean more = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() && !members.isEmpty();
        return new MemberPage(members, more ? Optional.of(members.getLast().personId()) : Optional.empty());
    }

    /**
     * Reads which of the notices exist (a step run again: consistent reads, BatchGetItem by 100), then puts the
     * others by BatchWriteItem: a notice put again would be no INSERT (nobody told twice), but it would lose its
     * delivery's state, and a retried record of its own would then send it again.
     */
    @Override
    public void tell(List<Notice> notices) {
        if (notices.isEmpty()) {
            return;
        }
        Set<String> written = table.batchGet(TELL, notices.stream().map(n -> Keys.outbox(n.id())).toList(), true)
                .stream().map(item -> Items.str(item, Keys.PK)).collect(Collectors.toSet());
        table.batchPut(TELL, notices.stream().filter(n -> !written.contains(Keys.OUTBOX_PREFIX + n.id()))
                .map(n -> NoticeItems.notice(n, n.at().plus(Outbox.KEPT_FOR))).toList());
    }

    @Override
    public void continueAt(Announcement.Expansion next) {
        table.putNew(CONTINUE, AnnouncementItems.step(next));
    }

    /** The step an item (as the stream shows it) is; empty for any other item. */
    public static Optional<Announcement.Expansion> expansion(Map<String, AttributeValue> item) {
        return AnnouncementItems.expansion(item);
    }
}
