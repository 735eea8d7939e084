package ciment.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.devkit.slack.SlashCommands;
import ciment.local.LocalStack.SlackAnswer;
import ciment.local.LocalStack.SlackUser;
import ciment.local.LocalStack.TeamsAnswer;
import ciment.local.LocalStack.TeamsUser;
import java.time.Instant;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Slack and Teams driving the local runner over HTTP, through the real SDKs, on moto. */
class EndToEndTest {
    private static LocalStack stack;

    @BeforeAll
    static void start() {
        stack = new LocalStack();
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @Test
    void health_isOk_andOtherPathsAreNamedNotServed() {
        assertEquals(200, stack.get("/health").statusCode());
        assertEquals(404, stack.get("/nowhere").statusCode());
        assertEquals(405, stack.get("/slack/events").statusCode());
    }

    @Test
    void slack_answersEveryCommand() {
        SlackUser ada = stack.slackUser("U0ADA0001", "Ada");
        SlackUser grace = stack.slackUser("U0GRACE01", "Grace");

        assertTrue(ada.ciment("help").says("feed [slug]"));
        assertTrue(ada.ciment("create slack-guild Sharing Slack tips").says("first steward"));
        assertTrue(grace.ciment("communities slack tips").says("slack-guild"));
        assertTrue(grace.ciment("join slack-guild").says("Welcome to slack-guild"));
        SlackAnswer posted = grace.ciment("post slack-guild Hello from Slack");
        assertTrue(posted.says("Posted") && posted.says("slack-guild"), posted.toString());
        assertTrue(ada.ciment("feed slack-guild").says("Hello from Slack"));
        assertTrue(grace.ciment("feed").says("Hello from Slack"));
        assertTrue(grace.ciment("leave slack-guild").says("You left slack-guild"));
        assertTrue(ada.ciment("leave slack-guild").says("only steward"));
    }

    @Test
    void teams_answersEveryCommand() {
        TeamsUser ada = stack.teamsUser("Ada Teams");
        TeamsUser grace = stack.teamsUser("Grace Teams");

        assertTrue(ada.ciment("help").says("feed [slug]"));
        assertTrue(ada.ciment("create teams-guild Sharing Teams tips").says("first steward"));
        assertTrue(grace.ciment("communities teams tips").says("teams-guild"));
        assertTrue(grace.ciment("join teams-guild").says("Welcome to teams-guild"));
        assertTrue(grace.ciment("post teams-guild Hello from Teams").says("Posted"));
        TeamsAnswer feed = ada.ciment("feed teams-guild");
        assertTrue(feed.cards().contains("Hello from Teams") && feed.cards().contains("Grace Teams"), feed.toString());
        assertTrue(grace.ciment("feed").says("Hello from Teams"));
        assertTrue(grace.ciment("leave teams-guild").says("You left teams-guild"));
        assertTrue(ada.ciment("leave teams-guild").says("only steward"));
    }

    @Test
    void postMadeInSlack_isReadInTeams_andTheReverse() {
        SlackUser slackAuthor = stack.slackUser("U0BRIDGE1", "Lin Slack");
        TeamsUser teamsAuthor = stack.teamsUser("Sam Teams");
        slackAuthor.ciment("create bridge-guild One network, two chat tools");
        teamsAuthor.ciment("join bridge-guild");

        slackAuthor.ciment("post bridge-guild Written in Slack");
        TeamsAnswer inTeams = teamsAuthor.ciment("feed bridge-guild");
        assertTrue(inTeams.cards().contains("Written in Slack") && inTeams.cards().contains("Lin Slack"), inTeams.toString());

        teamsAuthor.ciment("post bridge-guild Written in Teams");
        SlackAnswer inSlack = slackAuthor.ciment("feed bridge-guild");
        assertTrue(inSlack.says("Written in Teams") && inSlack.says("Sam Teams"), inSlack.toString());
        assertTrue(inSlack.blocks().indexOf("Written in Teams") < inSlack.blocks().indexOf("Written in Slack"),
                "newest first: " + inSlack.blocks());
    }

    @Test
    void post_byNonMember_isRefused_andWritesNothing_onBothTools() {
        SlackUser steward = stack.slackUser("U0CLOSED1", "Steward");
        SlackUser outsiderInSlack = stack.slackUser("U0OUTSID1", "Outsider");
        TeamsUser outsiderInTeams = stack.teamsUser("Outsider Teams");
        steward.ciment("create members-only Only members post here");
        outsiderInSlack.ciment("communities");
        outsiderInTeams.ciment("communities");
        int before = stack.itemCount();

        SlackAnswer slack = outsiderInSlack.ciment("post members-only Let me in");
        TeamsAnswer teams = outsiderInTeams.ciment("post members-only Let me in");

        assertTrue(slack.says("Only members can post in members-only"), slack.toString());
        assertTrue(teams.says("Only members can post in members-only"), teams.toString());
        assertEquals(before, stack.itemCount());
    }

    @Test
    void create_withAnInvalidSlug_isRefused_andWritesNothing_onBothTools() {
        SlackUser slack = stack.slackUser("U0SLUG001", "Slugger");
        TeamsUser teams = stack.teamsUser("Slugger Teams");
        slack.ciment("help");
        teams.ciment("help");
        int before = stack.itemCount();

        assertTrue(slack.ciment("create Data_Guild Sharing data").says("like data-guild"));
        assertTrue(teams.ciment("create x Sharing data").says("is not a valid community name"));
        assertEquals(before, stack.itemCount());
    }

    @Test
    void slack_forgedStaleOrFutureRequests_get401_andWriteNothing() {
        SlackUser mallory = stack.slackUser("U0MALLORY", "Mallory");
        SlashCommands.Command create = stack.slashCommands.command(mallory.userId, mallory.name, "create forged-guild x");
        int before = stack.itemCount();

        Function<SlashCommands.Signed, Integer> status = signed -> mallory.answer(signed).status();
        Instant now = Instant.now();
        SlashCommands.Signed good = stack.slashCommands.sign(create, now);
        assertEquals(401, status.apply(good.withHeader(SlashCommands.SIGNATURE_HEADER, "v0=" + "0".repeat(64))));
        assertEquals(401, status.apply(new SlashCommands("another-secret", "T0CIMENT01").sign(create, now)));
        assertEquals(401, status.apply(stack.slashCommands.sign(create, now.minusSeconds(301))));
        // 302: a timestamp is whole seconds, so "301 s ahead" can read as 300 once the second turns.
        assertEquals(401, status.apply(stack.slashCommands.sign(create, now.plusSeconds(302))));
        assertEquals(401, status.apply(good.withoutHeader(SlashCommands.TIMESTAMP_HEADER)));
        assertEquals(401, status.apply(new SlashCommands.Signed(good.body() + "&text=tampered", good.headers())));
        assertEquals(before, stack.itemCount());
        assertFalse(mallory.ciment("communities forged").says("forged-guild"));
    }

    @Test
    void teams_badTokens_get401_andNeitherWriteNorReply() {
        TeamsUser eve = stack.teamsUser("Eve");
        var fake = stack.botFramework;
        String serviceUrl = fake.serviceUrl();
        var create = eve.message("create token-guild Made with a bad token");
        int before = stack.itemCount();
        int repliesBefore = fake.sent().size();

        assertEquals(401, eve.send(create, fake.expiredToken(serviceUrl)).status());
        assertEquals(401, eve.send(create, fake.tokenForAudience(serviceUrl, "another-bot")).status());
        assertEquals(401, eve.send(create, fake.tokenSignedByUnknownKey(serviceUrl)).status());
        assertEquals(401, eve.send(create, fake.tokenSignedByKeyNotEndorsedForTeams(serviceUrl)).status());
        assertEquals(401, eve.send(create, fake.token("https://elsewhere.example.com/")).status());
        assertEquals(401, eve.send(create, null).status());

        assertEquals(before, stack.itemCount());
        assertEquals(repliesBefore, fake.sent().size());
    }

    @Test
    void teams_sameActivityDeliveredTwice_postsOnce() {
        TeamsUser kay = stack.teamsUser("Kay");
        kay.ciment("create retry-guild Retries never double");
        var post = kay.message("post retry-guild Only once");
        String token = stack.botFramework.token(stack.botFramework.serviceUrl());

        kay.send(post, token);
        kay.send(post, token);

        TeamsAnswer feed = kay.ciment("feed retry-guild");
        assertEquals(1, feed.cards().split("Only once", -1).length - 1, feed.cards());
    }
}
