package ciment.local;

import static ciment.local.LocalStack.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.devkit.slack.FakeSlackApi;
import ciment.devkit.stream.TableStream;
import ciment.devkit.teams.FakeBotFramework;
import ciment.local.LocalStack.SlackUser;
import ciment.local.LocalStack.TeamsUser;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 3 over HTTP, to the end: the answer to a join request reaches the person where they asked, and
 * an invitation reaches the invitee directly, through the outbox, the table's stream (fed by the runner
 * as Lambda feeds it) and the delivery functions, to the fake Slack Web API and Bot Connector.
 */
class NoticesEndToEndTest {
    /** Delivery happens after the command's answer, from the stream the runner reads every ~200 ms. */

    private static LocalStack stack;

    @BeforeAll
    static void start() {
        stack = new LocalStack();
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    private static String mention(SlackUser user) {
        return "<@" + user.userId + "|" + user.name + ">";
    }

    private static List<FakeSlackApi.Call> slackCalls(String method, String channel, String fragment) {
        return stack.slackApi.calls(method).stream()
                .filter(call -> channel.equals(call.param("channel")) && String.valueOf(call.param("text")).contains(fragment))
                .toList();
    }

    private static List<FakeBotFramework.SentActivity> teamsSent(String conversationId, String fragment) {
        return stack.botFramework.sentTo(conversationId).stream()
                .filter(sent -> sent.text() != null && sent.text().contains(fragment)).toList();
    }


    @Test
    void slack_requestAskedInAChannel_approvedByASteward_isAnsweredEphemerallyInThatChannel_toThatPersonOnly() {
        SlackUser steward = stack.slackUser("U0NOT0001", "Wanda");
        SlackUser asker = stack.slackUser("U0NOT0002", "Yusuf");
        steward.ciment("create notice-club Answers come back");
        steward.ciment("close notice-club");
        var asked = asker.answer(stack.slashCommands.sign(stack.slashCommands
                .command(asker.userId, asker.name, "join notice-club").inChannel("C0ASKHERE", "ask-here"), Instant.now()));
        assertTrue(asked.says("your request went to its stewards"), asked.toString());

        assertTrue(steward.ciment("approve notice-club " + mention(asker)).says("is now a member"));

        FakeSlackApi.Call told = eventually(() -> slackCalls("chat.postEphemeral", "C0ASKHERE", "notice-club"),
                "the approval in #ask-here").get(0);
        assertEquals(asker.userId, told.param("user"));
        assertTrue(told.param("text").startsWith("Your request to join notice-club was approved by Wanda"), told.param("text"));
        assertEquals("xoxb-e2e", told.token());
    }

    @Test
    void teams_requestAskedInAChannelThread_declinedByASteward_isAnsweredInThatConversation() {
        TeamsUser steward = stack.teamsUser("Zelda");
        TeamsUser asker = stack.teamsUser("Xavier");
        steward.ciment("create decline-club Not everyone gets in");
        steward.ciment("close decline-club");
        assertTrue(asker.ciment("join decline-club").says("your request went to its stewards"));

        assertTrue(steward.cimentMentioning("decline decline-club", asker).says("You declined"));

        FakeBotFramework.SentActivity told = eventually(() -> teamsSent(asker.conversationId, "was declined by Zelda"),
                "the decline in the asker's conversation").get(0);
        assertEquals("Your request to join decline-club was declined by Zelda.", told.text());
        assertTrue(told.authorization().startsWith("Bearer fake-access-token-"), told.authorization());
        assertEquals(List.of(), teamsSent(steward.conversationId, "was declined by"), "only where the asker asked");
    }

    @Test
    void slack_invitation_isADirectMessageToTheInvitee() {
        SlackUser steward = stack.slackUser("U0NOT0003", "Vera");
        SlackUser invitee = stack.slackUser("U0NOT0004", "Umar");
        steward.ciment("create invite-club Come along");

        assertTrue(steward.ciment("invite invite-club " + mention(invitee)).says("is invited to invite-club"));

        FakeSlackApi.Call told = eventually(() -> slackCalls("chat.postMessage", invitee.userId, "invited you to invite-club"),
                "the invitation in Umar's direct messages").get(0);
        assertTrue(told.param("text").startsWith("Vera invited you to invite-club"), told.param("text"));
    }

    @Test
    void teams_invitation_createsThePersonalChat_andIsSentThere() {
        TeamsUser steward = stack.teamsUser("Tilda");
        TeamsUser invitee = stack.teamsUser("Sami");
        steward.ciment("create teams-invite-club Come along");

        assertTrue(steward.cimentMentioning("invite teams-invite-club", invitee).says("is invited to teams-invite-club"));

        String chat = eventually(() -> stack.botFramework.personalChatWith(member(invitee)).stream().toList(),
                "Sami's personal chat with the bot").get(0);
        FakeBotFramework.CreatedConversation created = stack.botFramework.createdConversations().stream()
                .filter(c -> c.memberIds().equals(List.of(invitee.aadObjectId))).findFirst().orElseThrow();
        assertEquals(invitee.tenantId, created.tenantId());
        FakeBotFramework.SentActivity told = eventually(() -> teamsSent(chat, "invited you to teams-invite-club"),
                "the invitation in the personal chat").get(0);
        assertTrue(told.text().startsWith("Tilda invited you to teams-invite-club"), told.text());
    }

    @Test
    void streamRecordHandedOverTwice_isSentOnce() {
        SlackUser steward = stack.slackUser("U0NOT0005", "Rhea");
        SlackUser asker = stack.slackUser("U0NOT0006", "Quinn");
        steward.ciment("create twice-club Once is enough");
        steward.ciment("close twice-club");
        try (TableStream stream = TableStream.fromLatest(URI.create(stack.runner.settings().require("AWS_ENDPOINT_URL")),
                "us-east-1", stack.runner.settings().table())) {
            asker.ciment("join twice-club");
            steward.ciment("decline twice-club " + mention(asker));
            eventually(() -> slackCalls("chat.postEphemeral", "C0GENERAL1", "join twice-club was declined"),
                    "the first delivery");
            List<DynamodbStreamRecord> records = new ArrayList<>(stream.poll());
            assertTrue(records.stream().anyMatch(DeliveryFilters.newOutboxItemsOf("slack")), "the notice's record was read");

            stack.runner.feedStreamAgain(records);

            assertEquals(1, slackCalls("chat.postEphemeral", "C0GENERAL1", "join twice-club was declined").size());
            assertEquals(0, slackCalls("chat.postMessage", asker.userId, "twice-club").size());
        }
    }

    private static FakeBotFramework.Member member(TeamsUser user) {
        return FakeBotFramework.Member.of(user.fromId, user.aadObjectId, user.name, user.email, user.email, user.tenantId);
    }
}
