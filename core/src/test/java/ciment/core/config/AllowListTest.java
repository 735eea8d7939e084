package ciment.core.config;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    void aStar_orNothingListed_allowsAny() {
        for (String listed : new String[] {"*", "", " , ", "T0AAA,*"}) {
            AllowList list = AllowList.parse(listed);
            assertTrue(list.allowsAny(), listed);
            assertTrue(list.allows("T0ZZZ"), listed);
            assertTrue(list.allows(null), listed);
        }
    }
}
