package ciment.teams.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.core.Ciment;
import ciment.core.command.ConversationVerbs;
import ciment.core.i18n.Catalogue;
import ciment.core.model.Caller;
import ciment.core.model.ChatAccount;
import ciment.core.model.Introduction;
import ciment.core.model.Platform;
import ciment.core.model.Slug;
import ciment.core.reply.Reply;
import ciment.core.testing.InMemoryRepositories;
import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.bot.schema.AdaptiveCardInvokeAction;
import com.microsoft.bot.schema.AdaptiveCardInvokeResponse;
import com.microsoft.bot.schema.Serialization;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A feed's card ends with More (Action.Execute); the click answers the older page, drawn in the card's place. */
class FeedMoreCardTest {
    private final Ciment ciment = new Ciment(InMemoryRepositories.create(), Clock.systemUTC());
    private final Caller grace = new Caller(new ChatAccount(Platform.TEAMS, "tenant-1", "aad-grace"),
            () -> Introduction.named("Grace"), null, Instant.now());

    @Test
    void feedCard_more_readsBackAsTheNextPagesWords_andItsAnswerIsTheOlderPagesCard() {
        Reply.Feed first = firstOfTwentyFivePosts();
        JsonNode card = Serialization.objectToTree(PostCards.feed(first, Catalogue.ENGLISH).getContent());
        TeamsRepliesTest.assertValidAdaptiveCard(card);
        List<JsonNode> actions = card.findParents("verb").stream()
                .filter(action -> action.path("verb").asText().equals(CardActions.FEED)).toList();
        assertEquals(1, actions.size());

        AdaptiveCardInvokeAction action = new AdaptiveCardInvokeAction();
        action.setType("Action.Execute");
        action.setVerb(actions.get(0).path("verb").asText());
        action.setData(actions.get(0).path("data"));
        CardActions.Click click = CardActions.read(action).orElseThrow();
        assertEquals(new ConversationVerbs.Feed(Optional.of(new Slug("data-guild")), first.nextCursor()),
                click.command().get());

        Reply older = ciment.execute(grace, click.command());
        AdaptiveCardInvokeResponse answer = CardActions.answer(older, () -> {
            throw new AssertionError("a feed's page is its own card");
        }, "tenant-1", Catalogue.ENGLISH);

        assertEquals(200, answer.getStatusCode());
        assertEquals(AdaptiveCards.CONTENT_TYPE, answer.getType());
        String drawn = Serialization.objectToTree(answer.getValue()).toString();
        assertTrue(drawn.contains("Older in data-guild: 5 posts."), drawn);
    }

    @Test
    void lastPage_hasNoMore_andAMadeUpFeedClickIsNotCimentsButton() {
        ciment.handle(grace, "create data-guild Data people");
        ciment.handle(grace, "post data-guild Only one");
        JsonNode card = Serialization.objectToTree(PostCards.feed((Reply.Feed) ciment.handle(grace, "feed data-guild"), Catalogue.ENGLISH)
                .getContent());
        AdaptiveCardInvokeAction other = new AdaptiveCardInvokeAction();
        other.setVerb(CardActions.FEED);
        other.setData(Serialization.objectToTree(java.util.Map.of("words", "erase-my-data confirm")));

        assertTrue(card.findParents("verb").stream().noneMatch(a -> a.path("verb").asText().equals(CardActions.FEED)));
        assertTrue(CardActions.read(other).isEmpty());
    }

    @Test
    void moreOnACardPostedBeforeTypedData_holdingTheWords_stillAsksForTheSamePage() {
        Reply.Feed first = firstOfTwentyFivePosts();
        AdaptiveCardInvokeAction old = new AdaptiveCardInvokeAction();
        old.setType("Action.Execute");
        old.setVerb(CardActions.FEED);
        old.setData(Serialization.objectToTree(java.util.Map.of("words", first.next(), "card", "feed")));

        CardActions.Click click = CardActions.read(old).orElseThrow();

        assertEquals(new ConversationVerbs.Feed(Optional.of(new Slug("data-guild")), first.nextCursor()),
                click.command().get());
        Reply older = ciment.execute(grace, click.command());
        assertTrue(older.summary().startsWith("Older in data-guild: 5 posts."), older.summary());
    }

    /** A community of 25 posts: its feed's first page, which has a next one. */
    private Reply.Feed firstOfTwentyFivePosts() {
        ciment.handle(grace, "create data-guild Data people");
        for (int i = 0; i < 25; i++) {
            ciment.handle(grace, "post data-guild Tip " + i);
        }
        return (Reply.Feed) ciment.handle(grace, "feed data-guild");
    }
}
