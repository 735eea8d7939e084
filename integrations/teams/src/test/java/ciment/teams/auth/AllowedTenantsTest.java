package ciment.teams.auth;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.core.config.Settings;
import ciment.teams.inbound.CimentBot;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AllowedTenantsTest {
    private static final String OURS = "72f988bf-86f1-41af-91ab-2d7cd011db47";

    @Test
    void unsetOrEmpty_refusesToStart() {
        for (Settings settings : new Settings[] {Settings.of(Map.of()), Settings.of(Map.of(AllowedTenants.SETTING, " ")),
                Settings.of(Map.of(AllowedTenants.SETTING, " , "))}) {
            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> AllowedTenants.fromSettings(settings));
            assertTrue(refused.getMessage().startsWith(AllowedTenants.SETTING + " is empty"), refused.getMessage());
        }
    }

    @Test
    void star_allowsAnyTenant_evenNone() {
        for (Settings settings : new Settings[] {Settings.of(Map.of(AllowedTenants.SETTING, "*")),
                Settings.of(Map.of(AllowedTenants.SETTING, OURS + ",*"))}) {
            AllowedTenants tenants = AllowedTenants.fromSettings(settings);
            assertTrue(tenants.allowsAny());
            assertTrue(tenants.allows("anything"));
            assertTrue(tenants.allows(CimentBot.NO_TENANT));
        }
    }

    @Test
    void list_allowsItsTenantsWhateverTheCaseAndSpaces_andRefusesOthersAndNone() {
        AllowedTenants tenants = AllowedTenants.parse(" " + OURS.toUpperCase() + " ,, 00000000-0000-0000-0000-000000000002 ");
        assertFalse(tenants.allowsAny());
        assertTrue(tenants.allows(OURS));
        assertTrue(tenants.allows("00000000-0000-0000-0000-000000000002"));
        assertFalse(tenants.allows("00000000-0000-0000-0000-000000000003"));
        assertFalse(tenants.allows(CimentBot.NO_TENANT));
        assertFalse(tenants.allows(null));
    }
}
