package ciment.functions.teams;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ciment.devkit.ApiGateway;
import ciment.devkit.teams.FakeBotFramework;
import ciment.devkit.teams.TeamsActivities;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the Teams function refuses before the bot sees an activity: another channel than Teams with a token the
 * Bot Connector made for that channel, and a body over its bound (as text or base64); each gets one sentence, and
 * nothing is written, sent or looked up.
 */
class TeamsEdgeTest {
    private static TeamsStack stack;
    private static TeamsFunction function;
    private static TeamsStack.Person ada;

    @BeforeAll
    static void start() {
        stack = new TeamsStack();
        function = stack.function();
        ada = stack.member(stack.person("Ada Lovelace"));
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @Test
    void directLineOrWebChatActivity_withAGenuineTokenOfItsChannel_gets403AndTouchesNothing() {
        String token = FakeBotFramework.bearer(stack.fake.tokenSignedByKeyNotEndorsedForTeams(stack.fake.serviceUrl()));

        for (String channel : new String[] {"directline", "webchat"}) {
            TeamsActivities.Message claim = stack.message(ada, "create claimed-guild Made as Ada").channelId(channel);
            assertUntouched(() -> TeamsStack.handle(function, TeamsStack.event(claim.json(), token)), 403,
                    "This Ciment bot serves Microsoft Teams only: activities from other channels are refused.");
        }
    }

    @Test
    void activityOneByteOverTheBound_gets413BeforeItsTokenIsRead_asTextOrBase64_andAtTheBoundIsServed() {
        int bound = TeamsGateway.BODY_LIMIT.maxBytes();
        String refusal = "The request body is larger than the 262,144 bytes this route takes: nothing was read.";

        assertUntouched(() -> TeamsStack.handle(function, TeamsStack.event(sized(bound + 1), null)), 413, refusal);
        assertUntouched(() -> TeamsStack.handle(function, TeamsStack.base64Event(sized(bound + 1), null)), 413, refusal);
        String atBound = sized(bound);
        String token = FakeBotFramework.bearer(stack.fake.token(stack.fake.serviceUrl()));
        assertEquals(200, TeamsStack.handle(function, TeamsStack.event(atBound, token)).status());
        assertEquals(200, TeamsStack.handle(function, TeamsStack.base64Event(atBound, token)).status());
    }

    @Test
    void eventLargerThanAnyAdmissibleBodyCouldMakeIt_gets413_unparsed() {
        assertUntouched(() -> TeamsStack.handle(function, "x".repeat(TeamsGateway.BODY_LIMIT.maxEventBytes() + 1)),
                413, TeamsGateway.BODY_LIMIT.refusal());
    }

    /** Ada's help, padded with a field of the activity to exactly {@code bytes} of JSON. */
    private static String sized(int bytes) {
        String json = stack.message(ada, "help").json();
        String padded = json.substring(0, json.length() - 1) + ",\"padding\":\"\"}";
        return padded.substring(0, padded.length() - 2) + "x".repeat(bytes - padded.length()) + "\"}";
    }

    private static void assertUntouched(java.util.function.Supplier<ApiGateway.Answer> request, int status,
            String sentence) {
        int items = stack.itemCount();
        int sent = stack.fake.sent().size();
        int lookups = stack.fake.memberLookups().size();

        ApiGateway.Answer answer = request.get();

        assertEquals(status, answer.status(), answer.bodyText());
        assertEquals(sentence, answer.bodyText());
        assertEquals(items, stack.itemCount(), "nothing written");
        assertEquals(sent, stack.fake.sent().size(), "nothing sent");
        assertEquals(lookups, stack.fake.memberLookups().size(), "nobody looked up");
    }
}
