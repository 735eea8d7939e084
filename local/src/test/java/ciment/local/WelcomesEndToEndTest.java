package ciment.local;

import static ciment.local.LocalStack.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.devkit.slack.FakeSlackApi;
import ciment.devkit.slack.SlackInteractions;
import ciment.devkit.slack.SlashCommands;
import ciment.devkit.teams.FakeBotFramework;
import ciment.devkit.teams.TeamsActivities;
import ciment.local.LocalStack.SlackUser;
import ciment.local.LocalStack.TeamsAnswer;
import ciment.local.LocalStack.TeamsUser;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 17's welcome over HTTP, on both tools: Ciment introduces itself once where it is installed in Teams (a
 * team, a personal chat) and to a Slack person at their first App Home, through the outbox, the table's stream
 * and the delivery functions; and a community's guidelines, set by its stewards, reach whoever joins.
 */
class WelcomesEndToEndTest {
    /** Longer than a few turns of the stream feeder (~200 ms): a second introduction would have come by then. */
    private static final long SETTLE_MILLIS = 1_500;
    private static LocalStack stack;
    private static SlackInteractions slack;

    @BeforeAll
    static void start() {
        stack = new LocalStack();
        slack = new SlackInteractions(LocalStack.SIGNING_SECRET, FakeSlackApi.TEAM_ID);
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    private static List<FakeBotFramework.SentActivity> teamsSent(String conversationId, String fragment) {
        return stack.botFramework.sentTo(conversationId).stream()
                .filter(sent -> sent.text() != null && sent.text().contains(fragment)).toList();
    }

    private static List<FakeSlackApi.Call> slackDirect(SlackUser user, String fragment) {
        return stack.slackApi.calls("chat.postMessage").stream()
                .filter(call -> user.userId.equals(call.param("channel"))
                        && String.valueOf(call.param("text")).contains(fragment)).toList();
    }

    private static void deliver(TeamsActivities.Message activity) {
        deliver(activity.json());
    }

    /** An activity as the Bot Connector posts it, with a valid token. */
    private static void deliver(String activityJson) {
        HttpResponse<String> response = stack.post("/api/messages", Map.of("Content-Type", "application/json",
                "Authorization", FakeBotFramework.bearer(stack.botFramework.token(stack.botFramework.serviceUrl()))),
                activityJson);
        assertEquals(200, response.statusCode(), response.body());
    }

    private static void settle() throws InterruptedException {
        Thread.sleep(SETTLE_MILLIS);
    }

    @Test
    void teamsInstalledInATeam_bothEventsTwice_introducesCimentOnce_withItsMention() throws Exception {
        TeamsUser installer = stack.teamsUser("Iris Installer");
        for (int round = 0; round < 2; round++) {
            deliver(installer.message("").installed());
            deliver(installer.message("").botAdded());
        }

        FakeBotFramework.SentActivity introduction = eventually(() -> teamsSent(installer.conversationId,
                "Hello, I am Ciment"), "the introduction in the team").get(0);
        assertTrue(introduction.text().contains("• @Ciment join <slug>: join one"), introduction.text());
        assertTrue(introduction.text().contains("@Ciment help lists the others."), introduction.text());
        settle();
        assertEquals(1, teamsSent(installer.conversationId, "I am Ciment").size(), "one introduction per team");
    }

    @Test
    void teamsInstalledInAPersonalChat_inFrench_introducesCimentOnce_inFrench_withoutMention() throws Exception {
        TeamsUser person = stack.teamsUser("Paul Perso").speaking("fr-FR");
        TeamsActivities.Message installed = person.message("").direct().installed();
        String chat = installed.conversationId();
        deliver(installed);
        deliver(person.message("").direct().conversation(chat).installed());
        deliver(person.message("").direct().conversation(chat).botAdded());
        deliver(person.message("").direct().conversation(chat).botAdded());

        FakeBotFramework.SentActivity introduction = eventually(() -> teamsSent(chat, "Bonjour, je suis Ciment"),
                "the introduction in the personal chat").get(0);
        assertTrue(introduction.text().contains("\n• rejoindre <communauté> : la rejoindre"), introduction.text());
        assertFalse(introduction.text().contains("@"), introduction.text());
        settle();
        assertEquals(1, teamsSent(chat, "je suis Ciment").size(), "one introduction per personal chat");
    }

    @Test
    void aPersonJoiningATeam_isNoInstall_andIntroducesNothing() throws Exception {
        TeamsUser someone = stack.teamsUser("Nora Newhire");
        TeamsActivities.Message joined = someone.message("").botAdded();
        Map<String, Object> activity = new LinkedHashMap<>(joined.toMap());
        activity.put("membersAdded", List.of(Map.of("id", someone.fromId)));
        deliver(ciment.devkit.teams.Json.write(activity));
        settle();
        assertEquals(List.of(), teamsSent(someone.conversationId, "I am Ciment"));
    }

    @Test
    void slackAppHomeOpenedTwice_andItsRetry_introducesCimentOnce_inTheMessagesTab() throws Exception {
        SlackUser newcomer = stack.slackUser("U0WELC001", "Wim");
        String eventId = SlackInteractions.newEventId();
        SlashCommands.Signed first = slack.event(homeEvent(newcomer, "home"), eventId, Instant.now());
        assertEquals(200, stack.post("/slack/events", first.headers(), first.body()).statusCode());
        SlashCommands.Signed retried = slack.event(homeEvent(newcomer, "home"), eventId, Instant.now())
                .withHeader("X-Slack-Retry-Num", "1");
        assertEquals(200, stack.post("/slack/events", retried.headers(), retried.body()).statusCode());
        SlashCommands.Signed messages = slack.event(homeEvent(newcomer, "messages"), SlackInteractions.newEventId(),
                Instant.now());
        assertEquals(200, stack.post("/slack/events", messages.headers(), messages.body()).statusCode());

        FakeSlackApi.Call introduction = eventually(() -> slackDirect(newcomer, "Hello, I am Ciment"),
                "the introduction in Wim's messages").get(0);
        assertTrue(introduction.param("text").contains("• /ciment post &lt;slug&gt; &lt;text&gt;: post in it"),
                introduction.param("text"));
        settle();
        assertEquals(1, slackDirect(newcomer, "I am Ciment").size(), "one introduction per person");
    }

    @Test
    void slackMessagesTabFirst_inFrench_introducesCimentInFrench() throws Exception {
        SlackUser camille = stack.slackUser(new FakeSlackApi.User("U0WELC002", "Camille", "Camille",
                "u0welc002@example.com").speaking("fr-FR"));
        SlashCommands.Signed opened = slack.event(homeEvent(camille, "messages"), SlackInteractions.newEventId(),
                Instant.now());
        assertEquals(200, stack.post("/slack/events", opened.headers(), opened.body()).statusCode());

        FakeSlackApi.Call introduction = eventually(() -> slackDirect(camille, "Bonjour, je suis Ciment"),
                "Camille's introduction").get(0);
        assertTrue(introduction.param("text").contains("/ciment communautés : trouver une communauté"),
                introduction.param("text"));
    }

    @Test
    void guidelinesSetOnSlack_areSeenVerbatim_onJoiningFromTeamsInFrench_andInInfo() {
        SlackUser steward = stack.slackUser("U0WELC003", "Gaia");
        String guidelines = "Be kind **always** [docs](https://evil.example) <b>no</b> customer data";
        assertTrue(steward.ciment("create guide-club Guided").says("guide-club"));
        assertTrue(steward.ciment("guidelines guide-club " + guidelines).says("guidelines are now"));
        assertTrue(steward.ciment("welcome guide-club Bienvenue, présentez-vous !").says("welcome message is now"));

        TeamsUser joiner = stack.teamsUser("Jules").speaking("fr-FR");
        TeamsAnswer joined = joiner.ciment("rejoindre guide-club");

        assertTrue(joined.text().startsWith("Bienvenue dans guide-club"), joined.toString());
        assertTrue(joined.text().contains("Les animateurs de guide-club vous disent :\nBienvenue, présentez-vous !"),
                joined.toString());
        assertTrue(joined.text().endsWith("Charte de guide-club :\n" + guidelines), joined.toString());
        TeamsAnswer info = joiner.ciment("info guide-club");
        assertTrue(info.says("Charte") && info.says("customer data"), info.toString());
        assertTrue(steward.ciment("info guide-club").says("customer data"));
    }

    @Test
    void refusals_writeNothing_onEitherTool() {
        SlackUser steward = stack.slackUser("U0WELC004", "Rae");
        steward.ciment("create refuse-club Refusals");
        TeamsUser member = stack.teamsUser("Mo Member");
        member.ciment("join refuse-club");

        int items = stack.itemCount();
        assertTrue(member.ciment("guidelines refuse-club Be nice").says("Only a steward of refuse-club"));
        assertTrue(member.ciment("welcome refuse-club Hi").says("Only a steward of refuse-club"));
        assertTrue(steward.ciment("guidelines no-such-club Be nice").says("no-such-club"));
        assertTrue(steward.ciment("guidelines refuse-club " + "x".repeat(801)).says("at most 800 characters"));
        assertTrue(member.ciment("welcome refuse-club " + "x".repeat(401)).says("at most 400 characters"));
        assertEquals(items, stack.itemCount(), "nothing written");
    }

    private static Map<String, Object> homeEvent(SlackUser user, String tab) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("type", "app_home_opened");
        event.put("user", user.userId);
        event.put("channel", "D0" + user.userId.substring(1));
        event.put("tab", tab);
        event.put("event_ts", Instant.now().getEpochSecond() + ".000100");
        return event;
    }
}
