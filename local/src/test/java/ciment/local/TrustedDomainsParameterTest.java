package ciment.local;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.core.config.TrustedDomains;
import ciment.devkit.TemplateTable;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * template.yaml's TrustedDomains parameter (issue 14, item 1): CloudFormation refuses what the functions would
 * refuse to start with, it reaches every function as CIMENT_TRUSTED_DOMAINS, and it trusts nothing by default.
 */
class TrustedDomainsParameterTest {
    private static final Map<String, Object> TEMPLATE = TemplateTable.document(Path.of("..").resolve("template.yaml"));

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node) {
        return (Map<String, Object>) node;
    }

    private static Map<String, Object> parameter() {
        return map(map(TEMPLATE.get("Parameters")).get("TrustedDomains"));
    }

    @Test
    void pattern_acceptsWhatTheParserAccepts_andRefusesWhatItRefuses() {
        Pattern allowed = Pattern.compile(String.valueOf(parameter().get("AllowedPattern")));
        for (String good : new String[] {"", "corp.example=T0123ABCD",
                "corp.example=T0123ABCD,corp.example=7f3c9a10-2b4d-4e6f-8a1b-0c2d3e4f5a6b,eu.corp.example=E0ORG"}) {
            assertTrue(allowed.matcher(good).matches(), good);
            assertDoesNotThrow(() -> TrustedDomains.parse(good), good);
        }
        for (String bad : new String[] {"corp.example", "corp.example=", "corp.example=T0 1", "*.corp.example=T0",
                "corp.example=T0=T1", "corp.example=T0,,other.example=T1"}) {
            assertFalse(allowed.matcher(bad).matches(), bad);
        }
        for (String bad : new String[] {"corp.example", "corp.example=", "corp.example=T0 1", "*.corp.example=T0",
                "corp.example=T0=T1"}) {
            assertThrows(IllegalArgumentException.class, () -> TrustedDomains.parse(bad), bad);
        }
    }

    @Test
    void trustsNothingByDefault_andReachesEveryFunction() {
        assertEquals("", parameter().get("Default"), "unset, no account is linked by address");
        Map<String, Object> variables = map(map(map(map(TEMPLATE.get("Globals")).get("Function")).get("Environment"))
                .get("Variables"));
        assertEquals("TrustedDomains", variables.get(TrustedDomains.SETTING), "!Ref TrustedDomains");
    }
}
