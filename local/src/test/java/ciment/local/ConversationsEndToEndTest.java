package ciment.local;

import static ciment.local.LocalStack.reference;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.local.LocalStack.SlackAnswer;
import ciment.local.LocalStack.SlackUser;
import ciment.local.LocalStack.TeamsAnswer;
import ciment.local.LocalStack.TeamsUser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Threads, reactions, edits and moderation across Slack and Teams, over HTTP, through the real SDKs, on moto. */
class ConversationsEndToEndTest {
    private static LocalStack stack;

    @BeforeAll
    static void start() {
        stack = new LocalStack();
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @Test
    void replyMadeInSlack_isReadInTeams_withItsCountAndReactions() {
        SlackUser lin = stack.slackUser("U0THREAD1", "Lin Slack");
        SlackUser kim = stack.slackUser("U0THREAD2", "Kim Slack");
        TeamsUser sam = stack.teamsUser("Sam Threads");
        lin.ciment("create thread-guild Threads across tools");
        kim.ciment("join thread-guild");
        sam.ciment("join thread-guild");
        String post = reference(lin.ciment("post thread-guild Who knows a good SQL formatter?").toString());

        SlackAnswer replied = kim.ciment("reply " + post + " sqlfluff, from Slack");
        assertTrue(replied.says("Replied"), replied.toString());
        TeamsAnswer reacted = sam.ciment("react " + post + " :tada:");
        assertTrue(reacted.says("Reacted"), reacted.toString());

        TeamsAnswer thread = sam.ciment("thread " + post);
        assertTrue(thread.cards().contains("sqlfluff, from Slack") && thread.cards().contains("Kim Slack"),
                thread.toString());
        TeamsAnswer feed = sam.ciment("feed thread-guild");
        assertTrue(feed.cards().contains("1 reply") && feed.cards().contains(":tada: 1"), feed.toString());
        SlackAnswer inSlack = lin.ciment("feed thread-guild");
        assertTrue(inSlack.says("1 reply") && inSlack.says("sqlfluff"), inSlack.toString());
    }

    @Test
    void hideInSlack_isSeenOnBothTools_andKeptInTheAuditTrail() {
        SlackUser steward = stack.slackUser("U0MODERA1", "Mod Slack");
        TeamsUser author = stack.teamsUser("Author Teams");
        TeamsUser reader = stack.teamsUser("Reader Teams");
        steward.ciment("create moderated-guild Kept tidy");
        author.ciment("join moderated-guild");
        reader.ciment("join moderated-guild");
        String post = reference(author.ciment("post moderated-guild Buy my course").toString());

        SlackAnswer hid = steward.ciment("hide " + post + " advertising");
        assertTrue(hid.says("Hid"), hid.toString());

        TeamsAnswer inTeams = reader.ciment("feed moderated-guild");
        assertTrue(inTeams.cards().contains("Hidden by a steward: advertising")
                && !inTeams.cards().contains("Buy my course"), inTeams.toString());
        SlackAnswer inSlack = steward.ciment("feed moderated-guild");
        assertTrue(inSlack.says("Hidden by a steward: advertising") && !inSlack.says("Buy my course"), inSlack.toString());
        SlackAnswer audit = steward.ciment("audit moderated-guild");
        assertTrue(audit.says("Mod Slack hid " + post + ": advertising"), audit.toString());

        int before = stack.itemCount();
        TeamsAnswer react = reader.ciment("react " + post + " :+1:");
        assertTrue(react.says("hidden by a steward"), react.toString());
        TeamsAnswer notAllowed = reader.ciment("audit moderated-guild");
        assertTrue(notAllowed.says("Only stewards"), notAllowed.toString());
        assertEquals(before, stack.itemCount());
    }

    @Test
    void editingSomeoneElsesPost_isRefusedInOneSentence_andWritesNothing_whileTheAuthorEditsAndDeletes() {
        SlackUser author = stack.slackUser("U0EDITOR1", "Eda Slack");
        TeamsUser other = stack.teamsUser("Other Teams");
        author.ciment("create edit-guild Edits and deletes");
        other.ciment("join edit-guild");
        String post = reference(author.ciment("post edit-guild First draft").toString());
        int before = stack.itemCount();

        TeamsAnswer refused = other.ciment("edit " + post + " Not mine");
        assertTrue(refused.says("You can only edit your own posts"), refused.toString());
        assertEquals(before, stack.itemCount());

        assertTrue(author.ciment("edit " + post + " Second draft").says("Edited"));
        assertTrue(other.ciment("feed edit-guild").cards().contains("Second draft"));
        String reply = reference(other.ciment("reply " + post + " Nice").toString());
        assertTrue(reply.contains("/"), reply);
        assertTrue(other.ciment("delete " + reply).says("Deleted"));
        TeamsAnswer thread = other.ciment("thread " + post);
        assertTrue(thread.cards().contains("This post was removed.") && !thread.cards().contains("Nice"), thread.toString());
        SlackAnswer late = author.ciment("reply " + post + " too");
        assertTrue(late.says("Replied"), late.toString());
        author.ciment("delete " + post);
        SlackAnswer gone = author.ciment("reply " + post + " after");
        assertTrue(gone.says("deleted"), gone.toString());
    }
}
