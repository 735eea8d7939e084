package ciment.core.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.core.Ciment;
import ciment.core.model.Caller;
import ciment.core.model.ChatAccount;
import ciment.core.model.Introduction;
import ciment.core.model.Platform;
import ciment.core.model.Post;
import ciment.core.port.Repositories;
import ciment.core.reply.Reply;
import ciment.core.testing.InMemoryRepositories;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ConversationsTest {
    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    private final InMemoryRepositories memory = new InMemoryRepositories();
    private final Repositories store = memory.repositories();
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final Talk talk = new Talk(new Ciment(store, clock), clock);
    private String first;

    @BeforeEach
    void aCommunityWithAPost() {
        talk.say("ada", "create data-guild Sharing data tips");
        talk.say("grace", "join data-guild");
        talk.say("linus", "join data-guild");
        first = ((Reply.Posted) talk.say("grace", "post data-guild Who knows a good SQL formatter?")).post().reference();
    }

    private Post feedPost() {
        return ((Reply.Feed) talk.say("ada", "feed data-guild")).posts().get(0);
    }

    @Test
    void reply_isCountedOnItsFirstPost_andTheThreadOpensWhole() {
        Reply replied = talk.say("linus", "reply " + first + " sqlfluff");
        assertInstanceOf(Reply.Posted.class, replied, replied.summary());
        talk.say("ada", "reply " + first + " pgFormatter too");
        Post root = feedPost();
        assertEquals(2, root.replyCount());
        assertEquals("ada name: pgFormatter too", root.latestReply());
        assertTrue(root.activity().startsWith("2 replies, latest: ada name"), root.activity());
        var thread = (Reply.Thread) talk.say("grace", "thread " + first);
        assertEquals("Who knows a good SQL formatter?", thread.root().text());
        assertEquals(java.util.List.of("sqlfluff", "pgFormatter too"), thread.replies().stream().map(Post::text).toList());
        assertEquals(1, ((Reply.Feed) talk.say("ada", "feed data-guild")).posts().size(), "replies stay out of feeds");
    }

    @Test
    void postId_carriesItsCommunitysHint_andAPostWithoutIt_isStillFound() {
        Post post = feedPost();
        assertEquals(PostActions.hintOf(post.communityId()), ciment.core.model.Ulid.hintOf(post.id()));
        String unhinted = ciment.core.model.Ulid.withHint(ciment.core.model.Ulid.random(NOW),
                PostActions.hintOf(post.communityId()) + 1);
        store.posts().add(new Post(unhinted, post.communityId(), post.slug(), post.authorId(), post.authorName(),
                post.origin(), "Made before ids carried a hint", NOW));

        Reply reacted = talk.say("ada", "react #" + unhinted + " tada");

        assertInstanceOf(Reply.Done.class, reacted, reacted.summary());
    }

    @Test
    void reply_retriedWithTheSameRequestId_isStoredOnce() {
        Ciment ciment = new Ciment(store, clock);
        Caller caller = new Caller(Talk.account("linus"), () -> Introduction.named("linus name"), "slack-retry-1", NOW);
        Reply once = ciment.handle(caller, "reply " + first + " once");
        Reply again = ciment.handle(caller, "reply " + first + " once");
        assertEquals(once, again);
        assertEquals(1, feedPost().replyCount());
    }

    @Test
    void reply_toADeletedPost_isRefused_andWritesNothing() {
        talk.say("grace", "delete " + first);
        int before = memory.writes();
        Reply reply = talk.say("linus", "reply " + first + " too late");
        assertInstanceOf(Reply.Refused.class, reply);
        assertTrue(reply.summary().contains("deleted"), reply.summary());
        assertEquals(before, memory.writes());
    }

    @Test
    void reply_byNonMember_findsNoPost() {
        Reply reply = talk.say("zoe", "reply " + first + " hello");
        assertInstanceOf(Reply.Refused.class, reply);
        assertTrue(reply.summary().contains("No post"), reply.summary());
    }

    @Test
    void react_countsOncePerPersonAndEmoji_andUnreactTakesItBack() {
        talk.say("linus", "react " + first + " :tada:");
        talk.say("linus", "react " + first + " tada");
        talk.say("ada", "react " + first + " :tada:");
        talk.say("ada", "react " + first + " +1");
        assertEquals(Map.of("tada", 2, "+1", 1), feedPost().reactions());
        talk.say("ada", "unreact " + first + " :tada:");
        assertEquals(Map.of("tada", 1, "+1", 1), feedPost().reactions());
        assertTrue(feedPost().activity().contains(":tada: 1"), feedPost().activity());
    }

    @Test
    void react_withA21stDifferentEmoji_isRefusedInOneSentence_andAnEmojiShownStillCounts() {
        for (int i = 0; i < Post.MAX_EMOJI; i++) {
            assertInstanceOf(Reply.Done.class, talk.say("linus", "react " + first + " :custom-emoji-" + i + ":"));
        }
        int before = memory.writes();

        Reply refused = talk.say("ada", "react " + first + " :one-too-many:");

        assertInstanceOf(Reply.Refused.class, refused);
        assertEquals(first + " already shows 20 different emoji, the most a post takes, so :one-too-many: was not"
                + " added: react with one it shows.", refused.summary());
        assertEquals(before, memory.writes());
        assertInstanceOf(Reply.Done.class, talk.say("ada", "react " + first + " :custom-emoji-0:"));
        assertEquals(2, feedPost().reactions().get("custom-emoji-0"));
        assertEquals(Post.MAX_EMOJI, feedPost().reactions().size());
    }

    @Test
    void unreact_ofTheLastReactionWithAnEmoji_freesItsPlaceForAnother() {
        for (int i = 0; i < Post.MAX_EMOJI; i++) {
            talk.say("linus", "react " + first + " :custom-emoji-" + i + ":");
        }
        talk.say("linus", "unreact " + first + " :custom-emoji-7:");

        assertInstanceOf(Reply.Done.class, talk.say("ada", "react " + first + " :sparkles:"));
        assertEquals(Post.MAX_EMOJI, feedPost().reactions().size());
        assertEquals(null, feedPost().reactions().get("custom-emoji-7"));
    }

    @Test
    void react_toAReply_countsOnTheReply() {
        String reply = ((Reply.Posted) talk.say("linus", "reply " + first + " sqlfluff")).post().reference();
        talk.say("grace", "react " + reply + " :pray:");
        var thread = (Reply.Thread) talk.say("grace", "thread " + reply);
        assertEquals(Map.of("pray", 1), thread.replies().get(0).reactions());
    }

    @Test
    void react_toAHiddenPost_isRefused_andWritesNothing() {
        talk.say("ada", "hide " + first + " off topic");
        int before = memory.writes();
        Reply reply = talk.say("linus", "react " + first + " :tada:");
        assertInstanceOf(Reply.Refused.class, reply);
        assertTrue(reply.summary().contains("hidden"), reply.summary());
        assertEquals(before, memory.writes());
    }

    @Test
    void edit_byItsAuthor_rewritesTheText() {
        Reply edited = talk.say("grace", "edit " + first + " Who knows a good SQL linter?");
        assertTrue(edited.summary().startsWith("Edited"), edited.summary());
        assertEquals("Who knows a good SQL linter?", feedPost().text());
        assertTrue(feedPost().edited());
    }

    @Test
    void edit_ofTheLatestReply_showsTheNewWordsUnderItsFirstPost() {
        String reply = ((Reply.Posted) talk.say("linus", "reply " + first + " sqlfluff")).post().reference();
        talk.say("linus", "edit " + reply + " sqlfluff, or pgFormatter");
        assertEquals("linus name: sqlfluff, or pgFormatter", feedPost().latestReply());
    }

    @Test
    void edit_ofSomeoneElsesPost_isRefusedInOneSentence_andWritesNothing() {
        int before = memory.writes();
        Reply reply = talk.say("linus", "edit " + first + " mine now");
        assertInstanceOf(Reply.Refused.class, reply);
        assertTrue(reply.summary().contains("your own posts"), reply.summary());
        assertEquals(before, memory.writes());
    }

    @Test
    void delete_byItsAuthor_leavesItRemovedInItsThread_andAudited() {
        String reply = ((Reply.Posted) talk.say("linus", "reply " + first + " sqlfluff")).post().reference();
        talk.say("linus", "delete " + reply);
        var thread = (Reply.Thread) talk.say("grace", "thread " + first);
        assertTrue(thread.replies().get(0).isRemoved());
        assertEquals(Post.REMOVED_TEXT, thread.replies().get(0).text());
        assertEquals(null, thread.root().latestReply(), "a deleted reply's words leave its thread's first post too");
        var audit = (Reply.Audit) talk.say("ada", "audit data-guild");
        assertTrue(audit.entries().get(0).sentence().startsWith("linus name deleted " + reply), audit.summary());
    }

    @Test
    void eraseMyData_ofAReplier_takesTheirWordsOffTheFeed_butKeepsTheCounts() {
        talk.say("linus", "reply " + first + " sqlfluff");
        talk.say("linus", "react " + first + " :tada:");
        talk.say("linus", "erase-my-data confirm");
        Post root = feedPost();
        assertEquals(1, root.replyCount());
        assertEquals(null, root.latestReply());
        assertEquals(Map.of("tada", 1), root.reactions());
    }

    @Test
    void hide_byASteward_showsTheReason_andIsInTheAuditTrail() {
        Reply hid = talk.say("ada", "hide " + first + " off topic");
        assertInstanceOf(Reply.Done.class, hid, hid.summary());
        assertEquals(Post.HIDDEN_TEXT + "off topic", feedPost().text());
        var audit = (Reply.Audit) talk.say("ada", "audit data-guild");
        assertEquals("ada name hid " + first + ": off topic", audit.entries().get(0).sentence());
    }

    @Test
    void hide_ofTheLatestReply_takesItsWordsOffTheFirstPost() {
        String reply = ((Reply.Posted) talk.say("linus", "reply " + first + " buy cheap pills")).post().reference();

        assertInstanceOf(Reply.Done.class, talk.say("ada", "hide " + reply + " spam"));

        Post root = feedPost();
        assertEquals(1, root.replyCount(), "the count stays, as for a deleted reply");
        assertEquals(null, root.latestReply());
        assertFalse(root.activity().contains("pills"), root.activity());
    }

    @Test
    void hide_ofAnEarlierReply_leavesTheLatestReplysPreview() {
        String earlier = ((Reply.Posted) talk.say("linus", "reply " + first + " buy cheap pills")).post().reference();
        talk.say("grace", "reply " + first + " sqlfluff");

        talk.say("ada", "hide " + earlier + " spam");

        assertEquals("grace name: sqlfluff", feedPost().latestReply());
    }

    @Test
    void hide_byAMember_isRefused_andWritesNothing() {
        int before = memory.writes();
        assertInstanceOf(Reply.Refused.class, talk.say("linus", "hide " + first + " nope"));
        assertEquals(before, memory.writes());
    }

    @Test
    void audit_byAMember_isRefused() {
        Reply reply = talk.say("linus", "audit data-guild");
        assertInstanceOf(Reply.Refused.class, reply);
        assertTrue(reply.summary().contains("Only stewards"), reply.summary());
    }

    @Test
    void reply_toAReply_isRefused_withTheThreadsFirstPost() {
        String reply = ((Reply.Posted) talk.say("linus", "reply " + first + " sqlfluff")).post().reference();
        Reply nested = talk.say("grace", "reply " + reply + " thanks");
        assertInstanceOf(Reply.Refused.class, nested);
        assertTrue(nested.summary().contains(first), nested.summary());
    }

    @Test
    void react_withoutAnEmoji_isRefusedWithTheForm() {
        Reply reply = talk.say("linus", "react " + first);
        assertInstanceOf(Reply.Refused.class, reply);
        assertTrue(reply.summary().contains("react <post> <emoji>"), reply.summary());
    }

    @Test
    void aWordThatIsNotAPost_isRefused() {
        Reply reply = talk.say("linus", "thread nope");
        assertInstanceOf(Reply.Refused.class, reply);
        assertTrue(reply.summary().contains("is not a post"), reply.summary());
    }
}
