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
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 5 in Slack, over HTTP through the local runner on moto: a steward links two channels of a workspace;
 * what people write in one (a message event, the bot being in the channel) becomes a post, mirrored into the
 * other as its author (chat.postMessage with username, metadata naming the post) by the Slack delivery function
 * the runner feeds from the table's stream; threads, edits, deletions and reactions follow, and neither a
 * retried event nor a rate-limited Slack makes a second post or copy.
 */
class SlackMirrorEndToEndTest {
    private static final String SLUG = "slack-mirror-e2e";
    private static final String CHANNEL_A = "C0MIRRORA1";
    private static final String CHANNEL_B = "C0MIRRORB1";
    /** Each message its own ts, as Slack gives them. */
    private static final AtomicLong MICROS = new AtomicLong(100);
    private static LocalStack stack;
    private static SlackInteractions slack;
    private static SlackUser steward;
    private static SlackUser writer;
    private static SlackUser reader;

    @BeforeAll
    static void start() {
        stack = new LocalStack();
        slack = new SlackInteractions(LocalStack.SIGNING_SECRET, FakeSlackApi.TEAM_ID);
        steward = stack.slackUser("U0MIRSTEW", "Sol Steward");
        writer = stack.slackUser("U0MIRWRIT", "Wren Writer");
        reader = stack.slackUser("U0MIRREAD", "Remy Reader");
        assertTrue(steward.ciment("create " + SLUG + " Mirrors between channels").says(SLUG));
        assertTrue(reader.ciment("join " + SLUG).says(SLUG));
        assertTrue(linkIn(CHANNEL_A, "general").says("Linked #general in Slack to " + SLUG));
        assertTrue(linkIn(CHANNEL_B, "data").says("Linked #data in Slack to " + SLUG));
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    /** The steward's {@code /ciment link} typed in the channel. */
    private static SlackAnswer linkIn(String channel, String name) {
        return steward.answer(stack.slashCommands.sign(stack.slashCommands.command(steward.userId, steward.name,
                "link " + SLUG).inChannel(channel, name), Instant.now()));
    }

    private static String newTs() {
        return Instant.now().getEpochSecond() + String.format(".%06d", MICROS.incrementAndGet());
    }

    /** A signed event to the app's endpoint; 200 expected. */
    private static void deliver(SlashCommands.Signed event) {
        HttpResponse<String> response = stack.post("/slack/events", event.headers(), event.body());
        assertEquals(200, response.statusCode(), response.body());
    }

    /** The writer's message in channel A (a thread reply when {@code threadTs} is given): its ts. */
    private static String writtenInA(String text, String threadTs) {
        String ts = newTs();
        deliver(slack.event(SlackInteractions.message(writer.userId, CHANNEL_A, ts, threadTs, text),
                SlackInteractions.newEventId(), Instant.now()));
        return ts;
    }

    /** The bot's messages posted into a channel whose text holds the words. */
    private static List<FakeSlackApi.Call> postedIn(String channel, String words) {
        return stack.slackApi.calls("chat.postMessage").stream()
                .filter(call -> channel.equals(call.param("channel")) && String.valueOf(call.param("text")).contains(words))
                .toList();
    }

    /** The copy of the words kept in channel B, once delivered. */
    private static FakeSlackApi.Message copyInB(String words) {
        return eventually(() -> stack.slackApi.messages(CHANNEL_B).stream()
                .filter(m -> m.text().contains(words)).toList(), "a copy of “" + words + "” in B").getFirst();
    }

    private static String postOf(FakeSlackApi.Message copy) {
        @SuppressWarnings("unchecked")
        Map<String, Object> payload = (Map<String, Object>) copy.metadata().get("event_payload");
        return String.valueOf(payload.get("post"));
    }

    /** Lets the delivery function finish whatever it may still send (nothing, when all is well). */
    private static void settle() throws InterruptedException {
        Thread.sleep(2_500);
    }

    private static int occurrences(String text, String words) {
        return text.split(java.util.regex.Pattern.quote(words), -1).length - 1;
    }

    @Test
    void messageInA_becomesAPost_mirroredIntoBAsItsAuthor_neverBackIntoA() throws Exception {
        writtenInA("Deploys are frozen until Monday", null);

        FakeSlackApi.Message copy = copyInB("Deploys are frozen until Monday");
        FakeSlackApi.Call sent = postedIn(CHANNEL_B, "Deploys are frozen until Monday").getFirst();
        assertEquals("Wren Writer", sent.param("username"));
        assertEquals("ciment_post", copy.metadata().get("event_type"));
        assertTrue(sent.param("blocks").contains("via Slack · " + postOf(copy)), sent.param("blocks"));
        SlackAnswer feed = reader.ciment("feed " + SLUG);
        assertTrue(feed.says("Deploys are frozen until Monday") && feed.says(postOf(copy)), feed.toString());
        settle();
        assertEquals(List.of(), postedIn(CHANNEL_A, "Deploys are frozen until Monday"));
    }

    @Test
    void sameEventRetried_withTheSameEventId_makesNoSecondPost_norSecondCopy() throws Exception {
        String ts = newTs();
        Instant now = Instant.now();
        String eventId = SlackInteractions.newEventId();
        Map<String, Object> message = SlackInteractions.message(writer.userId, CHANNEL_A, ts, null, "Retro at four");

        deliver(slack.event(message, eventId, now));
        deliver(slack.event(message, eventId, now).withHeader("X-Slack-Retry-Num", "1")
                .withHeader("X-Slack-Retry-Reason", "http_timeout"));

        copyInB("Retro at four");
        settle();
        assertEquals(1, stack.slackApi.messages(CHANNEL_B).stream().filter(m -> m.text().contains("Retro at four")).count());
        assertEquals(1, occurrences(reader.ciment("feed " + SLUG).toString(), "Retro at four"));
    }

    @Test
    void threadReplyInA_landsInBsThreadOfTheCopy_andNotBackInA() throws Exception {
        String rootTs = writtenInA("Who owns the billing service?", null);
        FakeSlackApi.Message rootCopy = copyInB("Who owns the billing service?");

        writtenInA("Team Ledger does", rootTs);

        FakeSlackApi.Message replyCopy = copyInB("Team Ledger does");
        assertEquals(rootCopy.ts(), replyCopy.threadTs());
        SlackAnswer thread = reader.ciment("thread " + postOf(rootCopy));
        assertTrue(thread.says("Team Ledger does"), thread.toString());
        settle();
        assertEquals(List.of(), postedIn(CHANNEL_A, "Team Ledger does"));
    }

    @Test
    void threadReplyUnderBsCopy_landsInAsThreadOfTheWritersMessage() {
        String rootTs = writtenInA("Any volunteers for on-call swap?", null);
        FakeSlackApi.Message rootCopy = copyInB("Any volunteers for on-call swap?");

        deliver(slack.event(SlackInteractions.message(reader.userId, CHANNEL_B, newTs(), rootCopy.ts(), "I can take it"),
                SlackInteractions.newEventId(), Instant.now()));

        FakeSlackApi.Call intoA = eventually(() -> postedIn(CHANNEL_A, "I can take it"), "the reply in A's thread")
                .getFirst();
        assertEquals(rootTs, intoA.param("thread_ts"));
        assertEquals("Remy Reader", intoA.param("username"));
        SlackAnswer thread = steward.ciment("thread " + postOf(rootCopy));
        assertTrue(thread.says("I can take it"), thread.toString());
    }

    @Test
    void editThenDeleteInA_updateThenDeleteBsCopy() {
        String ts = writtenInA("Standup moved to 9:30", null);
        FakeSlackApi.Message copy = copyInB("Standup moved to 9:30");

        deliver(slack.event(SlackInteractions.messageChanged(writer.userId, CHANNEL_A, ts, null,
                "Standup moved to 9:30", "Standup moved to 10:00", newTs()), SlackInteractions.newEventId(), Instant.now()));

        FakeSlackApi.Call updated = eventually(() -> stack.slackApi.calls("chat.update").stream()
                .filter(c -> copy.ts().equals(c.param("ts")) && c.param("text").contains("10:00")).toList(),
                "the copy updated").getFirst();
        assertEquals(CHANNEL_B, updated.param("channel"));

        deliver(slack.event(SlackInteractions.messageDeleted(writer.userId, CHANNEL_A, ts, null,
                "Standup moved to 10:00", newTs()), SlackInteractions.newEventId(), Instant.now()));

        FakeSlackApi.Call deleted = eventually(() -> stack.slackApi.calls("chat.delete").stream()
                .filter(c -> copy.ts().equals(c.param("ts"))).toList(), "the copy deleted").getFirst();
        assertEquals(CHANNEL_B, deleted.param("channel"));
        SlackAnswer feed = reader.ciment("feed " + SLUG);
        assertTrue(!feed.says("Standup moved to 10:00"), feed.toString());
    }

    @Test
    void reactionOnBsCopy_countsOnThePost_andNeverTouchesTheWritersMessageInA() throws Exception {
        writtenInA("Lunch and learn on Friday", null);
        FakeSlackApi.Message copy = copyInB("Lunch and learn on Friday");

        deliver(slack.reaction(true, reader.userId, "tada", CHANNEL_B, copy.ts(), FakeSlackApi.BOT_USER_ID,
                Instant.now()));

        SlackAnswer feed = reader.ciment("feed " + SLUG);
        assertTrue(feed.says(":tada: 1"), feed.toString());
        eventually(() -> stack.slackApi.calls("chat.update").stream()
                .filter(c -> copy.ts().equals(c.param("ts")) && c.param("blocks").contains(":tada: 1")).toList(),
                "the copy's reactions line");
        settle();
        assertTrue(stack.slackApi.calls("chat.update").stream().noneMatch(c -> CHANNEL_A.equals(c.param("channel"))));
    }

    @Test
    void rateLimitedOnce_withRetryAfter_thenDeliveredOnce() throws Exception {
        stack.slackApi.failNext("chat.postMessage", 429, 1, 1);

        writtenInA("Offsite agenda is up", null);

        copyInB("Offsite agenda is up");
        settle();
        assertEquals(1, stack.slackApi.messages(CHANNEL_B).stream()
                .filter(m -> m.text().contains("Offsite agenda is up")).count());
        assertEquals(2, postedIn(CHANNEL_B, "Offsite agenda is up").size(), "the refused call, then the one sent");
    }

    /**
     * Issue 14, item 15, the stall it found: a request whose transaction is refused (a community created under a
     * slug already taken) made the emulator restore a copy of the whole table, its stream included, and the local
     * feeder then read a stream nobody wrote to again: records waited, nothing was mirrored, nothing was said.
     */
    @Test
    void aRefusedTransaction_inTheMiddleOfARun_doesNotStopMirroring() {
        writtenInA("Before the refusal", null);
        copyInB("Before the refusal");

        SlackAnswer refused = steward.ciment("create " + SLUG + " The same slug again");
        assertTrue(!refused.says("Created"), refused.toString());

        writtenInA("After the refusal", null);
        copyInB("After the refusal");
        assertEquals(0, stack.runner.streamStalls(), "nor was a stall said: there was none");
    }
}
