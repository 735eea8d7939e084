package ciment.teams;

import static ciment.core.testing.ReplySamples.AT;
import static ciment.core.testing.ReplySamples.TENANT;
import static ciment.core.testing.ReplySamples.WORST_NAME;
import static ciment.core.testing.ReplySamples.WORST_POST;
import static ciment.core.testing.ReplySamples.WORST_PURPOSE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.core.Ciment;
import ciment.core.PeopleSearch;
import ciment.core.config.WriteLimits;
import ciment.core.i18n.Catalogue;
import ciment.core.model.Caller;
import ciment.core.model.ChatAccount;
import ciment.core.model.Directory;
import ciment.core.model.Introduction;
import ciment.core.model.Person;
import ciment.core.model.Platform;
import ciment.core.model.Post;
import ciment.core.model.Profile;
import ciment.core.reply.Reply;
import ciment.core.service.Finance;
import ciment.core.testing.InMemoryRepositories;
import ciment.core.testing.ReplySamples;
import ciment.teams.inbound.MessagingExtension;
import ciment.teams.inbound.SaveToCommunity;
import ciment.teams.outbound.TeamsMirrorSender;
import ciment.teams.render.AdaptiveCards;
import ciment.teams.render.CardActions;
import ciment.teams.render.CommunityCards;
import ciment.teams.render.PeopleCards;
import ciment.teams.render.PostCards;
import ciment.teams.render.TeamsReplies;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.Serialization;
import com.microsoft.bot.schema.teams.MessagingExtensionAction;
import com.microsoft.bot.schema.teams.MessagingExtensionParameter;
import com.microsoft.bot.schema.teams.MessagingExtensionQuery;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every Adaptive Card Ciment sends to Teams, drawn from representative and worst inputs (ReplySamples), against
 * the Adaptive Cards 1.5 schema as Microsoft publishes it: answers of every kind and the same cards drawn again
 * after a click, mirrored posts, notices about a post, messaging extension results and the Save to community
 * dialog, in every language Ciment speaks. (The file consent and file info cards are Bot Framework cards, not
 * Adaptive Cards.) ReplySamplesTest fails when a kind of reply has no samples.
 */
class AdaptiveCardSchemaTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Every sample reply, in every language Ciment speaks. */
    static Stream<Arguments> replies() {
        return EveryPayload.languages().flatMap(language -> ReplySamples.all().entrySet().stream()
                .map(sample -> Arguments.of(sample.getKey() + " in " + language.get()[0], sample.getValue(),
                        language.get()[1])));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("replies")
    void everyReply_isDrawnInCardsThatTheSchemaAccepts(String name, Reply reply, Catalogue said) {
        Activity activity = TeamsReplies.render(reply, TENANT, said);
        AdaptiveCardCheck.cards(activity).forEach(AdaptiveCardCheck::assertValid);
        boolean sentence = reply instanceof Reply.Done || reply instanceof Reply.Refused || reply instanceof Reply.Help;
        assertEquals(sentence ? 0 : 1, AdaptiveCardCheck.cards(activity).size(), name);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("replies")
    void cardDrawnAgainAfterAClick_isAcceptedToo(String name, Reply reply, Catalogue said) {
        TeamsReplies.actionable(reply, TENANT, said).ifPresent(card -> {
            AdaptiveCards.headWith(card, "Joined " + WORST_NAME + ".");
            AdaptiveCardCheck.assertValid(card);
        });
        var answer = CardActions.answer(new Reply.Done("Done."), () -> reply, TENANT, said);
        if (answer.getType().equals(AdaptiveCards.CONTENT_TYPE)) {
            AdaptiveCardCheck.assertValid(Serialization.objectToTree(answer.getValue()));
        }
    }

    @ParameterizedTest(name = "in {0}")
    @MethodSource("ciment.teams.EveryPayload#languages")
    void mirroredPosts_ofEveryState_areAccepted(String code, Catalogue said) {
        Post worst = ReplySamples.worstPost(1);
        List<Post> posts = List.of(ReplySamples.post(2, "Ada", "Hello"), worst, worst.editedTo(WORST_POST),
                worst.hiddenFor(WORST_PURPOSE), worst.asRemoved(), ReplySamples.reply(3, 1, WORST_NAME, WORST_POST),
                worst.withMarks(Post.Marks.QUESTION).withReplies(0, null).withReactions(Map.of()));
        for (Post post : posts) {
            List<JsonNode> cards = AdaptiveCardCheck.cards(TeamsMirrorSender.card(post));
            assertEquals(1, cards.size());
            AdaptiveCardCheck.assertValid(cards.get(0));
            AdaptiveCardCheck.assertValid(json(PostCards.mirrored(post, said).getContent()));
        }
    }

    @ParameterizedTest(name = "in {0}")
    @MethodSource("ciment.teams.EveryPayload#languages")
    void noticesAboutAPost_orAReply_areAccepted(String code, Catalogue said) {
        String sentence = WORST_NAME + " mentioned you in data-guild: “" + WORST_POST + "”.";
        AdaptiveCardCheck.assertValid(json(PostCards.aboutPost(sentence, "#" + ReplySamples.id(1), said).getContent()));
        AdaptiveCardCheck.assertValid(json(PostCards.aboutPost(sentence,
                "#" + ReplySamples.id(1) + "/" + ReplySamples.id(2), said).getContent()));
    }

    @ParameterizedTest(name = "in {0}")
    @MethodSource("ciment.teams.EveryPayload#languages")
    void messagingExtensionResults_forCommunitiesAndPeople_areAccepted(String code, Catalogue said) {
        Ciment ciment = new Ciment(InMemoryRepositories.create(), Clock.systemUTC());
        Caller searcher = caller("aad-searcher", code);
        for (int i = 0; i < 3; i++) {
            ciment.handle(caller("aad-founder-" + i), "create guild-" + i + " " + WORST_PURPOSE);
        }
        var found = new MessagingExtension(ciment, Optional.empty()).answer(query(MessagingExtension.SEARCH_COMMUNITIES,
                "guild"), searcher);
        List<JsonNode> cards = new ArrayList<>();
        found.getComposeExtension().getAttachments().forEach(result -> cards.add(json(result.getContent())));
        assertEquals(3, cards.size());
        cards.forEach(AdaptiveCardCheck::assertValid);

        for (boolean archived : List.of(false, true)) {
            var community = ReplySamples.worstCommunity(archived ? 3 : 1);
            AdaptiveCardCheck.assertValid(CommunityCards.communityResult(community, said));
        }
        Profile declared = new Profile(new Person("p-x", WORST_NAME), List.of(WORST_NAME), List.of(WORST_PURPOSE),
                Optional.of("x@corp.example"));
        ChatAccount slack = new ChatAccount(Platform.SLACK, "T1", "U1");
        AdaptiveCardCheck.assertValid(PeopleCards.personResult(new PeopleSearch.Found(declared.person(), declared,
                List.of(slack)), TENANT, said));
        Profile noEmail = new Profile(declared.person(), List.of(), List.of());
        AdaptiveCardCheck.assertValid(PeopleCards.personResult(new PeopleSearch.Found(declared.person(), noEmail,
                List.of(slack)), TENANT, said));
    }

    @ParameterizedTest(name = "in {0}")
    @MethodSource("ciment.teams.EveryPayload#languages")
    void saveToCommunityDialog_withCommunitiesOrWithout_isAccepted(String code, Catalogue said) {
        // One person creates 30 communities here: more than a day's limit allows.
        WriteLimits manyCreates = new WriteLimits(WriteLimits.DEFAULTS.posts(), WriteLimits.DEFAULTS.reactions(),
                WriteLimits.Rate.parse("30/day"));
        Ciment ciment = new Ciment(InMemoryRepositories.create(), Clock.systemUTC(), Finance.off(), manyCreates);
        Caller member = caller("aad-member", code);
        MessagingExtensionAction action = new MessagingExtensionAction();
        action.setCommandId(SaveToCommunity.COMMAND);
        ciment.handle(member, "whoami");

        AdaptiveCardCheck.assertValid(dialogCard(new SaveToCommunity(ciment).fetchTask(action, member)));
        for (int i = 0; i < 30; i++) {
            ciment.handle(member, "create " + ReplySamples.worstCommunity(i).slug() + " " + WORST_PURPOSE);
        }
        JsonNode card = dialogCard(new SaveToCommunity(ciment).fetchTask(action, member));
        AdaptiveCardCheck.assertValid(card);
        assertEquals(30, card.findValue("choices").size());
    }

    @Test
    void brokenCards_areRefused_soThatTheCheckCanFail() {
        JsonNode good = json(PostCards.posted(new Reply.Posted(ReplySamples.post(1, "Ada", "Hi")), Catalogue.ENGLISH).getContent());
        assertTrue(AdaptiveCardCheck.problems(good).isEmpty(), AdaptiveCardCheck.problems(good).toString());

        assertFalse(AdaptiveCardCheck.problems(broken(good, "/body/0", "{\"type\":\"TextBlock\",\"wrap\":true}"))
                .isEmpty(), "a TextBlock without text");
        assertFalse(AdaptiveCardCheck.problems(broken(good, "/body/0", "{\"type\":\"Textblock\",\"text\":\"x\"}"))
                .isEmpty(), "an element type the schema does not know");
        assertFalse(AdaptiveCardCheck.problems(broken(good, "/body/0", "{\"type\":\"TextBlock\",\"text\":\"x\","
                + "\"size\":\"Huge\"}")).isEmpty(), "a size outside the enum");
        assertFalse(AdaptiveCardCheck.problems(broken(good, "/body/0", "{\"type\":\"TextBlock\",\"text\":\"x\","
                + "\"color\":\"red\"}")).isEmpty(), "a colour outside the enum");
        assertFalse(AdaptiveCardCheck.problems(broken(good, "/body/0", "{\"type\":\"TextBlock\",\"text\":null}"))
                .isEmpty(), "text that is null");
        JsonNode unknownProperty = good.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) unknownProperty).put("width", "Full");
        assertFalse(AdaptiveCardCheck.problems(unknownProperty).isEmpty(), "a property the card does not have");
        JsonNode teamsWidth = good.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) teamsWidth).putObject("msteams").put("width", "Full");
        assertTrue(AdaptiveCardCheck.problems(teamsWidth).isEmpty(), "msteams is Teams' documented extension");
        ((com.fasterxml.jackson.databind.node.ObjectNode) teamsWidth.get("msteams")).put("height", "Full");
        assertFalse(AdaptiveCardCheck.problems(teamsWidth).isEmpty(), "but only its documented properties");
    }

    private static JsonNode broken(JsonNode card, String at, String replacement) {
        JsonNode copy = card.deepCopy();
        try {
            int index = Integer.parseInt(at.substring(at.lastIndexOf('/') + 1));
            ((com.fasterxml.jackson.databind.node.ArrayNode) copy.at(at.substring(0, at.lastIndexOf('/'))))
                    .set(index, JSON.readTree(replacement));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        return copy;
    }

    private static JsonNode json(Object content) {
        return Serialization.objectToTree(content);
    }

    private static JsonNode dialogCard(com.microsoft.bot.schema.teams.MessagingExtensionActionResponse response) {
        JsonNode task = Serialization.objectToTree(response.getTask());
        assertEquals("continue", task.path("type").asText(), task.toString());
        return task.path("value").path("card").path("content");
    }

    private static Caller caller(String userId) {
        return caller(userId, null);
    }

    /** @param locale what the person's Teams client says (null: nothing) */
    private static Caller caller(String userId, String locale) {
        return new Caller(new ChatAccount(Platform.TEAMS, TENANT, userId), () -> Introduction.named(WORST_NAME), null, AT,
                Directory.NONE, null, null, locale);
    }

    private static MessagingExtensionQuery query(String command, String text) {
        MessagingExtensionParameter parameter = new MessagingExtensionParameter();
        parameter.setName(MessagingExtension.QUERY);
        parameter.setValue(text);
        MessagingExtensionQuery query = new MessagingExtensionQuery();
        query.setCommandId(command);
        query.setParameters(List.of(parameter));
        return query;
    }
}
