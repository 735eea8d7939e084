package ciment.teams.inbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.core.model.Introduction;
import com.microsoft.bot.schema.teams.TeamsChannelAccount;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How a member lookup's answer becomes an Introduction: email or UPN, and who is a guest. */
class TeamsIntroductionTest {
    private static final String HOME = "home-tenant";
    private static final TeamsIntroduction ANY_TENANT = new TeamsIntroduction(Optional.empty());
    private static final TeamsIntroduction SINGLE_TENANT = new TeamsIntroduction(Optional.of(HOME));

    private static TeamsChannelAccount member(String email, String upn, String tenantId, String userRole) {
        TeamsChannelAccount member = new TeamsChannelAccount();
        member.setId("29:someone");
        member.setAadObjectId("aad-someone");
        member.setName("Name From Lookup");
        member.setEmail(email);
        member.setUserPrincipalName(upn);
        member.setTenantId(tenantId);
        member.setUserRole(userRole);
        return member;
    }

    private static TeamsChannelAccount user(String tenantId) {
        return member("ada@example.org", "ada@example.org", tenantId, "user");
    }

    @Test
    void employee_isIntroducedWithTheActivitysName_andTheEmailAddress_lowerCased() {
        Introduction introduction = ANY_TENANT.of("Ada Lovelace",
                member("Ada.Lovelace@Example.org", "ada@corp.example.org", HOME, "user"), HOME);
        assertEquals(new Introduction("Ada Lovelace", Optional.of("ada.lovelace@example.org"), false,
                java.util.List.of(HOME)), introduction);
    }

    @Test
    void organisation_isTheMembersTenant_elseTheConversations_andNoneInTheEmulator() {
        assertEquals(java.util.List.of("their-tenant"),
                ANY_TENANT.of("Ada", member("ada@example.org", null, "their-tenant", "user"), HOME).organisations());
        assertEquals(java.util.List.of(HOME),
                ANY_TENANT.of("Ada", member("ada@example.org", null, null, "user"), HOME).organisations());
        assertEquals(java.util.List.of(), ANY_TENANT.withoutLookup("Ada", CimentBot.NO_TENANT).organisations());
    }

    @Test
    void withoutAnActivityName_theMembersOwnNameIsUsed() {
        assertEquals("Name From Lookup", ANY_TENANT.of(null, user(HOME), HOME).displayName());
        assertEquals("Name From Lookup", ANY_TENANT.of(" ", user(HOME), HOME).displayName());
    }

    @Test
    void withoutEmail_theUserPrincipalName_isTheAddress_whenItIsOne() {
        assertEquals(Optional.of("ada@example.org"), TeamsIntroduction.emailOf(member(null, "ada@example.org", HOME, "user")));
        assertEquals(Optional.of("ada@example.org"), TeamsIntroduction.emailOf(member(" ", "ada@example.org", HOME, "user")));
        assertEquals(Optional.of("mail@example.org"),
                TeamsIntroduction.emailOf(member("mail@example.org", "upn@example.org", HOME, "user")),
                "the email wins over the UPN");
    }

    @Test
    void upnThatIsNoMailboxAddress_givesNoEmail() {
        assertEquals(Optional.empty(), TeamsIntroduction.emailOf(member(null, "ada", HOME, "user")));
        assertEquals(Optional.empty(), TeamsIntroduction.emailOf(member(null, "ada@localhost", HOME, "user")));
        assertEquals(Optional.empty(), TeamsIntroduction.emailOf(member(null, "ada lovelace@example.org", HOME, "user")));
        assertEquals(Optional.empty(), TeamsIntroduction.emailOf(member(null, null, HOME, "user")));
        assertEquals(Optional.empty(), TeamsIntroduction.emailOf(
                member(null, "pat_supplier.example#EXT#@host.onmicrosoft.com", HOME, "guest")),
                "a guest's #EXT# UPN is the host's alias, not their mailbox");
    }

    @Test
    void teamsGuest_byUserRole_isAGuest_evenInTheirHostsTenant() {
        TeamsChannelAccount guest = member("pat@supplier.example", "pat_supplier.example#EXT#@host.onmicrosoft.com",
                HOME, "guest");
        Introduction introduction = ANY_TENANT.of("Pat Partner", guest, HOME);
        assertTrue(introduction.guest());
        assertEquals(Optional.of("pat@supplier.example"), introduction.email());
        assertTrue(ANY_TENANT.of("Pat", member(null, null, HOME, "Guest"), HOME).guest(), "whatever the case");
        assertTrue(SINGLE_TENANT.of("Pat", guest, HOME).guest());
    }

    @Test
    void memberOfTheHomeTenant_inAHomeConversation_isNoGuest() {
        assertFalse(SINGLE_TENANT.of("Ada", user(HOME), HOME).guest());
        assertFalse(SINGLE_TENANT.of("Ada", member("a@example.org", null, HOME, null), HOME).guest(), "no role given");
    }

    @Test
    void homeTenantSet_aMemberOfAnotherTenant_isAGuest() {
        assertTrue(SINGLE_TENANT.of("Linus", user("other-tenant"), HOME).guest());
    }

    @Test
    void homeTenantSet_aConversationOfAnotherTenant_makesAGuest_evenIfTheLookupSaysNoTenant() {
        assertTrue(SINGLE_TENANT.of("Linus", user("other-tenant"), "other-tenant").guest());
        assertTrue(SINGLE_TENANT.of("Linus", user(null), "other-tenant").guest());
        assertFalse(ANY_TENANT.of("Linus", user("other-tenant"), "other-tenant").guest(),
                "a bot of no particular organisation: each tenant's own members are no guests there");
    }

    @Test
    void memberOfAnotherTenantThanTheConversations_isAGuest_withOrWithoutHomeTenant() {
        assertTrue(ANY_TENANT.of("Linus", user("their-own-tenant"), "host-tenant").guest());
        assertTrue(SINGLE_TENANT.of("Linus", user("their-own-tenant"), HOME).guest());
    }

    @Test
    void lookupFailed_theNameOnly_noEmail_noGuest() {
        assertEquals(Introduction.named("Ada Lovelace"), ANY_TENANT.withoutLookup("Ada Lovelace", HOME));
        assertEquals(Introduction.named("Ada Lovelace"), SINGLE_TENANT.withoutLookup("Ada Lovelace", HOME));
        assertEquals(Introduction.named("Emu"), SINGLE_TENANT.withoutLookup("Emu", CimentBot.NO_TENANT),
                "the Emulator's tenantless conversations belong to no other organisation");
    }

    @Test
    void lookupFailed_inAnotherOrganisationsConversation_stillAGuest_whenTheBotHasAHomeTenant() {
        assertTrue(SINGLE_TENANT.withoutLookup("Linus", "other-tenant").guest());
        assertFalse(ANY_TENANT.withoutLookup("Linus", "other-tenant").guest());
    }

    @Test
    void blankHomeTenant_isNoHomeTenant() {
        assertFalse(new TeamsIntroduction(Optional.of(" ")).of("Linus", user("t2"), "t2").guest());
    }
}
