package ciment.functions.teams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.devkit.ApiGateway;
import ciment.devkit.teams.TeamsActivities;
import ciment.devkit.teams.TeamsMarkup;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The messaging extension through TeamsFunction's stream entry (signed composeExtension/query invokes,
 * moto, the fake Bot Connector): results are Adaptive Cards with a thumbnail preview, found from the
 * table alone (no member lookup, nothing sent), and a guest finds only where they are invited.
 */
class TeamsMessagingExtensionTest {
    private static final ObjectMapper JSON = new ObjectMapper();
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

    private static void say(TeamsStack.Person from, String text) {
        assertEquals(200, stack.send(function, stack.message(from, text)).status());
    }

    /** The search's answer (the composeExtension), asked with nothing sent and nobody looked up. */
    private static JsonNode search(TeamsActivities.Message invoke) {
        int sent = stack.fake.sent().size();
        int lookups = stack.fake.memberLookups().size();
        ApiGateway.Answer answer = stack.send(function, invoke);
        assertEquals(200, answer.status(), answer.bodyText());
        assertEquals(sent, stack.fake.sent().size(), "the answer is the HTTP response");
        assertEquals(lookups, stack.fake.memberLookups().size(), "no Bot Connector call within Teams' 5 seconds");
        try {
            return JSON.readTree(answer.bodyText()).path("composeExtension");
        } catch (java.io.IOException e) {
            throw new AssertionError(answer.bodyText(), e);
        }
    }

    private static JsonNode query(TeamsStack.Person from, String commandId, String text) {
        return search(stack.message(from, "").composeQuery(commandId, text));
    }

    /** The results' cards, each checked: an Adaptive Card 1.5 with a thumbnail preview. */
    private static List<JsonNode> results(JsonNode extension) {
        assertEquals("result", extension.path("type").asText(), extension.toString());
        assertEquals("list", extension.path("attachmentLayout").asText());
        List<JsonNode> cards = new ArrayList<>();
        for (JsonNode attachment : extension.path("attachments")) {
            assertEquals("application/vnd.microsoft.card.adaptive", attachment.path("contentType").asText());
            assertEquals("AdaptiveCard", attachment.path("content").path("type").asText());
            assertEquals("1.5", attachment.path("content").path("version").asText());
            assertEquals("application/vnd.microsoft.card.thumbnail", attachment.path("preview").path("contentType").asText());
            assertFalse(attachment.path("preview").path("content").path("title").asText().isBlank());
            cards.add(attachment.path("content"));
        }
        return cards;
    }

    /** Each card's heading: a community's slug (before " · " and its name), or a person's name. */
    private static List<String> headings(List<JsonNode> cards) {
        return cards.stream().map(card -> TeamsMarkup.line(card.path("body").get(0)).replace("**", "").split(" · ")[0])
                .toList();
    }

    private static Map<String, String> facts(JsonNode card) {
        return TeamsMarkup.facts(card);
    }

    private static String marker() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void searchCommunities_findsByPurpose_andItsCardsJoinButton_makesTheClickerAMember() {
        TeamsStack.Person ada = stack.member(stack.person("Ada Lovelace"));
        TeamsStack.Person grace = stack.member(ada.sameTenantAs(ada, "Grace Hopper"));
        String word = "loom" + marker();
        String slug = "weavers-" + marker();
        say(ada, "create " + slug + " Jacquard " + word + " patterns");
        say(grace, "whoami");

        List<JsonNode> cards = results(query(grace, "searchCommunities", word.toUpperCase()));

        assertEquals(List.of(slug), headings(cards));
        JsonNode join = cards.get(0).path("actions").get(0);
        assertEquals("Join", join.path("title").asText());
        @SuppressWarnings("unchecked")
        Map<String, Object> data = JSON.convertValue(join.path("data"), Map.class);
        ApiGateway.Answer clicked = stack.send(function, stack.message(grace, "").cardAction(join.path("verb").asText(), data));
        assertTrue(clicked.bodyText().contains("Welcome to " + slug), clicked.bodyText());
        assertTrue(clicked.bodyText().contains("You are a member of " + slug), clicked.bodyText());
    }

    @Test
    void initialRun_showsMyCommunitiesAndSuggestions_notTheWholeCatalog() {
        TeamsStack.Person ada = stack.member(stack.person("Ada Lovelace"));
        TeamsStack.Person grace = stack.member(ada.sameTenantAs(ada, "Grace Hopper"));
        String topic = "cobol" + marker();
        String mine = "mine-" + marker();
        String suggested = "suggested-" + marker();
        String other = "other-" + marker();
        say(ada, "create " + mine + " Mine");
        say(ada, "create " + suggested + " Suggested");
        say(ada, "tags " + suggested + " " + topic);
        say(ada, "create " + other + " Other");
        say(grace, "skills add " + topic);
        say(grace, "join " + mine);

        List<String> shown = headings(results(search(stack.message(grace, "").composeInitialRun("searchCommunities"))));

        assertEquals(List.of(mine, suggested), shown);
    }

    @Test
    void searchPeople_findsByDeclaredSkill_withRolesSkillsAndAChatLink_neverACount() {
        // A name of her own: members' addresses come from their names, and one address is one person.
        TeamsStack.Person ada = stack.member(stack.person("Ada " + marker()));
        TeamsStack.Person grace = stack.member(ada.sameTenantAs(ada, "Grace Hopper"));
        String skill = "Accessibilité " + marker();
        say(ada, "skills add " + skill);
        say(ada, "roles add Onboarding buddy");
        say(grace, "whoami");

        List<JsonNode> cards = results(query(grace, "searchPeople", skill.replace("é", "e").toUpperCase()));

        assertEquals(List.of(ada.name()), headings(cards));
        JsonNode card = cards.get(0);
        assertEquals(Map.of("Roles", "Onboarding buddy", "Skills", skill), facts(card));
        JsonNode chat = card.path("actions").get(0);
        assertEquals("Action.OpenUrl", chat.path("type").asText());
        assertEquals("https://teams.microsoft.com/l/chat/0/0?users=" + TeamsStack.emailOf(ada).replace("@", "%40"), chat.path("url").asText());
        assertFalse(card.toString().matches(".*\\b[0-9]+ (posts?|members?|messages?)\\b.*"), card.toString());
        JsonNode initial = search(stack.message(grace, "").composeInitialRun("searchPeople"));
        assertEquals("message", initial.path("type").asText());
    }

    @Test
    void guest_findsOnlyWhereInvited_andCannotSearchPeople() {
        TeamsStack.Person ada = stack.member(stack.person("Ada Lovelace"));
        TeamsStack.Person pat = stack.guest(ada.sameTenantAs(ada, "Pat Partner"));
        String word = "supply" + marker();
        String invited = "invited-" + marker();
        String elsewhere = "elsewhere-" + marker();
        say(ada, "create " + invited + " " + word + " chain");
        say(ada, "create " + elsewhere + " " + word + " secrets");
        assertEquals(200, stack.send(function, stack.mentioning(ada, "invite " + invited + " " + pat.at(), pat)).status());
        say(ada, "skills add " + word);

        assertEquals(List.of(invited), headings(results(query(pat, "searchCommunities", word))));
        JsonNode people = query(pat, "searchPeople", word);
        assertEquals("message", people.path("type").asText());
        assertTrue(people.path("text").asText().contains("for employees"), people.toString());
    }

    @Test
    void someoneCimentNeverMet_isToldToSayHelloFirst_andNothingIsWritten() {
        TeamsStack.Person stranger = stack.member(stack.person("Sam Stranger"));
        int items = stack.itemCount();

        JsonNode communities = query(stranger, "searchCommunities", "anything");
        JsonNode people = query(stranger, "searchPeople", "anything");

        assertEquals("message", communities.path("type").asText());
        assertTrue(communities.path("text").asText().startsWith("Ciment has not met you yet"), communities.toString());
        assertEquals(communities.path("text"), people.path("text"));
        assertEquals(items, stack.itemCount());
    }
}
