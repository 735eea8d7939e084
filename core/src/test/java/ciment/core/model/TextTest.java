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

    @Test
    void shown_dropsControlsAndReorderingMarks_keepsLinesTabsAndWords() {
        assertEquals("elpmaxe.live//:sptth", Text.shown("\u202Eelpmaxe.live//:sptth"), "read in the order typed");
        assertEquals("a b c d", Text.shown("a\u2066 b\u2069 c\u202D d\u202C"));
        assertEquals("bell null del", Text.shown("bell\u0007 null\u0000 del\u007F\u0085"));
        assertEquals("a\nb\nc\nd\te", Text.shown("a\rb\r\nc\u2028d\te"));
        assertEquals("\uFFFD alone", Text.shown("\uD83D alone"));
        assertEquals("🧱 e\u0301 字 \u200D", Text.shown("🧱 e\u0301 字 \u200D"), "what is words stays");
        assertEquals("", Text.shown(null));
    }
}
