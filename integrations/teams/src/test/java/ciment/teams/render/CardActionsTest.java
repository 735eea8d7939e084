package ciment.teams.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.core.PeopleSearch;
import ciment.core.command.StewardVerbs;
import ciment.core.i18n.Catalogue;
import ciment.core.model.ChatAccount;
import ciment.core.model.Community;
import ciment.core.model.JoinRequest;
import ciment.core.model.Person;
import ciment.core.model.Platform;
import ciment.core.model.Profile;
import ciment.core.model.Slug;
import ciment.core.reply.Reply;
import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.bot.schema.AdaptiveCardInvokeAction;
import com.microsoft.bot.schema.Serialization;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The buttons each card carries for where the reader stands, valid Adaptive Cards 1.5, and reading a click back. */
class CardActionsTest {
    private static final Instant AT = Instant.parse("2026-11-27T10:00:00Z");
    private static final ChatAccount GRACE = new ChatAccount(Platform.TEAMS, "tenant-1", "aad-grace");

    private static Community community(boolean open, boolean archived) {
        return new Community("c1", new Slug("data-guild"), "Data guild", "Data people", List.of("sql"), open, archived,
                7, 1, "p-ada", AT);
    }

    private static JsonNode json(Object card) {
        JsonNode node = Serialization.objectToTree(card);
        TeamsRepliesTest.assertValidAdaptiveCard(node);
        return node;
    }

    private static List<String> buttons(JsonNode card) {
        List<String> titles = new ArrayList<>();
        card.findParents("type").stream().filter(n -> n.path("type").asText().startsWith("Action."))
                .forEach(action -> titles.add(action.path("title").asText()));
        return titles;
    }

    private static List<String> infoButtons(Community community, Reply.Standing standing) {
        return buttons(json(CommunityCards.info(new Reply.Info(community, List.of(), standing), Catalogue.ENGLISH).getContent()));
    }

    @Test
    void infoCard_offersWhatTheReaderCanDo_fromWhereTheyStand() {
        assertEquals(List.of("Join"), infoButtons(community(true, false), Reply.Standing.NONE));
        assertEquals(List.of("Ask to join"), infoButtons(community(false, false), Reply.Standing.NONE));
        assertEquals(List.of("Join"), infoButtons(community(false, false), Reply.Standing.INVITED));
        assertEquals(List.of(), infoButtons(community(false, false), Reply.Standing.REQUESTED));
        assertEquals(List.of("Leave"), infoButtons(community(true, false), Reply.Standing.MEMBER));
        assertEquals(List.of("Leave", "Insights", "Join requests", "Announce", "Send"),
                infoButtons(community(false, false), Reply.Standing.STEWARD));
        assertEquals(List.of("Leave", "Insights", "Announce", "Send"),
                infoButtons(community(true, false), Reply.Standing.STEWARD));
        assertEquals(List.of(), infoButtons(community(true, true), Reply.Standing.NONE), "nobody joins an archived one");
    }

    @Test
    void stewardsInsightsButton_namesOnlyTheCommunity_andReadsBackAsInsights() {
        JsonNode card = json(CommunityCards.info(new Reply.Info(community(true, false), List.of(),
                Reply.Standing.STEWARD), Catalogue.ENGLISH).getContent());
        JsonNode insights = card.findParents("verb").stream().filter(n -> n.path("verb").asText().equals("insights"))
                .findFirst().orElseThrow();
        AdaptiveCardInvokeAction action = new AdaptiveCardInvokeAction();
        action.setType("Action.Execute");
        action.setVerb(insights.path("verb").asText());
        action.setData(insights.path("data"));

        CardActions.Click click = CardActions.read(action).orElseThrow();

        assertEquals(new StewardVerbs.Insights(community(true, false).slug()), click.command().get());
        assertEquals(click.command().get(), click.refresh().get());
    }

    @Test
    void requestsCard_approveAndDecline_nameThePersonById_andReadBack() {
        JoinRequest request = new JoinRequest("c1", new Slug("data-guild"), "p-grace", "Grace Hopper", AT);
        JsonNode card = json(StewardCards.requests(new Reply.Requests("data-guild", List.of(request),
                Map.of("p-grace", List.of(GRACE))), Catalogue.ENGLISH).getContent());
        assertEquals(List.of("Approve", "Decline"), buttons(card));

        JsonNode approve = card.findParents("verb").get(0);
        AdaptiveCardInvokeAction action = new AdaptiveCardInvokeAction();
        action.setType("Action.Execute");
        action.setVerb(approve.path("verb").asText());
        action.setData(approve.path("data"));
        CardActions.Click click = CardActions.read(action).orElseThrow();

        assertEquals("approve", click.verb());
        assertEquals(new StewardVerbs.DecideRequest(new Slug("data-guild"), "p-grace", true), click.command().get());
        assertEquals(new StewardVerbs.Requests(new Slug("data-guild")), click.refresh().get());
    }

    @Test
    void requestMadeFromSlack_hasItsButtonsToo_andTheWordsStillSay() {
        JoinRequest request = new JoinRequest("c1", new Slug("data-guild"), "p-grace", "Grace Hopper", AT);
        JsonNode card = json(StewardCards.requests(new Reply.Requests("data-guild", List.of(request),
                Map.of("p-grace", List.of(new ChatAccount(Platform.SLACK, "T1", "U-grace")))), Catalogue.ENGLISH).getContent());
        assertEquals(List.of("Approve", "Decline"), buttons(card));
        assertTrue(card.toString().contains("approve data-guild @Grace Hopper"));
    }

    @Test
    void clickWithoutCimentsData_isNotRead() {
        AdaptiveCardInvokeAction action = new AdaptiveCardInvokeAction();
        action.setType("Action.Execute");
        action.setVerb("approve");
        action.setData(Map.of("slug", "data-guild", "card", "requests", "person", Map.of("name", "Grace")));
        assertEquals(Optional.empty(), CardActions.read(action), "an answer to a request needs the person's id");
        action.setVerb("delete");
        action.setData(Map.of("slug", "data-guild"));
        assertEquals(Optional.empty(), CardActions.read(action));
    }

    @Test
    void refusedClick_isAMessage_andADoneOne_theCardDrawnAgainUnderWhatWasDone() {
        var refused = CardActions.answer(new Reply.Refused("No."), () -> {
            throw new AssertionError("a refusal draws nothing again");
        }, "tenant-1", Catalogue.ENGLISH);
        assertEquals("application/vnd.microsoft.activity.message", refused.getType());
        assertEquals("No.", refused.getValue());

        var done = CardActions.answer(new Reply.Done("Welcome to data-guild."),
                () -> new Reply.Info(community(true, false), List.of(), Reply.Standing.MEMBER), "tenant-1", Catalogue.ENGLISH);
        assertEquals(200, done.getStatusCode());
        assertEquals(AdaptiveCards.CONTENT_TYPE, done.getType());
        JsonNode card = json(done.getValue());
        assertEquals("Welcome to data-guild.", ciment.devkit.teams.TeamsMarkup.line(card.path("body").get(0)));
        assertEquals(List.of("Leave"), buttons(card));
    }

    @Test
    void messagingExtensionCards_areValid_andAPersonsCardHasNoCount() {
        JsonNode community = json(CommunityCards.communityResult(community(false, false), Catalogue.ENGLISH));
        assertEquals(List.of("Ask to join"), buttons(community));

        Person ada = new Person("p-ada", "Ada Lovelace");
        Profile withAddress = new Profile(ada, List.of("Onboarding buddy"), List.of("SQL"), Optional.of("ada@example.org"),
                Optional.of("tenant-1"));
        JsonNode reachable = json(PeopleCards.personResult(new PeopleSearch.Found(ada, withAddress, List.of()), "tenant-1", Catalogue.ENGLISH));
        assertEquals(List.of("Chat in Teams"), buttons(reachable));
        assertTrue(reachable.toString().contains("users=ada%40example.org"), reachable.toString());

        Profile noAddress = new Profile(ada, List.of(), List.of("SQL"));
        JsonNode byAad = json(PeopleCards.personResult(new PeopleSearch.Found(ada, noAddress,
                List.of(new ChatAccount(Platform.TEAMS, "tenant-1", "aad-ada"))), "tenant-1", Catalogue.ENGLISH));
        assertTrue(byAad.toString().contains("users=aad-ada"), byAad.toString());
        JsonNode slackOnly = json(PeopleCards.personResult(new PeopleSearch.Found(ada, noAddress,
                List.of(new ChatAccount(Platform.SLACK, "T1", "U1"))), "tenant-1", Catalogue.ENGLISH));
        assertEquals(List.of(), buttons(slackOnly));
        assertTrue(slackOnly.toString().contains("on Slack"), slackOnly.toString());

        Profile unvouched = new Profile(ada, List.of(), List.of("SQL"), Optional.of("root@example.org"));
        JsonNode notByAddress = json(PeopleCards.personResult(new PeopleSearch.Found(ada, unvouched,
                List.of(new ChatAccount(Platform.TEAMS, "tenant-1", "aad-ada"))), "tenant-1", Catalogue.ENGLISH));
        assertTrue(notByAddress.toString().contains("users=aad-ada"),
                "an address nobody vouched for opens no chat with whoever holds it: " + notByAddress);
    }
}
