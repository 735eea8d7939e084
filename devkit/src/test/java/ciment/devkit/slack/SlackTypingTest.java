package ciment.devkit.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SlackTypingTest {
    private final FakeSlackApi slack = FakeSlackApi.start()
            .addUser("U0CAROL", "Carol Danvers", "Carol", "carol@example.com")
            .addUser("U0ADA", "Ada Lovelace", "", "ada@example.com")
            .addChannel("C0RANDOM1", "random");
    private final SlackTyping escaping = new SlackTyping(true, slack);

    @AfterEach
    void stop() {
        slack.close();
    }

    @Test
    void manifest_asksSlackToEscape_soTheFakeEscapesToo() {
        assertTrue(SlackTyping.manifestEscapes(), "integrations/slack/manifest.yaml: should_escape: true");
        assertTrue(SlackTyping.asManifestSays(slack).escapes());
    }

    @Test
    void peopleKnownToSlack_becomeMentions_byNameDisplayNameOrRealName() {
        assertEquals("steward add x <@U0CAROL|carol>", escaping.sent("steward add x @Carol"));
        assertEquals("thanks <@U0ADA|u0ada>, and <@U0CAROL|carol>!", escaping.sent("thanks @Ada Lovelace, and @carol!"));
    }

    @Test
    void namesSlackDoesNotKnow_stayAsTyped() {
        assertEquals("invite x @nobody", escaping.sent("invite x @nobody"));
        assertEquals("see #nowhere and reply #01JB8ZK2", escaping.sent("see #nowhere and reply #01JB8ZK2"));
    }

    @Test
    void channelsAndSpecialMentions_becomeMarkup() {
        assertEquals("in <#C0GENERAL1|general> and <#C0RANDOM1|random>, <!here> <!channel>",
                escaping.sent("in #general and #random, @here @channel"));
    }

    @Test
    void addresses_becomeLinks_withAmpersandsEscaped() {
        assertEquals("ask <mailto:theo@example.com|theo@example.com> about <https://x.example/?a=1&amp;b=2>.",
                escaping.sent("ask theo@example.com about https://x.example/?a=1&b=2."));
        assertEquals("see <http://www.example.org|www.example.org>", escaping.sent("see www.example.org"));
    }

    @Test
    void controlCharacters_areEscaped_soTypedMarkupStaysText() {
        assertEquals("a &lt; b &amp;&amp; c &gt; d &lt;@U0CAROL&gt;", escaping.sent("a < b && c > d <@U0CAROL>"));
    }

    @Test
    void withoutEscaping_theTextIsSentAsTyped() {
        String typed = "steward add x @Carol theo@example.com a < b & c #general";
        assertEquals(typed, new SlackTyping(false, slack).sent(typed));
    }
}
