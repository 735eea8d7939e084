package ciment.functions.teams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.devkit.ApiGateway;
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
 * People as Teams introduces them, through TeamsFunction's stream entry on moto and the fake Bot
 * Connector: the verified email from the member lookup (shown by whoami, and naming people in
 * commands), and Teams guests, who see, join and post only where a steward invited them.
 */
class TeamsPeopleTest {
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

    private static SentActivity ask(TeamsFunction to, TeamsActivities.Message message) {
        int before = stack.fake.sent().size();
        ApiGateway.Answer response = stack.send(to, message);
        assertEquals(200, response.status(), response.bodyText());
        List<SentActivity> sent = stack.fake.sent();
        assertEquals(before + 1, sent.size(), "one reply per message");
        return sent.get(sent.size() - 1);
    }

    private static SentActivity ask(TeamsActivities.Message message) {
        return ask(function, message);
    }

    private static String say(TeamsStack.Person from, String text) {
        return ask(stack.message(from, text)).text();
    }

    private static JsonNode card(SentActivity reply) {
        assertEquals(List.of("application/vnd.microsoft.card.adaptive"), reply.attachmentTypes());
        return JSON.valueToTree(reply.attachmentContents().get(0));
    }

    private static Map<String, String> facts(JsonNode card) {
        return TeamsMarkup.facts(card);
    }

    /** The slugs a communities card lists, in order. */
    private static List<String> listed(JsonNode card) {
        return TeamsMarkup.readable(card).lines()
                .filter(text -> text.startsWith("**") && text.contains("** · "))
                .map(text -> text.substring(2, text.indexOf("** · ")))
                .toList();
    }

    private static String slug(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void teamsGuest_invitedByMention_seesOnlyThatCommunity_isRefusedElsewhereAsIfItDidNotExist_joinsAndPosts() {
        TeamsStack.Person ada = stack.member(stack.person("Ada Lovelace"));
        TeamsStack.Person pat = stack.guest(ada.sameTenantAs(ada, "Pat Partner")); // never used Ciment
        String invited = slug("suppliers");
        String open = slug("roadmap");
        String closed = slug("board");
        say(ada, "create " + invited + " Working with our suppliers");
        say(ada, "create " + open + " What we build next");
        say(ada, "create " + closed + " The board");
        say(ada, "close " + closed);

        assertEquals("Pat Partner is invited to " + invited + ": they join with join " + invited
                        + ", without waiting for approval.",
                ask(stack.mentioning(ada, "invite " + invited + " " + pat.at(), pat)).text());

        assertEquals(List.of(invited), listed(card(ask(stack.message(pat, "communities")))),
                "a guest is shown nothing but where they are invited");
        assertEquals(List.of(), listed(card(ask(stack.message(pat, "communities " + open)))));
        int items = stack.itemCount();
        String missing = slug("missing");
        for (String command : List.of("info %s", "join %s", "feed %s", "post %s Hello?", "leave %s")) {
            String unknown = say(pat, command.formatted(missing));
            for (String elsewhere : List.of(open, closed)) {
                assertEquals(unknown.replace(missing, elsewhere), say(pat, command.formatted(elsewhere)),
                        "to a guest, " + elsewhere + " does not exist (" + command + ")");
            }
        }
        assertEquals(items, stack.itemCount(), "refusals write nothing");
        assertTrue(say(pat, "create " + slug("mine") + " Mine").contains("creating one is for employees"));

        assertTrue(say(pat, "join " + invited).startsWith("Welcome to " + invited), "joins without a request");
        assertTrue(say(pat, "post " + invited + " Deliveries move to Tuesdays").startsWith("Posted #"));
        assertTrue(card(ask(stack.message(ada, "feed " + invited))).toString().contains("Deliveries move to Tuesdays"));
        assertEquals(List.of(invited), listed(card(ask(stack.message(pat, "communities")))));

        JsonNode me = card(ask(stack.message(pat, "whoami")));
        assertEquals("not known", facts(me).get("Email"), "a guest's address links nothing, so it is not kept");
        assertTrue(me.toString().contains("You take part as a guest"), me.toString());
        assertTrue(me.toString().contains("a guest is never linked to anyone by an email address"), me.toString());
    }

    @Test
    void employee_seesOpenAndClosedCommunities_withoutAnInvitation() {
        TeamsStack.Person ada = stack.member(stack.person("Ada Lovelace"));
        TeamsStack.Person grace = stack.member(ada.sameTenantAs(ada, "Grace Hopper"));
        String marker = UUID.randomUUID().toString().substring(0, 8);
        say(ada, "create open-" + marker + " Open to all");
        say(ada, "create closed-" + marker + " Closed");
        say(ada, "close closed-" + marker);

        List<String> seen = listed(card(ask(stack.message(grace, "communities " + marker))));
        assertTrue(seen.containsAll(List.of("open-" + marker, "closed-" + marker)), seen.toString());
    }

    @Test
    void whoami_showsTheEmailTheBotConnectorGave_andSaysTheAccountsAreLinkedByIt() {
        TeamsStack.Person grace = stack.member(stack.person("Grace Hopper"));
        JsonNode me = card(ask(stack.message(grace, "whoami")));

        assertEquals(TeamsStack.emailOf(grace), facts(me).get("Email"));
        assertTrue(me.toString().contains("Your accounts are linked by this verified email address"), me.toString());
        assertFalse(me.toString().contains("as a guest"));
    }

    @Test
    void lookups_happenAtFirstContactAndOnWhoami_neverOnOrdinaryCommands() {
        TeamsStack.Person grace = stack.member(stack.person("Grace Hopper"));
        int before = stack.fake.memberLookups().size();
        say(grace, "communities");
        say(grace, "feed");
        say(grace, "skills add compilers");
        assertEquals(before + 1, stack.fake.memberLookups().size(), "one lookup, when Ciment met Grace");
        assertEquals(grace.teamsId(), stack.fake.memberLookups().get(before).memberId(), "the sender, by Teams id");

        ask(stack.message(grace, "whoami"));
        assertEquals(before + 2, stack.fake.memberLookups().size(), "whoami asks again");
    }

    @Test
    void approveByEmail_admitsThePersonWhoseTeamsAccountGaveThatAddress() {
        TeamsStack.Person ada = stack.member(stack.person("Ada Lovelace"));
        TeamsStack.Person grace = stack.member(ada.sameTenantAs(ada, "Grace Hopper"));
        String slug = slug("compilers");
        say(ada, "create " + slug + " Languages and their tools");
        say(ada, "close " + slug);
        say(grace, "join " + slug);
        int lookups = stack.fake.memberLookups().size();

        assertEquals("Grace Hopper is now a member of " + slug + ".",
                say(ada, "approve " + slug + " " + TeamsStack.emailOf(grace).toUpperCase(java.util.Locale.ROOT)));
        assertEquals(lookups, stack.fake.memberLookups().size(), "an address needs no member lookup");
        assertTrue(say(grace, "post " + slug + " Thank you").startsWith("Posted #"));
    }

    @Test
    void emailNobodyGave_isRefusedInOneSentence_andNothingIsWritten() {
        TeamsStack.Person ada = stack.member(stack.person("Ada Lovelace"));
        String slug = slug("quiet");
        say(ada, "create " + slug + " Quiet");
        say(ada, "close " + slug);
        int items = stack.itemCount();

        assertEquals("Nobody with the address nobody@example.org is known to Ciment (an address names only people of a"
                + " workspace or tenant trusted for it): @mention them, or they can start with help.",
                say(ada, "approve " + slug + " nobody@example.org"));
        assertEquals(items, stack.itemCount());
    }

    @Test
    void homeTenantSet_someoneOfAnotherOrganisation_isAGuest_andSeesNoCommunityUninvited() {
        TeamsStack.Person ada = stack.member(stack.person("Ada Lovelace"));
        TeamsFunction singleTenant = new TeamsFunction(stack.settings.with("MICROSOFT_APP_TENANT_ID", ada.tenant()), false);
        TeamsStack.Person linus = stack.member(stack.personElsewhere("Linus Torvalds")); // a tenant of his own
        String slug = slug("kernel");
        ask(singleTenant, stack.message(ada, "create " + slug + " Kernels"));

        assertTrue(listed(card(ask(singleTenant, stack.message(ada, "communities " + slug)))).contains(slug));
        assertEquals(List.of(), listed(card(ask(singleTenant, stack.message(linus, "communities " + slug)))));
        assertTrue(card(ask(singleTenant, stack.message(linus, "whoami"))).toString().contains("as a guest"));
    }
}
