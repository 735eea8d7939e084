package ciment.local;

import static ciment.local.LocalStack.eventually;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.devkit.slack.FakeSlackApi;
import ciment.devkit.teams.FakeBotFramework;
import ciment.local.LocalStack.SlackAnswer;
import ciment.local.LocalStack.SlackUser;
import ciment.local.LocalStack.TeamsUser;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 14, item 8, over HTTP through the local runner: a reply a steward hides leaves no word in its thread's
 * first post, neither in Ciment's feed nor in the copies of that post in a linked Slack channel (chat.update) and
 * a linked Teams channel (the Bot Connector's activity update), which the delivery functions draw again.
 */
class HideEverywhereEndToEndTest {
    private static final String SLUG = "hide-e2e";
    private static final String SLACK_CHANNEL = "C0HIDEE2E1";
    private static final String TEAMS_CHANNEL = "19:" + UUID.randomUUID().toString().replace("-", "") + "@thread.tacv2";
    private static final String SPAM = "cheap pills at spam.example";
    private static LocalStack stack;
    private static SlackUser steward;
    private static SlackUser member;
    private static SlackUser spammer;

    @BeforeAll
    static void start() {
        // One person in both tools, linked by the address both give (trusted for it once issue 14 item 1 is in).
        stack = new LocalStack(Map.of("CIMENT_TRUSTED_DOMAINS", "example.com=" + FakeSlackApi.TEAM_ID
                + ",example.com=tenant-e2e"));
        steward = stack.slackUser("U0HIDSTEW", "Hal Steward");
        member = stack.slackUser("U0HIDMEMB", "Mo Member");
        spammer = stack.slackUser("U0HIDSPAM", "Sam Spammer");
        TeamsUser stewardInTeams = stack.teamsUser("Hal Steward", "u0hidstew@example.com", "user");
        assertTrue(steward.ciment("create " + SLUG + " Hiding hides everywhere").says(SLUG));
        assertTrue(member.ciment("join " + SLUG).says("Welcome"));
        assertTrue(spammer.ciment("join " + SLUG).says("Welcome"));
        assertTrue(steward.answer(stack.slashCommands.sign(stack.slashCommands.command(steward.userId, steward.name,
                "link " + SLUG).inChannel(SLACK_CHANNEL, "hide"), Instant.now())).says("Linked #hide in Slack"));
        LocalStack.TeamsAnswer linked = stewardInTeams.send(stewardInTeams.message("link " + SLUG)
                .conversation(TEAMS_CHANNEL).channelName("Hide"), stack.botFramework.token(stack.botFramework.serviceUrl()));
        assertTrue(linked.says("Linked Hide in Teams to " + SLUG), linked.toString());
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @Test
    void replyHiddenByASteward_leavesNoWordInItsFirstPost_inTheFeed_theSlackCopy_andTheTeamsCopy() {
        String root = LocalStack.reference(member.ciment("post " + SLUG + " Which SQL formatter do you use?").text());
        String slackCopy = eventually(() -> stack.slackApi.messages(SLACK_CHANNEL).stream()
                .filter(m -> m.text().contains("Which SQL formatter")).map(FakeSlackApi.Message::ts).toList(),
                "the post's copy in Slack").get(0);
        String teamsCopy = eventually(() -> stack.botFramework.sentTo(TEAMS_CHANNEL).stream()
                .filter(s -> s.attachmentContents().toString().contains("Which SQL formatter"))
                .map(FakeBotFramework.SentActivity::id).toList(), "the post's copy in Teams").get(0);
        String reply = LocalStack.reference(spammer.ciment("reply " + root + " Buy " + SPAM).text());
        eventually(() -> slackUpdatesOf(slackCopy).stream().filter(body -> body.contains(SPAM)).toList(),
                "the reply's preview in the Slack copy");
        eventually(() -> teamsUpdatesOf(teamsCopy).stream().filter(card -> card.contains(SPAM)).toList(),
                "the reply's preview in the Teams copy");

        assertTrue(steward.ciment("hide " + reply + " spam").says("Hid " + reply));

        SlackAnswer feed = steward.ciment("feed " + SLUG);
        assertTrue(feed.says("1 reply"), feed.blocks());
        assertFalse(feed.says(SPAM), feed.blocks());
        eventually(() -> lastWithout(slackUpdatesOf(slackCopy)), "the Slack copy drawn again without the reply's words");
        eventually(() -> lastWithout(teamsUpdatesOf(teamsCopy)), "the Teams copy drawn again without the reply's words");
    }

    /** The parameters of the chat.update calls that redrew the Slack copy (its text and blocks), oldest first. */
    private static List<String> slackUpdatesOf(String ts) {
        return stack.slackApi.calls("chat.update").stream()
                .filter(call -> SLACK_CHANNEL.equals(call.param("channel")) && ts.equals(call.param("ts")))
                .map(call -> call.params().toString()).toList();
    }

    /** The cards of the Bot Connector updates of the Teams copy, oldest first. */
    private static List<String> teamsUpdatesOf(String activityId) {
        return stack.botFramework.updated().stream().filter(update -> activityId.equals(update.id()))
                .map(update -> update.attachmentContents().toString()).toList();
    }

    /** The last update, when it no longer holds the reply's words (still counting the reply). */
    private static List<String> lastWithout(List<String> updates) {
        return updates.isEmpty() || updates.getLast().contains(SPAM) || !updates.getLast().contains("1 reply")
                ? List.of() : List.of(updates.getLast());
    }
}
