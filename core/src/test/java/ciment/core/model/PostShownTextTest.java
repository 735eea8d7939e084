package ciment.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ciment.core.i18n.Catalogue;
import ciment.core.i18n.Language;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What a post shows: its author's words in every language; a removed or hidden post's line in the reader's. */
class PostShownTextTest {
    private static final Catalogue FRENCH = Catalogue.of(Language.FRENCH).orElseThrow();
    private static final Instant AT = Instant.parse("2026-12-07T10:00:00Z");
    private final Post post = new Post("01JD0000000000000000000000", "C1", new Slug("data-guild"), "P1", "Ada",
            Platform.SLACK, "Hello, team", AT);

    @Test
    void theAuthorsWords_areNeverTranslated() {
        assertEquals("Hello, team", post.shownText(FRENCH));
        assertEquals("Hello, team", post.shownText(Catalogue.ENGLISH));
    }

    @Test
    void aHiddenPost_saysSoInTheReadersLanguage_withTheStewardsReasonAsWritten() {
        Post hidden = post.hiddenFor("hors sujet");

        assertEquals("Masquée par un animateur : hors sujet", hidden.shownText(FRENCH));
        assertEquals("Hidden by a steward: hors sujet", hidden.shownText(Catalogue.ENGLISH));
    }

    @Test
    void aRemovedPost_saysSoInTheReadersLanguage() {
        Post removed = Post.removed("01JD0000000000000000000001", "C1", new Slug("data-guild"), Platform.TEAMS, AT);

        assertEquals("Cette publication a été supprimée.", removed.shownText(FRENCH));
        assertEquals("This post was removed.", removed.shownText(Catalogue.ENGLISH));
    }
}
