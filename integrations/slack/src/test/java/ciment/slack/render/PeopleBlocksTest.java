package ciment.slack.render;

import ciment.core.i18n.Catalogue;
import ciment.core.i18n.Message;
import static ciment.slack.render.Shown.all;
import static ciment.slack.render.Shown.text;
import static ciment.slack.render.Shown.texts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.core.model.ChatAccount;
import ciment.core.model.Community;
import ciment.core.model.Person;
import ciment.core.model.Platform;
import ciment.core.model.Profile;
import ciment.core.model.Slug;
import ciment.core.reply.Reply;
import com.slack.api.model.block.LayoutBlock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** whoami, roles, skills and who, as a Slack user in TEAM sees them. */
class PeopleBlocksTest {
    private static final String TEAM = "T0HERE";
    private static final Person ADA = new Person("p-ada", "Ada <Lovelace>");

    private static BlockKitReply.Rendered render(Reply reply) {
        return BlockKitReply.render(reply, TEAM, Catalogue.ENGLISH);
    }

    private static ChatAccount slackHere(String user) {
        return new ChatAccount(Platform.SLACK, TEAM, user);
    }

    private static ChatAccount teams(String user) {
        return new ChatAccount(Platform.TEAMS, "tenant-1", user);
    }

    // --- me ----------------------------------------------------------------------------------------

    @Test
    void me_showsMyAccountsRolesAndSkills_escaped() {
        Profile profile = new Profile(ADA, List.of("onboarding buddy", "<!here> caller"), List.of("accessibility"));

        List<String> texts = texts(render(new Reply.Me(profile, List.of(slackHere("U0ADA"), teams("29:ada"),
                new ChatAccount(Platform.SLACK, "T0OTHER", "U0ADA2")))));

        assertEquals("*Ada &lt;Lovelace&gt;*", texts.get(0));
        String facts = texts.get(1);
        assertTrue(facts.contains("*Accounts:* Slack, here (<@U0ADA>), Teams, Slack, workspace T0OTHER"), facts);
        assertTrue(facts.contains("*Roles:* onboarding buddy, &lt;!here&gt; caller"), facts);
        assertTrue(facts.contains("*Skills:* accessibility"), facts);
    }

    @Test
    void me_withALinkedEmail_showsIt_andSaysTheAccountsAreLinkedByIt() {
        Profile profile = new Profile(ADA, List.of(), List.of(), Optional.of("ada@example.com"), Optional.of("T0ADA"));

        String facts = texts(render(new Reply.Me(profile, List.of(slackHere("U0ADA"), teams("29:ada"))))).get(1);

        assertTrue(facts.contains("*Email:* ada@example.com (your accounts are linked by this verified address"), facts);
    }

    @Test
    void me_afterWhoami_onAnAccountNotLinked_saysWhyInOneSentence_escaped() {
        Profile profile = new Profile(ADA, List.of(), List.of(), Optional.of("ada@example.com"));

        String facts = texts(render(new Reply.Me(profile, List.of(slackHere("U0ADA")),
                Optional.of(Message.verbatim("This account stays separate: <!here> is not trusted."))))).get(1);

        assertTrue(facts.contains("*Email:* ada@example.com. This account stays separate: &lt;!here&gt; is not trusted."),
                facts);
    }

    @Test
    void me_withAnAddressFromBeforeVouching_doesNotSayItLinksAnything() {
        Profile profile = new Profile(ADA, List.of(), List.of(), Optional.of("ada@example.com"));

        String facts = texts(render(new Reply.Me(profile, List.of(slackHere("U0ADA"))))).get(1);

        assertTrue(facts.contains("*Email:* ada@example.com (not checked yet: whoami checks it"), facts);
        assertFalse(facts.contains("linked"), facts);
    }

    @Test
    void me_withoutAnEmail_saysThisAccountStaysSeparate_andWhy() {
        String facts = texts(render(new Reply.Me(Profile.empty(ADA), List.of(slackHere("U0ADA"))))).get(1);

        assertTrue(facts.contains("*Email:* none known: Slack did not give Ciment your email address, so this account"
                + " stays separate"), facts);
    }

    @Test
    void me_ofAGuest_saysTheyTakePartWhereInvited_andAnEmployeeIsToldNothingOfTheKind() {
        Person guest = new Person("p-eve", "Eve", true);

        String shown = all(render(new Reply.Me(Profile.empty(guest), List.of(slackHere("U0EVE")))));

        assertTrue(shown.contains("You take part as a guest: you see and join the communities a steward invites you to."),
                shown);
        assertFalse(all(render(new Reply.Me(Profile.empty(ADA), List.of()))).contains("guest"));
    }

    @Test
    void me_withNothingDeclared_saysHowToDeclare() {
        String shown = all(render(new Reply.Me(Profile.empty(ADA), List.of(slackHere("U0ADA")))));

        assertTrue(shown.contains("*Roles:* none yet: add one with `/ciment roles add &lt;text&gt;`"), shown);
        assertTrue(shown.contains("*Skills:* none yet: add one with `/ciment skills add &lt;text&gt;`"), shown);
    }

    @Test
    void me_withManyLongSkills_staysWithinTheSectionLimit() {
        List<String> skills = IntStream.range(0, 200).mapToObj(i -> "<".repeat(60)).toList();

        BlockKitReply.Rendered rendered = render(new Reply.Me(new Profile(ADA, skills, skills), List.of()));

        for (LayoutBlock block : rendered.blocks()) {
            assertTrue(text(block).length() <= 3000, "section of " + text(block).length());
        }
        assertTrue(all(rendered).contains("more"), all(rendered));
    }

    // --- who ---------------------------------------------------------------------------------------

    private static Community community(String slug, String purpose, boolean open) {
        return new Community("c-" + slug, new Slug(slug), slug, purpose, List.of("accessibility"), open, false, 3, 1, "p",
                Instant.EPOCH);
    }

    @Test
    void who_namesEachPerson_withAMentionWhenTheyAreOnThisWorkspace_andWhereElseOtherwise() {
        Reply.Who who = new Reply.Who("Accessibility", List.of(
                new Reply.Found(ADA, List.of(slackHere("U0ADA"), teams("29:ada"))),
                new Reply.Found(new Person("p-grace", "Grace"), List.of(teams("29:grace"))),
                new Reply.Found(new Person("p-linus", "Linus"), List.of(new ChatAccount(Platform.SLACK, "T0OTHER", "U0L")))),
                List.of(community("a11y", "Accessible <b>products</b>", true), community("a11y-core", "Core team", false)));

        List<String> texts = texts(render(who));

        assertEquals("*Who for “Accessibility”*", texts.get(0));
        assertEquals("*People*\n• *Ada &lt;Lovelace&gt;* · <@U0ADA>\n• *Grace* · on Teams"
                + "\n• *Linus* · on another Slack workspace", texts.get(1));
        assertEquals("*Communities tagged with it*\n• *a11y* Accessible &lt;b&gt;products&lt;/b&gt;"
                + "\n• *a11y-core* Core team _(closed)_", texts.get(2));
    }

    @Test
    void who_withCommunitiesButNobody_saysNobodyDeclaredIt() {
        String shown = all(render(new Reply.Who("sql", List.of(), List.of(community("sql-club", "SQL", true)))));

        assertTrue(shown.contains("*People*\nNobody has declared it yet."), shown);
        assertTrue(shown.contains("• *sql-club* SQL"), shown);
    }

    @Test
    void who_findingNothing_saysSo_andHowToOfferIt() {
        List<String> texts = texts(render(new Reply.Who("<cobol>", List.of(), List.of())));

        assertEquals(2, texts.size());
        assertTrue(texts.get(1).startsWith("Nobody has declared “&lt;cobol&gt;” yet"), texts.get(1));
        assertTrue(texts.get(1).contains("`/ciment skills add &lt;cobol&gt;`"), texts.get(1));
    }

    @Test
    void who_withManyPeopleAndCommunities_staysWithinSlacksLimits() {
        List<Reply.Found> people = IntStream.range(0, 25)
                .mapToObj(i -> new Reply.Found(new Person("p" + i, "&".repeat(100) + i), List.of(slackHere("U0" + i))))
                .toList();
        List<Community> communities = IntStream.range(0, 200)
                .mapToObj(i -> community("c-" + (100 + i), "<".repeat(300), true)).toList();

        BlockKitReply.Rendered rendered = render(new Reply.Who("x", people, communities));

        assertTrue(rendered.blocks().size() <= 50);
        for (LayoutBlock block : rendered.blocks()) {
            assertTrue(text(block).length() <= 3000, "section of " + text(block).length());
        }
        assertTrue(all(rendered).contains("more"), all(rendered));
        assertFalse(all(rendered).contains("<@U0" + "…"), "a mention is never cut: " + all(rendered));
    }
}
