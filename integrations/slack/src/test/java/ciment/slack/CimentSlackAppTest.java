package ciment.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.core.Ciment;
import ciment.core.config.Settings;
import ciment.core.config.TrustedDomains;
import ciment.core.model.Caller;
import ciment.core.model.ChatAccount;
import ciment.core.model.Introduction;
import ciment.core.model.Notice;
import ciment.core.model.Platform;
import ciment.core.model.Post;
import ciment.core.model.Recipient;
import ciment.core.model.Slug;
import ciment.core.port.Repositories;
import ciment.core.testing.InMemoryRepositories;
import ciment.devkit.slack.FakeSlackApi;
import ciment.devkit.slack.SlashCommands;
import ciment.slack.auth.AllowedWorkspaces;
import ciment.slack.auth.SlackSettings;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.slack.api.bolt.App;
import com.slack.api.bolt.response.Response;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Bolt app on an in-memory store, driven by signed slash commands through Bolt's own request parser. */
class CimentSlackAppTest {
    private static final String SECRET = "test-signing-secret";
    private static final String TOKEN = "xoxb-test-token";

    private final FakeSlackApi slackApi = FakeSlackApi.start()
            .addUser("U0ADA", "Ada Lovelace", "ada", "ada@example.com")
            .addUser("U0BOB", "Bob Byte", "", "bob@example.com");
    private final SlashCommands commands = new SlashCommands(SECRET, FakeSlackApi.TEAM_ID);
    private final InMemoryRepositories memory = new InMemoryRepositories();
    private final Repositories store = memory.repositories();
    private final Ciment ciment = new Ciment(store, Clock.systemUTC(),
            TrustedDomains.parse("example.com=" + FakeSlackApi.TEAM_ID));

    @AfterEach
    void stop() {
        slackApi.close();
    }

    private App app(Map<String, String> extra, Supplier<Ciment> cimentSupplier) {
        Map<String, String> values = new HashMap<>(Map.of(SlackSettings.SIGNING_SECRET, SECRET, AllowedWorkspaces.SETTING, "*",
                SlackSettings.API_URL, slackApi.baseUrl()));
        values.putAll(extra);
        return CimentSlackApp.create(Settings.of(values), cimentSupplier, Clock.systemUTC());
    }

    private App appWithToken() {
        return app(Map.of(SlackSettings.BOT_TOKEN, TOKEN), () -> ciment);
    }

    private static JsonObject run(App app, SlashCommands.Command command) throws Exception {
        Response response = send(app, command);
        assertEquals(200, response.getStatusCode(), response.getBody());
        return JsonParser.parseString(response.getBody()).getAsJsonObject();
    }

    private static Response send(App app, SlashCommands.Command command) throws Exception {
        return send(app, new SlashCommands(SECRET, command.teamId()).sign(command, Instant.now()));
    }

    private static Response send(App app, SlashCommands.Signed signed) throws Exception {
        return BoltRequests.run(app, signed);
    }

    private SlashCommands.Command ada(String text) {
        return commands.command("U0ADA", "ada.l", text);
    }

    private List<Post> posts(String slug) {
        return store.communities().find(new Slug(slug)).map(c -> store.posts().latest(c.id(), 50)).orElse(List.of());
    }

    @Test
    void help_isAnsweredInTheAck_onlyToTheAsker_withBlocksAndPlainText() throws Exception {
        JsonObject answer = run(appWithToken(), ada("help"));

        assertEquals("ephemeral", answer.get("response_type").getAsString());
        assertTrue(answer.get("text").getAsString().startsWith("Ciment commands:"), answer.toString());
        assertTrue(answer.getAsJsonArray("blocks").size() >= 2, answer.toString());
        assertEquals("section", answer.getAsJsonArray("blocks").get(0).getAsJsonObject().get("type").getAsString());
    }

    @Test
    void firstCommands_ofNewUser_askUsersInfoOnce_withTheBotToken_andKeepTheDisplayNameOnPosts() throws Exception {
        App app = appWithToken();
        run(app, ada("create data-guild Data people"));
        run(app, ada("post data-guild hello"));
        JsonObject feed = run(app, ada("feed data-guild"));

        List<FakeSlackApi.Call> lookups = slackApi.calls("users.info");
        assertEquals(1, lookups.size(), slackApi.calls().toString());
        assertEquals("U0ADA", lookups.getFirst().param("user"));
        assertEquals(TOKEN, lookups.getFirst().token());
        assertEquals("ada", posts("data-guild").getFirst().authorName());
        assertTrue(feed.toString().contains("*ada*"), feed.toString());
    }

    @Test
    void userWithoutDisplayName_isNamedByRealName() throws Exception {
        App app = appWithToken();
        run(app, commands.command("U0BOB", "bob.b", "create bob-club Bob's club"));
        run(app, commands.command("U0BOB", "bob.b", "post bob-club hi"));

        assertEquals("Bob Byte", posts("bob-club").getFirst().authorName());
    }

    @Test
    void userThatUsersInfoDoesNotKnow_isRefused_andNothingIsWritten() throws Exception {
        App app = appWithToken();
        JsonObject answer = run(app, commands.command("U0NEW", "newcomer", "create new-club New people"));

        assertTrue(answer.get("text").getAsString().contains("could not check who you are"), answer.toString());
        assertTrue(ciment.handle(caller("U0ADA"), "info new-club").summary().startsWith("There is no community"));
    }

    @Test
    void withoutBotToken_noWebApiCallIsMade_andTheCommandsUserNameIsKept() throws Exception {
        App app = app(Map.of(), () -> ciment);
        run(app, ada("create data-guild Data people"));
        run(app, ada("post data-guild hello"));

        assertEquals(List.of(), slackApi.calls());
        assertEquals("ada.l", posts("data-guild").getFirst().authorName());
    }

    @Test
    void sameRequest_deliveredTwice_makesOnePost_andShowsItTwice() throws Exception {
        App app = appWithToken();
        run(app, ada("create data-guild Data people"));
        SlashCommands.Signed post = commands.sign(ada("post data-guild only once"), Instant.now());

        Response first = send(app, post);
        Response second = send(app, post);

        assertEquals(1, posts("data-guild").size());
        assertEquals(first.getBody(), second.getBody());
    }

    @Test
    void sameWords_underAnotherTrigger_makeASecondPost() throws Exception {
        App app = appWithToken();
        run(app, ada("create data-guild Data people"));
        Instant at = Instant.now();

        send(app, commands.sign(ada("post data-guild twice on purpose"), at));
        send(app, commands.sign(ada("post data-guild twice on purpose"), at));

        assertEquals(2, posts("data-guild").size());
    }

    @Test
    void post_isDatedBySlacksRequestTimestamp() throws Exception {
        App app = appWithToken();
        run(app, ada("create data-guild Data people"));
        Instant sent = Instant.now().minusSeconds(120).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);

        send(app, commands.sign(ada("post data-guild from two minutes ago"), sent));

        assertEquals(sent, posts("data-guild").getFirst().createdAt());
    }

    @Test
    void textEscapedBySlack_isStoredAsTyped_andShownEscaped() throws Exception {
        App app = appWithToken();
        run(app, ada("create data-guild Data people"));
        // Typed as a person types it; the fake sends "a &lt; b &amp;&amp; &lt;!channel&gt;", as Slack escapes it.
        JsonObject answer = run(app, ada("post data-guild a < b && <!channel>"));

        assertEquals("a < b && <!channel>", posts("data-guild").getFirst().text());
        assertTrue(answer.toString().contains("a &lt; b &amp;&amp; &lt;!channel&gt;"), answer.toString());
    }

    @Test
    void refusal_isAnsweredAsOneMarkedSentence_andWritesNothing() throws Exception {
        App app = appWithToken();
        run(app, ada("create data-guild Data people"));
        int writes = memory.writes();

        JsonObject answer = run(app, commands.command("U0BOB", "bob.b", "post data-guild let me in"));

        assertTrue(answer.toString().contains(":no_entry: *Not done:*"), answer.toString());
        assertEquals(writes + 1, memory.writes(), "only Bob's person record may be written");
        assertEquals(0, posts("data-guild").size());
    }

    @Test
    void accountIsTheSlackTeamAndUser() throws Exception {
        App app = appWithToken();
        run(app, ada("create data-guild Data people"));

        assertTrue(store.people().find(new ChatAccount(Platform.SLACK, FakeSlackApi.TEAM_ID, "U0ADA")).isPresent());
    }

    @Test
    void cimentFailing_answersWithATryAgainSentence_insteadOfAnError() throws Exception {
        App app = app(Map.of(), () -> {
            throw new IllegalStateException("store unreachable");
        });

        JsonObject answer = run(app, ada("feed"));

        assertEquals("ephemeral", answer.get("response_type").getAsString());
        assertTrue(answer.toString().contains("could not answer just now"), answer.toString());
    }

    @Test
    void slowUsersInfo_refusesTheFirstCommandInTime_andWritesNothing() throws Exception {
        slackApi.delay("users.info", Duration.ofSeconds(5));
        App app = appWithToken();

        JsonObject answer = run(app, ada("create data-guild Data people"));

        assertTrue(answer.get("text").getAsString().contains("could not check who you are"), answer.toString());
        assertEquals(1, slackApi.calls("users.info").size());
        assertTrue(ciment.handle(caller("U0BOB"), "info data-guild").summary().startsWith("There is no community"));
    }

    /** Someone asking Ciment directly, to see what the store holds. */
    private static Caller caller(String userId) {
        return new Caller(new ChatAccount(Platform.SLACK, FakeSlackApi.TEAM_ID, userId), () -> Introduction.named(userId),
                null, Instant.now());
    }

    private SlashCommands.Command bob(String text) {
        return commands.command("U0BOB", "bob.b", text);
    }

    private static String blocksText(JsonObject answer) {
        StringBuilder texts = new StringBuilder();
        // Actions blocks (buttons) have no text of their own.
        answer.getAsJsonArray("blocks").forEach(block -> {
            JsonObject text = block.getAsJsonObject().getAsJsonObject("text");
            if (text != null) {
                texts.append(text.get("text").getAsString()).append('\n');
            }
        });
        return texts.toString();
    }

    @Test
    void joinRequest_isListedWithTheCommandToApproveIt_andApprovingByMention_letsThePersonPost() throws Exception {
        App app = appWithToken();
        run(app, ada("create data-guild Data people"));
        run(app, ada("close data-guild"));
        run(app, bob("join data-guild"));

        String requests = blocksText(run(app, ada("requests data-guild")));
        assertTrue(requests.contains("*Bob Byte* (<@U0BOB>) asked <!date^"), requests);
        assertTrue(requests.contains("`/ciment approve data-guild <@U0BOB>`"), requests);

        String approved = blocksText(run(app, ada("approve data-guild <@U0BOB|bob.b>")));
        assertTrue(approved.contains("Bob Byte is now a member of data-guild"), approved);
        run(app, bob("post data-guild thanks"));
        assertEquals("thanks", posts("data-guild").getFirst().text());
    }

    @Test
    void joinRequest_fromAChannel_isAnsweredLaterInThatChannel_toTheSenderThere() throws Exception {
        App app = appWithToken();
        run(app, ada("create data-guild Data people"));
        run(app, ada("close data-guild"));
        run(app, bob("join data-guild").inChannel("C0ASKEDHERE", "data-talk"));

        run(app, ada("approve data-guild <@U0BOB|bob.b>"));

        List<Notice> outbox = memory.outbox();
        assertEquals(1, outbox.size(), outbox.toString());
        assertEquals(new Recipient(new ChatAccount(Platform.SLACK, FakeSlackApi.TEAM_ID, "U0BOB"), "C0ASKEDHERE", null),
                outbox.getFirst().to());
        assertTrue(outbox.getFirst().text().startsWith("Your request to join data-guild was approved"),
                outbox.getFirst().text());
    }

    @Test
    void stewardAdd_byMention_makesTheMentionedMemberASteward_shownAsAMentionInInfo() throws Exception {
        App app = appWithToken();
        run(app, ada("create data-guild Data people"));
        run(app, bob("join data-guild"));

        String added = blocksText(run(app, ada("steward add data-guild <@U0BOB>")));
        assertTrue(added.contains("Bob Byte is now a steward of data-guild"), added);
        String info = blocksText(run(app, bob("info data-guild")));
        assertTrue(info.contains("*Stewards:* <@U0ADA>, <@U0BOB>"), info);
    }

    @Test
    void personNamedWithoutAMention_isRefusedInOneSentence_andNothingIsWritten() throws Exception {
        App app = appWithToken();
        run(app, ada("create data-guild Data people"));
        run(app, ada("close data-guild"));
        run(app, bob("join data-guild"));
        int writes = memory.writes();

        String refused = blocksText(run(app, ada("approve data-guild @bob")));

        assertTrue(refused.contains(":no_entry: *Not done:* “@bob” is not a person I can find"), refused);
        assertEquals(writes, memory.writes());
    }

    @Test
    void mentionOfSomeoneWhoNeverUsedCiment_isRefused_showingTheMention() throws Exception {
        App app = appWithToken();
        run(app, ada("create data-guild Data people"));

        String refused = blocksText(run(app, ada("steward add data-guild <@U0NEVER|nobody>")));

        assertTrue(refused.contains("*Not done:* <@U0NEVER> has not used Ciment yet"), refused);
    }

    // --- introductions: email and guests (issue 3) ---------------------------------------------------

    @Test
    void whoami_asTheFirstCommand_asksUsersInfoOnce_andShowsTheEmailThatLinksTheAccounts() throws Exception {
        String me = blocksText(run(appWithToken(), ada("whoami")));

        assertTrue(me.contains("*Email:* ada@example.com (your accounts are linked by this verified address"), me);
        assertEquals(1, slackApi.calls("users.info").size());
        assertTrue(store.people().holderOf("ada@example.com").isPresent());
    }

    @Test
    void userWhoseEmailSlackDoesNotGive_staysUnlinked_andWhoamiSaysWhy() throws Exception {
        slackApi.addUser(new FakeSlackApi.User("U0NOMAIL", "No Mail", "nomail", null));

        String me = blocksText(run(appWithToken(), commands.command("U0NOMAIL", "nomail", "whoami")));

        assertTrue(me.startsWith("*nomail*"), me);
        assertTrue(me.contains("*Email:* none known. This account stays separate from your other accounts: Slack did"
                + " not give Ciment its email address."), me);
    }

    @Test
    void slackConnectUser_sendingACommand_isAGuest_whoSeesNoCommunity() throws Exception {
        slackApi.addUser(new FakeSlackApi.User("U0EVE", "Eve Partner", "eve", "eve@partner.example").fromTeam("T0PARTNER"));
        App app = appWithToken();
        run(app, ada("create data-guild Data people"));

        String listed = blocksText(run(app, commands.command("U0EVE", "eve", "communities")));
        String me = blocksText(run(app, commands.command("U0EVE", "eve", "whoami")));

        assertFalse(listed.contains("data-guild"), listed);
        assertTrue(me.contains("You take part as a guest"), me);
    }

    @Test
    void invite_ofSomeoneWhoNeverUsedCiment_introducesThemByUsersInfo_asTheGuestTheyAre() throws Exception {
        slackApi.addUser(new FakeSlackApi.User("U0EVE", "Eve Partner", "eve", "eve@partner.example").fromTeam("T0PARTNER"));
        App app = appWithToken();
        run(app, ada("create data-guild Data people"));
        run(app, ada("create other-guild Others"));
        slackApi.clearCalls();

        String invited = blocksText(run(app, ada("invite data-guild <@U0EVE|eve>")));

        assertTrue(invited.contains("eve is invited to data-guild"), invited);
        assertEquals(List.of("U0EVE"), slackApi.calls("users.info").stream().map(c -> c.param("user")).toList());
        var eve = store.people().find(new ChatAccount(Platform.SLACK, FakeSlackApi.TEAM_ID, "U0EVE")).orElseThrow();
        assertTrue(eve.guest(), eve.toString());
        String listed = blocksText(run(app, commands.command("U0EVE", "eve", "communities")));
        assertTrue(listed.contains("*data-guild*") && !listed.contains("other-guild"), listed);
    }

    @Test
    void approve_byEmailAddress_asSlackLinksIt_letsThatPersonIn() throws Exception {
        App app = appWithToken();
        run(app, ada("create data-guild Data people"));
        run(app, ada("close data-guild"));
        run(app, bob("join data-guild"));

        // Typed as a person types it; the fake sends it as Slack does: <mailto:Bob@Example.com|Bob@Example.com>.
        String approved = blocksText(run(app, ada("approve data-guild Bob@Example.com")));

        assertTrue(approved.contains("Bob Byte is now a member of data-guild"), approved);
        run(app, bob("post data-guild in by email"));
        assertEquals("in by email", posts("data-guild").getFirst().text());
    }

    @Test
    void invite_ofAMentionSlackDoesNotKnow_isRefused_andWritesNothing() throws Exception {
        App app = appWithToken();
        run(app, ada("create data-guild Data people"));
        int writes = memory.writes();

        String refused = blocksText(run(app, ada("invite data-guild <@U0GHOST>")));

        assertTrue(refused.contains("*Not done:* <@U0GHOST> has not used Ciment yet, and their chat tool does not say"),
                refused);
        assertEquals(writes, memory.writes());
    }

    @Test
    void otherCommandName_isNotAnswered() throws Exception {
        SlashCommands.Command other = new SlashCommands.Command(FakeSlackApi.TEAM_ID, "t", "C1", "random", "U0ADA",
                "ada", "/other", "help", "1.2.4", "https://hooks.slack.com/x");

        assertEquals(404, send(appWithToken(), other).getStatusCode());
    }
}
