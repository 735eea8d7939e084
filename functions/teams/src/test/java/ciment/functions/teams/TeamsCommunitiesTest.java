package ciment.functions.teams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.devkit.ApiGateway;
import ciment.devkit.teams.FakeBotFramework;
import ciment.devkit.teams.FakeBotFramework.SentActivity;
import ciment.devkit.teams.TeamsActivities;
import ciment.devkit.teams.TeamsMarkup;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 3's commands through TeamsFunction's stream entry, on moto and the fake Bot Connector: closed
 * communities and their requests, stewards named by @mention, sizes shown only from 5, roles, skills
 * and who. The bot's cards name people in bold and mention nobody: a mention would notify them.
 */
class TeamsCommunitiesTest {
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

    /** Sends the message and returns the one activity the bot sent back, in the same conversation. */
    private static SentActivity ask(TeamsActivities.Message message) {
        int before = stack.fake.sent().size();
        ApiGateway.Answer response = stack.send(function, message);
        assertEquals(200, response.status(), response.bodyText());
        List<SentActivity> sent = stack.fake.sent();
        assertEquals(before + 1, sent.size(), "one reply per message");
        SentActivity reply = sent.get(sent.size() - 1);
        assertEquals(message.conversationId(), reply.conversationId());
        return reply;
    }

    private static String say(TeamsStack.Person from, String text) {
        return ask(stack.message(from, text)).text();
    }

    private static JsonNode card(SentActivity reply) {
        assertEquals(List.of("application/vnd.microsoft.card.adaptive"), reply.attachmentTypes());
        JsonNode card = JSON.valueToTree(reply.attachmentContents().get(0));
        assertEquals("1.5", card.path("version").asText());
        return card;
    }

    private static Map<String, String> facts(JsonNode card) {
        return TeamsMarkup.facts(card);
    }

    /**
     * The card of a reply that notifies nobody, as the Bot Connector received it: no msteams entities in
     * the card, no mention entity in the activity, no {@code <at>} tag anywhere.
     */
    private static JsonNode cardMentioningNobody(SentActivity reply) {
        JsonNode card = card(reply);
        assertFalse(card.has("msteams"), "no msteams property: " + card);
        JsonNode activity = JSON.valueToTree(reply.activity());
        assertTrue(activity.findParents("mentioned").isEmpty(), "no mention entity: " + reply.json());
        assertFalse(reply.json().contains("<at>"), "no <at> tag: " + reply.json());
        return card;
    }

    private static String slug(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void closedCommunity_joinFilesARequest_stewardApprovesByMention_andTheNewMemberPosts() {
        TeamsStack.Person ada = stack.member(stack.person("Ada Lovelace"));
        TeamsStack.Person grace = stack.member(ada.sameTenantAs(ada, "Grace Hopper"));
        String slug = slug("engines");
        say(ada, "create " + slug + " Machines that compute");
        assertTrue(say(ada, "close " + slug).startsWith(slug + " is closed"));

        String filed = say(grace, "join " + slug);
        assertTrue(filed.startsWith(slug + " is closed: your request went to its stewards"), filed);
        assertTrue(say(grace, "post " + slug + " Let me in").contains("Only members can post"));

        JsonNode requests = cardMentioningNobody(ask(stack.message(ada, "requests " + slug)));
        String text = requests.toString();
        assertTrue(TeamsMarkup.readable(requests).contains("**Grace Hopper**\nasked"), "the steward sees who asks, in bold: "
                + text);
        assertTrue(text.contains("approve " + slug + " @Grace Hopper · decline " + slug + " @Grace Hopper"), text);

        int lookups = stack.fake.memberLookups().size();
        String approved = ask(stack.mentioning(ada, "approve " + slug + " " + grace.at(), grace)).text();

        assertEquals("Grace Hopper is now a member of " + slug + ".", approved);
        List<FakeBotFramework.MemberLookup> asked = stack.fake.memberLookups();
        assertEquals(lookups + 1, asked.size(), "one member lookup for the one person named");
        assertEquals(grace.teamsId(), asked.get(asked.size() - 1).memberId());
        assertTrue(say(grace, "post " + slug + " Thank you all").startsWith("Posted #"));
        assertTrue(card(ask(stack.message(ada, "requests " + slug))).toString().contains("No request is waiting"));
        String feed = card(ask(stack.message(grace, "feed " + slug))).toString();
        assertTrue(feed.contains("Thank you all"), feed);
    }

    @Test
    void declineByMention_removesTheRequest_withoutAMembership() {
        TeamsStack.Person ada = stack.member(stack.person("Ada Lovelace"));
        TeamsStack.Person eve = stack.member(ada.sameTenantAs(ada, "Eve Intruder"));
        String slug = slug("vault");
        say(ada, "create " + slug + " Secrets");
        say(ada, "close " + slug);
        say(eve, "join " + slug);

        assertEquals("You declined Eve Intruder's request to join " + slug + ".",
                ask(stack.mentioning(ada, "decline " + slug + " " + eve.at(), eve)).text());
        assertTrue(say(eve, "post " + slug + " Still out?").contains("Only members can post"));
        assertTrue(card(ask(stack.message(ada, "requests " + slug))).toString().contains("No request is waiting"));
    }

    @Test
    void stewardAddAndRemove_byMention_keepAtLeastOneSteward() {
        TeamsStack.Person ada = stack.member(stack.person("Ada Lovelace"));
        TeamsStack.Person grace = stack.member(ada.sameTenantAs(ada, "Grace Hopper"));
        String slug = slug("compilers");
        say(ada, "create " + slug + " Languages and their tools");
        say(grace, "join " + slug);

        assertEquals("Grace Hopper is now a steward of " + slug + ".",
                ask(stack.mentioning(ada, "steward add " + slug + " " + grace.at(), grace)).text());
        JsonNode info = cardMentioningNobody(ask(stack.message(grace, "info " + slug)));
        assertEquals("**Ada Lovelace**, **Grace Hopper**", facts(info).get("Stewards"));
        assertTrue(info.toString().contains("You are a steward of " + slug + "."));

        assertEquals("Ada Lovelace is no longer a steward of " + slug + ".",
                ask(stack.mentioning(grace, "steward remove " + slug + " " + ada.at(), ada)).text());
        String last = ask(stack.mentioning(grace, "steward remove " + slug + " " + grace.at(), grace)).text();
        assertTrue(last.startsWith("Grace Hopper is the only steward of " + slug), last);
        assertEquals("**Grace Hopper**", facts(cardMentioningNobody(ask(stack.message(ada, "info " + slug)))).get("Stewards"));
    }

    @Test
    void personTheBotConnectorDoesNotKnow_isRefusedInOneSentence_andNothingIsWritten() {
        TeamsStack.Person ada = stack.member(stack.person("Ada Lovelace"));
        TeamsStack.Person ghost = ada.sameTenantAs(ada, "Ghost Writer"); // never registered with the Bot Connector
        TeamsStack.Person newcomer = stack.member(ada.sameTenantAs(ada, "New Comer")); // known, never used Ciment
        String slug = slug("haunted");
        say(ada, "create " + slug + " Spooky");
        int items = stack.itemCount();

        String unknown = ask(stack.mentioning(ada, "steward add " + slug + " " + ghost.at(), ghost)).text();
        String typed = say(ada, "steward add " + slug + " @Ghost Writer");
        String unused = ask(stack.mentioning(ada, "steward add " + slug + " " + newcomer.at(), newcomer)).text();

        assertEquals("“@Ghost Writer” is not a person I can find: @mention them, or give their email address.", unknown);
        assertEquals(unknown, typed, "typed words without a mention entity name nobody either");
        assertTrue(unused.startsWith("@New Comer has not used Ciment yet"), unused);
        assertEquals(items, stack.itemCount());
    }

    @Test
    void info_showsFewerThan5Members_untilThereAreFive() {
        TeamsStack.Person ada = stack.person("Ada Lovelace");
        String slug = slug("small-world");
        say(ada, "create " + slug + " Small on purpose");
        say(ada, "tags " + slug + " Accessibilité, SQL");
        for (String name : List.of("Bea", "Cy", "Di")) {
            say(ada.sameTenantAs(ada, name), "join " + slug);
        }

        JsonNode four = card(ask(stack.message(ada, "info " + slug)));
        assertEquals("fewer than 5 members", facts(four).get("Size"));
        assertEquals("open: anyone can join", facts(four).get("State"));
        assertEquals("accessibilite, sql", facts(four).get("Tags"));
        assertTrue(four.toString().contains("Small on purpose"));
        assertFalse(four.toString().contains("4 members"), four.toString());

        say(ada.sameTenantAs(ada, "Ed"), "join " + slug);
        assertEquals("5 members", facts(card(ask(stack.message(ada, "info " + slug)))).get("Size"));
        String list = card(ask(stack.message(ada, "communities " + slug))).toString();
        assertTrue(list.contains("5 members · open · you are a member"), list);
    }

    @Test
    void archivedAndClosedCommunities_areMarkedInTheList() {
        TeamsStack.Person ada = stack.person("Ada Lovelace");
        String marker = UUID.randomUUID().toString().substring(0, 8);
        say(ada, "create closed-" + marker + " Closed one");
        say(ada, "close closed-" + marker);
        say(ada, "create archived-" + marker + " Archived one");
        say(ada, "archive archived-" + marker);

        String list = card(ask(stack.message(stack.person("Bea"), "communities " + marker))).toString();
        assertTrue(list.contains("fewer than 5 members · closed · ask to join: join closed-" + marker), list);
        assertTrue(list.contains("fewer than 5 members · open · archived\""), list);
    }

    @Test
    void rolesAndSkills_areShownByWhoami_andWhoFindsThePersonWithAWayToReachThem() {
        TeamsStack.Person grace = stack.person("Grace Hopper");
        TeamsStack.Person linus = grace.sameTenantAs(grace, "Linus Torvalds");
        TeamsStack.Person partner = stack.personElsewhere("Pat Partner"); // another tenant
        String skill = "Accessibilité " + UUID.randomUUID().toString().substring(0, 6);
        String folded = skill.replace("é", "e").toLowerCase(java.util.Locale.ROOT);
        String slug = slug("a11y");

        assertTrue(say(grace, "skills add " + skill).startsWith("Added the skill “" + skill + "”"));
        assertTrue(say(grace, "roles add onboarding buddy").startsWith("Added the role"));
        Map<String, String> me = facts(card(ask(stack.message(grace, "whoami"))));
        assertEquals(skill, me.get("Skills"));
        assertEquals("onboarding buddy", me.get("Roles"));
        assertEquals("Teams (this organisation)", me.get("Accounts"));
        say(linus, "create " + slug + " Usable by everyone");
        say(linus, "tags " + slug + " " + folded + ","); // a comma: one tag of two words

        JsonNode found = cardMentioningNobody(ask(stack.message(linus, "who " + folded)));
        String text = found.toString();
        assertTrue(TeamsMarkup.readable(found).contains("\n**Grace Hopper**\n"), text);
        assertTrue(text.contains("\"on Teams: find them by name in Teams' search or in a new chat\""), text);

        JsonNode fromElsewhere = cardMentioningNobody(ask(stack.message(partner, "who " + skill)));
        assertTrue(TeamsMarkup.readable(fromElsewhere).contains("\n**Grace Hopper**\n"), fromElsewhere.toString());
        assertTrue(fromElsewhere.toString().contains("\"on Teams, in another organisation\""), fromElsewhere.toString());

        assertTrue(say(grace, "skills remove " + skill).startsWith("Removed the skill"));
        assertFalse(card(ask(stack.message(linus, "who " + folded))).toString().contains("Grace Hopper"));
    }

    @Test
    void whoForATag_listsTheCommunityWithItsPurpose() {
        TeamsStack.Person ada = stack.person("Ada Lovelace");
        String tag = "tag" + UUID.randomUUID().toString().substring(0, 8);
        String slug = slug("tagged");
        say(ada, "create " + slug + " Where " + tag + " people meet");
        say(ada, "tags " + slug + " " + tag);

        String who = TeamsMarkup.readable(card(ask(stack.message(ada, "who " + tag))));
        assertTrue(who.contains("**" + slug + "**") && who.contains("Where " + tag + " people meet"), who);
        SentActivity none = ask(stack.message(ada, "who x" + tag));
        assertEquals("Nobody has declared “x" + tag + "” yet, and no community is tagged with it.",
                none.activity().get("summary"));
        assertTrue(card(none).toString().contains("Nobody has declared"));
    }
}
