package ciment.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TrustedDomainsTest {

    @Test
    void pairs_trustEachIdForItsDomain_withoutRegardToCaseOrSpaces() {
        TrustedDomains trusted = TrustedDomains.parse(" Corp.Example=T0123ABCD , corp.example=7F3C9A10-2B4D-4E6F-8A1B-0C2D3E4F5A6B,"
                + "partner.example=E0PARTNER");

        assertTrue(trusted.trusts("corp.example", "t0123abcd"));
        assertTrue(trusted.trusts("CORP.EXAMPLE", "7f3c9a10-2b4d-4e6f-8a1b-0c2d3e4f5a6b"));
        assertTrue(trusted.trusts("partner.example", "E0PARTNER"));
        assertFalse(trusted.trusts("partner.example", "T0123ABCD"), "an id is trusted for its own domain only");
        assertFalse(trusted.trusts("eu.corp.example", "T0123ABCD"), "a subdomain is another domain");
        assertFalse(trusted.trusts("corp.example", null));
        assertFalse(trusted.none());
    }

    @Test
    void unsetOrBlank_trustsNothing() {
        assertTrue(TrustedDomains.fromSettings(Settings.of(Map.of())).none());
        assertTrue(TrustedDomains.parse(" , ").none());
        assertFalse(TrustedDomains.NONE.trusts("corp.example", "T0123ABCD"));
    }

    @Test
    void aPairThatIsNotDomainEqualsId_stopsTheDeployment_namingIt() {
        for (String bad : new String[] {"corp.example", "corp.example=", "=T0123", "corp=T0123", "*.corp.example=T0123",
                "corp.example=T0123=T0456", "corp.example=T0 123"}) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> TrustedDomains.parse("ok.example=T0OK," + bad), bad);
            assertTrue(refused.getMessage().startsWith("CIMENT_TRUSTED_DOMAINS: “" + bad.strip() + "” is not a domain=id"),
                    refused.getMessage());
        }
    }

    @Test
    void domainOf_isWhatFollowsTheLastAt_inLowerCase() {
        assertEquals("corp.example", TrustedDomains.domainOf("Root@Corp.Example"));
        assertEquals("corp.example", TrustedDomains.domainOf("\"a@b\"@corp.example"));
        assertEquals("", TrustedDomains.domainOf("nobody"));
    }
}
