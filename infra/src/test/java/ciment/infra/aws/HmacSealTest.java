package ciment.infra.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.core.config.Settings;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Feed cursors: opaque, opened by any container holding the same key, refused when altered or foreign. */
class HmacSealTest {
    private static final Settings KEYED = Settings.of(Map.of(HmacSeal.KEY_SETTING, "a shared key of this deployment"));

    @Test
    void sealedByOneContainer_isOpenedByAnother_withTheKeyFromSettings() {
        String sealed = HmacSeal.fromSettings(KEYED).seal("data-guild|01JDE0000000000000000000AB");

        assertTrue(sealed.matches("[A-Za-z0-9_-]+"), sealed);
        assertTrue(!sealed.contains("data-guild"), "opaque: " + sealed);
        assertEquals(Optional.of("data-guild|01JDE0000000000000000000AB"), HmacSeal.fromSettings(KEYED).open(sealed));
    }

    @Test
    void anyAlteredCharacter_orAnotherKey_orNotBase64_isRefused() {
        HmacSeal seal = HmacSeal.fromSettings(KEYED);
        String sealed = seal.seal("|01JDE0000000000000000000AB");
        for (int i = 0; i < sealed.length(); i++) {
            char c = sealed.charAt(i);
            String altered = sealed.substring(0, i) + (c == 'A' ? 'B' : 'A') + sealed.substring(i + 1);
            assertEquals(Optional.empty(), seal.open(altered), "altered at " + i);
        }
        assertEquals(Optional.empty(), HmacSeal.ofThisProcess().open(sealed), "a key of its own");
        assertEquals(Optional.empty(), seal.open("not base64!"));
        assertEquals(Optional.empty(), seal.open("abc"));
    }
}
