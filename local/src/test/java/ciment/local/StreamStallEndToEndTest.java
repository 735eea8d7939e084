package ciment.local;

import static ciment.local.LocalStack.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.devkit.slack.FakeSlackApi;
import ciment.devkit.slack.SlackInteractions;
import ciment.devkit.slack.SlashCommands;
import ciment.local.LocalStack.SlackAnswer;
import ciment.local.LocalStack.SlackUser;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The stall issue 14 (item 15) found: records left in the table's stream with the local feeder idle. A request
 * whose transaction is refused (here a community created under a slug already taken) made the emulator restore
 * a copy of the whole table, its stream included, so that the feeder went on reading a stream nobody wrote to.
 */
class StreamStallEndToEndTest {
    private static final String SLUG = "stall-e2e";
    private static final String CHANNEL_A = "C0STALLA01";
    private static final String CHANNEL_B = "C0STALLB01";
    private static final AtomicLong MICROS = new AtomicLong(100);
    private static LocalStack stack;
    private static SlackInteractions slack;
    private static SlackUser steward;

    @BeforeAll
    static void start() {
        stack = new LocalStack();
        slack = new SlackInteractions(LocalStack.SIGNING_SECRET, FakeSlackApi.TEAM_ID);
        steward = stack.slackUser("U0STALLST", "Stella Steward");
        assertTrue(steward.ciment("create " + SLUG + " Mirrors that never stop").says(SLUG));
        assertTrue(linkIn(CHANNEL_A, "general").says("Linked #general in Slack to " + SLUG));
        assertTrue(linkIn(CHANNEL_B, "data").says("Linked #data in Slack to " + SLUG));
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    private static SlackAnswer linkIn(String channel, String name) {
        return steward.answer(stack.slashCommands.sign(stack.slashCommands.command(steward.userId, steward.name,
                "link " + SLUG).inChannel(channel, name), Instant.now()));
    }

    private static void writtenInA(String text) {
        String ts = Instant.now().getEpochSecond() + String.format(".%06d", MICROS.incrementAndGet());
        SlashCommands.Signed event = slack.event(SlackInteractions.message(steward.userId, CHANNEL_A, ts, null, text),
                SlackInteractions.newEventId(), Instant.now());
        HttpResponse<String> response = stack.post("/slack/events", event.headers(), event.body());
        assertEquals(200, response.statusCode(), response.body());
    }

    private static void copiedIntoB(String words) {
        eventually(() -> stack.slackApi.messages(CHANNEL_B).stream().filter(m -> m.text().contains(words)).toList(),
                "a copy of “" + words + "” in B");
    }

    @Test
    void aRefusedTransaction_inTheMiddleOfARun_doesNotStopMirroring() {
        writtenInA("Before the refusal");
        copiedIntoB("Before the refusal");

        SlackAnswer refused = steward.ciment("create " + SLUG + " The same slug again");
        assertTrue(!refused.says("Created"), refused.toString());

        writtenInA("After the refusal");
        copiedIntoB("After the refusal");
    }
}
