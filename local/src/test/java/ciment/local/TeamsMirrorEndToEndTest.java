package ciment.local;

import static ciment.local.LocalStack.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.devkit.slack.FakeSlackApi;
import ciment.devkit.slack.SlackInteractions;
import ciment.devkit.slack.SlashCommands;
import ciment.devkit.teams.FakeBotFramework;
import ciment.devkit.teams.TeamsActivities;
import ciment.devkit.teams.TeamsMarkup;
import ciment.local.LocalStack.TeamsUser;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 5 in Teams, over HTTP through the local runner on moto: a steward links two channels of a team; what
 * people write in one (no @mention: the bot reads every channel message with ChannelMessage.Read.Group)
 * becomes a post, mirrored into the other as a card naming its author by the Teams delivery function the
 * runner feeds from the table's stream; reply chains, edits, deletions and reactions follow, and neither a
 * redelivered activity nor a failing Bot Connector makes a second copy. What a Slack user types reaches
 * Teams as typed (issue 14, item 7: a markdown link shows its label and its address), and a post of 3,990
 * emoji reaches it in messages within Teams' 28 KB as received (item 10), with the way to the rest.
 */
class TeamsMirrorEndToEndTest {
    private static LocalStack stack;
    private static TeamsUser steward;
    private static TeamsUser writer;
    private static TeamsUser reader;
    private static final String CHANNEL_A = channel();
    private static final String CHANNEL_B = channel();
    /** A community linked to a Slack channel and a Teams channel, its steward one person on both tools (one email). */
    private static final String CROSS = "cross-e2e";
    private static final String SLACK_CHANNEL = "C0CROSSE2E";
    private static final String TEAMS_CHANNEL = channel();
    private static LocalStack.SlackUser slackSteward;
    private static LocalStack.SlackUser slackWriter;
    private static TeamsUser teamsSteward;
    private static SlackInteractions slack;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Teams' message limit (issue 14, item 10), counted on the bytes the fake Bot Connector received. */
    private static final int TEAMS_LIMIT = 28_000;
    /** Two emoji as the SDK sends them: each half of each surrogate pair escaped. */
    private static final String BRICKS = "\\uD83E\\uDDF1\\uD83E\\uDDF1";

    @BeforeAll
    static void start() {
        stack = new LocalStack();
        steward = stack.teamsUser("Sol Steward");
        writer = stack.teamsUser("Wren Writer");
        reader = stack.teamsUser("Remy Reader");
        assertTrue(steward.ciment("create mirror-e2e Mirrors between channels").says("mirror-e2e"));
        assertTrue(reader.ciment("join mirror-e2e").says("mirror-e2e"));
        assertTrue(linkIn(CHANNEL_A, "General").says("Linked General in Teams to mirror-e2e"));
        assertTrue(linkIn(CHANNEL_B, "Data").says("Linked Data in Teams to mirror-e2e"));

        slack = new SlackInteractions(LocalStack.SIGNING_SECRET, FakeSlackApi.TEAM_ID);
        slackSteward = stack.slackUser("U0CROSTEW", "Cy Cross");
        slackWriter = stack.slackUser("U0CROWRIT", "Sky Writer");
        teamsSteward = stack.teamsUser("Cy Cross", "u0crostew@example.com", "user"); // the same person in Teams
        assertTrue(slackSteward.ciment("create " + CROSS + " One conversation across tools").says(CROSS));
        assertTrue(slackSteward.answer(stack.slashCommands.sign(stack.slashCommands.command(slackSteward.userId,
                slackSteward.name, "link " + CROSS).inChannel(SLACK_CHANNEL, "cross"), Instant.now()))
                .says("Linked #cross in Slack to " + CROSS));
        LocalStack.TeamsAnswer linked = teamsSteward.send(teamsSteward.message("link " + CROSS)
                .conversation(TEAMS_CHANNEL).channelName("Cross"), stack.botFramework.token(stack.botFramework.serviceUrl()));
        assertTrue(linked.says("Linked Cross in Teams to " + CROSS), linked.toString());
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    private static String channel() {
        return "19:" + UUID.randomUUID().toString().replace("-", "") + "@thread.tacv2";
    }

    /** The steward's {@code link} with the bot @mentioned, in the channel. */
    private static LocalStack.TeamsAnswer linkIn(String channel, String name) {
        return steward.send(steward.message("link mirror-e2e").conversation(channel).channelName(name),
                stack.botFramework.token(stack.botFramework.serviceUrl()));
    }

    /** A signed activity to the bot's endpoint; 200 expected. */
    private static void deliver(TeamsActivities.Message activity) {
        HttpResponse<String> response = stack.post("/api/messages", Map.of("Content-Type", "application/json",
                "Authorization", FakeBotFramework.bearer(stack.botFramework.token(stack.botFramework.serviceUrl()))),
                activity.json());
        assertEquals(200, response.statusCode(), response.body());
    }

    /** A message written in channel A with no mention of the bot: its activity, delivered once. */
    private static TeamsActivities.Message writtenInA(TeamsUser author, String text) {
        TeamsActivities.Message message = author.message(text).conversation(CHANNEL_A).unmentioned();
        deliver(message);
        return message;
    }

    /** The bot's copies in a conversation whose card holds the words. */
    private static List<FakeBotFramework.SentActivity> copiesIn(String conversation, String words) {
        return stack.botFramework.sentTo(conversation).stream()
                .filter(sent -> sent.attachmentContents().toString().contains(words)).toList();
    }

    private static FakeBotFramework.SentActivity copyInB(String words) {
        return eventually(() -> copiesIn(CHANNEL_B, words), "a copy of '" + words + "' in channel B").get(0);
    }

    private static String referenceOf(FakeBotFramework.SentActivity copy) {
        java.util.regex.Matcher found = java.util.regex.Pattern.compile("#[0-9A-Z]{26}")
                .matcher(copy.attachmentContents().toString());
        assertTrue(found.find(), copy.json());
        return found.group();
    }

    @Test
    void messageInChannelA_becomesAPost_mirroredIntoB_asACardNamingItsAuthor_neverBackIntoA() {
        int sentBefore = stack.botFramework.sent().size();
        writtenInA(writer, "Fridays are for demos");

        FakeBotFramework.SentActivity copy = copyInB("Fridays are for demos");

        String card = copy.cardsShown();
        assertTrue(card.contains("**Wren Writer** · via Teams"), card);
        assertEquals(List.of(), copiesIn(CHANNEL_A, "Fridays are for demos"), "never mirrored back into its channel");
        assertTrue(stack.botFramework.sent().subList(sentBefore, stack.botFramework.sent().size()).stream()
                .noneMatch(sent -> sent.conversationId().startsWith(CHANNEL_A)), "nothing answered in A for a post");
        LocalStack.TeamsAnswer thread = reader.ciment("thread " + referenceOf(copy));
        assertTrue(thread.says("Fridays are for demos"), thread.toString());
    }

    @Test
    void sameActivityDeliveredTwice_makesOnePost_andOneCopy() {
        TeamsActivities.Message once = writtenInA(writer, "Said once, delivered twice");
        deliver(once);
        writtenInA(writer, "The next message"); // the stream keeps order: once this one is copied, so was the first

        copyInB("The next message");

        assertEquals(1, copiesIn(CHANNEL_B, "Said once, delivered twice").size());
        String feed = reader.ciment("feed mirror-e2e").cards();
        assertEquals(feed.indexOf("Said once, delivered twice"), feed.lastIndexOf("Said once, delivered twice"), feed);
    }

    @Test
    void replyInAsReplyChain_landsInTheReplyChainOfTheCopyInB() {
        TeamsActivities.Message root = writtenInA(writer, "Who reviews the schema?");
        FakeBotFramework.SentActivity rootCopy = copyInB("Who reviews the schema?");

        deliver(reader.message("I will, this afternoon").inReplyChainOf(CHANNEL_A, root.id()).unmentioned());

        List<FakeBotFramework.SentActivity> inChain = eventually(() -> copiesIn(CHANNEL_B + ";messageid="
                + rootCopy.id(), "I will, this afternoon"), "the reply in B's reply chain");
        assertTrue(inChain.get(0).cardsShown().contains("**Remy Reader** · via Teams"), inChain.get(0).json());
        assertEquals(List.of(), copiesIn(CHANNEL_A + ";messageid=" + root.id(), "I will, this afternoon"));
    }

    @Test
    void editInA_updatesTheCopyInB_andADeleteInA_deletesIt() {
        TeamsActivities.Message message = writtenInA(writer, "Standup at nine");
        FakeBotFramework.SentActivity copy = copyInB("Standup at nine");

        deliver(writer.message("").conversation(CHANNEL_A).id(message.id()).edited("Standup at half past nine"));
        List<FakeBotFramework.SentActivity> updated = eventually(() -> stack.botFramework.updated().stream()
                .filter(u -> u.id().equals(copy.id()) && u.attachmentContents().toString()
                        .contains("Standup at half past nine")).toList(), "the copy in B updated");
        assertTrue(updated.get(0).attachmentContents().toString().contains("(edited)"));

        deliver(writer.message("").conversation(CHANNEL_A).id(message.id()).deleted());
        eventually(() -> stack.botFramework.deleted().stream().filter(d -> d.activityId().equals(copy.id())).toList(),
                "the copy in B deleted");
        LocalStack.TeamsAnswer thread = reader.ciment("thread " + referenceOf(copy));
        assertTrue(thread.says("This post was removed."), thread.toString());
    }

    @Test
    void likeOnTheCopyInB_andOnTheMessageInA_countOnThePost_andTheCopyShowsTheCount() {
        TeamsActivities.Message message = writtenInA(writer, "Release notes are out");
        FakeBotFramework.SentActivity copy = copyInB("Release notes are out");
        String ref = referenceOf(copy);

        deliver(reader.message("").conversation(CHANNEL_B).reactions(copy.id(), List.of("like"), List.of()));
        deliver(steward.message("").conversation(CHANNEL_A).reactions(message.id(), List.of("like"), List.of()));

        LocalStack.TeamsAnswer thread = reader.ciment("thread " + ref);
        assertTrue(thread.says(":thumbsup: 2"), thread.toString());
        eventually(() -> stack.botFramework.updated().stream().filter(u -> u.id().equals(copy.id())
                && u.attachmentContents().toString().contains(":thumbsup: 2")).toList(), "the count on the copy in B");
    }

    @Test
    void botConnector500Twice_thenSuccess_deliversTheCopyExactlyOnce() {
        int failedBefore = stack.botFramework.failedCalls().size();
        stack.botFramework.failConnectorCalls(500, 2);
        writtenInA(writer, "Delivered despite the outage");

        copyInB("Delivered despite the outage");

        assertEquals(2, stack.botFramework.failedCalls().size() - failedBefore);
        writtenInA(writer, "After the outage");
        copyInB("After the outage");
        assertEquals(1, copiesIn(CHANNEL_B, "Delivered despite the outage").size());
    }

    private static String slackTs() {
        return Instant.now().getEpochSecond() + String.format(".%06d", System.nanoTime() % 1_000_000);
    }

    /** A message event in the linked Slack channel (a thread reply when {@code threadTs} is given): its ts. */
    private static String writtenInSlack(String text, String threadTs) {
        String ts = slackTs();
        SlashCommands.Signed event = slack.event(SlackInteractions.message(slackWriter.userId, SLACK_CHANNEL, ts,
                threadTs, text), SlackInteractions.newEventId(), Instant.now());
        HttpResponse<String> response = stack.post("/slack/events", event.headers(), event.body());
        assertEquals(200, response.statusCode(), response.body());
        return ts;
    }

    private static FakeBotFramework.SentActivity copyInTeams(String conversation, String words) {
        return eventually(() -> copiesIn(conversation, words), "a copy of '" + words + "' in " + conversation).get(0);
    }

    private static FakeSlackApi.Message copyInSlack(String words) {
        return eventually(() -> stack.slackApi.messages(SLACK_CHANNEL).stream()
                .filter(m -> m.text().contains(words)).toList(), "a copy of '" + words + "' in Slack").get(0);
    }

    @Test
    void slackMessage_isACardNamingItsAuthorViaSlack_inTheTeamsChannel_andASlackThreadReply_landsInItsReplyChain() {
        String root = writtenInSlack("Lunch talk on Thursday", null);
        FakeBotFramework.SentActivity copy = copyInTeams(TEAMS_CHANNEL, "Lunch talk on Thursday");
        assertTrue(copy.cardsShown().contains("**Sky Writer** · via Slack"), copy.json());

        writtenInSlack("Count me in", root);

        FakeBotFramework.SentActivity reply = copyInTeams(TEAMS_CHANNEL + ";messageid=" + copy.id(), "Count me in");
        assertTrue(reply.attachmentContents().toString().contains("via Slack"));
    }

    @Test
    void teamsMessage_isPostedInSlackAsItsAuthor_andATeamsReplyChainMessage_landsInTheSlackThread() {
        TeamsActivities.Message root = teamsSteward.message("Office closed Friday").conversation(TEAMS_CHANNEL)
                .unmentioned();
        deliver(root);
        FakeSlackApi.Message copy = copyInSlack("Office closed Friday");
        FakeSlackApi.Call sent = stack.slackApi.calls("chat.postMessage").stream()
                .filter(call -> SLACK_CHANNEL.equals(call.param("channel"))
                        && String.valueOf(call.param("text")).contains("Office closed Friday")).findFirst().orElseThrow();
        assertEquals("Cy Cross", sent.param("username"));

        deliver(teamsSteward.message("Monday too").inReplyChainOf(TEAMS_CHANNEL, root.id()).unmentioned());

        FakeSlackApi.Message reply = copyInSlack("Monday too");
        assertEquals(copy.ts(), reply.threadTs(), "in the thread of the copy");
    }

    @Test
    void slackMessageWithAMarkdownLink_reachesTeamsAsTyped_itsLabelAndItsAddressShown_neverALinkHidingTheAddress() {
        // Slack links the address it recognises: <https://…> in the event's text.
        writtenInSlack("[reset it here](<https://evil.example>) before Friday", null);

        FakeBotFramework.SentActivity copy = copyInTeams(TEAMS_CHANNEL, "reset it here");

        JsonNode sent = TeamsMarkup.tree(copy.json());
        assertEquals(List.of(), TeamsMarkup.problems(sent), "no link, mention or forged bold: " + copy.json());
        assertTrue(TeamsMarkup.runs(sent).contains("[reset it here](https://evil.example) before Friday"),
                "shown as typed, address and all: " + TeamsMarkup.runs(sent));
        assertEquals(List.of("Sky Writer"), TeamsMarkup.boldRuns(sent), "the author alone in bold");
    }

    @Test
    void postOf3990Emoji_everyMessageTheBotConnectorReceives_staysWithinTeamsLimit_withTheWayToTheRest() {
        String emoji = "🧱".repeat(3990);
        int before = stack.botFramework.sent().size();
        writtenInSlack(emoji, null); // a Slack message of 3,990 emoji: a post, mirrored into the Teams channel
        FakeBotFramework.SentActivity copy = copyInTeams(TEAMS_CHANNEL, "🧱🧱");
        assertTrue(copy.bytes() <= TEAMS_LIMIT, "the copy: " + copy.bytes() + " bytes as received");
        assertTrue(copy.cardsShown().contains("… (more in its thread)"), "the words end saying where the rest is");
        assertTrue(copy.json().contains("\"title\":\"Open thread\""), "and Open thread leads there");

        String reference = referenceOf(copy);
        assertEquals(200, teamsSteward.ciment("post " + CROSS + " " + emoji).status());
        assertTrue(teamsSteward.ciment("feed " + CROSS).says("more in its thread"));
        LocalStack.TeamsAnswer thread = teamsSteward.ciment("thread " + reference);
        assertTrue(thread.says("Read on"), thread.cards());
        eventually(() -> stack.botFramework.sentTo(TEAMS_CHANNEL).stream().filter(a -> a.json().contains(BRICKS)).count()
                >= 2 ? List.of(true) : List.of(), "the Teams post's copy in the linked channel");

        List<FakeBotFramework.SentActivity> sent = stack.botFramework.sent();
        List<FakeBotFramework.SentActivity> since = sent.subList(before, sent.size());
        assertTrue(since.size() >= 5, "the copies, the post's answer, the feed, the thread: " + since.size());
        for (FakeBotFramework.SentActivity activity : since) {
            assertTrue(activity.bytes() <= TEAMS_LIMIT, activity.bytes() + " bytes as received, to "
                    + activity.conversationId());
        }

        // Read on, clicked in the thread's card: the rest, in the invoke's answer, within the limit too
        JsonNode readOn = TeamsMarkup.tree(stack.botFramework.sentTo(teamsSteward.conversationId).getLast().json())
                .findParents("verb").stream().filter(a -> a.path("verb").asText().equals("readon")).findFirst()
                .orElseThrow();
        Map<String, Object> data = JSON.convertValue(readOn.path("data"), new TypeReference<>() { });
        HttpResponse<String> answer = stack.post("/api/messages", Map.of("Content-Type", "application/json",
                "Authorization", FakeBotFramework.bearer(stack.botFramework.token(stack.botFramework.serviceUrl()))),
                teamsSteward.message("").cardAction("readon", data).json());
        assertEquals(200, answer.statusCode(), answer.body());
        assertTrue(answer.body().getBytes(StandardCharsets.UTF_8).length <= TEAMS_LIMIT, answer.body().length() + "");
        assertTrue(answer.body().contains("continued") && answer.body().contains("🧱🧱"), answer.body());
    }
}
