package ciment.teams;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ciment.devkit.teams.TeamsActivities;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.Serialization;
import org.junit.jupiter.api.Test;

class MentionTextTest {

    private static Activity activity(TeamsActivities.Message message) throws Exception {
        return Serialization.treeToValue(Serialization.jsonToTree(message.json()), Activity.class);
    }

    @Test
    void channelMessage_losesTheBotMention() throws Exception {
        Activity activity = activity(TeamsActivities.message("https://x/", "28:bot").text("create guild-java Java people"));
        assertEquals("create guild-java Java people", MentionText.commandOf(activity));
    }

    @Test
    void botRenamedInTheTeam_isStrippedByItsMentionEntity() throws Exception {
        Activity activity = activity(TeamsActivities.message("https://x/", "28:bot").botName("Ciment Dev").text("help"));
        assertEquals("help", MentionText.commandOf(activity));
    }

    @Test
    void directMessage_keepsItsText() throws Exception {
        Activity activity = activity(TeamsActivities.message("https://x/", "28:bot").direct().text("feed"));
        assertEquals("feed", MentionText.commandOf(activity));
    }

    @Test
    void teamsHtml_isReducedToThePlainWords() {
        assertEquals("post guild-java Hello & welcome <all>",
                MentionText.clean("<p>post&nbsp;guild-java Hello &amp; welcome &lt;all&gt;</p>"));
        assertEquals("join a b", MentionText.clean("join\u00a0a \t b"));
    }

    @Test
    void lineBreaks_stayInThePost() {
        assertEquals("post guild-java first line\nsecond line",
                MentionText.clean("<p>post guild-java first line</p><p>second line</p>"));
        assertEquals("post guild-java a\nb\n\nc", MentionText.clean("post guild-java a<br/>b\r\n\n\n\nc"));
    }

    @Test
    void mentionOfSomeoneElse_staysAsTheirName() throws Exception {
        Activity activity = activity(TeamsActivities.message("https://x/", "28:bot").text("post guild-java thanks <at>Grace</at>"));
        assertEquals("post guild-java thanks Grace", MentionText.commandOf(activity));
    }
}
