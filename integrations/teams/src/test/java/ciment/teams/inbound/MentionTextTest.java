package ciment.teams.inbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.devkit.teams.TeamsActivities;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.Serialization;
import java.util.List;
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

    @Test
    void atTagWithoutAMentionEntity_isNoMention_andKeepsItsWords() throws Exception {
        MentionText.Read read = MentionText.read(activity(TeamsActivities.message("https://x/", "28:bot")
                .text("post guild-java thanks <at>Grace</at>")));
        assertEquals("post guild-java thanks Grace", read.command());
        assertTrue(read.mentions().isEmpty());
    }

    @Test
    void personNamedInACommand_becomesTheirAtName_withTheirTeamsId() throws Exception {
        MentionText.Read read = MentionText.read(activity(TeamsActivities.message("https://x/", "28:bot")
                .mentioning("29:grace", "Grace Hopper").text("approve data-guild <at>Grace Hopper</at>")));
        assertEquals("approve data-guild @Grace Hopper", read.command());
        assertEquals(List.of(new MentionText.Mention("@Grace Hopper", "29:grace", "Grace Hopper")), read.mentions());
    }

    @Test
    void severalMentionsInAPost_readNaturally_andTheBotsAnywhereIsDropped() throws Exception {
        MentionText.Read read = MentionText.read(activity(TeamsActivities.message("https://x/", "28:bot")
                .mentioning("29:grace", "Grace Hopper")
                .mentioning("29:alan", "Alan Turing", "<at>Alan</at>")
                .text("post guild-java thanks <at>Grace Hopper</at> and <at>Alan</at>, and you <at>Ciment</at>!")));
        assertEquals("post guild-java thanks @Grace Hopper and @Alan, and you !", read.command());
        assertEquals(List.of(new MentionText.Mention("@Grace Hopper", "29:grace", "Grace Hopper"),
                new MentionText.Mention("@Alan", "29:alan", "Alan Turing")), read.mentions(),
                "a shortened mention keeps the words the sender left");
    }

    @Test
    void nameTeamsSplitIntoOneTagPerWord_isOneMention() throws Exception {
        MentionText.Read read = MentionText.read(activity(TeamsActivities.message("https://x/", "28:bot")
                .mentioning("29:grace", "Grace", "<at>Grace</at>")
                .mentioning("29:grace", "Hopper", "<at>Hopper</at>")
                .text("steward add data-guild <at>Grace</at>&nbsp;<at>Hopper</at>")));
        assertEquals("steward add data-guild @Grace Hopper", read.command());
        assertEquals(List.of(new MentionText.Mention("@Grace Hopper", "29:grace", "Grace")), read.mentions());
    }

    @Test
    void adjacentMentionsOfTwoPeople_stayTwo() throws Exception {
        MentionText.Read read = MentionText.read(activity(TeamsActivities.message("https://x/", "28:bot")
                .mentioning("29:grace", "Grace").mentioning("29:alan", "Alan")
                .text("post guild-java <at>Grace</at> <at>Alan</at> welcome")));
        assertEquals("post guild-java @Grace @Alan welcome", read.command());
        assertEquals(List.of("29:grace", "29:alan"), read.mentions().stream().map(MentionText.Mention::memberId).toList());
    }

    @Test
    void twoPeopleMentionedUnderOneName_keepTheirOwnIds_inOrder() throws Exception {
        MentionText.Read read = MentionText.read(activity(TeamsActivities.message("https://x/", "28:bot")
                .mentioning("29:alex-1", "Alex").mentioning("29:alex-2", "Alex")
                .text("post guild-java <at>Alex</at> meet <at>Alex</at>")));
        assertEquals("post guild-java @Alex meet @Alex", read.command());
        assertEquals(List.of(new MentionText.Mention("@Alex", "29:alex-1", "Alex"),
                new MentionText.Mention("@Alex", "29:alex-2", "Alex")), read.mentions());
    }

    @Test
    void botMentionSplitIntoTwoTags_isDroppedWhole() throws Exception {
        MentionText.Read read = MentionText.read(activity(TeamsActivities.message("https://x/", "28:bot").direct()
                .mentioning("28:bot", "Ciment", "<at>Ciment</at>").mentioning("28:bot", "Dev", "<at>Dev</at>")
                .text("<at>Ciment</at> <at>Dev</at> whoami")));
        assertEquals("whoami", read.command());
        assertTrue(read.mentions().isEmpty());
    }

    @Test
    void mentionInTeamsHtml_isTheSameTokenAsTheCommandHolds() throws Exception {
        MentionText.Read read = MentionText.read(activity(TeamsActivities.message("https://x/", "28:bot")
                .mentioning("29:obrien", "Pat O'Brien", "<at>Pat&nbsp;O&#39;Brien</at>")
                .text("<p>approve&nbsp;data-guild <at>Pat&nbsp;O&#39;Brien</at></p>")));
        assertEquals("approve data-guild @Pat O'Brien", read.command());
        assertEquals("@Pat O'Brien", read.mentions().get(0).token());
    }
}
