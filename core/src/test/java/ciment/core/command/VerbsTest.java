package ciment.core.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.core.model.PersonRef;
import ciment.core.model.Refusal;
import ciment.core.model.Slug;
import ciment.core.model.Topic;
import ciment.core.port.People;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VerbsTest {

    @Test
    void emptyText_isHelp() {
        assertInstanceOf(Verbs.Help.class, Verbs.parse("  "));
        assertInstanceOf(Verbs.Help.class, Verbs.parse("HELP"));
    }

    @Test
    void create_keepsThePurposeAsTyped() {
        var create = (CommunityVerbs.Create) Verbs.parse("create data-guild  Sharing   data tips");
        assertEquals(new Slug("data-guild"), create.slug());
        assertEquals("Sharing   data tips", create.purpose());
    }

    @Test
    void create_withoutPurpose_isRefusedWithTheRightForm() {
        var refusal = assertThrows(Refusal.class, () -> Verbs.parse("create data-guild"));
        assertTrue(refusal.sentence().contains("create data-guild <purpose>"), refusal.sentence());
    }

    @Test
    void post_keepsLineBreaksInTheText() {
        var post = (ConversationVerbs.PostTo) Verbs.parse("post data-guild first line\nsecond line");
        assertEquals("first line\nsecond line", post.text());
    }

    @Test
    void post_longerThanTheLimit_isRefusedWithBothLengths() {
        var refusal = assertThrows(Refusal.class, () -> Verbs.parse("post data-guild " + "x".repeat(4001)));
        assertTrue(refusal.sentence().contains("4,000") && refusal.sentence().contains("4,001"), refusal.sentence());
    }

    @Test
    void post_atTheLimitCountedInCodePoints_isAccepted() {
        var post = (ConversationVerbs.PostTo) Verbs.parse("post data-guild " + "😀".repeat(4000));
        assertEquals(8000, post.text().length());
    }

    @Test
    void slug_withUpperCase_isRefusedWithASuggestion() {
        var refusal = assertThrows(Refusal.class, () -> Verbs.parse("join Data_Guild"));
        assertTrue(refusal.sentence().contains("like data-guild"), refusal.sentence());
    }

    @Test
    void slug_tooShortOrTooLong_isRefused() {
        assertThrows(Refusal.class, () -> Verbs.parse("join ab"));
        assertThrows(Refusal.class, () -> Verbs.parse("join " + "a".repeat(41)));
        assertEquals(new Slug("a".repeat(40)), ((CommunityVerbs.Join) Verbs.parse("join " + "a".repeat(40))).slug());
    }

    @Test
    void feed_withAndWithoutSlug() {
        assertEquals(Optional.empty(), ((ConversationVerbs.Feed) Verbs.parse("feed")).slug());
        assertEquals(Optional.of(new Slug("abc")), ((ConversationVerbs.Feed) Verbs.parse("feed abc")).slug());
    }

    @Test
    void communities_takesTheRestAsQuery() {
        assertEquals("data tips", ((CommunityVerbs.Discover) Verbs.parse("communities data tips")).query());
        assertEquals("", ((CommunityVerbs.Discover) Verbs.parse("communities")).query());
    }

    @Test
    void unknownWord_isRefusedPointingToHelp() {
        var refusal = assertThrows(Refusal.class, () -> Verbs.parse("dance now"));
        assertTrue(refusal.sentence().contains("help"), refusal.sentence());
    }

    @Test
    void stewardCommands_readTheirSlugAndPerson() {
        assertEquals(new StewardVerbs.SetOpen(new Slug("abc"), false), Verbs.parse("close abc"));
        assertEquals(new StewardVerbs.Decide(new Slug("abc"), new PersonRef("<@U1|ada>"), true),
                Verbs.parse("approve abc <@U1|ada>"));
        assertEquals(new StewardVerbs.Steward(new Slug("abc"), new PersonRef("ada@example.com"), false),
                Verbs.parse("steward remove abc ada@example.com"));
        assertThrows(Refusal.class, () -> Verbs.parse("steward promote abc @ada"));
        assertThrows(Refusal.class, () -> Verbs.parse("approve abc"));
        assertThrows(Refusal.class, () -> Verbs.parse("close abc now"));
    }

    @Test
    void tags_splitOnCommasWhenThereAreAny_elseOnSpaces_withoutDuplicates() {
        var spaced = (StewardVerbs.Tags) Verbs.parse("tags abc SQL analytics sql");
        assertEquals(List.of("sql", "analytics"), spaced.tags().stream().map(Topic::key).toList());
        var commas = (StewardVerbs.Tags) Verbs.parse("tags abc Data science, Accessibilité");
        assertEquals(List.of("data science", "accessibilite"), commas.tags().stream().map(Topic::key).toList());
        assertThrows(Refusal.class, () -> Verbs.parse("tags abc a b c d e f g h i j k"));
    }

    @Test
    void rolesAndSkills_addRemoveOrList() {
        assertEquals(People.Kind.ROLE, ((PeopleVerbs.Declare) Verbs.parse("roles add Onboarding buddy")).kind());
        assertEquals("Onboarding buddy", ((PeopleVerbs.Declare) Verbs.parse("roles add Onboarding buddy")).topic().text());
        assertEquals(new PeopleVerbs.ListDeclared(), Verbs.parse("skills"));
        assertThrows(Refusal.class, () -> Verbs.parse("skills add"));
        assertThrows(Refusal.class, () -> Verbs.parse("skills add " + "x".repeat(61)));
    }

    @Test
    void financeWords_ofTheContract_areCommandsNow() {
        assertEquals(new FinanceVerbs.Costs(java.util.Optional.of(java.time.YearMonth.of(2026, 11))),
                Verbs.parse("costs 2026-11"));
    }

    @Test
    void questionAndKnowledgeWords_readTheirForms_andRefuseOthers() {
        assertEquals(new QuestionVerbs.Ask(new ciment.core.model.Slug("data-guild"), "Why?"), Verbs.parse("ask data-guild Why?"));
        assertEquals(new QuestionVerbs.Questions(new ciment.core.model.Slug("data-guild"), true),
                Verbs.parse("questions data-guild Unanswered"));
        assertEquals(new QuestionVerbs.Knowledge(new ciment.core.model.Slug("data-guild"), "sql style"),
                Verbs.parse("knowledge data-guild sql style"));
        assertThrows(Refusal.class, () -> Verbs.parse("questions data-guild answered"));
        assertThrows(Refusal.class, () -> Verbs.parse("ask data-guild"));
        assertThrows(Refusal.class, () -> Verbs.parse("pin #01JD0000000000000000000000 now"));
    }

    @Test
    void conversationWords_readThePostAsShown_andNameTheEmojiWithOrWithoutColons() {
        String root = "01JD0000000000000000000000";
        String reply = "01JD0000000000000000000001";
        assertEquals(new ConversationVerbs.ReplyTo(new ciment.core.model.PostRef(null, root), "yes\nand no"),
                Verbs.parse("reply #" + root + " yes\nand no"));
        assertEquals(new ConversationVerbs.React(new ciment.core.model.PostRef(root, reply), "tada", true),
                Verbs.parse("react #" + root + "/" + reply + " :tada:"));
        assertEquals(new ConversationVerbs.React(new ciment.core.model.PostRef(null, root), "+1", false),
                Verbs.parse("unreact " + root.toLowerCase() + " +1"));
        assertThrows(Refusal.class, () -> Verbs.parse("reply #" + root));
        assertThrows(Refusal.class, () -> Verbs.parse("hide #" + root));
        assertThrows(Refusal.class, () -> Verbs.parse("delete #" + root + " now"));
        assertEquals(new StewardVerbs.Audit(new ciment.core.model.Slug("data-guild")), Verbs.parse("audit data-guild"));
    }

    @Test
    void myData_exportAlone_eraseAloneOrWithConfirm() {
        assertEquals(new PrivacyVerbs.ExportMyData(), Verbs.parse("export-my-data"));
        assertEquals(new PrivacyVerbs.EraseMyData(false), Verbs.parse("erase-my-data"));
        assertEquals(new PrivacyVerbs.EraseMyData(true), Verbs.parse("ERASE-MY-DATA Confirm"));
        assertThrows(Refusal.class, () -> Verbs.parse("erase-my-data yes"));
        assertThrows(Refusal.class, () -> Verbs.parse("export-my-data please"));
    }
}
