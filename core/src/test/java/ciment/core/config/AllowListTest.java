package ciment.core.config;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AllowListTest {

    @Test
    void listedIds_areAllowed_withoutRegardToCaseOrSpaces_andOthersAreNot() {
        AllowList list = AllowList.parse(" T0AAA , t0bbb,");

        assertTrue(list.allows("T0AAA"));
        assertTrue(list.allows("T0BBB"));
        assertFalse(list.allows("T0CCC"));
        assertFalse(list.allows(null), "no id is not a listed one");
        assertFalse(list.allowsAny());
    }

    @Test
    void aStar_allowsAny() {
        for (String listed : new String[] {"*", " * ", "T0AAA,*"}) {
            AllowList list = AllowList.parse(listed);
            assertTrue(list.allowsAny(), listed);
            assertTrue(list.allows("T0ZZZ"), listed);
            assertTrue(list.allows(null), listed);
        }
    }

    @Test
    void nothingListed_allowsNobody() {
        for (String listed : new String[] {"", " , ", " "}) {
            AllowList list = AllowList.parse(listed);
            assertFalse(list.allowsAny(), "'" + listed + "'");
            assertFalse(list.allows("T0ZZZ"), "'" + listed + "'");
            assertFalse(list.allows(null), "'" + listed + "'");
        }
    }

    @Test
    void required_refusesAnUnsetOrEmptySetting_namingIt() {
        for (Map<String, String> values : java.util.List.of(Map.<String, String>of(), Map.of("LIST", " , "))) {
            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> AllowList.required(Settings.of(values), "LIST"));
            assertTrue(refused.getMessage().startsWith("LIST is empty"), refused.getMessage());
        }
        assertTrue(AllowList.required(Settings.of(Map.of("LIST", "*")), "LIST").allowsAny());
        assertTrue(AllowList.required(Settings.of(Map.of("LIST", "T0AAA")), "LIST").allows("t0aaa"));
    }
}
