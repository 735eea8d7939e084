package ciment.functions.teams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.devkit.ApiGateway;
import ciment.devkit.teams.TeamsActivities;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * CIMENT_TEAMS_ALLOWED_TENANTS through TeamsFunction's stream entry, with RS256 tokens the fake Bot Framework
 * signs: a genuine activity of another tenant gets 403 and one sentence, and nothing is written (moto) nor
 * sent or looked up (fake Bot Connector); an allowed tenant's is served as before.
 */
class TeamsAllowedTenantsTest {
    private static TeamsStack stack;
    private static TeamsStack.Person ours;
    private static TeamsStack.Person stranger;
    private static TeamsFunction function;

    @BeforeAll
    static void start() {
        stack = new TeamsStack();
        ours = stack.member(stack.person("Ada Lovelace"));
        stranger = stack.member(stack.personElsewhere("Mallory Outsider"));
        // upper case and spaces in the list: tenant ids are GUIDs, whatever their case
        String allowed = " " + ours.tenant().toUpperCase(Locale.ROOT) + " , 00000000-0000-0000-0000-000000000001";
        function = new TeamsFunction(stack.settings.with("CIMENT_TEAMS_ALLOWED_TENANTS", allowed), false);
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @Test
    void commandFromAnAllowedTenant_isAnswered_andWrites() {
        int items = stack.itemCount();
        int sent = stack.fake.sent().size();

        ApiGateway.Answer answer = stack.send(function, stack.message(ours, "create allowed-here Where our tenant talks"));

        assertEquals(200, answer.status(), answer.bodyText());
        assertEquals(sent + 1, stack.fake.sent().size(), "the answer went to the conversation");
        assertTrue(stack.itemCount() > items, "the community was written");
    }

    @Test
    void commandFromAnotherTenant_gets403WithASentence_andNothingIsWrittenSentOrLookedUp() {
        assertRefused(stack.message(stranger, "create not-ours Should never exist"));
    }

    @Test
    void tenantOnlyInChannelData_isCheckedToo() {
        assertRefused(stack.message(stranger, "create not-ours Should never exist").tenantOnlyInChannelData());
    }

    @Test
    void activityNamingNoTenant_isRefused_whenTenantsAreListed() {
        assertRefused(stack.message(stranger, "create not-ours Should never exist").withoutTenant());
    }

    @Test
    void messagingExtensionSearchFromAnotherTenant_gets403_insteadOfResults() {
        assertRefused(stack.message(stranger, "").composeQuery("searchCommunities", "allowed"));
    }

    @Test
    void star_servesAnyTenant() {
        TeamsFunction open = new TeamsFunction(stack.settings.with("CIMENT_TEAMS_ALLOWED_TENANTS", "*"), false);
        ApiGateway.Answer answer = stack.send(open, stack.message(stranger, "help"));
        assertEquals(200, answer.status(), answer.bodyText());
    }

    @Test
    void unsetOrEmptyList_theFunctionRefusesToStart() {
        for (String empty : new String[] {"", " , "}) {
            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> new TeamsFunction(stack.settings.with("CIMENT_TEAMS_ALLOWED_TENANTS", empty), false));
            assertTrue(refused.getMessage().startsWith("CIMENT_TEAMS_ALLOWED_TENANTS is empty"), refused.getMessage());
        }
    }

    private static void assertRefused(TeamsActivities.Message message) {
        int items = stack.itemCount();
        int sent = stack.fake.sent().size();
        int lookups = stack.fake.memberLookups().size();

        ApiGateway.Answer answer = stack.send(function, message);

        assertEquals(403, answer.status(), answer.bodyText());
        assertEquals("This Ciment installation does not serve your organisation's Microsoft Teams tenant.",
                answer.bodyText());
        assertEquals(items, stack.itemCount(), "nothing written");
        assertEquals(sent, stack.fake.sent().size(), "nothing sent to the conversation");
        assertEquals(lookups, stack.fake.memberLookups().size(), "nobody looked up");
    }
}
