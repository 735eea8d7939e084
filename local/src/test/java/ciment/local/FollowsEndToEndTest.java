package ciment.local;

import static ciment.local.LocalStack.eventually;
import static ciment.local.LocalStack.reference;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.devkit.slack.FakeSlackApi;
import ciment.devkit.teams.FakeBotFramework;
import ciment.local.LocalStack.SlackAnswer;
import ciment.local.LocalStack.SlackUser;
import ciment.local.LocalStack.TeamsAnswer;
import ciment.local.LocalStack.TeamsUser;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 17, follows over HTTP to the end: who replied or posted in a thread follows it, and replies made on the
 * other tool reach them once, by a direct message, through the table's stream: the delivery function of the tool
 * the replies came from tells the followers (outbox items), and their own tool's delivery function sends it.
 */
class FollowsEndToEndTest {
    private static final String TOLD = "New activity in a thread you follow in";
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
    void slackPersonWhoReplied_isToldOnce_byDirectMessage_ofTwoQuickRepliesFromTeams() {
        TeamsUser tess = stack.teamsUser("Tess Follows");
        SlackUser sol = stack.slackUser("U0FOLLOW1", "Sol Follows");
        tess.ciment("create follow-club Threads that come back");
        sol.ciment("join follow-club");
        String root = reference(tess.ciment("post follow-club Which linter do you use?"));
        assertTrue(sol.ciment("reply " + root + " ruff, from Slack").says("Replied"));

        assertTrue(tess.ciment("reply " + root + " Black too, from Teams").says("Replied"));
        assertTrue(tess.ciment("reply " + root + " and isort").says("Replied"));

        FakeSlackApi.Call told = eventually(() -> slackDirect(sol.userId, TOLD), "the follow-up in Sol's DMs").get(0);
        assertTrue(told.param("text").contains("follow-club (" + root), told.param("text"));
        assertTrue(told.param("text").contains("Tess Follows replied “Black too, from Teams”"), told.param("text"));
        pause(); // the stream reader polls every 200 ms: a notice of the second reply would have come by now
        assertEquals(1, slackDirect(sol.userId, TOLD).size(), "two replies within minutes: one notice");
    }

    @Test
    void teamsPersonWhoPosted_isToldOnce_inTheirPersonalChat_ofTwoQuickRepliesFromSlack() {
        SlackUser una = stack.slackUser("U0FOLLOW2", "Una Follows");
        TeamsUser vic = stack.teamsUser("Vic Follows");
        una.ciment("create teams-follow-club Threads that come back");
        vic.ciment("join teams-follow-club");
        String root = reference(vic.ciment("post teams-follow-club Who has a good dbt template?"));

        assertTrue(una.ciment("reply " + root + " Mine, from Slack").says("Replied"));
        assertTrue(una.ciment("reply " + root + " with tests").says("Replied"));

        String chat = eventually(() -> stack.botFramework.personalChatWith(member(vic)).stream().toList(),
                "Vic's personal chat with the bot").get(0);
        FakeBotFramework.SentActivity told = eventually(() -> teamsSent(chat, TOLD), "the follow-up").get(0);
        assertTrue(told.json().contains(root), told.json());
        pause();
        assertEquals(1, teamsSent(chat, TOLD).size(), "two replies within minutes: one notice");
        assertEquals(List.of(), slackDirect(una.userId, TOLD), "never the writer");
    }

    @Test
    void unfollow_mutesTheThread_soAReplyFromTheOtherToolTellsNothing() {
        TeamsUser wes = stack.teamsUser("Wes Follows");
        SlackUser xia = stack.slackUser("U0FOLLOW3", "Xia Follows");
        wes.ciment("create mute-club Quiet please");
        xia.ciment("join mute-club");
        String root = reference(wes.ciment("post mute-club A long debate"));
        xia.ciment("reply " + root + " my two cents");

        SlackAnswer muted = xia.ciment("unfollow " + root);
        assertTrue(muted.says("You muted the thread " + root), muted.toString());
        wes.ciment("reply " + root + " more debate");

        pause();
        pause();
        assertEquals(List.of(), slackDirect(xia.userId, TOLD));
    }

    @Test
    void follow_ofAnUnknownPost_orOfAClosedCommunityTheyAreNotIn_isRefusedOnBothTools_andWritesNothing() {
        SlackUser yan = stack.slackUser("U0FOLLOW4", "Yan Follows");
        TeamsUser zoe = stack.teamsUser("Zoe Follows");
        yan.ciment("create closed-follow-club Members only");
        yan.ciment("close closed-follow-club");
        String root = reference(yan.ciment("post closed-follow-club Private matters"));
        zoe.ciment("whoami");
        int items = stack.itemCount();

        SlackAnswer unknown = yan.ciment("follow #01JD0000000000000000000000");
        TeamsAnswer outsider = zoe.ciment("follow " + root);
        TeamsAnswer outsiderInFrench = zoe.ciment("ne-plus-suivre " + root);

        assertTrue(unknown.says("No post #01JD0000000000000000000000"), unknown.toString());
        assertTrue(outsider.says("No post " + root), outsider.toString());
        assertTrue(outsiderInFrench.says("No post " + root), outsiderInFrench.toString());
        assertEquals(items, stack.itemCount());
    }

    private static List<FakeSlackApi.Call> slackDirect(String userId, String fragment) {
        return stack.slackApi.calls("chat.postMessage").stream()
                .filter(call -> userId.equals(call.param("channel")) && String.valueOf(call.param("text")).contains(fragment))
                .toList();
    }

    private static List<FakeBotFramework.SentActivity> teamsSent(String conversationId, String fragment) {
        return stack.botFramework.sentTo(conversationId).stream().filter(sent -> sent.json().contains(fragment)).toList();
    }

    private static FakeBotFramework.Member member(TeamsUser user) {
        return FakeBotFramework.Member.of(user.fromId, user.aadObjectId, user.name, user.email, user.email, user.tenantId);
    }

    private static void pause() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
