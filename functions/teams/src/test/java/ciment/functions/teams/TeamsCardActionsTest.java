package ciment.functions.teams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.core.model.ChatAccount;
import ciment.core.model.Community;
import ciment.core.model.Person;
import ciment.core.model.Platform;
import ciment.core.model.Slug;
import ciment.core.port.Repositories;
import ciment.devkit.ApiGateway;
import ciment.devkit.teams.FakeBotFramework.SentActivity;
import ciment.devkit.teams.TeamsActivities;
import ciment.infra.dynamo.DynamoRepositories;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The cards' buttons through TeamsFunction's stream entry (signed invokes, moto, the fake Bot
 * Connector): a click runs the same command as the words for the person who clicked, and the invoke's
 * answer is their card drawn again, or the refusal's sentence with nothing written. Nothing is sent to
 * the Bot Connector: the answer is the HTTP response.
 */
class TeamsCardActionsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static TeamsStack stack;
    private static TeamsFunction function;
    private static Repositories store;

    @BeforeAll
    static void start() {
        stack = new TeamsStack();
        function = stack.function();
        store = DynamoRepositories.fromSettings(stack.settings).repositories();
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    private static SentActivity ask(TeamsActivities.Message message) {
        int before = stack.fake.sent().size();
        ApiGateway.Answer response = stack.send(function, message);
        assertEquals(200, response.status(), response.bodyText());
        assertEquals(before + 1, stack.fake.sent().size(), "one reply per message");
        return stack.fake.sent().get(before);
    }

    private static JsonNode card(TeamsActivities.Message message) {
        return JSON.valueToTree(ask(message).attachmentContents().get(0));
    }

    /** The button with this title in the card, clicked by the message's sender: the invoke's answer (value). */
    private static JsonNode click(JsonNode card, String title, TeamsActivities.Message from) {
        JsonNode button = button(card, title);
        int sent = stack.fake.sent().size();
        @SuppressWarnings("unchecked")
        Map<String, Object> data = JSON.convertValue(button.path("data"), Map.class);
        ApiGateway.Answer answer = stack.send(function, from.cardAction(button.path("verb").asText(), data));
        assertEquals(200, answer.status(), answer.bodyText());
        assertEquals(sent, stack.fake.sent().size(), "the answer is the invoke's response: nothing sent");
        JsonNode body = read(answer.bodyText());
        assertEquals(200, body.path("statusCode").asInt(), body.toString());
        return body;
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new AssertionError(json, e);
        }
    }

    private static JsonNode button(JsonNode card, String title) {
        for (JsonNode action : card.findParents("verb")) {
            if (title.equals(action.path("title").asText())) {
                assertEquals("Action.Execute", action.path("type").asText());
                return action;
            }
        }
        throw new AssertionError("no button " + title + " in " + card);
    }

    private static List<String> buttons(JsonNode card) {
        List<String> titles = new ArrayList<>();
        card.findParents("verb").forEach(action -> titles.add(action.path("title").asText()));
        return titles;
    }

    /** A refreshed card, as Teams expects it in an invoke's answer, with what was done at its top. */
    private static JsonNode refreshed(JsonNode answer, String headedBy) {
        assertEquals("application/vnd.microsoft.card.adaptive", answer.path("type").asText(), answer.toString());
        JsonNode card = answer.path("value");
        assertEquals("AdaptiveCard", card.path("type").asText());
        assertEquals("1.5", card.path("version").asText(), "Action.Execute needs 1.4 or later");
        assertTrue(ciment.devkit.teams.TeamsMarkup.line(card.path("body").get(0)).startsWith(headedBy), card.toString());
        return card;
    }

    private static String refusal(JsonNode answer) {
        assertEquals("application/vnd.microsoft.activity.message", answer.path("type").asText(), answer.toString());
        return answer.path("value").asText();
    }

    private static boolean member(TeamsStack.Person person, String slug) {
        Community community = store.communities().find(new Slug(slug)).orElseThrow();
        Person who = store.people().find(new ChatAccount(Platform.TEAMS, person.tenant(), person.aadObjectId())).orElseThrow();
        return store.communities().membership(community.id(), who.id()).isPresent();
    }

    private static String slug(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void joinOnTheInfoCard_inAChannel_makesTheClickerAMember_andAnswersTheirInfoCardNowWithLeave() {
        TeamsStack.Person ada = stack.member(stack.person("Ada Lovelace"));
        TeamsStack.Person grace = stack.member(ada.sameTenantAs(ada, "Grace Hopper"));
        String slug = slug("data-guild");
        ask(stack.message(ada, "create " + slug + " Data people"));
        JsonNode info = card(stack.message(grace, "info " + slug));
        assertEquals(List.of("Join"), buttons(info));
        assertEquals(slug, button(info, "Join").path("data").path("slug").asText());

        JsonNode card = refreshed(click(info, "Join", stack.message(grace, "")), "Welcome to " + slug);

        assertTrue(member(grace, slug));
        assertEquals(List.of("Leave"), buttons(card));
        assertTrue(card.toString().contains("You are a member of " + slug + "."), card.toString());
    }

    @Test
    void askToJoinInAPersonalChat_filesARequest_andTheStewardApprovesFromTheRequestsCardInAGroupChat() {
        TeamsStack.Person ada = stack.member(stack.person("Ada Lovelace"));
        TeamsStack.Person grace = stack.member(ada.sameTenantAs(ada, "Grace Hopper"));
        String slug = slug("vault");
        ask(stack.message(ada, "create " + slug + " Secrets"));
        ask(stack.message(ada, "close " + slug));
        TeamsActivities.Message personal = stack.message(grace, "info " + slug).direct();
        JsonNode info = card(personal);
        assertEquals(List.of("Ask to join"), buttons(info));

        JsonNode asked = refreshed(click(info, "Ask to join", personal.nextId()), slug + " is closed: your request");
        assertEquals(List.of(), buttons(asked), "a request waits: no button until a steward answers");
        assertFalse(member(grace, slug));

        TeamsActivities.Message group = stack.message(ada, "requests " + slug).group();
        JsonNode requests = card(group);
        assertEquals(List.of("Approve", "Decline"), buttons(requests));
        JsonNode answered = refreshed(click(requests, "Approve", group.nextId()),
                "Grace Hopper is now a member of " + slug + ".");

        assertTrue(member(grace, slug));
        assertEquals(List.of(), buttons(answered));
        assertTrue(answered.toString().contains("No request is waiting"), answered.toString());
        assertEquals(1, stack.fake.sent().stream().filter(s -> s.conversationId().equals(personal.conversationId())).count(),
                "the answer to Grace goes through the outbox (delivery), not from this invoke");
    }

    @Test
    void stewardsInfoCard_offersTheRequests_andDeclineFromThemLeavesNoMembership() {
        TeamsStack.Person ada = stack.member(stack.person("Ada Lovelace"));
        TeamsStack.Person eve = stack.member(ada.sameTenantAs(ada, "Eve Intruder"));
        String slug = slug("keep");
        ask(stack.message(ada, "create " + slug + " Secrets"));
        ask(stack.message(ada, "close " + slug));
        ask(stack.message(eve, "join " + slug));
        JsonNode info = card(stack.message(ada, "info " + slug));
        assertEquals(List.of("Leave", "Insights", "Join requests", "Send"), buttons(info));

        JsonNode answer = click(info, "Join requests", stack.message(ada, ""));
        assertEquals("application/vnd.microsoft.card.adaptive", answer.path("type").asText());
        JsonNode requests = answer.path("value");
        assertEquals(List.of("Approve", "Decline"), buttons(requests));
        refreshed(click(requests, "Decline", stack.message(ada, "")), "You declined Eve Intruder's request");

        assertFalse(member(eve, slug));
    }

    @Test
    void refusedClicks_answerTheSentence_andWriteNothing() {
        TeamsStack.Person ada = stack.member(stack.person("Ada Lovelace"));
        TeamsStack.Person eve = stack.member(ada.sameTenantAs(ada, "Eve Intruder"));
        String slug = slug("solo");
        ask(stack.message(ada, "create " + slug + " Alone"));
        ask(stack.message(ada, "close " + slug));
        JsonNode before = card(stack.message(eve, "info " + slug).direct());
        ask(stack.message(eve, "join " + slug));
        JsonNode info = card(stack.message(ada, "info " + slug));
        JsonNode requests = card(stack.message(ada, "requests " + slug));
        int items = stack.itemCount();

        String last = refusal(click(info, "Leave", stack.message(ada, "")));
        String notSteward = refusal(click(requests, "Approve", stack.message(eve, "")));
        String again = refusal(click(before, "Ask to join", stack.message(eve, "")));

        assertTrue(last.startsWith("You are the only steward of " + slug), last);
        assertTrue(notSteward.startsWith("Only a steward of " + slug + " can approve requests"), notSteward);
        assertEquals(List.of(), buttons(card(stack.message(eve, "info " + slug))), "no button while a request waits");
        assertTrue(again.contains("already with its stewards"), again);
        assertEquals(items, stack.itemCount());
        assertFalse(member(eve, slug));
    }

    @Test
    void leaveOnTheList_drawsTheListAgain_withJoin() {
        TeamsStack.Person ada = stack.member(stack.person("Ada Lovelace"));
        TeamsStack.Person grace = stack.member(ada.sameTenantAs(ada, "Grace Hopper"));
        String slug = slug("looms");
        ask(stack.message(ada, "create " + slug + " Weaving patterns"));
        ask(stack.message(grace, "join " + slug));
        JsonNode list = card(stack.message(grace, "communities " + slug));
        assertEquals(List.of("Leave"), buttons(list));
        assertEquals(slug, button(list, "Leave").path("data").path("query").asText());

        JsonNode again = refreshed(click(list, "Leave", stack.message(grace, "")), "You left " + slug + ".");

        assertFalse(member(grace, slug));
        assertEquals(List.of("Join"), buttons(again));
    }

    @Test
    void buttonThatIsNotCiments_isAnsweredWithASentence() {
        TeamsStack.Person ada = stack.member(stack.person("Ada Lovelace"));
        ApiGateway.Answer answer = stack.send(function, stack.message(ada, "").cardAction("launch", Map.of()));
        assertEquals(200, answer.status());
        assertTrue(refusal(read(answer.bodyText())).startsWith("This button is not one of Ciment's"));
    }
}
