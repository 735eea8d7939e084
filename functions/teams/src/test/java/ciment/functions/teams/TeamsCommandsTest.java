package ciment.functions.teams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.devkit.ApiGateway;
import ciment.devkit.teams.FakeBotFramework;
import ciment.devkit.teams.FakeBotFramework.SentActivity;
import ciment.devkit.teams.TeamsActivities;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every command through TeamsFunction.handleRequest, answered through the (fake) Bot Connector. */
class TeamsCommandsTest {
    private static TeamsStack stack;
    private static TeamsFunction function;

    @BeforeAll
    static void start() {
        stack = new TeamsStack();
        function = stack.function();
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    /** Sends the message and returns the one activity the bot sent back. */
    private static SentActivity ask(TeamsActivities.Message message) {
        int before = stack.fake.sent().size();
        ApiGateway.Answer response = stack.send(function, message);
        assertEquals(200, response.status(), response.bodyText());
        List<SentActivity> sent = stack.fake.sent();
        assertEquals(before + 1, sent.size(), "one reply per message");
        SentActivity reply = sent.get(sent.size() - 1);
        assertEquals(message.conversationId(), reply.conversationId(), "answered in the same conversation");
        assertEquals(message.id(), reply.replyToId(), "as a reply to the message");
        return reply;
    }

    private static String cardText(SentActivity reply) {
        assertEquals(List.of("application/vnd.microsoft.card.adaptive"), reply.attachmentTypes());
        Map<String, Object> card = reply.attachmentContents().get(0);
        assertEquals("AdaptiveCard", card.get("type"));
        assertEquals("1.5", card.get("version"));
        // as a reader sees it: Ciment's bold between **
        return ciment.devkit.teams.TeamsMarkup.readable(ciment.devkit.teams.TeamsMarkup.tree(
                ciment.devkit.teams.Json.write(card)));
    }

    @Test
    void help_listsEveryCommand_andTheReplyCarriesTheBotConnectorToken() {
        SentActivity reply = ask(stack.message(stack.person("Ada Lovelace"), "help"));

        for (String command : List.of("help", "create", "join", "leave", "communities", "post", "feed")) {
            assertTrue(reply.text().contains("`" + command), command + " in " + reply.text());
        }
        assertTrue(stack.fake.issuedAccessTokens().size() >= 1);
        assertEquals("Bearer " + stack.fake.issuedAccessTokens().get(0), reply.authorization(),
                "outbound replies carry the token from the OAuth endpoint");
    }

    @Test
    void wholeCommandSet_createJoinCommunitiesPostFeedLeave() {
        TeamsStack.Person ada = stack.person("Ada Lovelace");
        TeamsStack.Person grace = ada.sameTenantAs(ada, "Grace Hopper");

        assertTrue(ask(stack.message(ada, "create analytical-engines Machines that compute")).text()
                .startsWith("Created analytical-engines: you are its first steward."));
        assertTrue(ask(stack.message(grace, "join analytical-engines")).text().startsWith("Welcome to analytical-engines"));

        String list = cardText(ask(stack.message(grace, "communities engines")));
        assertTrue(list.contains("analytical-engines") && list.contains("Machines that compute"), list);

        String posted = ask(stack.message(ada, "post analytical-engines The first program")).text();
        assertTrue(posted.startsWith("Posted #"), posted);
        assertTrue(ask(stack.message(grace, "post analytical-engines Compilers next")).text().startsWith("Posted #"));

        String feed = cardText(ask(stack.message(grace, "feed analytical-engines")));
        assertTrue(feed.contains("**Ada Lovelace**") && feed.contains("**Grace Hopper**"), "authors named: " + feed);
        assertTrue(feed.indexOf("Compilers next") < feed.indexOf("The first program"), "newest first");

        String home = cardText(ask(stack.message(grace, "feed")));
        assertTrue(home.contains("The first program"), home);

        assertEquals("You left analytical-engines.", ask(stack.message(grace, "leave analytical-engines")).text());
        String refused = ask(stack.message(grace, "post analytical-engines Still here?")).text();
        assertTrue(refused.contains("Only members can post"), refused);
    }

    @Test
    void mentionIsStripped_inAChannel_andADirectMessageNeedsNone() {
        TeamsStack.Person ada = stack.person("Ada Lovelace");
        SentActivity channel = ask(stack.message(ada, "communities").botName("Ciment"));
        assertFalse(channel.attachmentTypes().isEmpty(), "understood as the communities command");

        SentActivity direct = ask(stack.message(ada, "feed").direct());
        assertTrue(cardText(direct).contains("not in any community"), "understood as the feed command");
    }

    @Test
    void sameActivityDeliveredTwice_postsOnce() {
        TeamsStack.Person ada = stack.person("Ada Lovelace");
        ask(stack.message(ada, "create retry-safe Retries are fine"));
        TeamsActivities.Message post = stack.message(ada, "post retry-safe Only once please");

        String first = ask(post).text();
        String second = ask(post).text();

        assertEquals(first, second, "the retry shows the same post");
        String feed = cardText(ask(stack.message(ada, "feed retry-safe")));
        assertEquals(1, feed.split("Only once please", -1).length - 1, feed);
    }

    @Test
    void nonMemberPost_isRefusedInOneSentence_andWritesNothing() {
        TeamsStack.Person ada = stack.person("Ada Lovelace");
        TeamsStack.Person eve = ada.sameTenantAs(ada, "Eve");
        ask(stack.message(ada, "create closed-doors Only members"));
        ask(stack.message(eve, "feed")); // Eve exists before the refused post
        int items = stack.itemCount();

        String refused = ask(stack.message(eve, "post closed-doors Let me in")).text();

        assertTrue(refused.startsWith("Only members can post in closed-doors"), refused);
        assertEquals(items, stack.itemCount());
    }

    @Test
    void invalidSlug_isRefusedWithASuggestion() {
        String refused = ask(stack.message(stack.person("Ada Lovelace"), "create Data Guild Data people")).text();
        assertTrue(refused.contains("not a valid community name"), refused);
    }

    @Test
    void base64EncodedBody_isAccepted() {
        TeamsActivities.Message message = stack.message(stack.person("Ada Lovelace"), "help");
        int before = stack.fake.sent().size();
        ApiGateway.Answer response = TeamsStack.handle(function, TeamsStack.base64Event(message.json(),
                FakeBotFramework.bearer(stack.fake.token(message.serviceUrl()))));
        assertEquals(200, response.status());
        assertEquals(before + 1, stack.fake.sent().size());
    }

    @Test
    void bodyThatIsNotAnActivity_gets400WithOneSentence_andNothingIsSent() {
        int before = stack.fake.sent().size();
        for (String body : List.of("hello", "{}", "[1,2]", "{\"type\":\"message\"}")) {
            ApiGateway.Answer response = TeamsStack.handle(function,
                    TeamsStack.event(body, FakeBotFramework.bearer(stack.fake.token(stack.fake.serviceUrl()))));
            assertEquals(400, response.status(), body);
            assertTrue(response.bodyText().endsWith("."), response.bodyText());
        }
        assertEquals(before, stack.fake.sent().size());
    }

    @Test
    void authorizationHeader_isReadWhateverTheCaseOfItsName() {
        TeamsActivities.Message message = stack.message(stack.person("Ada Lovelace"), "help");
        String event = TeamsStack.event(message.json(), FakeBotFramework.bearer(stack.fake.token(message.serviceUrl())))
                .replace("\"authorization\"", "\"AuThOrIzAtIoN\"");
        int before = stack.fake.sent().size();

        assertEquals(200, TeamsStack.handle(function, event).status());
        assertEquals(before + 1, stack.fake.sent().size());
    }

    @Test
    void eventThatIsNotApiGatewayJson_gets400WithOneSentence_andNothingIsSent() {
        int before = stack.fake.sent().size();
        for (String event : List.of("", "null", "not json", "[1,2]")) {
            ApiGateway.Answer response = TeamsStack.handle(function, event);
            assertEquals(400, response.status(), event);
            assertTrue(response.bodyText().endsWith("."), response.bodyText());
        }
        assertEquals(before, stack.fake.sent().size());
    }

    @Test
    void answer_isWrittenAsApiGatewayReadsIt() throws Exception {
        String json = ApiGateway.invoke(function, TeamsStack.event("hello", null));

        JsonNode answer = new ObjectMapper().readTree(json);
        assertEquals(List.of("statusCode", "headers", "body", "isBase64Encoded"), List.copyOf(answer.properties().stream()
                .map(Map.Entry::getKey).toList()), json);
        assertEquals(400, answer.get("statusCode").intValue());
        assertEquals("text/plain; charset=utf-8", answer.path("headers").path("Content-Type").asText(), json);
        assertTrue(answer.get("body").asText().endsWith("."), json);
        assertFalse(answer.get("isBase64Encoded").booleanValue(), json);
    }
}
