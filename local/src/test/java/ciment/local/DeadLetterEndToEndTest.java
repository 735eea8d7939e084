package ciment.local;

import static ciment.local.LocalStack.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.devkit.slack.FakeSlackApi;
import ciment.devkit.slack.SlackInteractions;
import ciment.infra.aws.SqsDeadLetters;
import ciment.local.LocalStack.SlackUser;
import ciment.local.LocalStack.TeamsUser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Issue 5's dead-letter queue, over HTTP through the local runner on moto: a community linked to two Slack
 * channels and a Teams channel. A post item that cannot be read, among good posts, is given up at once into
 * the runner's dead-letter queue with its reason while every good copy is delivered once; a Slack channel
 * answering 500 every time exhausts the runner's retries and leaves Lambda's on-failure record in the queue,
 * while the Teams channel got its copy.
 */
class DeadLetterEndToEndTest {
    private static final String SLUG = "dead-letter-e2e";
    private static final String CHANNEL_A = "C0DEADLA1";
    private static final String CHANNEL_B = "C0DEADLB1";
    private static final String TEAMS_CHANNEL = "19:" + UUID.randomUUID().toString().replace("-", "") + "@thread.tacv2";
    private static final AtomicLong MICROS = new AtomicLong(100);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Every message taken from the queue so far (received, then deleted). */
    private static final List<JsonNode> LETTERS = new ArrayList<>();
    private static LocalStack stack;
    private static SlackInteractions slack;
    private static SlackUser steward;
    private static SlackUser writer;
    private static SqsClient sqs;
    private static String queueUrl;

    @BeforeAll
    static void start() {
        stack = new LocalStack();
        slack = new SlackInteractions(LocalStack.SIGNING_SECRET, FakeSlackApi.TEAM_ID);
        steward = stack.slackUser("U0DEADSTEW", "Dee Steward");
        writer = stack.slackUser("U0DEADWRIT", "Wes Writer");
        TeamsUser teamsSteward = stack.teamsUser("Dee Steward", "u0deadstew@example.com", "user"); // the same person
        assertTrue(steward.ciment("create " + SLUG + " Nothing lost").says(SLUG));
        for (String[] channel : List.of(new String[] {CHANNEL_A, "general"}, new String[] {CHANNEL_B, "data"})) {
            assertTrue(steward.answer(stack.slashCommands.sign(stack.slashCommands.command(steward.userId, steward.name,
                    "link " + SLUG).inChannel(channel[0], channel[1]), Instant.now())).says("Linked #" + channel[1]));
        }
        LocalStack.TeamsAnswer linked = teamsSteward.send(teamsSteward.message("link " + SLUG)
                .conversation(TEAMS_CHANNEL).channelName("Ops"), stack.botFramework.token(stack.botFramework.serviceUrl()));
        assertTrue(linked.says("Linked Ops in Teams to " + SLUG), linked.toString());
        queueUrl = stack.runner.settings().require(SqsDeadLetters.QUEUE_URL);
        sqs = SqsDeadLetters.client(stack.runner.settings());
    }

    @AfterAll
    static void stop() {
        sqs.close();
        stack.close();
    }

    private static String writtenInA(String text) {
        String ts = Instant.now().getEpochSecond() + String.format(".%06d", MICROS.incrementAndGet());
        var event = slack.event(SlackInteractions.message(writer.userId, CHANNEL_A, ts, null, text),
                SlackInteractions.newEventId(), Instant.now());
        HttpResponse<String> response = stack.post("/slack/events", event.headers(), event.body());
        assertEquals(200, response.statusCode(), response.body());
        return ts;
    }

    private static long copiesInB(String words) {
        return stack.slackApi.messages(CHANNEL_B).stream().filter(m -> m.text().contains(words)).count();
    }

    private static long copiesInTeams(String words) {
        return stack.botFramework.sentTo(TEAMS_CHANNEL).stream()
                .filter(sent -> sent.attachmentContents().toString().contains(words)).count();
    }

    /** The letters taken from the queue so far that match, once there is one. */
    private static List<JsonNode> letters(java.util.function.Predicate<JsonNode> matching, String what) {
        return eventually(() -> {
            drainQueue();
            return LETTERS.stream().filter(matching).toList();
        }, what);
    }

    private static synchronized void drainQueue() {
        for (Message message : sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10)).messages()) {
            try {
                LETTERS.add(JSON.readTree(message.body()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
        }
    }

    /** The item of the post whose text is this, read from the table. */
    private static Map<String, AttributeValue> postItem(String text) {
        return eventually(() -> stack.dynamo.scan(b -> b.tableName(stack.runner.settings().table()).consistentRead(true))
                .items().stream().filter(item -> item.get("sk").s().startsWith("POST#") && item.containsKey("text")
                        && text.equals(item.get("text").s())).toList(), "the post of " + text).getFirst();
    }

    @Test
    void postItemThatCannotBeRead_amongGoodPosts_isDeadLetteredWithItsReason_andEveryGoodCopyDeliveredOnce()
            throws Exception {
        writtenInA("Good before the poison");
        Map<String, AttributeValue> poison = new HashMap<>(postItem("Good before the poison"));
        String poisonSk = "POST#" + ciment.core.model.Ulid.random(Instant.now());
        poison.put("sk", AttributeValue.fromS(poisonSk));
        poison.put("text", AttributeValue.fromS("Poisoned"));
        poison.put("createdAt", AttributeValue.fromS("yesterday, around noon")); // not an instant: cannot be read
        stack.dynamo.putItem(b -> b.tableName(stack.runner.settings().table()).item(poison));
        writtenInA("Good after the poison");

        eventually(() -> copiesInB("Good after the poison") > 0 && copiesInTeams("Good after the poison") > 0
                ? List.of(true) : List.of(), "the good post after the poison in B and in Teams");
        List<JsonNode> named = letters(letter -> poisonSk.equals(letter.at("/keys/sk").asText()), "the poison's letter");
        Thread.sleep(3_000); // whatever else would come (a retry, a second letter) comes meanwhile
        drainQueue();

        for (String good : List.of("Good before the poison", "Good after the poison")) {
            assertEquals(1, copiesInB(good), good + " in B");
            assertEquals(1, copiesInTeams(good), good + " in Teams");
        }
        assertEquals(0, copiesInB("Poisoned") + copiesInTeams("Poisoned"));
        named = LETTERS.stream().filter(letter -> poisonSk.equals(letter.at("/keys/sk").asText())).toList();
        // Each delivery function reads the record on its own (as each event source mapping does in AWS): one letter each.
        assertEquals(List.of("ciment-slack-delivery", "ciment-teams-delivery"),
                named.stream().map(letter -> letter.path("function").asText()).sorted().toList(), named.toString());
        for (JsonNode letter : named) {
            assertTrue(letter.path("reason").asText().startsWith("the post item cannot be read: "), letter.toString());
            assertTrue(letter.path("reason").asText().contains("yesterday, around noon"), letter.toString());
            assertEquals("INSERT", letter.path("eventName").asText());
            assertTrue(!letter.path("sequenceNumber").asText().isEmpty() && letter.has("approximateCreationDateTime"),
                    letter.toString());
        }
    }

    @Test
    void slackAnswering500EveryTime_exhaustsTheRetries_intoLambdasOnFailureRecord_whileTeamsGetsItsCopy()
            throws Exception {
        stack.slackApi.failNext("chat.postMessage", 500, 1_000);
        try {
            writtenInA("Slack is down, Teams is not");

            List<JsonNode> exhausted = letters(letter -> "RetryAttemptsExhausted".equals(
                    letter.at("/requestContext/condition").asText()), "the on-failure record");

            JsonNode failure = exhausted.getFirst();
            assertEquals(1, exhausted.size(), exhausted.toString());
            assertTrue(failure.at("/requestContext/functionArn").asText().endsWith(":function:ciment-slack-delivery"),
                    failure.toString());
            assertEquals(1 + StreamFeeder.RETRIES, failure.at("/requestContext/approximateInvokeCount").asInt());
            assertEquals("1.0", failure.path("version").asText());
            JsonNode batch = failure.path("DDBStreamBatchInfo");
            assertEquals(1, batch.path("batchSize").asInt(), failure.toString());
            assertEquals(batch.path("startSequenceNumber").asText(), batch.path("endSequenceNumber").asText());
            assertTrue(batch.path("streamArn").asText().contains(stack.runner.settings().table()), failure.toString());
            assertEquals(1, copiesInTeams("Slack is down, Teams is not"));
            assertEquals(0, copiesInB("Slack is down, Teams is not"));
            assertEquals(1 + StreamFeeder.RETRIES, stack.slackApi.calls("chat.postMessage").stream()
                    .filter(call -> String.valueOf(call.param("text")).contains("Slack is down")).count());
        } finally {
            stack.slackApi.failNext("chat.postMessage", 500, 0);
        }
    }
}
