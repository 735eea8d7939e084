package ciment.core.model;

import ciment.core.i18n.Catalogue;
import ciment.core.i18n.Message;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A post in a community. Its id is a ULID, so ids sort by time; the author's name is kept on
 * the post so that a feed needs no read per author.
 */
public record Post(
        String id,
        String communityId,
        Slug slug,
        String authorId,
        String authorName,
        Platform origin,
        String text,
        Instant createdAt,
        String rootId,
        int replyCount,
        String latestReply,
        Map<String, Integer> reactions,
        String hiddenReason,
        boolean edited,
        Marks marks) {

    /**
     * What a post is besides its words: a question (with the id of the reply accepted as its answer, once
     * one is), knowledge pinned by a steward. On a reply, {@code answerId} is its own id when it is the
     * accepted answer (threads mark it as they are read). An announcement is a steward's post that every member
     * was also told directly.
     */
    public record Marks(boolean question, String answerId, boolean pinned, boolean announcement) {
        public static final Marks NONE = new Marks(false, null, false);
        public static final Marks QUESTION = new Marks(true, null, false);
        public static final Marks ANNOUNCEMENT = new Marks(false, null, false, true);

        public Marks(boolean question, String answerId, boolean pinned) {
            this(question, answerId, pinned, false);
        }
    }

    /** What a hidden post shows in the place of its text, before the steward's reason. */
    public static final String HIDDEN_TEXT = "Hidden by a steward: ";
    /** How many characters of the latest reply its thread's first post keeps, for feeds. */
    public static final int PREVIEW = 140;
    /**
     * How many different emoji a post shows at most. Slack workspaces have their own emoji, so any name may
     * come: each kept on the post takes room, and the item must stay far from DynamoDB's 400 KB.
     */
    public static final int MAX_EMOJI = 20;

    public Post {
        reactions = reactions == null ? Map.of() : Map.copyOf(new TreeMap<>(reactions));
        marks = marks == null ? Marks.NONE : marks;
        authorName = authorName == null ? null : Text.cut(authorName, Text.NAME_MAX);
    }

    public Post(String id, String communityId, Slug slug, String authorId, String authorName, Platform origin,
            String text, Instant createdAt, String rootId, int replyCount, String latestReply,
            Map<String, Integer> reactions, String hiddenReason, boolean edited) {
        this(id, communityId, slug, authorId, authorName, origin, text, createdAt, rootId, replyCount, latestReply,
                reactions, hiddenReason, edited, Marks.NONE);
    }

    /** A first post of a thread as it is made: no replies, no reactions. */
    public Post(String id, String communityId, Slug slug, String authorId, String authorName, Platform origin,
            String text, Instant createdAt) {
        this(id, communityId, slug, authorId, authorName, origin, text, createdAt, null, 0, null, Map.of(), null, false);
    }

    /** A reply in the thread of {@code rootId}, as it is made. */
    public static Post reply(String id, String rootId, String communityId, Slug slug, String authorId, String authorName,
            Platform origin, String text, Instant createdAt) {
        return new Post(id, communityId, slug, authorId, authorName, origin, text, createdAt, rootId, 0, null, Map.of(),
                null, false);
    }

    public Post withMarks(Marks newMarks) {
        return new Post(id, communityId, slug, authorId, authorName, origin, text, createdAt, rootId, replyCount,
                latestReply, reactions, hiddenReason, edited, newMarks);
    }

    public boolean isQuestion() {
        return marks.question();
    }

    /** A question with an accepted answer. */
    public boolean isAnswered() {
        return marks.question() && marks.answerId() != null;
    }

    /** A reply accepted as the answer to its thread's question. */
    public boolean isAcceptedAnswer() {
        return isReply() && id.equals(marks.answerId());
    }

    public boolean isPinned() {
        return marks.pinned();
    }

    public boolean isAnnouncement() {
        return marks.announcement();
    }

    /** Whether someone's reaction with this emoji shows on the post. */
    public boolean shows(String emoji) {
        return reactions.getOrDefault(emoji, 0) > 0;
    }

    /** How many different emoji show on the post. */
    public int emojiShown() {
        return (int) reactions.values().stream().filter(count -> count > 0).count();
    }

    public boolean isReply() {
        return rootId != null;
    }

    public boolean isHidden() {
        return hiddenReason != null;
    }

    /**
     * The words the post shows in {@code words}: its author's, never translated, or for a removed or hidden post
     * the line saying so (a steward's reason as written), whatever language the stored line was kept in.
     */
    public String shownText(Catalogue words) {
        if (isRemoved()) {
            return words.say("delivery.copy.removed");
        }
        return isHidden() ? words.say("delivery.copy.hidden", Message.verbatim(hiddenReason)) : text;
    }

    /** Where it was written and its reference, for its copies ("via Teams · #01J…"); a removed post's reference alone. */
    public String shownOrigin(Catalogue words) {
        String via = isRemoved() ? reference() : words.say("delivery.copy.via", origin.label(), reference());
        return isAnnouncement() ? words.say("announce.activity") + " · " + via : via;
    }

    /** What a thread's first post keeps of this reply, for feeds: its author and the start of its text. */
    public String preview() {
        String start = text.length() <= PREVIEW ? text : text.substring(0, text.offsetByCodePoints(0,
                text.codePointCount(0, Math.min(text.length(), PREVIEW)) - 1)) + "…";
        return authorName + ": " + start;
    }

    /** The same post with this many replies, the newest one shown by its preview. */
    public Post withReplies(int count, String latest) {
        return new Post(id, communityId, slug, authorId, authorName, origin, text, createdAt, rootId, count, latest,
                reactions, hiddenReason, edited, marks);
    }

    public Post withReactions(Map<String, Integer> counts) {
        return new Post(id, communityId, slug, authorId, authorName, origin, text, createdAt, rootId, replyCount,
                latestReply, counts, hiddenReason, edited, marks);
    }

    public Post editedTo(String newText) {
        return new Post(id, communityId, slug, authorId, authorName, origin, newText, createdAt, rootId, replyCount,
                latestReply, reactions, hiddenReason, true, marks);
    }

    /** Hidden by a steward: the post keeps its place, its text gives way to the reason. */
    public Post hiddenFor(String reason) {
        return new Post(id, communityId, slug, authorId, authorName, origin, HIDDEN_TEXT + reason, createdAt, rootId,
                replyCount, latestReply, reactions, reason, edited, marks);
    }

    /** Deleted by its author (or erased): a tombstone keeping its place, its replies and counts. */
    public Post asRemoved() {
        return new Post(id, communityId, slug, null, REMOVED, origin, REMOVED_TEXT, createdAt, rootId, replyCount,
                latestReply, reactions, hiddenReason, edited, marks);
    }

    /**
     * One line under a post in feeds and threads: its reply count with the latest reply, and its reaction
     * counts (never who reacted). Empty when there is neither.
     */
    public String activity(Catalogue words) {
        List<String> parts = new ArrayList<>();
        if (isQuestion()) {
            parts.add(words.say(isAnswered() ? "reply.activity.answered" : "reply.activity.unanswered"));
        }
        if (isAcceptedAnswer()) {
            parts.add(words.say("reply.activity.accepted"));
        }
        if (isPinned()) {
            parts.add(words.say("reply.activity.pinned"));
        }
        if (isAnnouncement()) {
            parts.add(words.say("announce.activity"));
        }
        if (replyCount > 0) {
            parts.add(latestReply == null ? words.say("reply.activity.replies", replyCount)
                    : words.say("reply.activity.repliesLatest", replyCount, Message.verbatim(latestReply)));
        }
        reactions.forEach((emoji, count) -> {
            if (count > 0) {
                parts.add(":" + emoji + ": " + count);
            }
        });
        return String.join(" · ", parts);
    }

    /** In English, for the adapters that do not say it in the reader's language yet. */
    public String activity() {
        return activity(Catalogue.ENGLISH);
    }

    /** What a removed post shows in the place of its author. */
    public static final String REMOVED = "removed";
    /** What a removed post shows in the place of its text. */
    public static final String REMOVED_TEXT = "This post was removed.";

    /**
     * A post whose author erased their data: it keeps its place in its community (and in threads) but
     * has no text and no author any more; it shows as "removed".
     */
    public static Post removed(String id, String communityId, Slug slug, Platform origin, Instant createdAt) {
        return new Post(id, communityId, slug, null, REMOVED, origin, REMOVED_TEXT, createdAt);
    }

    /** A removed reply, in its thread. */
    static Post removedReply(String id, String rootId, String communityId, Slug slug, Platform origin,
            Instant createdAt) {
        return reply(id, rootId, communityId, slug, null, REMOVED, origin, REMOVED_TEXT, createdAt);
    }

    public boolean isRemoved() {
        return authorId == null;
    }

    /** How a post is named in commands and shown to people: '#' and its id. */
    public String reference() {
        return isReply() ? "#" + rootId + "/" + id : "#" + id;
    }
}
