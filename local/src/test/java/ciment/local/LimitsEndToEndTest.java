package ciment.local;

import static ciment.local.LocalStack.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.core.config.WriteLimits;
import ciment.devkit.RecordingProxy;
import ciment.devkit.slack.FakeSlackApi;
import ciment.devkit.slack.SlackInteractions;
import ciment.devkit.teams.FakeBotFramework;
import ciment.devkit.teams.TeamsActivities;
import ciment.local.LocalStack.SlackAnswer;
import ciment.local.LocalStack.SlackUser;
import ciment.local.LocalStack.TeamsAnswer;
import ciment.local.LocalStack.TeamsUser;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 14, items 5 and 6, over HTTP through the local runner: each person's posts are limited per minute
 * whichever container serves them (a sentence, nothing written), a linked channel's message past the limit
 * stays there and its writer is told, a post takes at most 20 different emoji, a post mentioning more people
 * than the cap is refused before anyone is looked up, and `communities` asked twice reads the catalog once.
 */
class LimitsEndToEndTest {
    private static final String SLUG = "limits-e2e";
    private static final String CHANNEL = "C0LIMITS01";
    private static final String POSTS_A_MINUTE = "3/minute";
    private static final AtomicLong MICROS = new AtomicLong(100);
    private static LocalStack stack;
    private static SlackInteractions slack;
    private static SlackUser steward;

    @BeforeAll
    static void start() {
        stack = LocalStack.recordingTable(Map.of(WriteLimits.POSTS, POSTS_A_MINUTE));
        slack = new SlackInteractions(LocalStack.SIGNING_SECRET, FakeSlackApi.TEAM_ID);
        steward = stack.slackUser("U0LIMSTEW", "Lim Steward");
        assertTrue(steward.ciment("create " + SLUG + " Limits over HTTP").says(SLUG));
        assertTrue(steward.answer(stack.slashCommands.sign(stack.slashCommands.command(steward.userId, steward.name,
                "link " + SLUG).inChannel(CHANNEL, "limits"), Instant.now())).says("Linked #limits in Slack to " + SLUG));
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    /** Posts are counted per minute: a test that needs several in one minute starts in a fresh one when late. */
    private static void inOneMinute() {
        long left = 60 - Instant.now().getEpochSecond() % 60;
        if (left < 20) {
            try {
                Thread.sleep(left * 1000 + 300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    void postsPastTheLimit_sentAtOnceThroughSeveralContainers_areRefusedWithASentence_andNothingIsPosted() {
        // Not linked to a channel: no copy is being written meanwhile, so the table's items can be counted.
        String burst = "limits-burst";
        assertTrue(steward.ciment("create " + burst + " Posts at once").says(burst));
        SlackUser poster = stack.slackUser("U0LIMPOST", "Pat Poster");
        assertTrue(poster.ciment("join " + burst).says("Welcome"));
        quietItemCount(); // earlier tests' copies written: what changes from now on is this test's doing
        inOneMinute();

        List<SlackAnswer> answers = atOnce(6, i -> poster.ciment("post " + burst + " Burst number " + i));

        List<SlackAnswer> refused = answers.stream().filter(a -> a.says("You have reached")).toList();
        assertEquals(3, answers.stream().filter(a -> a.says("Posted")).count(), answers.toString());
        assertEquals(3, refused.size(), answers.toString());
        assertTrue(refused.get(0).text().startsWith("You have reached Ciment's limit of 3 posts a minute, so nothing"
                + " was posted: try again in "), refused.get(0).text());
        int items = stack.itemCount();
        assertTrue(poster.ciment("post " + burst + " One more").says("You have reached"));
        assertEquals(items, stack.itemCount(), "a refused post writes nothing");
        SlackAnswer feed = steward.ciment("feed " + burst);
        assertEquals(3, IntStream.range(0, 6).filter(i -> feed.says("Burst number " + i)).count(), feed.blocks());
        assertFalse(feed.says("One more"));
    }

    @Test
    void messageInALinkedChannelPastTheLimit_staysInTheChannel_andItsWriterAloneIsTold() {
        SlackUser chatty = stack.slackUser("U0LIMCHAT", "Cass Chatty");
        inOneMinute();
        for (int i = 1; i <= 3; i++) {
            writtenInChannel(chatty, "Quick thought " + i);
        }
        stack.slackApi.clearCalls();

        writtenInChannel(chatty, "Quick thought 4");

        FakeSlackApi.Call told = eventually(() -> stack.slackApi.calls("chat.postEphemeral"), "the writer told").get(0);
        assertEquals(chatty.userId, told.param("user"));
        assertEquals(CHANNEL, told.param("channel"));
        assertTrue(told.param("text").startsWith("Not saved in Ciment: You have reached Ciment's limit of 3 posts a"
                + " minute, so this message stays in the channel only: try again in"), told.param("text"));
        SlackAnswer feed = steward.ciment("feed " + SLUG);
        assertTrue(feed.says("Quick thought 3"), feed.blocks());
        assertFalse(feed.says("Quick thought 4"), feed.blocks());
    }

    @Test
    void twentyFirstDifferentEmoji_isRefusedWithASentence_andAnEmojiAlreadyShownStillCounts() {
        SlackUser fan = stack.slackUser("U0LIMFANS", "Fan Reactor");
        assertTrue(fan.ciment("join " + SLUG).says("Welcome"));
        String post = LocalStack.reference(steward.ciment("post " + SLUG + " React with your team's emoji").text());
        for (int i = 0; i < 20; i++) {
            assertTrue(fan.ciment("react " + post + " :team-emoji-" + i + ":").says("Reacted"));
        }

        SlackAnswer refused = fan.ciment("react " + post + " :one-too-many:");

        assertEquals(post + " already shows 20 different emoji, the most a post takes, so :one-too-many: was not"
                + " added: react with one it shows.", refused.text());
        assertTrue(steward.ciment("react " + post + " :team-emoji-0:").says("Reacted"));
        SlackAnswer feed = steward.ciment("feed " + SLUG);
        assertTrue(feed.says(":team-emoji-0: 2"), feed.blocks());
        assertFalse(feed.says("one-too-many"), feed.blocks());
    }

    @Test
    void teamsPostMentioningElevenPeople_answersASentence_andNobodyIsLookedUp() {
        TeamsUser author = stack.teamsUser("Mia Mentioner");
        assertTrue(author.ciment("create mentions-e2e Mentions over HTTP").says("mentions-e2e"));
        List<TeamsUser> crowd = IntStream.range(0, 11).mapToObj(i -> stack.teamsUser("Crowd Member " + (char) ('A' + i)))
                .toList();
        StringBuilder text = new StringBuilder("post mentions-e2e Please all read this:");
        crowd.forEach(person -> text.append(" <at>").append(person.name).append("</at>"));
        TeamsActivities.Message message = author.message(text.toString());
        crowd.forEach(person -> message.mentioning(person.fromId, person.name));
        Set<String> crowdIds = crowd.stream().flatMap(p -> java.util.stream.Stream.of(p.fromId, p.aadObjectId))
                .collect(Collectors.toSet());

        TeamsAnswer answer = author.send(message, stack.botFramework.token(stack.botFramework.serviceUrl()));

        assertTrue(answer.says("A post can mention at most 10 people and this one mentions 11, so nothing was"
                + " posted"), answer.toString());
        List<FakeBotFramework.MemberLookup> lookups = stack.botFramework.memberLookups().stream()
                .filter(lookup -> crowdIds.contains(lookup.memberId())).toList();
        assertEquals(List.of(), lookups, "no member of the crowd looked up");
        assertFalse(author.ciment("feed mentions-e2e").says("Please all read this"));
    }

    @Test
    void communitiesAskedTwice_readTheCatalogOnce() {
        SlackUser browser = stack.slackUser("U0LIMBROW", "Bo Browser");
        assertTrue(browser.ciment("create catalog-e2e A community made just now").says("catalog-e2e"));
        int before = catalogReads();

        assertTrue(browser.ciment("communities").says("catalog-e2e"));
        int afterFirst = catalogReads();
        assertTrue(browser.ciment("communities limits").says(SLUG));

        assertEquals(1, afterFirst - before, "the first reads the catalog (this container just changed it)");
        assertEquals(afterFirst, catalogReads(), "the second answers from the catalog the container keeps");
    }

    /** The table's items once the delivery functions are done with earlier tests' posts (a copy is 2 items). */
    private static int quietItemCount() {
        int count = stack.itemCount();
        for (int tries = 0; tries < 40; tries++) {
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            int again = stack.itemCount();
            if (again == count) {
                return count;
            }
            count = again;
        }
        throw new AssertionError("the table never stood still");
    }

    /** The queries of the whole catalog (the index's CATALOG partition, no slug) the functions made so far. */
    private static int catalogReads() {
        return (int) stack.tableRequests.requests("Query").stream().map(RecordingProxy.Request::body)
                .filter(body -> body.contains("\"KeyConditionExpression\":\"gsi1pk = :catalog\"")).count();
    }

    private static void writtenInChannel(SlackUser writer, String text) {
        String ts = Instant.now().getEpochSecond() + String.format(".%06d", MICROS.incrementAndGet());
        var event = slack.event(SlackInteractions.message(writer.userId, CHANNEL, ts, null, text),
                SlackInteractions.newEventId(), Instant.now());
        HttpResponse<String> response = stack.post("/slack/events", event.headers(), event.body());
        assertEquals(200, response.statusCode(), response.body());
    }

    private static <T> List<T> atOnce(int requests, java.util.function.IntFunction<T> request) {
        ExecutorService threads = Executors.newFixedThreadPool(requests);
        try {
            List<Future<T>> futures = new ArrayList<>();
            IntStream.range(0, requests).forEach(i -> futures.add(threads.submit(() -> request.apply(i))));
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            threads.shutdownNow();
        }
    }
}
