package ciment.slack.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.devkit.slack.SlackTyping;
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
                Mrkdwn.typed("approve x <@U0BOB|bob> &lt;mailto:no&gt; &lt;#C1|general&gt; &lt;!here&gt;"));
    }

    @Test
    void typed_channelsAndSpecialMentions_areTheWordsTyped() {
        assertEquals("see #general, #C0NONAME and #G0PRIVATE @here @channel @team Feb 18",
                Mrkdwn.typed("see <#C0GENERAL1|general>, <#C0NONAME> and <#G0PRIVATE|> <!here> <!channel> "
                        + "<!subteam^S0TEAM|@team> <!date^1700000000^{date_short}|Feb 18>"));
    }

    /** What people type, through the fake that escapes as Slack does for the manifest, and back. */
    @Test
    void typed_ofWhatSlackSends_isWhatThePersonTyped() {
        SlackTyping slack = new SlackTyping(true, SlackTyping.ONLY_GENERAL);
        for (String typed : new String[]{"a < b && c > d", "see https://x.example/?a=1&b=2.", "www.example.org/x?y=1",
                "write to Theo@Example.com, in #general @here @channel @everyone", "&lt; stays &amp; typed",
                "<@U0BOB|bob> typed by hand", "<https://evil.example|click>", "#nowhere @nobody 100% #01JB8ZK2"}) {
            assertEquals(typed, Mrkdwn.typed(slack.sent(typed)), "sent as " + slack.sent(typed));
        }
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
