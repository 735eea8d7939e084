package ciment.functions.slackdelivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.core.config.Settings;
import ciment.core.model.Channel;
import ciment.core.model.Link;
import ciment.core.model.Platform;
import ciment.core.model.Post;
import ciment.core.model.Slug;
import ciment.core.model.Ulid;
import ciment.core.port.People;
import ciment.core.port.Repositories;
import ciment.devkit.MotoServer;
import ciment.devkit.TemplateTable;
import ciment.devkit.slack.FakeSlackApi;
import ciment.devkit.stream.StreamEvents;
import ciment.devkit.stream.TableStream;
import ciment.infra.aws.DynamoClients;
import ciment.infra.dynamo.CapacityMeter;
import ciment.infra.dynamo.DynamoMirrors;
import ciment.infra.dynamo.DynamoRepositories;
import ciment.slack.outbound.SlackMirrorSender;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The Slack delivery function mirroring posts on moto into the fake Slack Web API, handed the table's own
 * stream records: once per linked channel, never into the post's origin, and never twice, even when an attempt
 * was killed between its send and its record (the copy is found again by its metadata).
 */
class SlackMirrorDeliveryTest {
    /** Before the fake's message ts (each the time it is posted), so that an earlier copy is within the look-back. */
    private static final Instant AT = Instant.ofEpochSecond(1_699_999_990);
    private static final Slug SLUG = Slug.parse("mirror-guild");
    private static final String COMMUNITY = Ulid.random(AT);
    private static final Channel ORIGIN = new Channel(Platform.SLACK, FakeSlackApi.TEAM_ID, "C0ORIGIN", "origin", null);
    private static final Channel OTHER = new Channel(Platform.SLACK, FakeSlackApi.TEAM_ID, "C0OTHER", "other", null);

    private final FakeSlackApi slackApi = FakeSlackApi.start();
    private final Settings settings = Settings.of(MotoServer.tableSettings("slack-mirror"))
            .with(Map.of("CIMENT_SLACK_ALLOWED_WORKSPACES", "*",
                    "SLACK_BOT_TOKEN", "xoxb-mirror", "SLACK_API_URL", slackApi.baseUrl()));
    private final DynamoDbClient dynamo = DynamoClients.create(settings);
    private final CapacityMeter meter = new CapacityMeter(CapacityMeter.Source.COMPUTED);
    private final Repositories store = DynamoRepositories.create(dynamo, settings.table(), meter).repositories();
    private final TableStream stream;
    private final SlackDeliveryFunction function;

    SlackMirrorDeliveryTest() {
        TemplateTable.fromClasspath().create(dynamo, settings.table());
        for (Channel channel : List.of(ORIGIN, OTHER)) {
            store.links().link(new Link(COMMUNITY, SLUG, channel, "P1", AT));
        }
        stream = TableStream.fromLatest(MotoServer.shared().endpoint(), "us-east-1", settings.table());
        function = new SlackDeliveryFunction(settings);
    }

    @AfterEach
    void stop() {
        stream.close();
        dynamo.close();
        slackApi.close();
    }

    /** A message written in the origin channel that became a post, as the channel intake records it. */
    private Post writtenInOrigin(String text, String messageTs) {
        Post post = new Post(Ulid.random(AT), COMMUNITY, SLUG, "P2", "Ada Lovelace", Platform.SLACK, text, AT);
        store.posts().add(post);
        store.messageCopies().recordOrigin(Platform.SLACK, ORIGIN.id(), messageTs, post.reference());
        return post;
    }

    private List<String> failed(List<DynamodbStreamRecord> records) {
        StreamsEventResponse response = function.handleRequest(StreamEvents.event(records), null);
        return response.getBatchItemFailures().stream().map(StreamsEventResponse.BatchItemFailure::getItemIdentifier)
                .toList();
    }

    private List<String> channelsPostedTo() {
        return slackApi.calls("chat.postMessage").stream().map(call -> call.param("channel")).toList();
    }

    @Test
    void newPost_isMirroredIntoTheOtherChannelAsItsAuthor_once_evenWhenItsRecordIsHandedOverAgain() {
        Post post = writtenInOrigin("Deploys frozen", "1699999990.000100");
        List<DynamodbStreamRecord> records = stream.poll();

        assertEquals(List.of(), failed(records));
        assertEquals(List.of(), failed(records), "the same records again");

        assertEquals(List.of("C0OTHER"), channelsPostedTo(), "not into its origin, not twice");
        FakeSlackApi.Call sent = slackApi.calls("chat.postMessage").getFirst();
        assertEquals("Ada Lovelace", sent.param("username"));
        assertEquals(Map.of("post", post.reference()), sent.json("metadata").get("event_payload"));
        assertEquals(Optional.of(post.reference()),
                store.messageCopies().find(Platform.SLACK, "C0OTHER", slackApi.messages("C0OTHER").getFirst().ts()));
    }

    @Test
    void attemptKilledBetweenSendAndRecord_isFoundAgainByItsMetadata_andNotPostedTwice() throws Exception {
        Post post = writtenInOrigin("Killed after sending", "1699999990.000100");
        List<DynamodbStreamRecord> records = stream.poll();
        // The killed attempt: claimed long enough ago for its claim to have lapsed, sent, never recorded.
        new DynamoMirrors(dynamo, settings.table(), meter).claim(post, Platform.SLACK, OTHER.id(),
                Instant.now().minus(DynamoMirrors.CLAIM_LASTS).minus(Duration.ofMinutes(1)));
        People people = DynamoRepositories.create(dynamo, settings.table(), meter).repositories().people();
        String earlier = new SlackMirrorSender(settings, people).send(new Link(COMMUNITY, SLUG, OTHER, "P1", AT), post,
                Optional.empty());

        assertEquals(List.of(), failed(records));

        assertEquals(List.of("C0OTHER"), channelsPostedTo(), "the killed attempt's copy only");
        assertEquals(Optional.of(post.reference()), store.messageCopies().find(Platform.SLACK, "C0OTHER", earlier));
    }

    @Test
    void serverErrorOnOnePost_failsItsRecordOnly_theRestOfTheBatchIsDelivered_andTheRetrySendsItOnce() {
        slackApi.failNext("chat.postMessage", 500, 1);
        writtenInOrigin("First, failing once", "1699999990.000100");
        writtenInOrigin("Second, fine", "1699999991.000100");
        List<DynamodbStreamRecord> records = stream.poll();
        List<DynamodbStreamRecord> firstPost = records.stream()
                .filter(r -> r.getDynamodb().getNewImage().toString().contains("First, failing once")).toList();

        List<String> failures = failed(records);

        assertEquals(firstPost.stream().map(r -> r.getDynamodb().getSequenceNumber()).toList(), failures);
        assertTrue(slackApi.messages("C0OTHER").stream().anyMatch(m -> m.text().contains("Second, fine")));
        assertEquals(List.of(), failed(firstPost), "the failed record, retried");
        assertEquals(1, slackApi.messages("C0OTHER").stream().filter(m -> m.text().contains("First, failing once")).count());
        assertEquals(1, slackApi.messages("C0OTHER").stream().filter(m -> m.text().contains("Second, fine")).count());
    }
}
