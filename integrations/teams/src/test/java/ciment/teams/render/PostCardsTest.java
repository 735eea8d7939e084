package ciment.teams.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.core.Ciment;
import ciment.core.command.ConversationVerbs;
import ciment.core.i18n.Catalogue;
import ciment.core.model.Caller;
import ciment.core.model.ChatAccount;
import ciment.core.model.Introduction;
import ciment.core.model.Platform;
import ciment.core.model.Post;
import ciment.core.model.PostRef;
import ciment.core.model.Slug;
import ciment.core.reply.Reply;
import ciment.core.testing.InMemoryRepositories;
import ciment.devkit.teams.TeamsMarkup;
import ciment.teams.inbound.MentionText;
import ciment.teams.inbound.TeamsDirectory;
import ciment.teams.inbound.TeamsIntroduction;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.schema.Serialization;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Posts in cards: their buttons, where they are not, and cards of many long posts within Teams' 28 KB. */
class PostCardsTest {
    private static final int TEAMS_LIMIT = TeamsWire.LIMIT;
    private static final Instant AT = Instant.parse("2026-11-27T10:00:00Z");
    private final Ciment ciment = new Ciment(InMemoryRepositories.create(), Clock.systemUTC());
    private final Caller grace = new Caller(new ChatAccount(Platform.TEAMS, "tenant-1", "aad-grace"),
            () -> Introduction.named("Grace"), null, AT);

    private static Post post(String id, String text) {
        return new Post(id, "c1", new Slug("data-guild"), "p-ada", "Ada", Platform.TEAMS, text, AT);
    }

    private static String longText(String unit) {
        return unit.repeat(4000 / unit.length()).substring(0, 4000 - 4000 % unit.length());
    }

    /** As the SDK sends it (an emoji is 12 bytes). */
    private static int activityBytes(Reply reply) {
        return TeamsWire.bytes(TeamsReplies.render(reply, "tenant-1", Catalogue.ENGLISH));
    }

    @Test
    void feedOfTwentyPostsOfFourThousandCharacters_staysWithinTeamsLimit_everyPostKeepingItsButtons() {
        for (String unit : List.of("a", "é", "🧱")) {
            List<Post> posts = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                posts.add(post(String.format("01JD%022d", i), longText(unit)).withReplies(3, "Grace: " + longText(unit)
                        .substring(0, 100)).withReactions(Map.of("thumbsup", 4, "heart", 2)));
            }
            Reply.Feed feed = new Reply.Feed("", posts, "", "feed --before x", false);

            JsonNode card = Serialization.objectToTree(PostCards.feed(feed, Catalogue.ENGLISH).getContent());

            assertTrue(activityBytes(feed) < TEAMS_LIMIT, unit + ": " + activityBytes(feed) + " bytes");
            TeamsRepliesTest.assertValidAdaptiveCard(card);
            assertEquals(20, card.findParents("verb").stream()
                    .filter(a -> a.path("verb").asText().equals(PostButtons.REACT)).count(), unit);
            assertTrue(card.toString().contains("more in its thread"));
        }
    }

    @Test
    void feedOfShortPosts_showsTheirWordsWhole() {
        Reply.Feed feed = new Reply.Feed("data-guild", List.of(post("01JD0000000000000000000001", "Short and whole")),
                "");
        String card = Serialization.objectToTree(PostCards.feed(feed, Catalogue.ENGLISH).getContent()).toString();
        assertTrue(card.contains("Short and whole"));
        assertFalse(card.contains("more in its thread"));
    }

    @Test
    void removedOrHiddenPost_hasNoButtons() {
        Post removed = post("01JD0000000000000000000002", "gone").asRemoved();
        Post hidden = post("01JD0000000000000000000003", "rude").hiddenFor("off topic");

        JsonNode card = Serialization.objectToTree(ThreadCards.thread(new Reply.Thread(removed, List.of(hidden)), Catalogue.ENGLISH)
                .getContent());

        assertTrue(card.findParents("verb").isEmpty(), card.toString());
    }

    @Test
    void replysButtons_replyToItsThread_reactToTheReplyItself() {
        Post reply = Post.reply("01JD0000000000000000000005", "01JD0000000000000000000004", "c1",
                new Slug("data-guild"), "p-ada", "Ada", Platform.TEAMS, "yes", AT);

        ObjectNode buttons = PostButtons.under(reply, Catalogue.ENGLISH).orElseThrow();

        JsonNode send = buttons.findParents("verb").stream().filter(a -> a.path("verb").asText().equals("reply"))
                .findFirst().orElseThrow();
        JsonNode react = buttons.findParents("verb").stream().filter(a -> a.path("verb").asText().equals("react"))
                .findFirst().orElseThrow();
        assertEquals("#01JD0000000000000000000004", send.path("data").path("ref").asText());
        assertEquals("#01JD0000000000000000000004/01JD0000000000000000000005", react.path("data").path("ref").asText());
    }

    @Test
    void reactClickOnAReply_readsBackAsTheWords_andDrawsItsThreadAfterwards() {
        Post reply = Post.reply("01JD0000000000000000000007", "01JD0000000000000000000006", "c1",
                new Slug("data-guild"), "p-ada", "Ada", Platform.TEAMS, "yes", AT);
        JsonNode react = PostButtons.under(reply, Catalogue.ENGLISH).orElseThrow().findParents("verb").stream()
                .filter(a -> a.path("verb").asText().equals("react")).findFirst().orElseThrow();
        com.microsoft.bot.schema.AdaptiveCardInvokeAction action = new com.microsoft.bot.schema.AdaptiveCardInvokeAction();
        action.setVerb("react");
        action.setData(react.path("data"));

        CardActions.Click click = CardActions.read(action).orElseThrow();

        assertEquals(new ConversationVerbs.React(PostRef.parse("#01JD0000000000000000000006/01JD0000000000000000000007"),
                "thumbsup", true), click.command().get());
        assertEquals(new ConversationVerbs.Thread(PostRef.parse("#01JD0000000000000000000006")), click.refresh().get());
    }

    @Test
    void readOnClick_readsThePostsThreadAsTheWordsDo_andOneWithoutAPlaceToGoOnFrom_isNotCiments() {
        com.microsoft.bot.schema.AdaptiveCardInvokeAction action = new com.microsoft.bot.schema.AdaptiveCardInvokeAction();
        action.setVerb(PostButtons.READ_ON);
        action.setData(Map.of("ref", "#01JD0000000000000000000006/01JD0000000000000000000007", "from", 40));

        CardActions.Click click = CardActions.read(action).orElseThrow();

        assertEquals(new ConversationVerbs.Thread(PostRef.parse("#01JD0000000000000000000006")), click.command().get(),
                "the same checks as the words");
        assertEquals("#01JD0000000000000000000006/01JD0000000000000000000007", click.post());
        assertEquals(40, click.from());
        action.setData(Map.of("ref", "#01JD0000000000000000000006"));
        assertTrue(CardActions.read(action).isEmpty(), "no from");
        action.setData(Map.of("ref", "#01JD0000000000000000000006", "from", -3));
        assertTrue(CardActions.read(action).isEmpty(), "a negative from");
    }

    @Test
    void readOnAnswer_showsTheRestOfThePostFoundInTheThread_orSaysItIsGone() {
        Post root = post("01JD0000000000000000000008", "é".repeat(100) + "the end");
        CardActions.Click click = new CardActions.Click(PostButtons.READ_ON, () -> new ConversationVerbs.Thread(
                PostRef.parse("#" + root.id())), () -> null, root.reference(), 100);

        com.microsoft.bot.schema.AdaptiveCardInvokeResponse answer = CardActions.answer(click,
                new Reply.Thread(root, List.of()), () -> null, "tenant-1", Catalogue.ENGLISH);
        JsonNode card = Serialization.objectToTree(answer.getValue());
        TeamsRepliesTest.assertValidAdaptiveCard(card);
        assertTrue(TeamsMarkup.readable(card).contains("…the end"), card.toString());
        assertEquals(List.of("Open thread"), card.path("actions").findValuesAsText("title"), "the rest fits: no Read on");

        CardActions.Click gone = new CardActions.Click(PostButtons.READ_ON, () -> new ConversationVerbs.Thread(
                PostRef.parse("#" + root.id())), () -> null, "#" + root.id() + "/01JD0000000000000000000009", 10);
        assertEquals(CardActions.MESSAGE_TYPE, CardActions.answer(gone, new Reply.Thread(root, List.of()), () -> null,
                "tenant-1", Catalogue.ENGLISH).getType());
    }

    @Test
    void postClickWithAnEmojiThatIsNoName_isNotCiments() {
        com.microsoft.bot.schema.AdaptiveCardInvokeAction action = new com.microsoft.bot.schema.AdaptiveCardInvokeAction();
        action.setVerb("react");
        action.setData(Map.of("ref", "#01JD0000000000000000000006", "emoji", "tada leave data-guild"));

        assertTrue(CardActions.read(action).isEmpty());
    }

    @Test
    void postedAnswer_inTeams_isTheSentenceWithThePostsCard() {
        ciment.handle(grace, "create data-guild Data people");
        Reply posted = ciment.handle(grace, "post data-guild Hello");

        com.microsoft.bot.schema.Activity activity = TeamsReplies.render(posted, "tenant-1", Catalogue.ENGLISH);

        assertEquals(posted.summary(), activity.getText());
        JsonNode card = Serialization.objectToTree(activity.getAttachments().get(0).getContent());
        TeamsRepliesTest.assertValidAdaptiveCard(card);
        assertTrue(card.toString().contains("Hello"));
    }

    @Test
    void mentionsIn_givesTheTextsMentionTokens_inOrder_once_andNotTheBot() {
        TeamsDirectory directory = new TeamsDirectory(List.of(
                new MentionText.Mention("@Grace Hopper", "29:grace", "Grace Hopper"),
                new MentionText.Mention("@Ada Lovelace", "29:ada", "Ada Lovelace"),
                new MentionText.Mention("@Alan", "29:alan", "Alan Turing")), "tenant-1",
                id -> java.util.Optional.empty(), new TeamsIntroduction(java.util.Optional.empty()));

        assertEquals(List.of("@Ada Lovelace", "@Grace Hopper"),
                directory.mentionsIn("thanks @Ada Lovelace and @Grace Hopper, and again @Ada Lovelace"));
        assertEquals(List.of(), directory.mentionsIn("nobody here"));
    }
}
