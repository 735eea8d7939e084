package ciment.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.core.config.Settings;
import ciment.core.i18n.Language;
import ciment.core.model.Channel;
import ciment.core.model.Community;
import ciment.core.model.Link;
import ciment.core.model.Notice;
import ciment.core.model.Platform;
import ciment.core.model.Post;
import ciment.core.model.Slug;
import ciment.core.model.Ulid;
import ciment.core.port.MirrorSender;
import ciment.core.port.NoticeSender;
import ciment.core.port.Pacing;
import ciment.core.port.Repositories;
import ciment.core.port.Senders;
import ciment.core.service.Delivery;
import ciment.devkit.MotoServer;
import ciment.devkit.MutableClock;
import ciment.devkit.TemplateTable;
import ciment.devkit.stream.StreamEvents;
import ciment.devkit.stream.TableStream;
import ciment.infra.aws.DynamoClients;
import ciment.infra.dynamo.CapacityMeter;
import ciment.infra.dynamo.DynamoMirrors;
import ciment.infra.dynamo.DynamoRepositories;
import ciment.infra.dynamo.Outbox;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Mirroring from the table's own stream records on moto, with a sender that records what it was asked. */
class MirrorsTest {
    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    private static final Channel ORIGIN = new Channel(Platform.SLACK, "T1", "C0ORIGIN", "origin", null);
    private static final Channel OTHER = new Channel(Platform.SLACK, "T1", "C0OTHER", "other", null);
    private static final Channel TEAMS = new Channel(Platform.TEAMS, "tenant", "19:x@thread.tacv2", "X", "https://s/");

    private final Settings settings = Settings.of(MotoServer.tableSettings("mirrors"));
    private final DynamoDbClient dynamo = DynamoClients.create(settings);
    private final Repositories store = DynamoRepositories.create(dynamo, settings.table(),
            new CapacityMeter(CapacityMeter.Source.COMPUTED)).repositories();
    private final TableStream stream;
    private final List<String> calls = new ArrayList<>();
    private final List<Exception> failures = new ArrayList<>();
    private final Community community = new Community(Ulid.random(NOW), new Slug("mirror-guild"), "Mirror guild",
            "Mirrors", List.of(), true, false, 1, 1, "P1", NOW);
    private final Map<String, String> sentByPost = new java.util.HashMap<>();
    private boolean findsEarlier = true;
    /** Sends that the tool takes, after which no answer comes (a timeout): the sender throws this. */
    private final List<Exception> failuresAfterSending = new ArrayList<>();
    private final MutableClock clock = new MutableClock(NOW);
    /** The language each channel's link was handed to the sender in, by channel id. */
    private final Map<String, String> languages = new HashMap<>();
    private final MirrorSender slack = new MirrorSender() {
        private int messages;

        @Override
        public Optional<String> findEarlier(Link link, Post post, Optional<String> thread) {
            return findsEarlier ? Optional.ofNullable(sentByPost.get(link.channel().id() + post.reference()))
                    : Optional.empty();
        }

        @Override
        public Platform platform() {
            return Platform.SLACK;
        }

        @Override
        public String send(Link link, Post post, Optional<String> thread) throws Exception {
            failIfAsked();
            String id = "17000000" + (++messages) + ".000100";
            languages.put(link.channel().id(), link.words().language().code());
            calls.add("send " + link.channel().id() + " " + post.text() + thread.map(t -> " in " + t).orElse("") + " as " + id);
            sentByPost.put(link.channel().id() + post.reference(), id);
            if (!failuresAfterSending.isEmpty()) {
                throw failuresAfterSending.removeFirst();
            }
            return id;
        }

        @Override
        public void update(Link link, String messageId, Post post) throws Exception {
            failIfAsked();
            calls.add("update " + link.channel().id() + " " + messageId + " " + post.text()
                    + (post.latestReply() == null ? "" : " | latest " + post.latestReply()));
        }

        @Override
        public void delete(Link link, String messageId) throws Exception {
            failIfAsked();
            calls.add("delete " + link.channel().id() + " " + messageId);
        }

        private void failIfAsked() throws Exception {
            if (!failures.isEmpty()) {
                throw failures.removeFirst();
            }
        }
    };
    private final NoticeSender noNotices = new NoticeSender() {
        @Override
        public Platform platform() {
            return Platform.SLACK;
        }

        @Override
        public void send(Notice notice) {
        }
    };
    /** Reasons of the records given up, as the dead-letter queue got them. */
    private final List<String> deadLetters = new ArrayList<>();
    private final Deliveries deliveries = mirroring(clock,
            (reason, record) -> deadLetters.add(reason + " | " + record.json("ciment-slack-delivery", reason)));

    /** Mirroring into Slack on the table, no notices, on this clock. */
    private Deliveries mirroring(java.time.Clock on, DeadLetters given) {
        return new Deliveries(new Delivery(Outbox.fromSettings(settings), new DynamoMirrors(dynamo, settings.table(),
                new CapacityMeter(CapacityMeter.Source.COMPUTED)), store.links(), new Senders(noNotices, slack, Pacing.NONE), on),
                Outbox::notice, DynamoMirrors::post, given);
    }

    MirrorsTest() {
        TemplateTable.fromClasspath().create(dynamo, settings.table());
        stream = TableStream.fromLatest(MotoServer.shared().endpoint(), "us-east-1", settings.table());
        for (Channel channel : List.of(ORIGIN, OTHER, TEAMS)) {
            store.links().link(new Link(community.id(), community.slug(), channel, "P1", NOW));
        }
    }

    @AfterEach
    void close() {
        stream.close();
        dynamo.close();
    }

    private List<String> failed(List<DynamodbStreamRecord> records) {
        StreamsEventResponse response = deliveries.handle(StreamEvents.event(records));
        return response.getBatchItemFailures().stream().map(StreamsEventResponse.BatchItemFailure::getItemIdentifier).toList();
    }

    private Post postFromOrigin(String text, String messageId) {
        Post post = new Post(Ulid.random(NOW), community.id(), community.slug(), "P2", "Ada", Platform.SLACK, text, NOW);
        store.posts().add(post);
        store.messageCopies().recordOrigin(Platform.SLACK, ORIGIN.id(), messageId, post.reference());
        return post;
    }

    /** "Question?" written in the origin channel, then Bo's reply from Teams, each mirrored: the reply. */
    private Post replyToAQuestionFromOrigin(String text) {
        Post root = postFromOrigin("Question?", "1699999999.000100");
        failed(stream.poll());
        Post reply = Post.reply(Ulid.random(NOW.plusSeconds(1)), root.id(), community.id(), community.slug(), "P3", "Bo",
                Platform.TEAMS, text, NOW.plusSeconds(1));
        store.conversations().addReply(reply);
        failed(stream.poll());
        return reply;
    }

    @Test
    void aChannelWithoutALanguage_isHandedToTheSenderInTheDeploymentsLanguage_andOneWithALanguageInItsOwn() {
        Channel english = new Channel(Platform.SLACK, "T1", "C0ENGLISH", "english", null);
        store.links().link(new Link(community.id(), community.slug(), english, "P1", NOW));
        store.links().setLanguage(new Link(community.id(), community.slug(), english, "P1", NOW)
                .speaking(Optional.of(Language.ENGLISH)));
        Deliveries inFrench = new Deliveries(new Delivery(Outbox.fromSettings(settings), new DynamoMirrors(dynamo,
                settings.table(), new CapacityMeter(CapacityMeter.Source.COMPUTED)), store.links(),
                new Senders(noNotices, slack, Pacing.NONE, Language.FRENCH), clock), Outbox::notice, DynamoMirrors::post,
                (reason, record) -> deadLetters.add(reason));
        postFromOrigin("Bonjour", "1699999999.000100");

        inFrench.handle(StreamEvents.event(stream.poll()));

        assertEquals(Map.of("C0OTHER", "fr", "C0ENGLISH", "en"), languages);
    }

    @Test
    void newPost_isSentToEveryOtherChannelOfTheTool_once_evenWhenItsRecordIsHandedOverAgain() {
        postFromOrigin("Hello", "1699999999.000100");
        List<DynamodbStreamRecord> records = stream.poll();

        assertEquals(List.of(), failed(records));
        assertEquals(List.of(), failed(records), "the same records again");

        assertEquals(List.of("send C0OTHER Hello as 170000001.000100"), calls, "not into its origin, not twice");
    }

    @Test
    void reply_goesIntoTheThreadOfItsFirstPostInEachChannel_andAnEditUpdatesItsCopies_andADeletionDeletesThem() {
        Post reply = replyToAQuestionFromOrigin("Answer");
        store.conversations().edit(reply, "P3", "Better answer");
        failed(stream.poll());
        store.conversations().delete(reply, "P3", new ciment.core.model.AuditEntry(Ulid.random(NOW), community.id(), "deleted",
                reply.reference(), "P3", "Bo", "by its author", NOW));
        failed(stream.poll());

        // A reply made elsewhere (a command, Teams) goes into both channels: under the origin message, and under the copy.
        assertTrue(calls.contains("send C0ORIGIN Answer in 1699999999.000100 as 170000002.000100"), calls.toString());
        assertTrue(calls.contains("send C0OTHER Answer in 170000001.000100 as 170000003.000100"), calls.toString());
        assertTrue(calls.contains("update C0OTHER 170000003.000100 Better answer"), calls.toString());
        assertTrue(calls.contains("delete C0ORIGIN 170000002.000100"), calls.toString());
        assertTrue(calls.contains("delete C0OTHER 170000003.000100"), calls.toString());
    }

    @Test
    void workspaceTakenOffTheList_getsNoNewCopyNorEdit_butItsEarlierCopyIsStillHidden() {
        Channel removed = new Channel(Platform.SLACK, "T2", "C0REMOVED", "removed", null);
        store.links().link(new Link(community.id(), community.slug(), removed, "P1", NOW));
        Post post = postFromOrigin("Before", "1699999999.000100");
        failed(stream.poll());
        String copy = sentByPost.get(removed.id() + post.reference());
        calls.clear();
        deliveries.servingOnly(workspace -> !workspace.equals("T2"));

        postFromOrigin("After", "1699999999.000200");
        failed(stream.poll());
        store.conversations().edit(post, "P2", "Edited");
        failed(stream.poll());
        assertTrue(calls.stream().noneMatch(call -> call.contains("C0REMOVED")), calls.toString());
        assertTrue(calls.contains("send C0OTHER After as 170000003.000100"), calls.toString());

        store.conversations().hide(post, "off topic", new ciment.core.model.AuditEntry(Ulid.random(NOW), community.id(), "hidden",
                post.reference(), "P1", "Steward", "off topic", NOW));
        failed(stream.poll());
        assertTrue(calls.stream().anyMatch(call -> call.startsWith("update C0REMOVED " + copy)), calls.toString());
    }

    @Test
    void replyHiddenByASteward_redrawsItsFirstPostsCopies_withoutItsWords() {
        Post reply = replyToAQuestionFromOrigin("Buy cheap pills");
        assertTrue(calls.contains("update C0OTHER 170000001.000100 Question? | latest Bo: Buy cheap pills"),
                calls.toString());

        store.conversations().hide(reply, "spam", new ciment.core.model.AuditEntry(Ulid.random(NOW), community.id(), "hid",
                reply.reference(), "P1", "Sol", "spam", NOW));
        failed(stream.poll());

        List<String> rootUpdates = calls.stream().filter(call -> call.startsWith("update C0OTHER 170000001.000100"))
                .toList();
        assertEquals("update C0OTHER 170000001.000100 Question?", rootUpdates.getLast(), calls.toString());
    }

    @Test
    void attemptStoppedBetweenSendAndRecord_isFoundAgainByItsMetadata_andNotSentTwice() {
        Post post = postFromOrigin("Crash", "1699999999.000100");
        List<DynamodbStreamRecord> records = stream.poll();
        stoppedAfterSending(post);

        clock.set(NOW.plus(DynamoMirrors.CLAIM_LASTS).plusSeconds(1));
        assertEquals(List.of(), failed(records));

        assertEquals(List.of("send C0OTHER Crash as 170000001.000100"), calls, "the earlier copy is recorded, not sent again");
        assertEquals(Optional.of(post.reference()), store.messageCopies().find(Platform.SLACK, "C0OTHER", "170000001.000100"));
    }

    @Test
    void attemptStoppedBetweenSendAndRecord_onAToolThatCannotFindIt_sendsItAgain() {
        findsEarlier = false; // Teams: the README states this window
        Post post = postFromOrigin("Crash", "1699999999.000100");
        List<DynamodbStreamRecord> records = stream.poll();
        stoppedAfterSending(post);

        clock.set(NOW.plus(DynamoMirrors.CLAIM_LASTS).plusSeconds(1));
        assertEquals(List.of(), failed(records));

        assertEquals(2, calls.size(), calls.toString());
    }

    /** An attempt that claimed the copy and sent it, then stopped before recording it (its Lambda killed). */
    private void stoppedAfterSending(Post post) {
        Link other = new Link(community.id(), community.slug(), OTHER, "P1", NOW);
        new DynamoMirrors(dynamo, settings.table(), new CapacityMeter(CapacityMeter.Source.COMPUTED))
                .claim(post, Platform.SLACK, OTHER.id(), NOW);
        try {
            slack.send(other, post, Optional.empty());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void shortRetryAfter_isWaitedFor_andTheCopySentOnce() {
        failures.add(new MirrorSender.RetryAfter(Duration.ofMillis(200), "429"));
        postFromOrigin("Paced", "1699999999.000100");

        assertEquals(List.of(), failed(stream.poll()));

        assertEquals(List.of("send C0OTHER Paced as 170000001.000100"), calls);
    }

    @Test
    void failingSend_failsItsRecordOnly_andTheRetrySendsItOnce() {
        failures.add(new java.io.IOException("Slack answered 500"));
        postFromOrigin("First", "1699999999.000100");
        postFromOrigin("Second", "1699999999.000200");
        List<DynamodbStreamRecord> records = stream.poll();
        List<DynamodbStreamRecord> posts = records.stream()
                .filter(r -> r.getDynamodb().getKeys().get("sk").getS().startsWith("POST#")).toList();

        List<String> failedOnce = failed(records);

        assertEquals(List.of(posts.get(0).getDynamodb().getSequenceNumber()), failedOnce, "the rest of the batch went on");
        assertEquals(List.of("send C0OTHER Second as 170000001.000100"), calls);
        assertEquals(List.of(), failed(List.of(posts.get(0))));
        assertEquals(List.of("send C0OTHER Second as 170000001.000100", "send C0OTHER First as 170000002.000100"), calls);
    }

    @Test
    void postItemThatCannotBeRead_goesToTheDeadLetterQueueWithItsReason_andTheOtherPostsAreMirrored() {
        postFromOrigin("Before", "1699999999.000100");
        String poisonSk = "POST#" + Ulid.random(NOW);
        dynamo.putItem(b -> b.tableName(settings.table()).item(Map.of(
                "pk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("C#" + community.id()),
                "sk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(poisonSk),
                "text", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromN("42"))));
        postFromOrigin("After", "1699999999.000200");

        assertEquals(List.of(), failed(stream.poll()));

        assertEquals(List.of("send C0OTHER Before as 170000001.000100", "send C0OTHER After as 170000002.000100"), calls);
        assertEquals(1, deadLetters.size(), deadLetters.toString());
        assertTrue(deadLetters.getFirst().startsWith("the post item cannot be read: "), deadLetters.getFirst());
        assertTrue(deadLetters.getFirst().contains("\"sk\":\"" + poisonSk + "\""), deadLetters.getFirst());
    }

    @Test
    void channelRefusingForGood_givesItsCopyUpIntoTheDeadLetterQueue_whileTheOtherChannelGetsItsCopy() {
        failures.add(new ciment.core.port.Refused("Slack answered channel_not_found to chat.postMessage"));
        Post post = new Post(Ulid.random(NOW), community.id(), community.slug(), "P2", "Ada", Platform.TEAMS, "Both",
                NOW);
        store.posts().add(post); // written in Teams: both Slack channels get a copy

        assertEquals(List.of(), failed(stream.poll()), "not retried: asking again would be refused again");

        assertEquals(1, calls.size(), calls.toString());
        assertEquals(1, deadLetters.size(), deadLetters.toString());
        assertTrue(deadLetters.getFirst().contains(post.reference() + " in ")
                && deadLetters.getFirst().contains("channel_not_found"), deadLetters.getFirst());
    }

    @Test
    void sendThatGotNoAnswer_isLookedForBeforeItIsSentAgain_andNotSentTwice() {
        failuresAfterSending.add(new java.net.SocketTimeoutException("read timed out"));
        Post post = postFromOrigin("Taken, unanswered", "1699999999.000100");
        List<DynamodbStreamRecord> records = stream.poll();

        assertEquals(1, failed(records).size(), "no answer: the record is retried");
        assertEquals(List.of(), failed(records));

        assertEquals(List.of("send C0OTHER Taken, unanswered as 170000001.000100"), calls, "found, not sent again");
        assertEquals(Optional.of(post.reference()), store.messageCopies().find(Platform.SLACK, "C0OTHER", "170000001.000100"));
    }

    @Test
    void attemptKilledBetweenSendAndRecord_withItsClaimStillHeld_isFoundByTheNextAttemptAtOnce() {
        Post post = postFromOrigin("Killed", "1699999999.000100");
        List<DynamodbStreamRecord> records = stream.poll();
        stoppedAfterSending(post); // claimed at NOW: held for another CLAIM_LASTS

        assertEquals(List.of(), failed(records));

        assertEquals(List.of("send C0OTHER Killed as 170000001.000100"), calls);
        assertEquals(Optional.of(post.reference()), store.messageCopies().find(Platform.SLACK, "C0OTHER", "170000001.000100"));
    }

    @Test
    void claimHeldByAnAttemptThatStopped_onAToolThatCannotFindIt_isWaitedForUntilItLapses_thenSentAgain() {
        findsEarlier = false; // Teams: the claim is the only guard
        java.time.Clock ticking = java.time.Clock.offset(java.time.Clock.systemUTC(),
                Duration.between(Instant.now(), NOW));
        Deliveries waiting = mirroring(ticking, (reason, record) -> deadLetters.add(reason));
        Post post = postFromOrigin("Killed in Teams", "1699999999.000100");
        List<DynamodbStreamRecord> records = stream.poll();
        new DynamoMirrors(dynamo, settings.table(), new CapacityMeter(CapacityMeter.Source.COMPUTED))
                .claim(post, Platform.SLACK, OTHER.id(), ticking.instant().minus(DynamoMirrors.CLAIM_LASTS).plusSeconds(1));

        long started = System.nanoTime();
        StreamsEventResponse response = waiting.handle(StreamEvents.event(records), Duration.ofSeconds(60));

        assertEquals(List.of(), response.getBatchItemFailures());
        assertTrue(System.nanoTime() - started >= 900_000_000L, "waited for the claim to lapse");
        assertEquals(1, calls.size(), "sent once it lapsed: " + calls);
    }

    @Test
    void claimHeldLongerThanTheInvocationHasLeft_isWaitedForWhileItCan_thenLeftToALaterAttempt() {
        Post post = postFromOrigin("Held", "1699999999.000100");
        List<DynamodbStreamRecord> records = stream.poll();
        findsEarlier = false;
        new DynamoMirrors(dynamo, settings.table(), new CapacityMeter(CapacityMeter.Source.COMPUTED))
                .claim(post, Platform.SLACK, OTHER.id(), NOW);

        long started = System.nanoTime();
        StreamsEventResponse response = deliveries.handle(StreamEvents.event(records), Duration.ofSeconds(3));

        assertEquals(1, response.getBatchItemFailures().size());
        assertTrue(System.nanoTime() - started < 3_000_000_000L, "ended before the invocation's time is up");
        assertEquals(List.of(), calls);
    }
}
