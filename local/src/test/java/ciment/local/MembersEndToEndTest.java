package ciment.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.local.LocalStack.SlackAnswer;
import ciment.local.LocalStack.SlackUser;
import ciment.local.LocalStack.TeamsAnswer;
import ciment.local.LocalStack.TeamsUser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * members &lt;slug&gt; over HTTP, on both tools: a steward sees the members and the tools each is on (a person
 * linked across Slack and Teams shows both); a member, and a guest, get one sentence.
 */
class MembersEndToEndTest {
    private static final String REFUSAL = "Only a steward of members-club can see its members: info members-club names"
            + " them.";
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
    void steward_seesMembersAndTheirTools_onSlackAndOnTeams_othersAreRefused() {
        SlackUser mara = stack.slackUser("U0MBR0001", "Mara");
        mara.ciment("create members-club Who is here");
        TeamsUser maraInTeams = stack.teamsUser("Mara", "u0mbr0001@example.com", "user");
        assertTrue(maraInTeams.ciment("whoami").says("u0mbr0001@example.com")); // the same person, linked
        TeamsUser tom = stack.teamsUser("Tom", "tom@example.com", "user");
        tom.ciment("join members-club");
        SlackUser sid = stack.slackUser("U0MBR0003", "Sid");
        sid.ciment("join members-club");
        TeamsUser gus = stack.teamsUser("Gus Guest", "gus@partner.example", "guest");
        gus.ciment("help");
        maraInTeams.cimentMentioning("invite members-club", gus);
        gus.ciment("join members-club");

        SlackAnswer inSlack = mara.ciment("members members-club");
        assertEquals(200, inSlack.status());
        assertTrue(inSlack.says("Members of members-club") && inSlack.says("*Mara* · steward · Slack and Teams")
                && inSlack.says("*Tom* · Teams") && inSlack.says("*Sid* · Slack") && inSlack.says("*Gus Guest* · Teams"),
                inSlack.toString());
        assertTrue(inSlack.text().startsWith("members-club has 4 members: Mara (steward, Slack and Teams)"),
                inSlack.text());

        TeamsAnswer inTeams = maraInTeams.ciment("members members-club");
        assertTrue(inTeams.says("Members of members-club · 4") && inTeams.says("Slack and Teams")
                && inTeams.says("Tom") && inTeams.says("Sid") && inTeams.says("Gus Guest"), inTeams.toString());

        assertTrue(tom.ciment("members members-club").says(REFUSAL));
        assertTrue(sid.ciment("members members-club").says(REFUSAL));
        assertTrue(gus.ciment("members members-club").says(REFUSAL));
        assertTrue(mara.ciment("members no-such-club").says("no-such-club"));
    }
}
