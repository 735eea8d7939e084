package ciment.local;

import static ciment.local.LocalStack.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.devkit.slack.FakeSlackApi;
import ciment.devkit.teams.FakeBotFramework;
import ciment.local.LocalStack.SlackUser;
import ciment.local.LocalStack.TeamsUser;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 17, the digest, over HTTP on both tools: people active on Slack and on Teams, then the digest function run
 * twice through {@code POST /local/schedules/DigestFunction} (the runner's way to fire a schedule at once): each gets
 * exactly one direct message, through the table's stream, the delivery functions and the fakes, in their language;
 * someone who said {@code digest off} gets none.
 */
class DigestEndToEndTest {
    private static final String SLUG = "digest-e2e";
    private static LocalStack stack;
    private static SlackUser ada;
    private static SlackUser grace;
    private static TeamsUser theo;

    @BeforeAll
    static void start() {
        stack = new LocalStack();
        ada = stack.slackUser("U0DIGADA", "Ada");
        grace = stack.slackUser("U0DIGGRA", "Grace");
        theo = stack.teamsUser("Théo");
        assertTrue(ada.ciment("create " + SLUG + " Digests in both tools").says(SLUG));
        assertTrue(grace.ciment("join " + SLUG).says(SLUG));
        assertTrue(theo.ciment("join " + SLUG).says(SLUG));
        assertTrue(theo.ciment("language fr").says("français"));
        // Daily: the weekly default goes out on Mondays only, and the test runs any day.
        assertTrue(ada.ciment("digest daily").says("every day"));
        assertTrue(theo.ciment("résumé quotidien").says("chaque jour"));
        assertTrue(grace.ciment("digest off").says("not get the digest"));
        String busy = LocalStack.reference(ada.ciment("post " + SLUG + " Launch notes are out"));
        theo.ciment("reply " + busy + " Merci !");
        grace.ciment("react " + busy + " tada");
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    private static List<FakeSlackApi.Call> slackDigests(SlackUser user) {
        return stack.slackApi.calls("chat.postMessage").stream().filter(call -> user.userId.equals(call.param("channel"))
                && String.valueOf(call.param("text")).startsWith("Your day in your communities")).toList();
    }

    private static List<FakeBotFramework.SentActivity> teamsDigests(String chat) {
        return stack.botFramework.sentTo(chat).stream()
                .filter(sent -> sent.text() != null && sent.text().startsWith("Votre journée dans vos communautés")).toList();
    }

    private static HttpResponse<String> fire(String function) {
        return stack.post("/local/schedules/" + function, Map.of(), "");
    }

    @Test
    void aDigestRunTwice_sendsOneDirectMessageEach_inTheirLanguage_andNoneToWhoSaidOff() throws InterruptedException {
        HttpResponse<String> first = fire("DigestFunction");
        HttpResponse<String> second = fire("DigestFunction");

        assertEquals(202, first.statusCode(), first.body());
        assertEquals(202, second.statusCode(), second.body());
        assertTrue(first.body().contains("\"ran\":\"DigestFunction\"") && first.body().contains("\"sent\":2"),
                first.body());
        FakeSlackApi.Call toAda = eventually(() -> slackDigests(ada), "Ada's digest in Slack").get(0);
        assertTrue(toAda.param("text").contains(SLUG + ": 1 reply, 1 reaction"), toAda.param("text"));
        String chat = eventually(() -> stack.botFramework.personalChatWith(FakeBotFramework.Member.of(theo.fromId,
                theo.aadObjectId, theo.name, theo.email, theo.email, theo.tenantId)).stream().toList(),
                "Théo's personal chat").get(0);
        FakeBotFramework.SentActivity toTheo = eventually(() -> teamsDigests(chat), "Théo's digest in Teams").get(0);
        assertTrue(toTheo.text().contains(SLUG + " : 1 réponse, 1 réaction"), toTheo.text());
        Thread.sleep(2_000); // time enough for a second message, were there one, to come through the stream
        assertEquals(1, slackDigests(ada).size());
        assertEquals(1, teamsDigests(chat).size());
        assertEquals(List.of(), slackDigests(grace), "Grace said digest off");
        assertFalse(toAda.param("text").contains("Théo") || toAda.param("text").contains("Grace"),
                "a digest never says who replied or reacted: " + toAda.param("text"));
    }

    @Test
    void aBadDigestWord_isRefusedInOneSentence_andWritesNothing() {
        ada.ciment("digest"); // Ada is known (enrolled, marked active today) before the count
        int before = stack.itemCount();

        LocalStack.SlackAnswer refused = ada.ciment("digest monthly");

        assertTrue(refused.says("digest takes weekly, daily or off, not “monthly”"), refused.toString());
        assertEquals(before, stack.itemCount());
    }

    @Test
    void anUnknownScheduledFunction_is404_andAFunctionOnARouteAlone_too() {
        assertEquals(404, fire("NoSuchFunction").statusCode());
        assertEquals(404, fire("SlackFunction").statusCode(), "SlackFunction has no schedule");
    }
}
