package ciment.local;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.local.LocalStack.SlackUser;
import ciment.local.LocalStack.TeamsAnswer;
import ciment.local.LocalStack.TeamsUser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Issue 3 over HTTP: one person across Slack and Teams, approval across the two, guests. */
class PeopleEndToEndTest {
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
    void samePerson_joinsOnSlack_andFindsTheCommunityFromTeams() {
        SlackUser founder = stack.slackUser("U0LNK0001", "Founder");
        founder.ciment("create linked-club One person, two tools");
        founder.ciment("post linked-club Welcome, whichever tool you use");
        SlackUser linInSlack = stack.slackUser("U0LNK0002", "Lin");
        linInSlack.ciment("join linked-club");

        TeamsUser linInTeams = stack.teamsUser("Lin", "u0lnk0002@example.com", "user");
        TeamsAnswer feed = linInTeams.ciment("feed");
        assertTrue(feed.says("Welcome, whichever tool you use"), feed.toString());
        assertTrue(linInTeams.ciment("communities linked").says("you are a member"));
        assertTrue(linInTeams.ciment("whoami").says("u0lnk0002@example.com"));
    }

    @Test
    void closedCommunity_requestFromTeams_approvedFromSlackByEmail() {
        SlackUser steward = stack.slackUser("U0XPL0001", "Stella");
        steward.ciment("create cross-club Approved across tools");
        steward.ciment("close cross-club");
        TeamsUser applicant = stack.teamsUser("Theo", "theo@example.com", "user");

        assertTrue(applicant.ciment("join cross-club").says("your request went to its stewards"));
        assertTrue(steward.ciment("requests cross-club").says("Theo"));
        assertTrue(steward.ciment("approve cross-club theo@example.com").says("Theo is now a member"));
        assertTrue(applicant.ciment("post cross-club Hello from Teams").says("Posted"));
    }

    @Test
    void teamsGuest_seesJoinsAndPostsOnlyWhereInvited() {
        TeamsUser steward = stack.teamsUser("Gwen", "gwen@example.com", "user");
        steward.ciment("create partner-desk With our partners");
        steward.ciment("create staff-room Staff only");
        TeamsUser guest = stack.teamsUser("Guy Guest", "guy@partner.example", "guest");
        guest.ciment("help");

        assertTrue(steward.cimentMentioning("invite partner-desk", guest).says("is invited"));
        TeamsAnswer listed = guest.ciment("communities");
        assertTrue(listed.says("partner-desk") && !listed.says("staff-room"), listed.toString());
        assertTrue(guest.ciment("info staff-room").says("There is no community called staff-room"));
        assertTrue(guest.ciment("join staff-room").says("There is no community called staff-room"));
        assertTrue(guest.ciment("join partner-desk").says("Welcome to partner-desk"));
        assertTrue(guest.ciment("post partner-desk Delivery on Monday").says("Posted"));
        assertFalse(guest.ciment("create guest-club Mine").says("Created"));
    }
}
