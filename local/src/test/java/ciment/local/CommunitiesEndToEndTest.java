package ciment.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.local.LocalStack.SlackAnswer;
import ciment.local.LocalStack.SlackUser;
import ciment.local.LocalStack.TeamsUser;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Issue 3 over HTTP: closed communities, stewardship, roles and skills, on both chat tools. */
class CommunitiesEndToEndTest {
    private static LocalStack stack;

    @BeforeAll
    static void start() {
        stack = new LocalStack();
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    private static String mention(SlackUser user) {
        return "<@" + user.userId + "|" + user.name + ">";
    }

    @Test
    void slack_closedCommunity_requestApprovedByAMention_thenTheNewMemberPosts() {
        SlackUser steward = stack.slackUser("U0CLS0001", "Cleo");
        SlackUser newcomer = stack.slackUser("U0CLS0002", "Nils");
        steward.ciment("create closed-club Members by approval");
        assertTrue(steward.ciment("close closed-club").says("is closed"));

        assertTrue(newcomer.ciment("join closed-club").says("your request went to its stewards"));
        assertTrue(newcomer.ciment("post closed-club Too early").says("Only members can post"));
        assertTrue(steward.ciment("requests closed-club").says("Nils"));
        assertTrue(steward.ciment("approve closed-club " + mention(newcomer)).says("Nils is now a member"));

        assertTrue(newcomer.ciment("post closed-club Glad to be in").says("Posted"));
        assertTrue(steward.ciment("feed closed-club").says("Glad to be in"));
    }

    @Test
    void slack_info_namesStewards_andHidesASizeBelowFive() {
        SlackUser steward = stack.slackUser("U0INF0001", "Iris");
        steward.ciment("create info-club Small for now");
        SlackAnswer info = stack.slackUser("U0INF0002", "Otto").ciment("info info-club");
        assertTrue(info.says("<@" + steward.userId + ">") && info.says("fewer than 5 members"), info.toString());
        assertTrue(!info.says("1 member"), info.toString());
    }

    @Test
    void skillDeclaredInSlack_isFoundFromTeams_withAWayToReachThem() {
        SlackUser expert = stack.slackUser("U0SKL0001", "Ama");
        expert.ciment("skills add Accessibilité");
        TeamsUser asker = stack.teamsUser("Tove");

        var who = asker.ciment("who accessibilite");
        assertTrue(who.says("Ama"), who.toString());
    }

    @Test
    void lastSteward_holds_under20ConcurrentStewardRemovesAndLeaves() throws Exception {
        List<SlackUser> stewards = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            stewards.add(stack.slackUser("U0RACE00" + i, "Steward " + i));
        }
        SlackUser founder = stewards.get(0);
        founder.ciment("create race-club Stewards racing out");
        for (SlackUser other : stewards.subList(1, 5)) {
            other.ciment("join race-club");
            founder.ciment("steward add race-club " + mention(other));
        }

        List<Future<SlackAnswer>> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(20)) {
            for (int i = 0; i < 20; i++) {
                SlackUser actor = stewards.get(i % 5);
                SlackUser target = stewards.get((i + 1) % 5);
                String command = i % 2 == 0 ? "steward remove race-club " + mention(target) : "leave race-club";
                answers.add(pool.submit(() -> actor.ciment(command)));
            }
            for (Future<SlackAnswer> answer : answers) {
                assertEquals(200, answer.get().status());
            }
        }

        SlackAnswer info = stack.slackUser("U0RACEOBS", "Observer").ciment("info race-club");
        long stewardsNamed = stewards.stream().filter(s -> info.says("<@" + s.userId + ">")).count();
        assertTrue(stewardsNamed >= 1, "a community always keeps a steward: " + info);
    }
}
