package ciment.teams.render;

import ciment.core.i18n.Catalogue;
import ciment.core.i18n.Message;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.core.command.Grammar;
import ciment.core.model.ChatAccount;
import ciment.core.model.Community;
import ciment.core.model.JoinRequest;
import ciment.core.model.Person;
import ciment.core.model.Platform;
import ciment.core.model.Post;
import ciment.core.model.Profile;
import ciment.core.model.Slug;
import ciment.core.reply.Reply;
import ciment.core.reply.Usage;
import ciment.devkit.teams.TeamsMarkup;
import ciment.teams.AdaptiveCardCheck;
import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.Serialization;
import com.microsoft.bot.schema.TextFormatTypes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

public class TeamsRepliesTest {
    private static final Instant AT = Instant.parse("2025-03-01T09:30:15.123Z");
    private static final String TENANT = "tenant-1";
    private static final ChatAccount ADA_TEAMS = new ChatAccount(Platform.TEAMS, TENANT, "aad-ada");
    private static final ChatAccount GRACE_TEAMS = new ChatAccount(Platform.TEAMS, TENANT, "aad-grace");
    private static final ChatAccount GRACE_SLACK = new ChatAccount(Platform.SLACK, "T1", "U-grace");
    private static final ChatAccount LINUS_ELSEWHERE = new ChatAccount(Platform.TEAMS, "tenant-2", "aad-linus");
    private static final Person ADA = new Person("p-ada", "Ada Lovelace");
    private static final Person GRACE = new Person("p-grace", "Grace Hopper");
    private static final Person LINUS = new Person("p-linus", "Linus Torvalds");

    private static Activity render(Reply reply) {
        return TeamsReplies.render(reply, TENANT, Catalogue.ENGLISH);
    }

    private static Community community(String slug, boolean open, boolean archived, int members, String... tags) {
        return new Community("c-" + slug, Slug.parse(slug), Slug.parse(slug).displayName(), "Purpose of " + slug,
                List.of(tags), open, archived, members, 1, "p1", AT);
    }

    private static Post post(String id, String author, String text) {
        return new Post(id, "c1", Slug.parse("guild-java"), "p-" + author, author, Platform.SLACK, text, AT);
    }

    @Test
    void feed_isAnAdaptiveCard_namingEachPostsAuthor() {
        Reply.Feed feed = new Reply.Feed("guild-java",
                List.of(post("01JB0000000000000000000002", "Grace Hopper", "Second"),
                        post("01JB0000000000000000000001", "Ada Lovelace", "First")), "none");
        Activity activity = render(feed);

        JsonNode card = card(activity);
        String json = card.toString();
        assertTrue(TeamsMarkup.readable(card).contains("**Grace Hopper**"), json);
        assertTrue(TeamsMarkup.readable(card).contains("**Ada Lovelace**"), json);
        assertTrue(json.indexOf("Second") < json.indexOf("First"), "newest first");
        assertTrue(json.contains("#01JB0000000000000000000002"));
        assertTrue(json.contains("{{DATE(2025-03-01T09:30:15Z, SHORT)}}"), "date without fractions, as Teams parses it");
        assertEquals(feed.summary(), activity.getSummary());
        assertValidAdaptiveCard(card);
    }

    @Test
    void emptyFeed_isACardWithTheHint() {
        Activity activity = render(new Reply.Feed("", List.of(), "You are not in any community yet."));
        JsonNode card = card(activity);
        assertTrue(card.toString().contains("You are not in any community yet."));
        assertValidAdaptiveCard(card);
    }

    @Test
    void communityList_showsSizesOnlyFromFive_andMarksClosedAndArchived() {
        Activity activity = render(new Reply.CommunityList("", List.of(
                new Reply.Listed(community("guild-java", true, false, 3), true),
                new Reply.Listed(community("big-guild", true, false, 12), false),
                new Reply.Listed(community("inner-circle", false, false, 7), false),
                new Reply.Listed(community("old-times", true, true, 5), false))));
        JsonNode card = card(activity);
        List<String> lines = subtleLines(card);

        assertEquals("fewer than 5 members · open · you are a member", lines.get(0));
        assertEquals("12 members · open · join big-guild", lines.get(1));
        assertEquals("7 members · closed · ask to join: join inner-circle", lines.get(2));
        assertEquals("5 members · open · archived", lines.get(3), "nobody joins an archived community");
        assertFalse(card.toString().contains("3 members"), "a size below 5 is never shown");
        assertValidAdaptiveCard(card);
    }

    @Test
    void communityList_showsSuggestionsUnderTheirOwnHeading_andAnInvitationAsSuch() {
        Activity activity = render(new Reply.CommunityList("", List.of(
                new Reply.Listed(community("guild-java", true, false, 3), true)),
                List.of(new Reply.Listed(community("a11y", false, false, 9, "accessibilite"), false, true)), 0));
        JsonNode card = card(activity);

        assertTrue(TeamsMarkup.readable(card).contains("**Suggested for your roles and skills**"), card.toString());
        assertEquals("9 members · closed · you are invited: join a11y", subtleLines(card).get(1));
        assertValidAdaptiveCard(card);
    }

    @Test
    void info_showsPurposeTagsStateStewardsAndSizeBelowFiveHidden_andNamesStewardsWithoutMentioningThem() {
        Community closed = community("data-guild", false, false, 4, "analytics", "sql");
        Reply.Info info = new Reply.Info(closed, List.of(ADA, LINUS), Reply.Standing.REQUESTED,
                Map.of(ADA.id(), List.of(ADA_TEAMS), LINUS.id(), List.of(LINUS_ELSEWHERE)));
        Activity activity = render(info);
        JsonNode card = card(activity);
        Map<String, String> facts = facts(card);

        assertEquals("closed: joining needs a steward's approval", facts.get("State"));
        assertEquals("analytics, sql", facts.get("Tags"));
        assertEquals("fewer than 5 members", facts.get("Size"));
        assertEquals("**Ada Lovelace**, **Linus Torvalds**", facts.get("Stewards"),
                "Ada, of the reader's tenant, is named in bold like Linus: a mention would notify her");
        assertMentionsNobody(card);
        assertTrue(card.toString().contains("Purpose of data-guild"));
        assertTrue(card.toString().contains("Your request to join data-guild waits for a steward."));
        assertFalse(card.toString().contains(" 4 "), "no exact size below 5");
        assertEquals(info.summary(), activity.getSummary());
        assertValidAdaptiveCard(card);
    }

    @Test
    void info_ofAnArchivedCommunity_withFiveMembers_showsTheSize_andThatNobodyJoins() {
        Reply.Info info = new Reply.Info(community("old-times", true, true, 5), List.of(GRACE), Reply.Standing.NONE);
        JsonNode card = card(render(info));
        Map<String, String> facts = facts(card);

        assertEquals("archived: readable, closed to posts and new members", facts.get("State"));
        assertEquals("5 members", facts.get("Size"));
        assertEquals("none yet", facts.get("Tags"));
        assertEquals("**Grace Hopper**", facts.get("Stewards"), "no account known: named");
        assertTrue(card.toString().contains("old-times is archived: nobody joins it until a steward restores it."));
        assertMentionsNobody(card);
        assertValidAdaptiveCard(card);
    }

    @Test
    void info_standing_saysStewardMemberOrHowToJoin() {
        assertTrue(card(render(new Reply.Info(community("a-guild", true, false, 9), List.of(ADA), Reply.Standing.STEWARD)))
                .toString().contains("You are a steward of a-guild."));
        assertTrue(card(render(new Reply.Info(community("a-guild", true, false, 9), List.of(ADA), Reply.Standing.MEMBER)))
                .toString().contains("You are a member of a-guild."));
        assertTrue(card(render(new Reply.Info(community("a-guild", true, false, 9), List.of(ADA), Reply.Standing.NONE)))
                .toString().contains("Join with join a-guild."));
        assertTrue(card(render(new Reply.Info(community("a-guild", false, false, 9), List.of(ADA), Reply.Standing.NONE)))
                .toString().contains("Ask to join with join a-guild: a steward answers."));
    }

    @Test
    void requests_nameWhoAskedAndWhen_withoutMentioningThem_andShowTheCommandsToSend() {
        Instant later = Instant.parse("2025-03-02T10:00:00Z");
        Reply.Requests requests = new Reply.Requests("data-guild", List.of(
                new JoinRequest("c1", Slug.parse("data-guild"), GRACE.id(), "Grace Hopper", AT),
                new JoinRequest("c1", Slug.parse("data-guild"), LINUS.id(), "Linus Torvalds", later)),
                Map.of(GRACE.id(), List.of(GRACE_SLACK, GRACE_TEAMS), LINUS.id(), List.of(LINUS_ELSEWHERE)));
        Activity activity = render(requests);
        JsonNode card = card(activity);
        String json = card.toString();
        String shown = TeamsMarkup.readable(card);

        assertTrue(shown.contains("**Grace Hopper**\nasked {{DATE(2025-03-01T09:30:15Z, SHORT)}}"), shown);
        assertTrue(shown.contains("**Linus Torvalds**\nasked {{DATE(2025-03-02T10:00:00Z, SHORT)}}"), shown);
        assertTrue(json.indexOf("Grace Hopper") < json.indexOf("Linus Torvalds"), "oldest first");
        assertTrue(json.contains("approve data-guild @Grace Hopper · decline data-guild @Grace Hopper"), json);
        assertTrue(json.contains("approve data-guild @Linus Torvalds"), json);
        assertMentionsNobody(card);
        assertEquals(requests.summary(), activity.getSummary());
        assertValidAdaptiveCard(card);
    }

    @Test
    void requests_none_isACardWithTheSentence() {
        JsonNode card = card(render(new Reply.Requests("data-guild", List.of())));
        assertTrue(card.toString().contains("No request is waiting in data-guild."));
        assertValidAdaptiveCard(card);
    }

    @Test
    void me_listsAccountsRolesAndSkills() {
        Profile profile = new Profile(GRACE, List.of("onboarding buddy"), List.of("COBOL", "compilers"));
        Activity activity = render(new Reply.Me(profile, List.of(GRACE_TEAMS, GRACE_SLACK, LINUS_ELSEWHERE)));
        JsonNode card = card(activity);
        Map<String, String> facts = facts(card);

        assertEquals("Teams (this organisation), Slack (workspace T1), Teams (organisation tenant-2)", facts.get("Accounts"));
        assertEquals("onboarding buddy", facts.get("Roles"));
        assertEquals("COBOL, compilers", facts.get("Skills"));
        assertTrue(card.toString().contains("Grace Hopper"));
        assertEquals("Grace Hopper: roles: onboarding buddy; skills: COBOL, compilers.", activity.getSummary());
        assertValidAdaptiveCard(card);

        Map<String, String> empty = facts(card(render(new Reply.Me(Profile.empty(ADA), List.of(ADA_TEAMS)))));
        assertEquals("none yet", empty.get("Roles"));
        assertEquals("none yet", empty.get("Skills"));
    }

    @Test
    void me_afterWhoami_onAnAccountNotLinked_saysWhyInOneSentence_notThatItIsLinked() {
        Profile profile = new Profile(GRACE, List.of(), List.of(), java.util.Optional.of("grace@navy.example"));
        String why = "This account stays separate from your other accounts: it takes part as a guest.";
        JsonNode card = card(render(new Reply.Me(profile, List.of(GRACE_TEAMS), java.util.Optional.of(Message.verbatim(why)))));

        assertTrue(card.toString().contains(why), card.toString());
        assertFalse(card.toString().contains("are linked"), card.toString());
        assertValidAdaptiveCard(card);
    }

    @Test
    void me_withAnEmail_showsIt_andSaysTheAccountsAreLinkedByIt() {
        Profile profile = new Profile(GRACE, List.of(), List.of(), java.util.Optional.of("grace@navy.example"),
                java.util.Optional.of("navy-tenant"));
        JsonNode card = card(render(new Reply.Me(profile, List.of(GRACE_TEAMS, GRACE_SLACK))));

        assertEquals("grace@navy.example", facts(card).get("Email"));
        assertTrue(card.toString().contains("Your accounts are linked by this verified email address"), card.toString());
        assertFalse(card.toString().contains("as a guest"), "an employee is not told they are a guest");
        assertValidAdaptiveCard(card);
    }

    @Test
    void me_withoutEmail_saysWhyTheAccountStaysSeparate() {
        JsonNode card = card(render(new Reply.Me(Profile.empty(ADA), List.of(ADA_TEAMS))));
        assertEquals("not known", facts(card).get("Email"));
        assertTrue(card.toString().contains("has not given Ciment a verified email address for you, so this account"
                + " stays separate"), card.toString());
        assertFalse(card.toString().contains("linked by"));
    }

    @Test
    void me_ofAGuest_saysTheyTakePartAsAGuest() {
        Person pat = new Person("p-pat", "Pat Partner", true);
        Profile profile = new Profile(pat, List.of(), List.of(), java.util.Optional.of("pat@supplier.example"));
        JsonNode card = card(render(new Reply.Me(profile, List.of(new ChatAccount(Platform.TEAMS, TENANT, "aad-pat")))));
        assertTrue(card.toString().contains("You take part as a guest: you see and join the communities a steward invites"
                + " you to."), card.toString());
        assertValidAdaptiveCard(card);
    }

    @Test
    void who_namesPeopleWithoutMentioningThem_saysWhereToReachThem_andListsTaggedCommunitiesWithTheirPurpose() {
        Reply.Who who = new Reply.Who("accessibility", List.of(
                new Reply.Found(ADA, List.of(ADA_TEAMS)),
                new Reply.Found(GRACE, List.of(GRACE_SLACK)),
                new Reply.Found(LINUS, List.of(LINUS_ELSEWHERE))),
                List.of(community("a11y-guild", false, false, 2, "accessibility")));
        Activity activity = render(who);
        JsonNode card = card(activity);
        String json = TeamsMarkup.readable(card);
        List<String> subtle = subtleLines(card);

        assertTrue(json.contains("\n**Ada Lovelace**\n"), "Ada, of the reader's tenant, is named in bold: " + json);
        assertEquals("on Teams: find them by name in Teams' search or in a new chat", subtle.get(0));
        assertTrue(json.contains("\n**Grace Hopper**\n"), json);
        assertEquals("on Slack", subtle.get(1));
        assertTrue(json.contains("\n**Linus Torvalds**\n"), json);
        assertEquals("on Teams, in another organisation", subtle.get(2));
        assertMentionsNobody(card);
        assertTrue(json.contains("**a11y-guild**") && json.contains("Purpose of a11y-guild"), json);
        assertEquals("closed · ask to join: join a11y-guild", subtle.get(3));
        assertFalse(json.contains("members"), "no sizes in who");
        assertEquals(who.summary(), activity.getSummary());
        assertValidAdaptiveCard(card);
    }

    @Test
    void who_twoPeopleOfTheSameName_areBothListed_eachWithWhereToReachThem() {
        Person otherAda = new Person("p-ada-2", "Ada Lovelace");
        ChatAccount otherAdaSlack = new ChatAccount(Platform.SLACK, "T1", "U-ada-2");
        JsonNode card = card(render(new Reply.Who("maths", List.of(
                new Reply.Found(ADA, List.of(ADA_TEAMS)), new Reply.Found(otherAda, List.of(otherAdaSlack))), List.of())));

        assertEquals(List.of("**Ada Lovelace**", "**Ada Lovelace**"), personLines(card));
        assertEquals(List.of("on Teams: find them by name in Teams' search or in a new chat", "on Slack"), subtleLines(card));
        assertMentionsNobody(card);
        assertValidAdaptiveCard(card);
    }

    @Test
    void namesWithMarkdownCharacters_areShownAsTyped_inBoldRuns_inInfoRequestsAndWho() {
        Person odd = new Person("p-odd", "Ada_Love*lace");
        List<ChatAccount> oddTeams = List.of(new ChatAccount(Platform.TEAMS, TENANT, "aad-odd"));
        JsonNode info = card(render(new Reply.Info(community("a-guild", true, false, 9), List.of(odd), Reply.Standing.NONE,
                Map.of(odd.id(), oddTeams))));
        JsonNode requests = card(render(new Reply.Requests("a-guild",
                List.of(new JoinRequest("c1", Slug.parse("a-guild"), odd.id(), odd.displayName(), AT)),
                Map.of(odd.id(), oddTeams))));
        JsonNode who = card(render(new Reply.Who("maths", List.of(new Reply.Found(odd, oddTeams)), List.of())));

        assertEquals("**Ada_Love*lace**", facts(info).get("Stewards"), "a run: no markdown to escape");
        assertTrue(TeamsMarkup.readable(requests).contains("**Ada_Love*lace**\nasked "), requests.toString());
        assertTrue(requests.toString().contains("approve a-guild @Ada_Love*lace"), "the command to send keeps the name");
        assertEquals(List.of("**Ada_Love*lace**"), personLines(who));
        for (JsonNode card : List.of(info, requests, who)) {
            assertEquals(List.of(), TeamsMarkup.problems(card));
        }
        for (JsonNode card : List.of(info, requests, who)) {
            assertMentionsNobody(card);
            assertValidAdaptiveCard(card);
        }
    }

    @Test
    void who_nobody_isACardWithTheSentence() {
        Reply.Who who = new Reply.Who("basket weaving", List.of(), List.of());
        JsonNode card = card(render(who));
        assertTrue(card.toString().contains(who.summary()));
        assertValidAdaptiveCard(card);
    }

    @Test
    void sentences_areTextAndHelpIsMarkdown() {
        Activity refused = render(new Reply.Refused("Only members can post in guild-java: join guild-java first."));
        assertEquals("Only members can post in guild-java: join guild-java first.", refused.getText());
        assertEquals(TextFormatTypes.PLAIN, refused.getTextFormat());
        assertTrue(refused.getAttachments() == null || refused.getAttachments().isEmpty());

        Activity help = render(new Reply.Help(Grammar.AVAILABLE));
        assertEquals(TextFormatTypes.MARKDOWN, help.getTextFormat());
        for (Usage usage : Grammar.AVAILABLE) {
            assertTrue(help.getText().contains("`" + usage.form() + "`"), usage.form());
        }
    }

    private static JsonNode card(Activity activity) {
        assertEquals(1, activity.getAttachments().size());
        assertEquals("application/vnd.microsoft.card.adaptive", activity.getAttachments().get(0).getContentType());
        // as the Bot Connector will receive it
        return Serialization.objectToTree(activity).path("attachments").path(0).path("content");
    }

    private static List<String> subtleLines(JsonNode card) {
        List<String> lines = new ArrayList<>();
        card.findParents("isSubtle").forEach(block -> lines.add(block.path("text").asText()));
        return lines;
    }

    /** A fact is a RichTextBlock whose first run, in bold, is its title and a colon; its value the rest. */
    private static Map<String, String> facts(JsonNode card) {
        Map<String, String> facts = new java.util.LinkedHashMap<>();
        card.findParents("inlines").forEach(block -> {
            String line = TeamsMarkup.line(block);
            java.util.regex.Matcher fact = java.util.regex.Pattern.compile("^\\*\\*([^*]+): \\*\\*(.*)$",
                    java.util.regex.Pattern.DOTALL).matcher(line);
            if (fact.matches()) {
                facts.put(fact.group(1), fact.group(2));
            }
        });
        return facts;
    }

    /** The first line of each person's container in a who card: their name. */
    private static List<String> personLines(JsonNode card) {
        List<String> lines = new ArrayList<>();
        card.path("body").forEach(element -> {
            if (element.path("type").asText().equals("Container") && element.path("items").size() == 2) {
                lines.add(TeamsMarkup.line(element.path("items").path(0)));
            }
        });
        return lines;
    }

    /**
     * The card notifies nobody: Teams reads mentions from msteams.entities (and an {@code <at>} tag
     * only with its entity), so neither is in it.
     */
    private static void assertMentionsNobody(JsonNode card) {
        assertFalse(card.has("msteams"), "no msteams property: " + card);
        assertTrue(card.findParents("mentioned").isEmpty(), "no mention entity: " + card);
        assertFalse(card.toString().contains("<at>"), "no <at> tag: " + card);
    }

    /**
     * The Adaptive Cards 1.5 schema and Teams' rules (AdaptiveCardCheck); and Teams' mentions: each entity's
     * text appears in a TextBlock or a fact, and each {@code <at>} in the card has its entity.
     */
    public static void assertValidAdaptiveCard(JsonNode card) {
        AdaptiveCardCheck.assertValid(card);
        List<String> texts = new ArrayList<>();
        card.findValues("text").forEach(text -> texts.add(text.asText()));
        card.findParents("facts").forEach(set -> set.path("facts").forEach(fact -> texts.add(fact.path("value").asText())));
        Set<String> mentionTexts = new HashSet<>();
        for (JsonNode entity : card.path("msteams").path("entities")) {
            String text = entity.path("text").asText();
            assertTrue(text.matches("<at>[^<>]+</at>"), text);
            assertTrue(mentionTexts.add(text), "one entity per mention text: " + text);
            assertTrue(texts.stream().anyMatch(t -> t.contains(text)), "mention text in the card: " + text);
        }
        for (String text : texts) {
            java.util.regex.Matcher at = java.util.regex.Pattern.compile("<at>[^<>]*</at>").matcher(text);
            while (at.find()) {
                assertTrue(mentionTexts.contains(at.group()), "an entity for " + at.group());
            }
        }
    }
}
