package ciment.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MrkdwnTest {
    @Test
    void escape_controlCharacters_cannotPingOrLink() {
        assertEquals("&lt;!channel&gt; &amp; &lt;https://x.example|click&gt;",
                Mrkdwn.escape("<!channel> & <https://x.example|click>"));
    }

    @Test
    void unescape_slacksEntities_giveTheTypedText_andEscapeGivesThemBack() {
        String typed = "a < b && c > d";
        assertEquals(typed, Mrkdwn.unescape(Mrkdwn.escape(typed)));
    }

    @Test
    void typed_emailAddressAsSlackLinksIt_isTheAddressAgain() {
        assertEquals("approve data-guild bob@example.com",
                Mrkdwn.typed("approve data-guild <mailto:bob@example.com|bob@example.com>"));
        assertEquals("invite x bob@example.com", Mrkdwn.typed("invite x <mailto:bob@example.com>"));
    }

    @Test
    void typed_webLinks_areTheTextTyped_andEntitiesInThemAreUnescaped() {
        assertEquals("post x see x.example and https://y.example/?a=1&b=2",
                Mrkdwn.typed("post x see <http://x.example|x.example> and <https://y.example/?a=1&amp;b=2>"));
    }

    @Test
    void typed_keepsMentionsAndWhatThePersonTypedInAngleBrackets() {
        assertEquals("approve x <@U0BOB|bob> <mailto:no> <#C1|general> <!here>",
                Mrkdwn.typed("approve x <@U0BOB|bob> &lt;mailto:no&gt; <#C1|general> <!here>"));
    }

    @Test
    void fit_shortText_isUnchanged() {
        assertEquals("hello", Mrkdwn.fit("hello", 5));
    }

    @Test
    void fit_longText_isCutWithAnEllipsis_withinTheLimit() {
        String fitted = Mrkdwn.fit("x".repeat(5000), 3000);
        assertEquals(3000, fitted.length());
        assertTrue(fitted.endsWith(Mrkdwn.ELLIPSIS));
    }

    @Test
    void fit_neverCutsAnEntityInHalf() {
        String escaped = Mrkdwn.escape("ab<<<<<<");   // ab&lt;&lt;...
        for (int max = 3; max < escaped.length(); max++) {
            String fitted = Mrkdwn.fit(escaped, max);
            String body = fitted.substring(0, fitted.length() - Mrkdwn.ELLIPSIS.length());
            assertTrue(body.length() <= max - 1, fitted);
            assertTrue(body.replace("&lt;", "").indexOf('&') < 0, "cut inside an entity: " + fitted);
        }
    }

    @Test
    void fit_neverSplitsASurrogatePair() {
        String music = "𝄞".repeat(10);   // each is two chars
        String fitted = Mrkdwn.fit(music, 6);
        String body = fitted.substring(0, fitted.length() - 1);
        assertEquals(0, body.length() % 2, fitted);
        assertTrue(body.codePoints().allMatch(cp -> cp == "𝄞".codePointAt(0)));
    }
}
