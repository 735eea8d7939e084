package ciment.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.core.Ciment;
import ciment.core.config.Settings;
import ciment.core.model.Caller;
import ciment.core.model.ChatAccount;
import ciment.core.model.Community;
import ciment.core.model.Introduction;
import ciment.core.model.Platform;
import ciment.core.model.Slug;
import ciment.core.port.Repositories;
import ciment.core.testing.InMemoryRepositories;
import ciment.devkit.slack.FakeSlackApi;
import ciment.devkit.slack.SlackInteractions;
import ciment.devkit.slack.SlashCommands;
import ciment.slack.auth.AllowedWorkspaces;
import ciment.slack.auth.SlackSettings;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.slack.api.bolt.App;
import com.slack.api.bolt.response.Response;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Home tab, its buttons, buttons in messages, and the Create-community modal, through Bolt on signed requests. */
class SlackHomeAndModalTest {
    private static final String SECRET = "test-signing-secret";
    private static final String TOKEN = "xoxb-test-token";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final FakeSlackApi slackApi = FakeSlackApi.start()
            .addUser("U0ADA", "Ada Lovelace", "ada", "ada@example.com")
            .addUser("U0BOB", "Bob Byte", "bob", "bob@example.com")
            .addUser(new FakeSlackApi.User("U0GST", "Gus Guest", "gus", "gus@partner.example").multiChannelGuest());
    private final SlackInteractions slack = new SlackInteractions(SECRET, FakeSlackApi.TEAM_ID);
    private final SlashCommands commands = new SlashCommands(SECRET, FakeSlackApi.TEAM_ID);
    private final Repositories store = InMemoryRepositories.create();
    private final Ciment ciment = new Ciment(store, Clock.systemUTC());
    private final App app = app(Map.of(SlackSettings.BOT_TOKEN, TOKEN));

    @AfterEach
    void stop() {
        slackApi.close();
    }

    private App app(Map<String, String> extra) {
        Map<String, String> values = new HashMap<>(Map.of(SlackSettings.SIGNING_SECRET, SECRET, AllowedWorkspaces.SETTING, "*",
                SlackSettings.API_URL, slackApi.baseUrl()));
        values.putAll(extra);
        return CimentSlackApp.create(Settings.of(values), () -> ciment, Clock.systemUTC());
    }

    private static Response send(App app, SlashCommands.Signed signed) throws Exception {
        return BoltRequests.ok(app, signed);
    }

    private Response send(SlashCommands.Signed signed) throws Exception {
        return send(app, signed);
    }

    private void say(String userId, String text) throws Exception {
        send(commands.sign(commands.command(userId, userId.toLowerCase(), text), Instant.now()));
    }

    private static Caller caller(String userId) {
        return new Caller(new ChatAccount(Platform.SLACK, FakeSlackApi.TEAM_ID, userId), () -> Introduction.named(userId),
                null, Instant.now());
    }

    /** The last view published for this user, as JSON text. */
    private String publishedHome(String userId) {
        List<FakeSlackApi.Call> published = slackApi.calls("views.publish").stream()
                .filter(call -> userId.equals(call.param("user_id"))).toList();
        assertFalse(published.isEmpty(), "no Home published for " + userId + ": " + slackApi.calls());
        return json(published.getLast().json("view"));
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Optional<Community> community(String slug) {
        return store.communities().find(new Slug(slug));
    }

    private boolean isMember(String userId, String slug) {
        return ciment.home(caller(userId)).communities().stream().anyMatch(m -> m.community().slug().value().equals(slug));
    }

    @Test
    void homeOpened_publishesMyCommunitiesWithLeave_suggestionsWithJoin_andACreateButton() throws Exception {
        say("U0ADA", "create data-guild Data people");
        say("U0ADA", "create a11y Accessible products");
        say("U0ADA", "tags a11y accessibility");
        say("U0BOB", "join data-guild");
        say("U0BOB", "skills add Accessibility");

        send(slack.homeOpened("U0BOB", Instant.now()));

        String home = publishedHome("U0BOB");
        assertEquals(TOKEN, slackApi.calls("views.publish").getLast().token());
        assertTrue(home.contains("\"type\":\"home\""), home);
        assertTrue(home.contains("*data-guild*") && home.contains("\"action_id\":\"ciment_leave\""), home);
        assertTrue(home.contains("*a11y*") && home.contains("\"action_id\":\"ciment_join\""), home);
        assertTrue(home.contains("\"action_id\":\"ciment_create\""), home);
        assertTrue(home.contains("/ciment help"), home);
    }

    @Test
    void homeOpened_withoutBotToken_isAcknowledged_andNothingIsCalled() throws Exception {
        send(app(Map.of()), slack.homeOpened("U0ADA", Instant.now()));
        assertTrue(slackApi.calls().isEmpty(), slackApi.calls().toString());
    }

    @Test
    void joinClickedInHome_joins_andDrawsTheHomeAgainWithTheAnswerOnTop() throws Exception {
        say("U0ADA", "create data-guild Data people");

        send(slack.homeButton("U0BOB", "ciment_join", "data-guild", Instant.now()));

        assertTrue(isMember("U0BOB", "data-guild"));
        String home = publishedHome("U0BOB");
        assertTrue(home.contains("Welcome to data-guild"), home);
        assertTrue(home.contains("\"action_id\":\"ciment_leave\""), home);
        assertTrue(slackApi.calls("response_url").isEmpty());
    }

    @Test
    void leaveClickedByTheLastSteward_isRefusedInOneSentence_andTheyStay() throws Exception {
        say("U0ADA", "create data-guild Data people");

        send(slack.homeButton("U0ADA", "ciment_leave", "data-guild", Instant.now()));

        assertTrue(isMember("U0ADA", "data-guild"));
        String home = publishedHome("U0ADA");
        assertTrue(home.contains("Not done:") && home.contains("You are the only steward of data-guild"), home);
    }

    @Test
    void stewardsHome_showsTheRequestWithApproveAndDecline_andApproveLetsThemIn() throws Exception {
        say("U0ADA", "create closed-club By approval");
        say("U0ADA", "close closed-club");
        say("U0BOB", "join closed-club");

        send(slack.homeOpened("U0ADA", Instant.now()));
        String home = publishedHome("U0ADA");
        assertTrue(home.contains("Requests (1)") && home.contains("<@U0BOB>"), home);
        String bobId = ciment.home(caller("U0ADA")).communities().getFirst().requests().getFirst().personId();
        assertTrue(home.contains("\"value\":\"closed-club " + bobId + "\""), home);

        send(slack.homeButton("U0ADA", "ciment_approve", "closed-club " + bobId, Instant.now()));

        assertTrue(isMember("U0BOB", "closed-club"));
        String after = publishedHome("U0ADA");
        assertTrue(after.contains("bob is now a member of closed-club"), after);
        assertFalse(after.contains("Requests ("), after);
    }

    @Test
    void declineClicked_twice_secondSaysNoRequestWaits() throws Exception {
        say("U0ADA", "create closed-club By approval");
        say("U0ADA", "close closed-club");
        say("U0BOB", "join closed-club");
        String bobId = ciment.home(caller("U0ADA")).communities().getFirst().requests().getFirst().personId();

        send(slack.homeButton("U0ADA", "ciment_decline", "closed-club " + bobId, Instant.now()));
        send(slack.homeButton("U0ADA", "ciment_decline", "closed-club " + bobId, Instant.now()));

        assertFalse(isMember("U0BOB", "closed-club"));
        assertTrue(publishedHome("U0ADA").contains("No request from bob waits in closed-club"), publishedHome("U0ADA"));
    }

    @Test
    void joinClickedInAMessage_isAnsweredOnlyToTheClicker_throughTheResponseUrl() throws Exception {
        say("U0ADA", "create data-guild Data people");

        send(slack.messageButton("U0BOB", "ciment_join", "data-guild", slackApi.responseUrl("click-1"), Instant.now()));

        assertTrue(isMember("U0BOB", "data-guild"));
        FakeSlackApi.Call answer = slackApi.calls("response_url").getFirst();
        assertEquals("click-1", answer.param("path"));
        assertEquals("ephemeral", answer.param("response_type"));
        assertEquals("false", answer.param("replace_original"));
        assertTrue(answer.param("text").startsWith("Welcome to data-guild"), answer.body());
        assertTrue(slackApi.calls("views.publish").isEmpty());
    }

    @Test
    void joinClickedInAMessage_forAnUnknownCommunity_isRefusedInOneSentence() throws Exception {
        send(slack.messageButton("U0BOB", "ciment_join", "gone-club", slackApi.responseUrl("click-2"), Instant.now()));

        FakeSlackApi.Call answer = slackApi.calls("response_url").getFirst();
        assertTrue(answer.param("text").startsWith("There is no community called gone-club"), answer.body());
    }

    @Test
    void guestsHome_showsOnlyWhereInvited_withoutCreateOrSuggestions() throws Exception {
        say("U0ADA", "create supplier-desk Working with suppliers");
        say("U0ADA", "create internal-only Staff only");
        say("U0ADA", "invite supplier-desk <@U0GST|gus>");

        send(slack.homeOpened("U0GST", Instant.now()));

        String home = publishedHome("U0GST");
        assertTrue(home.contains("*supplier-desk*") && home.contains("you are invited"), home);
        assertFalse(home.contains("internal-only"), home);
        assertFalse(home.contains("ciment_create"), home);
        assertFalse(home.contains("Suggested"), home);
    }

    @Test
    void shortcut_opensTheModalFirst_withItsTriggerId_thenFillsInMySkillsAsTags() throws Exception {
        say("U0ADA", "skills add Accessibility");
        say("U0ADA", "roles add Onboarding buddy");
        slackApi.clearCalls();
        String trigger = SlashCommands.newTriggerId();

        send(slack.shortcut("U0ADA", "create_community", trigger, Instant.now()));

        List<FakeSlackApi.Call> calls = slackApi.calls();
        assertEquals("views.open", calls.getFirst().method(), calls.toString());
        assertEquals(trigger, calls.getFirst().param("trigger_id"));
        assertTrue(json(calls.getFirst().json("view")).contains("\"callback_id\":\"create_community\""));
        FakeSlackApi.Call update = slackApi.calls("views.update").getFirst();
        assertEquals("V0MODAL1", update.param("view_id"));
        assertTrue(update.param("hash") != null);
        String filled = json(update.json("view"));
        assertTrue(filled.contains("\"value\":\"Accessibility\"") && filled.contains("\"value\":\"Onboarding buddy\""),
                filled);
    }

    @Test
    void shortcut_opensTheModal_beforeCimentIsEvenAsked() throws Exception {
        List<Integer> opensSeenByCiment = new java.util.ArrayList<>();
        App watched = CimentSlackApp.create(Settings.of(Map.of(SlackSettings.SIGNING_SECRET, SECRET, AllowedWorkspaces.SETTING, "*",
                SlackSettings.API_URL, slackApi.baseUrl(), SlackSettings.BOT_TOKEN, TOKEN)), () -> {
                    opensSeenByCiment.add(slackApi.calls("views.open").size());
                    return ciment;
                }, Clock.systemUTC());

        send(watched, slack.shortcut("U0ADA", "create_community", SlashCommands.newTriggerId(), Instant.now()));

        assertFalse(opensSeenByCiment.isEmpty(), "the form is then filled from the person's profile");
        assertTrue(opensSeenByCiment.stream().allMatch(opens -> opens == 1), opensSeenByCiment.toString());
    }

    @Test
    void shortcut_ofSomeoneWithoutSkills_opensTheBareModal_only() throws Exception {
        send(slack.shortcut("U0BOB", "create_community", SlashCommands.newTriggerId(), Instant.now()));

        assertEquals(1, slackApi.calls("views.open").size());
        assertTrue(slackApi.calls("views.update").isEmpty());
    }

    @Test
    void shortcut_withAnExpiredTrigger_isAcknowledged_andNothingMoreIsTried() throws Exception {
        String trigger = SlashCommands.newTriggerId();
        slackApi.expireTrigger(trigger);
        say("U0ADA", "skills add Accessibility");

        send(slack.shortcut("U0ADA", "create_community", trigger, Instant.now()));

        assertTrue(slackApi.calls("views.update").isEmpty());
    }

    @Test
    void createButtonInHome_opensTheModal() throws Exception {
        send(slack.homeButton("U0ADA", "ciment_create", "home", Instant.now()));
        assertEquals(1, slackApi.calls("views.open").size());
    }

    private Map<String, Map<String, Object>> form(String slug, String purpose, String tags, List<String> ticked,
            String openness) {
        Map<String, Map<String, Object>> values = new LinkedHashMap<>();
        values.put("slug", SlackInteractions.text("slug", slug));
        values.put("purpose", SlackInteractions.text("purpose", purpose));
        values.put("tags", SlackInteractions.text("tags", tags));
        values.put("suggested_tags", SlackInteractions.checkboxes("suggested_tags", ticked));
        values.put("openness", SlackInteractions.radio("openness", openness));
        return values;
    }

    private JsonObject submit(String userId, Map<String, Map<String, Object>> values) throws Exception {
        Response response = send(slack.submission(userId, "create_community", "V0MODAL1", values, Instant.now()));
        String body = response.getBody();
        return body == null || body.isBlank() ? new JsonObject() : JsonParser.parseString(body).getAsJsonObject();
    }

    @Test
    void submission_createsTheCommunity_tagsAndClosesIt_clearsTheModal_andDrawsTheHome() throws Exception {
        JsonObject ack = submit("U0ADA", form("a11y", "Accessible products", "WCAG, screen readers",
                List.of("Accessibility"), "closed"));

        assertEquals("clear", ack.get("response_action").getAsString(), ack.toString());
        Community created = community("a11y").orElseThrow();
        assertEquals(List.of("accessibility", "wcag", "screen readers"), created.tags());
        assertFalse(created.open());
        assertTrue(isMember("U0ADA", "a11y"));
        String home = publishedHome("U0ADA");
        assertTrue(home.contains("Created a11y") && home.contains("It is closed"), home);
    }

    @Test
    void submission_withABadName_isRefusedOnTheNameField_andNothingIsWritten() throws Exception {
        JsonObject ack = submit("U0ADA", form("Data Guild!", "Data people", null, List.of(), "open"));

        assertEquals("errors", ack.get("response_action").getAsString());
        assertTrue(ack.getAsJsonObject("errors").get("slug").getAsString().contains("not a valid community name"), ack.toString());
        assertTrue(store.communities().catalog().isEmpty());
        assertTrue(slackApi.calls("users.info").isEmpty(), "not even users.info: " + slackApi.calls());
    }

    @Test
    void submission_withATakenName_isRefusedOnTheNameField() throws Exception {
        say("U0BOB", "create data-guild Bob's");

        JsonObject ack = submit("U0ADA", form("data-guild", "Mine", null, List.of(), "open"));

        assertTrue(ack.getAsJsonObject("errors").get("slug").getAsString().startsWith("The name data-guild is taken"), ack.toString());
        assertEquals("Bob's", community("data-guild").orElseThrow().purpose());
    }

    @Test
    void submission_withAnOverLongTag_isRefusedOnTheTagsField_andNothingIsWritten() throws Exception {
        JsonObject ack = submit("U0ADA", form("data-guild", "Data", "x".repeat(61), List.of(), "open"));

        assertTrue(ack.getAsJsonObject("errors").get("tags").getAsString().contains("at most 60 characters"), ack.toString());
        assertTrue(community("data-guild").isEmpty());
    }

    @Test
    void submission_withAnOverLongPurpose_isRefusedOnThePurposeField() throws Exception {
        JsonObject ack = submit("U0ADA", form("data-guild", "p".repeat(301), null, List.of(), "open"));

        assertTrue(ack.getAsJsonObject("errors").get("purpose").getAsString().contains("at most 300 characters"), ack.toString());
        assertTrue(community("data-guild").isEmpty());
    }

    @Test
    void submission_byAGuest_isRefusedOnTheNameField() throws Exception {
        JsonObject ack = submit("U0GST", form("partner-club", "Ours", null, List.of(), "open"));

        assertTrue(ack.getAsJsonObject("errors").get("slug").getAsString().startsWith("Guests take part"), ack.toString());
        assertTrue(community("partner-club").isEmpty());
    }
}
