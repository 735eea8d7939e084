package ciment.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TextTest {
    @Test
    void fold_removesAccentsCaseAndExtraSpaces() {
        assertEquals("accessibilite numerique", Text.fold("  Accessibilité   NUMÉRIQUE "));
    }

    @Test
    void slug_readsAsAName() {
        assertEquals("Data guild", new Slug("data-guild").displayName());
    }
}
