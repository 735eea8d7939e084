package ciment.slack.render;

import static ciment.slack.render.Shown.all;
import static ciment.slack.render.Shown.text;
import static ciment.slack.render.Shown.texts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.core.i18n.Catalogue;
import ciment.core.model.ChatAccount;
import ciment.core.model.Community;
import ciment.core.model.JoinRequest;
import ciment.core.model.Person;
import ciment.core.model.Platform;
import ciment.core.model.Slug;
import ciment.core.reply.Reply;
import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.element.ButtonElement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The list of communities, a community's card and its join requests, as a Slack user in TEAM sees them. */
class CommunityBlocksTest {
    private static final Instant AT = Instant.parse("2026-11-27T10:00:00Z");
    private static final String TEAM = "T0HERE";
    private static final Slug SLUG = new Slug("data-guild");

    private static BlockKitReply.Rendered render(Reply reply) {
        return BlockKitReply.render(reply, TEAM, Catalogue.ENGLISH);
    }

    private static Community community(int members, boolean open, boolean archived, List<String> tags) {
        return new Community("c1", SLUG, "Data Guild", "Sharing data tips", tags, open, archived, members, 1, "p-ada", AT);
    }

    private static ChatAccount slackHere(String user) {
        return new ChatAccount(Platform.SLACK, TEAM, user);
    }

    private static final Person ADA = new Person("p-ada", "Ada Lovelace");
    private static final Person GRACE = new Person("p-grace", "Grace <3");
    private static final Person LINUS = new Person("p-linus", "Linus");

    // --- the list ----------------------------------------------------------------------------------

    @Test
    void communityList_marksClosedAndArchived_andOffersJoiningOnlyWhereOneCan() {
        Community closed = new Community("c2", new Slug("closed-one"), "Closed One", "Private talk", List.of(), false,
                false, 7, 1, "p", AT);
        Community archived = new Community("c3", new Slug("old-one"), "Old One", "Past talk", List.of(), true,
                true, 30, 1, "p", AT);
        List<String> texts = texts(render(new Reply.CommunityList("", List.of(
                new Reply.Listed(closed, false), new Reply.Listed(archived, false)))));

        assertTrue(texts.get(1).contains(":lock: closed") && texts.get(1).contains("7 members")
                && texts.get(1).contains("ask to join with `/ciment join closed-one`"), texts.get(1));
        assertTrue(texts.get(2).contains(":file_cabinet: archived") && texts.get(2).contains("30 members"), texts.get(2));
        assertFalse(texts.get(2).contains("join"), "nobody joins an archived community: " + texts.get(2));
    }

    @Test
    void communityList_showsTags_escaped() {
        String shown = all(render(new Reply.CommunityList("", List.of(
                new Reply.Listed(community(3, true, false, List.of("sql", "<!here>")), false)))));

        assertTrue(shown.contains("Tags: sql, &lt;!here&gt;"), shown);
    }

    @Test
    void communityList_showsSuggestionsUnderTheirOwnHeading_andAnInvitationAsSuch() {
        Community suggested = new Community("c4", new Slug("a11y"), "A11y", "Accessible products", List.of("accessibilite"),
                false, false, 9, 1, "p", AT);
        List<String> texts = texts(render(new Reply.CommunityList("", List.of(
                new Reply.Listed(community(3, true, false, List.of()), false)), List.of(new Reply.Listed(suggested, false, true)), 0)));

        assertEquals("*Suggested for your roles and skills*", texts.get(2));
        assertTrue(texts.get(3).contains("a11y") && texts.get(3).contains("you are invited: join with `/ciment join a11y`"),
                texts.get(3));
    }

    // --- info --------------------------------------------------------------------------------------

    private static Reply.Info info(Community community, Reply.Standing standing) {
        return new Reply.Info(community, List.of(ADA, GRACE, LINUS), standing, Map.of(
                ADA.id(), List.of(slackHere("U0ADA")),
                GRACE.id(), List.of(new ChatAccount(Platform.TEAMS, "tenant-1", "29:grace")),
                LINUS.id(), List.of(new ChatAccount(Platform.SLACK, "T0OTHER", "U0LINUS"))));
    }

    @Test
    void info_showsPurposeStateSizeTagsAndStewards_mentioningOnlyThoseWithAnAccountHere() {
        String shown = all(render(info(community(3, false, false, List.of("analytics", "sql")), Reply.Standing.NONE)));

        assertTrue(shown.contains("*data-guild*  Data Guild\nSharing data tips"), shown);
        assertTrue(shown.contains(":lock: *Closed*"), shown);
        assertTrue(shown.contains("*Size:* fewer than 5 members"), shown);
        assertTrue(shown.contains("*Tags:* analytics, sql"), shown);
        assertTrue(shown.contains("*Stewards:* <@U0ADA>, Grace &lt;3, Linus"), shown);
        assertFalse(shown.contains("<@U0LINUS>"), "Linus's account is in another workspace: " + shown);
        assertTrue(shown.contains("ask to join with `/ciment join data-guild`"), shown);
    }

    @Test
    void info_showsTheSize_fromFiveMembers() {
        assertTrue(all(render(info(community(5, true, false, List.of()), Reply.Standing.MEMBER))).contains("*Size:* 5 members"));
        assertTrue(all(render(info(community(4, true, false, List.of()), Reply.Standing.MEMBER)))
                .contains("*Size:* fewer than 5 members"));
    }

    @Test
    void info_saysWhereTheAskerStands() {
        Community open = community(9, true, false, List.of());
        Community closed = community(9, false, false, List.of());

        assertTrue(all(render(info(closed, Reply.Standing.STEWARD))).contains("You are a steward of *data-guild*. "
                + "Waiting requests: `/ciment requests data-guild`"));
        assertTrue(all(render(info(open, Reply.Standing.MEMBER))).contains("You are a member of *data-guild*."
                + " Post with `/ciment post data-guild &lt;text&gt;`"));
        assertTrue(all(render(info(closed, Reply.Standing.REQUESTED))).contains("Your request to join *data-guild* waits"));
        assertTrue(all(render(info(open, Reply.Standing.NONE))).contains("join with `/ciment join data-guild`"));
    }

    @Test
    void info_ofAnArchivedCommunity_saysReadOnly_andOffersNoWayIn() {
        String shown = all(render(info(community(9, true, true, List.of()), Reply.Standing.NONE)));

        assertTrue(shown.contains(":file_cabinet: *Archived*: read-only"), shown);
        assertFalse(shown.contains("/ciment join"), shown);
    }

    @Test
    void info_escapesWhatPeopleTyped() {
        Community typed = new Community("c1", SLUG, "<!channel>", "<https://evil.example|click> & more",
                List.of("<@u1>"), true, false, 9, 1, "p", AT);
        Reply.Info info = new Reply.Info(typed, List.of(new Person("p1", "<!everyone>")), Reply.Standing.NONE);

        BlockKitReply.Rendered rendered = render(info);
        String shown = all(rendered);

        assertTrue(shown.contains("&lt;!channel&gt;") && shown.contains("&lt;https://evil.example|click&gt; &amp; more")
                && shown.contains("&lt;@u1&gt;") && shown.contains("&lt;!everyone&gt;"), shown);
        assertFalse(shown.contains("<!") || shown.contains("<http") || shown.contains("<@u1"), shown);
        assertFalse(rendered.text().contains("<"), rendered.text());
    }

    @Test
    void info_withAHundredLongStewardNames_staysWithinTheSectionLimit_andCountsTheOthers() {
        List<Person> stewards = IntStream.range(0, 100).mapToObj(i -> new Person("p" + i, "&".repeat(80) + i)).toList();

        BlockKitReply.Rendered rendered = render(new Reply.Info(community(100, true, false, List.of()), stewards,
                Reply.Standing.NONE));

        for (LayoutBlock block : rendered.blocks()) {
            assertTrue(text(block).length() <= 3000, "section of " + text(block).length());
        }
        assertTrue(all(rendered).matches("(?s).*…and \\d+ more.*"), all(rendered));
    }

    @Test
    void steward_whoseAccountIdIsNotASlackUserId_isNamed_neverPutBetweenAngleBrackets() {
        Reply.Info info = new Reply.Info(community(9, true, false, List.of()), List.of(ADA), Reply.Standing.NONE,
                Map.of(ADA.id(), List.of(slackHere("U1>|<!channel"))));

        String shown = all(render(info));

        assertTrue(shown.contains("*Stewards:* Ada Lovelace"), shown);
        assertFalse(shown.contains("<!channel"), shown);
    }

    // --- requests ----------------------------------------------------------------------------------

    private static JoinRequest request(Person person) {
        return new JoinRequest("c1", SLUG, person.id(), person.displayName(), AT);
    }

    @Test
    void requests_showWhoAskedAndWhen_andTheExactCommandsToAnswer() {
        Reply.Requests requests = new Reply.Requests("data-guild", List.of(request(ADA)),
                Map.of(ADA.id(), List.of(slackHere("U0ADA"))));

        List<String> texts = texts(render(requests));

        assertEquals(2, texts.size(), texts.toString());
        String shown = texts.get(1);
        assertTrue(shown.startsWith("*Ada Lovelace* (<@U0ADA>) asked <!date^" + AT.getEpochSecond() + "^"), shown);
        assertTrue(shown.contains("`/ciment approve data-guild <@U0ADA>`"), shown);
        assertTrue(shown.contains("`/ciment decline data-guild <@U0ADA>`"), shown);
    }

    @Test
    void request_fromSomeoneNotOnThisWorkspace_saysWhereToAnswerIt() {
        Reply.Requests requests = new Reply.Requests("data-guild", List.of(request(GRACE)),
                Map.of(GRACE.id(), List.of(new ChatAccount(Platform.TEAMS, "tenant-1", "29:grace"))));

        String shown = texts(render(requests)).get(1);

        assertTrue(shown.startsWith("*Grace &lt;3* asked "), shown);
        assertTrue(shown.contains("They asked from Teams"), shown);
        assertFalse(shown.contains("/ciment approve"), shown);
    }

    @Test
    void noRequests_isOneSentence() {
        List<String> texts = texts(render(new Reply.Requests("data-guild", List.of())));

        assertEquals(List.of(":inbox_tray: No request is waiting in data-guild."), texts);
    }

    @Test
    void sixtyRequests_stayWithinFiftyBlocks_andSayHowManyAreHidden() {
        List<JoinRequest> many = IntStream.range(0, 60).mapToObj(i -> request(new Person("p" + i, "P" + i))).toList();

        BlockKitReply.Rendered rendered = render(new Reply.Requests("data-guild", many));

        assertEquals(50, rendered.blocks().size());
        assertTrue(text(rendered.blocks().getLast()).contains("36 more requests"), text(rendered.blocks().getLast()));
    }

    @Test
    void eachRequest_hasApproveAndDeclineButtons_namingThePersonById_evenWhenTheyAskedFromTeams() {
        Reply.Requests requests = new Reply.Requests("data-guild", List.of(request(GRACE)),
                Map.of(GRACE.id(), List.of(new ChatAccount(Platform.TEAMS, "tenant-1", "29:grace"))));

        ActionsBlock buttons = (ActionsBlock) render(requests).blocks().get(2);

        List<ButtonElement> both = buttons.getElements().stream().map(ButtonElement.class::cast).toList();
        assertEquals(List.of("ciment_approve", "ciment_decline"), both.stream().map(ButtonElement::getActionId).toList());
        assertEquals("data-guild " + GRACE.id(), both.getFirst().getValue());
        assertTrue(both.getLast().getConfirm() != null, "declining asks first");
    }

    @Test
    void listedCommunity_offersJoin_orAskToJoin_butNotToMembers() {
        Community open = new Community("c1", new Slug("open-club"), "Open", "Anyone", List.of(), true, false, 3, 1, "p", AT);
        Community closed = new Community("c2", new Slug("closed-club"), "Closed", "Asked", List.of(), false, false, 3, 1,
                "p", AT);
        Community mine = new Community("c3", new Slug("mine-club"), "Mine", "In it", List.of(), true, false, 3, 1, "p", AT);
        List<LayoutBlock> blocks = render(new Reply.CommunityList("", List.of(new Reply.Listed(open, false),
                new Reply.Listed(closed, false), new Reply.Listed(mine, true)))).blocks();

        assertEquals("Join", ((ButtonElement) ((SectionBlock) blocks.get(1)).getAccessory()).getText().getText());
        assertEquals("Ask to join", ((ButtonElement) ((SectionBlock) blocks.get(2)).getAccessory()).getText().getText());
        assertEquals(null, ((SectionBlock) blocks.get(3)).getAccessory());
    }
}
