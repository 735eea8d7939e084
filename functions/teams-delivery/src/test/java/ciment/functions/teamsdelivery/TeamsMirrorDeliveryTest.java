package ciment.functions.teamsdelivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.core.config.Settings;
import ciment.core.model.AuditEntry;
import ciment.core.model.Channel;
import ciment.core.model.Link;
import ciment.core.model.Platform;
import ciment.core.model.Post;
import ciment.core.model.Slug;
import ciment.core.model.Ulid;
import ciment.core.port.Repositories;
import ciment.devkit.MotoServer;
import ciment.devkit.TemplateTable;
import ciment.devkit.stream.StreamEvents;
import ciment.devkit.stream.TableStream;
import ciment.devkit.teams.FakeBotFramework;
import ciment.infra.aws.DynamoClients;
import ciment.infra.dynamo.CapacityMeter;
import ciment.infra.dynamo.DynamoMirrors;
import ciment.infra.dynamo.DynamoRepositories;
import ciment.infra.lambda.LambdaFrame;
import ciment.teams.auth.ClientCredentials;
import ciment.teams.outbound.TeamsMirrorSender;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Posts mirrored into linked Teams channels by the Teams delivery function, from the table's own stream on
 * moto, through the fake Bot Connector (the bot's token, what was sent, updated and deleted, faults).
 */
class TeamsMirrorDeliveryTest {
    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    private static final String COMMUNITY = Ulid.random(NOW);
    private static final Slug SLUG = new Slug("mirror-guild");

    private final FakeBotFramework botFramework = FakeBotFramework.start();
    private final Channel slackOrigin = new Channel(Platform.SLACK, "T1", "C0ORIGIN", "origin", null);
    private final Channel teamsA = new Channel(Platform.TEAMS, "tenant", "19:a@thread.tacv2", "General",
            botFramework.serviceUrl());
    private final Channel teamsB = new Channel(Platform.TEAMS, "tenant", "19:b@thread.tacv2", "Data",
            botFramework.serviceUrl());
    private final Settings settings;
    private final DynamoDbClient dynamo;
    private final Repositories store;
    private final TableStream stream;
    private final TeamsDeliveryFunction function;

    TeamsMirrorDeliveryTest() {
        settings = Settings.of(botFramework.settings()).with(MotoServer.tableSettings("teams-mirrors"))
                .with("CIMENT_TEAMS_ALLOWED_TENANTS", "*");
        dynamo = DynamoClients.create(settings);
        TemplateTable.fromClasspath().create(dynamo, settings.table());
        store = DynamoRepositories.create(dynamo, settings.table(), new CapacityMeter(CapacityMeter.Source.COMPUTED)).repositories();
        for (Channel channel : List.of(slackOrigin, teamsA, teamsB)) {
            store.links().link(new Link(COMMUNITY, SLUG, channel, "P1", NOW));
        }
        stream = TableStream.fromLatest(MotoServer.shared().endpoint(), "us-east-1", settings.table());
        function = new TeamsDeliveryFunction(settings, false);
    }

    @AfterEach
    void stop() {
        stream.close();
        dynamo.close();
        botFramework.close();
    }

    private Post postFrom(Channel origin, String author, String text, String messageId) {
        Post post = new Post(Ulid.random(NOW), COMMUNITY, SLUG, "P2", author, origin.platform(), text, NOW);
        store.posts().add(post);
        store.messageCopies().recordOrigin(origin.platform(), origin.id(), messageId, post.reference());
        return post;
    }

    /** A Lambda context with this much of the invocation left. */
    private static com.amazonaws.services.lambda.runtime.Context withTimeLeft(int millis) {
        return (com.amazonaws.services.lambda.runtime.Context) java.lang.reflect.Proxy.newProxyInstance(
                TeamsMirrorDeliveryTest.class.getClassLoader(),
                new Class<?>[] {com.amazonaws.services.lambda.runtime.Context.class}, (proxy, method, args) ->
                        switch (method.getName()) {
                            case "getRemainingTimeInMillis" -> millis;
                            case "getMemoryLimitInMB" -> 512;
                            case "getAwsRequestId" -> "test-request";
                            default -> null;
                        });
    }

    private List<String> failed(List<DynamodbStreamRecord> records) {
        StreamsEventResponse response = function.handleRequest(StreamEvents.event(records), null);
        return response.getBatchItemFailures().stream().map(StreamsEventResponse.BatchItemFailure::getItemIdentifier)
                .toList();
    }

    private static String cardText(FakeBotFramework.SentActivity activity) {
        return activity.cardsShown();
    }

    @Test
    void postFromSlack_isACardNamingItsAuthorViaSlack_inEachLinkedTeamsChannel_once_evenWhenHandedOverAgain() {
        Post post = postFrom(slackOrigin, "Ada Lovelace", "Fridays are for demos", "1700000000.000100");
        List<DynamodbStreamRecord> records = stream.poll();

        assertEquals(List.of(), failed(records));
        assertEquals(List.of(), failed(records), "the same records again");

        for (Channel channel : List.of(teamsA, teamsB)) {
            List<FakeBotFramework.SentActivity> sent = botFramework.sentTo(channel.id());
            assertEquals(1, sent.size(), channel + ": " + sent);
            String card = cardText(sent.get(0));
            assertTrue(card.contains("**Ada Lovelace** · via Slack"), card);
            assertTrue(card.contains("Fridays are for demos"), card);
            assertTrue(card.contains(post.reference()), card);
            assertEquals("Bearer " + botFramework.issuedAccessTokens().get(0), sent.get(0).authorization());
        }
        assertEquals(2, botFramework.sent().size(), "nothing sent to Slack's channel by the Teams function");
        assertEquals(Optional.of(post.reference()),
                store.messageCopies().find(Platform.TEAMS, teamsB.id(), botFramework.sentTo(teamsB.id()).get(0).id()),
                "the copy is recorded: a reaction or a reply on it is the post's");
    }

    @Test
    void postFromATeamsChannel_isNeverSentBackIntoIt() {
        postFrom(teamsA, "Grace Hopper", "From A", "1700000000001");

        assertEquals(List.of(), failed(stream.poll()));

        assertEquals(List.of(), botFramework.sentTo(teamsA.id()));
        assertEquals(1, botFramework.sentTo(teamsB.id()).size());
        assertTrue(cardText(botFramework.sentTo(teamsB.id()).get(0)).contains("via Teams"));
    }

    @Test
    void reply_goesIntoTheReplyChainOfItsPostsCopy_andItsEditIsRedrawn_andItsDeletionDeletesTheCopies() {
        Post root = postFrom(teamsA, "Grace Hopper", "Question?", "1700000000001");
        failed(stream.poll());
        String rootCopy = botFramework.sentTo(teamsB.id()).get(0).id();
        Post reply = Post.reply(Ulid.random(NOW.plusSeconds(1)), root.id(), COMMUNITY, SLUG, "P3", "Bo", Platform.SLACK,
                "Answer", NOW.plusSeconds(1));
        store.conversations().addReply(reply);
        failed(stream.poll());

        List<FakeBotFramework.SentActivity> inChainOfA = botFramework.sentTo(teamsA.id() + ";messageid=1700000000001");
        List<FakeBotFramework.SentActivity> inChainOfB = botFramework.sentTo(teamsB.id() + ";messageid=" + rootCopy);
        assertEquals(1, inChainOfA.size(), "under the origin message in A: " + botFramework.sent());
        assertEquals(1, inChainOfB.size(), "under the copy in B: " + botFramework.sent());

        store.conversations().edit(reply, "P3", "Better answer");
        assertEquals(List.of(), failed(stream.poll()));
        List<FakeBotFramework.SentActivity> updated = botFramework.updated();
        assertTrue(updated.stream().anyMatch(u -> u.id().equals(inChainOfB.get(0).id())
                && cardText(u).contains("Better answer") && cardText(u).contains("(edited)")), updated.toString());

        store.conversations().delete(reply, "P3", new AuditEntry(Ulid.random(NOW), COMMUNITY, "deleted", reply.reference(), "P3", "Bo",
                "by its author", NOW));
        assertEquals(List.of(), failed(stream.poll()));
        List<String> deleted = botFramework.deleted().stream().map(FakeBotFramework.DeletedActivity::activityId).toList();
        assertTrue(deleted.containsAll(List.of(inChainOfA.get(0).id(), inChainOfB.get(0).id())), deleted.toString());
    }

    @Test
    void botConnector500Twice_failsTheRecordTwice_thenTheCopyIsDeliveredExactlyOnce() {
        store.links().unlink(new Link(COMMUNITY, SLUG, teamsB, "P1", NOW)); // one Teams channel: both failures are its
        postFrom(slackOrigin, "Ada Lovelace", "Stubborn", "1700000000.000100");
        List<DynamodbStreamRecord> records = stream.poll().stream()
                .filter(r -> r.getDynamodb().getKeys().get("sk").getS().startsWith("POST#")).toList();
        botFramework.failConnectorCalls(500, 2);

        List<String> first = failed(records);
        List<String> second = failed(records);
        List<String> third = failed(records);

        assertEquals(List.of(records.get(0).getDynamodb().getSequenceNumber()), first,
                botFramework.failedCalls() + " " + botFramework.sent());
        assertEquals(first, second);
        assertEquals(List.of(), third);
        assertEquals(2, botFramework.failedCalls().size());
        assertEquals(1, botFramework.sentTo(teamsA.id()).size());
        assertEquals(1, botFramework.sent().size());
    }

    @Test
    void recordThatKeepsFailing_failsAlone_whileTheRestOfItsBatchIsMirrored() {
        // another community's channel behind a Bot Connector that cannot be reached: its post fails every time
        String unreachable = Ulid.random(NOW);
        Slug unreachableSlug = new Slug("unreachable-guild");
        store.links().link(new Link(unreachable, unreachableSlug, new Channel(Platform.TEAMS, "tenant", "19:gone@thread.tacv2",
                "Gone", "http://127.0.0.1:1/"), "P1", NOW));
        Post poison = new Post(Ulid.random(NOW), unreachable, unreachableSlug, "P2", "Ada Lovelace", Platform.SLACK,
                "Poison", NOW);
        store.posts().add(poison);
        postFrom(slackOrigin, "Ada Lovelace", "Healthy", "1700000000.000200");
        List<DynamodbStreamRecord> posts = stream.poll().stream()
                .filter(r -> r.getDynamodb().getKeys().get("sk").getS().startsWith("POST#")).toList();
        String poisonRecord = posts.get(0).getDynamodb().getSequenceNumber();

        assertEquals(List.of(poisonRecord), failed(posts));
        assertEquals(List.of(poisonRecord), failed(List.of(posts.get(0))), "retried, it fails again");

        for (Channel channel : List.of(teamsA, teamsB)) {
            List<FakeBotFramework.SentActivity> sent = botFramework.sentTo(channel.id());
            assertEquals(1, sent.size(), sent.toString());
            assertTrue(cardText(sent.get(0)).contains("Healthy"));
        }
    }

    @Test
    void attemptKilledBetweenSendAndRecord_isBusyUntilItsClaimLapses_thenSentAgain_theWindowTeamsLeaves()
            throws Exception {
        store.links().unlink(new Link(COMMUNITY, SLUG, teamsB, "P1", NOW));
        Post post = postFrom(slackOrigin, "Ada Lovelace", "Killed mid-send", "1700000000.000100");
        List<DynamodbStreamRecord> posts = stream.poll().stream()
                .filter(r -> r.getDynamodb().getKeys().get("sk").getS().startsWith("POST#")).toList();
        // the killed attempt claimed the copy and sent it, and never recorded it
        Instant killedAt = Instant.now();
        new DynamoMirrors(dynamo, settings.table(), new CapacityMeter(CapacityMeter.Source.COMPUTED))
                .claim(post, Platform.TEAMS, teamsA.id(), killedAt);
        new TeamsMirrorSender(ClientCredentials.fromSettings(settings, Clock.systemUTC()), botFramework.serviceUrl())
                .send(new Link(COMMUNITY, SLUG, teamsA, "P1", NOW), post, Optional.empty());

        // An invocation with 10 s left cannot wait for the claim to lapse (60 s): it fails the record at once.
        assertEquals(List.of(posts.get(0).getDynamodb().getSequenceNumber()), function.handleRequest(
                StreamEvents.event(posts), withTimeLeft(10_000)).getBatchItemFailures().stream()
                .map(StreamsEventResponse.BatchItemFailure::getItemIdentifier).toList(), "claimed: not sent meanwhile");
        assertEquals(1, botFramework.sentTo(teamsA.id()).size());

        TeamsDeliveryFunction later = new TeamsDeliveryFunction(new LambdaFrame(settings), false,
                Clock.fixed(killedAt.plus(DynamoMirrors.CLAIM_LASTS).plusSeconds(1), ZoneOffset.UTC));
        assertEquals(List.of(), later.handleRequest(StreamEvents.event(posts), null).getBatchItemFailures());
        // Teams cannot find a message by what it shows: the copy is sent again (README: the window Teams leaves)
        assertEquals(2, botFramework.sentTo(teamsA.id()).size());
        assertEquals(List.of(), later.handleRequest(StreamEvents.event(posts), null).getBatchItemFailures());
        assertEquals(2, botFramework.sentTo(teamsA.id()).size(), "recorded now: never a third");
    }

    @Test
    void throttledWithRetryAfter_isWaitedFor_andSentOnceInTheSameInvocation() {
        postFrom(slackOrigin, "Ada Lovelace", "Paced", "1700000000.000100");
        List<DynamodbStreamRecord> records = stream.poll();
        botFramework.failConnectorCalls(429, 1);

        assertEquals(List.of(), failed(records));

        assertEquals(429, botFramework.failedCalls().get(0).status());
        assertEquals(1, botFramework.sentTo(teamsA.id()).size());
        assertEquals(1, botFramework.sentTo(teamsB.id()).size());
    }
}
