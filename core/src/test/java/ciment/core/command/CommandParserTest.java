package ciment.core.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.core.Refusal;
import ciment.core.model.Slug;
import ciment.core.model.Topic;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CommandParserTest {

    @Test
    void emptyText_isHelp() {
        assertInstanceOf(Command.Help.class, CommandParser.parse("  "));
        assertInstanceOf(Command.Help.class, CommandParser.parse("HELP"));
    }

    @Test
    void create_keepsThePurposeAsTyped() {
        var create = (Command.Create) CommandParser.parse("create data-guild  Sharing   data tips");
        assertEquals(new Slug("data-guild"), create.slug());
        assertEquals("Sharing   data tips", create.purpose());
    }

    @Test
    void create_withoutPurpose_isRefusedWithTheRightForm() {
        var refusal = assertThrows(Refusal.class, () -> CommandParser.parse("create data-guild"));
        assertTrue(refusal.sentence().contains("create data-guild <purpose>"), refusal.sentence());
    }

    @Test
    void post_keepsLineBreaksInTheText() {
        var post = (Command.PostTo) CommandParser.parse("post data-guild first line\nsecond line");
        assertEquals("first line\nsecond line", post.text());
    }

    @Test
    void post_longerThanTheLimit_isRefusedWithBothLengths() {
        var refusal = assertThrows(Refusal.class, () -> CommandParser.parse("post data-guild " + "x".repeat(4001)));
        assertTrue(refusal.sentence().contains("4,000") && refusal.sentence().contains("4,001"), refusal.sentence());
    }

    @Test
    void post_atTheLimitCountedInCodePoints_isAccepted() {
        var post = (Command.PostTo) CommandParser.parse("post data-guild " + "😀".repeat(4000));
        assertEquals(8000, post.text().length());
    }

    @Test
    void slug_withUpperCase_isRefusedWithASuggestion() {
        var refusal = assertThrows(Refusal.class, () -> CommandParser.parse("join Data_Guild"));
        assertTrue(refusal.sentence().contains("like data-guild"), refusal.sentence());
    }

    @Test
    void slug_tooShortOrTooLong_isRefused() {
        assertThrows(Refusal.class, () -> CommandParser.parse("join ab"));
        assertThrows(Refusal.class, () -> CommandParser.parse("join " + "a".repeat(41)));
        assertEquals(new Slug("a".repeat(40)), ((Command.Join) CommandParser.parse("join " + "a".repeat(40))).slug());
    }

    @Test
    void feed_withAndWithoutSlug() {
        assertEquals(Optional.empty(), ((Command.Feed) CommandParser.parse("feed")).slug());
        assertEquals(Optional.of(new Slug("abc")), ((Command.Feed) CommandParser.parse("feed abc")).slug());
    }

    @Test
    void communities_takesTheRestAsQuery() {
        assertEquals("data tips", ((Command.Discover) CommandParser.parse("communities data tips")).query());
        assertEquals("", ((Command.Discover) CommandParser.parse("communities")).query());
    }

    @Test
    void unknownWord_isRefusedPointingToHelp() {
        var refusal = assertThrows(Refusal.class, () -> CommandParser.parse("dance now"));
        assertTrue(refusal.sentence().contains("help"), refusal.sentence());
    }

    @Test
    void stewardCommands_readTheirSlugAndPerson() {
        assertEquals(new Command.SetOpen(new Slug("abc"), false), CommandParser.parse("close abc"));
        assertEquals(new Command.Decide(new Slug("abc"), new PersonRef("<@U1|ada>"), true),
                CommandParser.parse("approve abc <@U1|ada>"));
        assertEquals(new Command.Steward(new Slug("abc"), new PersonRef("ada@example.com"), false),
                CommandParser.parse("steward remove abc ada@example.com"));
        assertThrows(Refusal.class, () -> CommandParser.parse("steward promote abc @ada"));
        assertThrows(Refusal.class, () -> CommandParser.parse("approve abc"));
        assertThrows(Refusal.class, () -> CommandParser.parse("close abc now"));
    }

    @Test
    void tags_splitOnCommasWhenThereAreAny_elseOnSpaces_withoutDuplicates() {
        var spaced = (Command.Tags) CommandParser.parse("tags abc SQL analytics sql");
        assertEquals(List.of("sql", "analytics"), spaced.tags().stream().map(Topic::key).toList());
        var commas = (Command.Tags) CommandParser.parse("tags abc Data science, Accessibilité");
        assertEquals(List.of("data science", "accessibilite"), commas.tags().stream().map(Topic::key).toList());
        assertThrows(Refusal.class, () -> CommandParser.parse("tags abc a b c d e f g h i j k"));
    }

    @Test
    void rolesAndSkills_addRemoveOrList() {
        assertEquals(Command.Declared.ROLE, ((Command.Declare) CommandParser.parse("roles add Onboarding buddy")).kind());
        assertEquals("Onboarding buddy", ((Command.Declare) CommandParser.parse("roles add Onboarding buddy")).topic().text());
        assertEquals(new Command.ListDeclared(), CommandParser.parse("skills"));
        assertThrows(Refusal.class, () -> CommandParser.parse("skills add"));
        assertThrows(Refusal.class, () -> CommandParser.parse("skills add " + "x".repeat(61)));
    }

    @Test
    void financeWords_ofTheContract_areCommandsNow() {
        assertEquals(new Command.Costs(java.util.Optional.of(java.time.YearMonth.of(2026, 11))),
                CommandParser.parse("costs 2026-11"));
    }

    @Test
    void questionAndKnowledgeWords_readTheirForms_andRefuseOthers() {
        assertEquals(new Command.Ask(new ciment.core.model.Slug("data-guild"), "Why?"), CommandParser.parse("ask data-guild Why?"));
        assertEquals(new Command.Questions(new ciment.core.model.Slug("data-guild"), true),
                CommandParser.parse("questions data-guild Unanswered"));
        assertEquals(new Command.Knowledge(new ciment.core.model.Slug("data-guild"), "sql style"),
                CommandParser.parse("knowledge data-guild sql style"));
        assertThrows(Refusal.class, () -> CommandParser.parse("questions data-guild answered"));
        assertThrows(Refusal.class, () -> CommandParser.parse("ask data-guild"));
        assertThrows(Refusal.class, () -> CommandParser.parse("pin #01JD0000000000000000000000 now"));
    }

    @Test
    void conversationWords_readThePostAsShown_andNameTheEmojiWithOrWithoutColons() {
        String root = "01JD0000000000000000000000";
        String reply = "01JD0000000000000000000001";
        assertEquals(new Command.ReplyTo(new ciment.core.model.PostRef(null, root), "yes\nand no"),
                CommandParser.parse("reply #" + root + " yes\nand no"));
        assertEquals(new Command.React(new ciment.core.model.PostRef(root, reply), "tada", true),
                CommandParser.parse("react #" + root + "/" + reply + " :tada:"));
        assertEquals(new Command.React(new ciment.core.model.PostRef(null, root), "+1", false),
                CommandParser.parse("unreact " + root.toLowerCase() + " +1"));
        assertThrows(Refusal.class, () -> CommandParser.parse("reply #" + root));
        assertThrows(Refusal.class, () -> CommandParser.parse("hide #" + root));
        assertThrows(Refusal.class, () -> CommandParser.parse("delete #" + root + " now"));
        assertEquals(new Command.Audit(new ciment.core.model.Slug("data-guild")), CommandParser.parse("audit data-guild"));
    }

    @Test
    void myData_exportAlone_eraseAloneOrWithConfirm() {
        assertEquals(new Command.ExportMyData(), CommandParser.parse("export-my-data"));
        assertEquals(new Command.EraseMyData(false), CommandParser.parse("erase-my-data"));
        assertEquals(new Command.EraseMyData(true), CommandParser.parse("ERASE-MY-DATA Confirm"));
        assertThrows(Refusal.class, () -> CommandParser.parse("erase-my-data yes"));
        assertThrows(Refusal.class, () -> CommandParser.parse("export-my-data please"));
    }
}
