package ciment.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.core.model.ChatAccount;
import ciment.core.model.Platform;
import ciment.core.model.Slug;
import ciment.core.port.Repositories;
import ciment.devkit.teams.FakeBotFramework;
import ciment.devkit.teams.TeamsActivities;
import ciment.infra.dynamo.DynamoRepositories;
import ciment.local.LocalStack.TeamsUser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 3's Teams UX over HTTP through the local runner: a card's Join and a steward's Approve (signed
 * adaptiveCard/action invokes, answered in the HTTP response), and the messaging extension finding a
 * community and a person by skill (signed composeExtension/query invokes).
 */
class TeamsCardsEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static LocalStack stack;
    private static Repositories store;

    @BeforeAll
    static void start() {
        stack = new LocalStack();
        store = DynamoRepositories.fromSettings(stack.runner.settings()).repositories();
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    /** The card the bot sent back for these words. */
    private static JsonNode card(TeamsUser user, String text) {
        assertEquals(200, user.ciment(text).status());
        List<FakeBotFramework.SentActivity> sent = stack.botFramework.sent();
        return JSON.valueToTree(sent.get(sent.size() - 1).attachmentContents().get(0));
    }

    /** A signed invoke from this user; the HTTP response's JSON body. */
    private static JsonNode invoke(TeamsActivities.Message invoke) {
        // Only sends into the clicker's conversation count: a notice (an approval's answer to the asker) may
        // reach another conversation meanwhile, through the stream and the delivery function.
        int sent = sentTo(invoke.conversationId());
        HttpResponse<String> response = stack.post("/api/messages", Map.of("Content-Type", "application/json",
                "Authorization", FakeBotFramework.bearer(stack.botFramework.token(stack.botFramework.serviceUrl()))),
                invoke.json());
        assertEquals(200, response.statusCode(), response.body());
        assertEquals(sent, sentTo(invoke.conversationId()), "an invoke is answered in its HTTP response");
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int sentTo(String conversationId) {
        return (int) stack.botFramework.sent().stream().filter(a -> conversationId.equals(a.conversationId())).count();
    }

    /** Clicks the card's button with this title, as this user. */
    @SuppressWarnings("unchecked")
    private static JsonNode click(TeamsUser user, JsonNode card, String title) {
        JsonNode button = card.findParents("verb").stream()
                .filter(action -> title.equals(action.path("title").asText()))
                .findFirst().orElseThrow(() -> new AssertionError("no " + title + " in " + card));
        return invoke(user.message("").cardAction(button.path("verb").asText(),
                JSON.convertValue(button.path("data"), Map.class)));
    }

    private static boolean member(TeamsUser user, String slug) {
        var community = store.communities().find(new Slug(slug)).orElseThrow();
        var person = store.people().find(new ChatAccount(Platform.TEAMS, user.tenantId, user.aadObjectId)).orElseThrow();
        return store.communities().membership(community.id(), person.id()).isPresent();
    }

    @Test
    void joinFromTheInfoCard_makesAMember_andTheCardNowOffersLeave() {
        TeamsUser steward = stack.teamsUser("Stella Card");
        TeamsUser joiner = stack.teamsUser("Jonas Card");
        steward.ciment("create card-club Joined with a click");

        JsonNode answer = click(joiner, card(joiner, "info card-club"), "Join");

        assertEquals("application/vnd.microsoft.card.adaptive", answer.path("type").asText(), answer.toString());
        assertTrue(answer.path("value").toString().contains("Welcome to card-club"), answer.toString());
        assertTrue(answer.path("value").toString().contains("\"title\":\"Leave\""), answer.toString());
        assertTrue(member(joiner, "card-club"));
    }

    @Test
    void askToJoinFromACard_thenTheStewardApprovesFromTheRequestsCard_makesAMember() {
        TeamsUser steward = stack.teamsUser("Sven Closed");
        TeamsUser asker = stack.teamsUser("Alma Closed");
        steward.ciment("create card-vault Approved with a click");
        steward.ciment("close card-vault");

        JsonNode asked = click(asker, card(asker, "info card-vault"), "Ask to join");
        assertTrue(asked.path("value").toString().contains("your request went to its stewards"), asked.toString());
        assertFalse(member(asker, "card-vault"));

        JsonNode approved = click(steward, card(steward, "requests card-vault"), "Approve");

        assertTrue(approved.path("value").toString().contains("Alma Closed is now a member of card-vault."),
                approved.toString());
        assertTrue(member(asker, "card-vault"));
        assertTrue(asker.ciment("post card-vault In at last").says("Posted"));
    }

    @Test
    void requestMadeOnSlack_isApprovedFromTheTeamsStewardsRequestsCard() {
        TeamsUser steward = stack.teamsUser("Siri Bridge");
        LocalStack.SlackUser asker = stack.slackUser("U0CARD001", "Sami Bridge");
        steward.ciment("create card-bridge Across tools");
        steward.ciment("close card-bridge");
        assertTrue(asker.ciment("join card-bridge").says("your request went to its stewards"));

        JsonNode approved = click(steward, card(steward, "requests card-bridge"), "Approve");

        assertTrue(approved.path("value").toString().contains("Sami Bridge is now a member of card-bridge."),
                approved.toString());
        assertTrue(asker.ciment("post card-bridge Hello from Slack").says("Posted"));
    }

    @Test
    void messagingExtension_findsACommunity_andAPersonBySkill() {
        TeamsUser expert = stack.teamsUser("Elsa Search");
        TeamsUser asker = stack.teamsUser("Aino Search");
        expert.ciment("create search-club Typography and kerning");
        expert.ciment("skills add Kerning");
        asker.ciment("whoami");

        JsonNode communities = invoke(asker.message("").composeQuery("searchCommunities", "kerning")).path("composeExtension");
        JsonNode people = invoke(asker.message("").composeQuery("searchPeople", "kérning")).path("composeExtension");

        assertEquals("result", communities.path("type").asText(), communities.toString());
        assertTrue(communities.path("attachments").toString().contains("search-club"), communities.toString());
        assertEquals("result", people.path("type").asText(), people.toString());
        assertEquals(1, people.path("attachments").size(), people.toString());
        JsonNode person = people.path("attachments").get(0);
        assertEquals("Elsa Search", person.path("preview").path("content").path("title").asText());
        assertTrue(person.path("content").toString().contains("https://teams.microsoft.com/l/chat/0/0?users="),
                person.toString());
    }
}
