package ciment.local;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.devkit.slack.FakeSlackApi;
import ciment.local.LocalStack.SlackAnswer;
import ciment.local.LocalStack.SlackUser;
import ciment.local.LocalStack.TeamsAnswer;
import ciment.local.LocalStack.TeamsUser;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Issue 14, item 1 over HTTP: a claimed address makes nobody an existing person. The admin, root@corp.example, is
 * a member of the Slack workspace trusted for corp.example and keeps a closed community; accounts of another
 * tenant, a guest of the trusted tenant and a Slack Connect user of another organisation all say they are
 * root@corp.example. None of them is linked to the admin, reads the closed community or grants a role; members of
 * the trusted workspace and tenant are still linked, whichever tool they come from first. With nothing trusted,
 * nobody is linked, and whoami says why.
 */
class TrustEndToEndTest {
    private static final String ROOT = "root@corp.example";
    private static final String SECRET = "Board minutes: the margin is 12 percent";
    private static final String EVIL_TENANT = "evil-tenant-0001";

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Trusted {
        private LocalStack stack;
        private SlackUser root;

        @BeforeAll
        void start() {
            stack = new LocalStack(Map.of(
                    "CIMENT_TRUSTED_DOMAINS", "corp.example=" + FakeSlackApi.TEAM_ID + ",corp.example=" + LocalStack.TENANT,
                    "CIMENT_ADMIN_EMAILS", ROOT));
            root = stack.slackUser(new FakeSlackApi.User("U0ROOT0001", "Root Admin", "root", ROOT));
            root.ciment("create board-room The board's own room");
            root.ciment("close board-room");
            root.ciment("post board-room " + SECRET);
            stack.slackUser(new FakeSlackApi.User("U0BOB00001", "Bob Builder", "bob", "bob@corp.example"))
                    .ciment("whoami");
        }

        @AfterAll
        void stop() {
            stack.close();
        }

        /** What an impostor must not get: the closed community's post, and the admin's grant. */
        private void assertNotTheAdmin(Answered impostor) {
            String feed = impostor.say("feed board-room");
            assertFalse(feed.contains(SECRET), feed);
            String home = impostor.say("feed");
            assertFalse(home.contains(SECRET), home);
            String grant = impostor.say("grant admin bob@corp.example");
            assertTrue(grant.contains("Only an admin grants roles"), grant);
            assertTrue(root.ciment("whoami").says("Slack, here"), "the admin's own account still works");
        }

        @Test
        void teamsUserOfAnotherTenant_withTheAdminsAddress_isNotLinked_readsNothingClosed_andCannotGrant() {
            TeamsUser mallory = stack.teamsUser("Mallory", ROOT, "user", EVIL_TENANT);

            assertNotTheAdmin(text -> teams(mallory.ciment(text)));

            TeamsAnswer me = mallory.ciment("whoami");
            assertTrue(me.says("this account's tenant " + EVIL_TENANT + " is not one of them"), me.toString());
            assertFalse(me.says("Slack"), "no Slack account is hers: " + me);
        }

        @Test
        void guestOfTheTrustedTenant_withTheAdminsAddress_isNotLinked_readsNothingClosed_andCannotGrant() {
            TeamsUser guest = stack.teamsGuest("Mallory Guest", ROOT);

            assertNotTheAdmin(text -> teams(guest.ciment(text)));

            TeamsAnswer me = guest.ciment("whoami");
            assertTrue(me.says("a guest is never linked to anyone by an email address"), me.toString());
            assertTrue(me.says("You take part as a guest"), me.toString());
        }

        @Test
        void slackConnectUserOfAnotherOrganisation_withTheAdminsAddress_isNotLinked_readsNothingClosed_andCannotGrant() {
            SlackUser connect = stack.slackUser(new FakeSlackApi.User("U0EVIL0001", "Mallory Connect", "mallory", ROOT)
                    .fromTeam("T0EVIL0001"));

            assertNotTheAdmin(text -> slack(connect.ciment(text)));

            SlackAnswer me = connect.ciment("whoami");
            assertTrue(me.says("a guest is never linked to anyone by an email address"), me.toString());
        }

        @Test
        void membersOfTheTrustedWorkspaceAndTenant_areLinked_slackFirst() {
            SlackUser lin = stack.slackUser(new FakeSlackApi.User("U0LIN00001", "Lin", "lin", "lin@corp.example"));
            lin.ciment("create lin-club Slack first");
            lin.ciment("post lin-club Started in Slack");

            TeamsUser linInTeams = stack.teamsUser("Lin", "lin@corp.example", "user");

            assertTrue(linInTeams.ciment("feed lin-club").says("Started in Slack"));
            TeamsAnswer me = linInTeams.ciment("whoami");
            assertTrue(me.says("Slack") && me.says("Your accounts are linked by this verified email address"),
                    me.toString());
        }

        @Test
        void membersOfTheTrustedWorkspaceAndTenant_areLinked_teamsFirst() {
            TeamsUser tess = stack.teamsUser("Tess", "tess@corp.example", "user");
            tess.ciment("create tess-club Teams first");
            tess.ciment("close tess-club");
            tess.ciment("post tess-club Started in Teams");

            SlackUser tessInSlack = stack.slackUser(new FakeSlackApi.User("U0TESS0001", "Tess", "tess",
                    "tess@corp.example"));

            assertTrue(tessInSlack.ciment("feed tess-club").says("Started in Teams"));
            assertTrue(tessInSlack.ciment("open tess-club").says("tess-club is open"), "a steward, from Slack too");
        }

        @Test
        void addressLearntLater_mergesOnWhoami() {
            SlackUser late = stack.slackUser(new FakeSlackApi.User("U0LATE0001", "Lou", "lou", "lou@corp.example")
                    .withoutEmail());
            late.ciment("create late-club Made before the address was known");
            late.ciment("post late-club Made in Slack");
            TeamsUser louInTeams = stack.teamsUser("Lou", "lou@corp.example", "user");
            assertFalse(louInTeams.ciment("close late-club").says("late-club is closed"), "two people so far");

            stack.slackApi.addUser(new FakeSlackApi.User("U0LATE0001", "Lou", "lou", "lou@corp.example"));
            SlackAnswer me = late.ciment("whoami");

            assertTrue(me.says("Teams") && me.says("your accounts are linked by this verified address"), me.toString());
            assertTrue(louInTeams.ciment("close late-club").says("late-club is closed"),
                    "the Slack account's stewardship is the Teams account's now");
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class NothingTrusted {
        private LocalStack stack;

        @BeforeAll
        void start() {
            stack = new LocalStack(Map.of("CIMENT_TRUSTED_DOMAINS", "", "CIMENT_ADMIN_EMAILS", "sam@example.com"));
        }

        @AfterAll
        void stop() {
            stack.close();
        }

        @Test
        void twoAccountsWithOneAddress_stayTwoPeople_andWhoamiSaysWhy() {
            SlackUser sam = stack.slackUser(new FakeSlackApi.User("U0SAM00001", "Sam", "sam", "sam@example.com"));
            sam.ciment("create sam-club Sam's");
            sam.ciment("close sam-club");
            sam.ciment("post sam-club Only for members");

            TeamsUser samInTeams = stack.teamsUser("Sam", "sam@example.com", "user");

            TeamsAnswer me = samInTeams.ciment("whoami");
            assertTrue(me.says("CIMENT_TRUSTED_DOMAINS is not set"), me.toString());
            assertFalse(me.says("Slack"), me.toString());
            assertFalse(samInTeams.ciment("feed sam-club").says("Only for members"));
            SlackAnswer slackMe = sam.ciment("whoami");
            assertTrue(slackMe.says("CIMENT_TRUSTED_DOMAINS is not set"), slackMe.toString());
            assertTrue(sam.ciment("grant finance sam@example.com").says("Only an admin grants roles"),
                    "an address names no role when nothing vouches for it");
        }
    }

    /** Someone sending a command and reading the answer, whatever their tool. */
    @FunctionalInterface
    private interface Answered {
        String say(String text);
    }

    private static String teams(TeamsAnswer answer) {
        return answer.text() + "\n" + answer.cards();
    }

    private static String slack(SlackAnswer answer) {
        return answer.text() + "\n" + answer.blocks();
    }
}
