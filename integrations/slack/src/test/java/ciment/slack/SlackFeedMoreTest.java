package ciment.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.core.Ciment;
import ciment.core.command.ConversationVerbs;
import ciment.core.config.Settings;
import ciment.core.i18n.Catalogue;
import ciment.core.model.Caller;
import ciment.core.model.ChatAccount;
import ciment.core.model.Introduction;
import ciment.core.model.Platform;
import ciment.core.model.Slug;
import ciment.core.reply.Reply;
import ciment.core.testing.InMemoryRepositories;
import ciment.devkit.slack.FakeSlackApi;
import ciment.devkit.slack.SlackInteractions;
import ciment.slack.auth.AllowedWorkspaces;
import ciment.slack.auth.SlackSettings;
import ciment.slack.render.BlockKitReply;
import ciment.slack.render.CommunityButtons;
import ciment.slack.render.PostMenu;
import com.slack.api.bolt.App;
import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.element.ButtonElement;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A feed page ends with a More button whose click answers the next page, only to the clicker. */
class SlackFeedMoreTest {
    private static final String SECRET = "test-signing-secret";

    private final FakeSlackApi slackApi = FakeSlackApi.start().addUser("U0BOB", "Bob Byte", "bob", "bob@example.com");
    private final SlackInteractions slack = new SlackInteractions(SECRET, FakeSlackApi.TEAM_ID);
    private final Ciment ciment = new Ciment(InMemoryRepositories.create(), Clock.systemUTC());
    private final App app = CimentSlackApp.create(Settings.of(Map.of(SlackSettings.SIGNING_SECRET, SECRET, AllowedWorkspaces.SETTING, "*",
            SlackSettings.API_URL, slackApi.baseUrl(), SlackSettings.BOT_TOKEN, "xoxb-test")), () -> ciment,
            Clock.systemUTC());
    /** A second apart, so that posts sort as they were made. */
    private static final Instant START = Instant.now().minusSeconds(3600);
    private int requests;

    @AfterEach
    void stop() {
        slackApi.close();
    }

    @Test
    void feedPage_endsWithAMoreButton_whoseClickAnswersTheOlderPage() throws Exception {
        Reply.Feed first = firstOfTwentyFivePosts();

        List<?> blocks = BlockKitReply.render(first, FakeSlackApi.TEAM_ID, Catalogue.ENGLISH).blocks();
        ButtonElement more = (ButtonElement) ((ActionsBlock) blocks.getLast()).getElements().getFirst();
        assertEquals(CommunityButtons.MORE, more.getActionId());
        assertEquals(Optional.of(new ConversationVerbs.Feed(Optional.of(new Slug("data-guild")), first.nextCursor())),
                CommunityButtons.Page.read(more.getValue()), "the slug and the cursor, typed");

        send(slack.messageButton("U0BOB", CommunityButtons.MORE, more.getValue(), slackApi.responseUrl("more-1"),
                Instant.now()));

        FakeSlackApi.Call answer = slackApi.calls("response_url").getFirst();
        assertEquals("ephemeral", answer.param("response_type"));
        assertTrue(answer.param("text").startsWith("Older in data-guild: 5 posts."), answer.body());
    }

    @Test
    void moreButtonPostedBeforeTypedValues_holdingTheWords_stillAnswersTheOlderPage() throws Exception {
        Reply.Feed first = firstOfTwentyFivePosts();

        send(slack.messageButton("U0BOB", CommunityButtons.MORE, first.next(), slackApi.responseUrl("more-old"),
                Instant.now()));

        FakeSlackApi.Call answer = slackApi.calls("response_url").getFirst();
        assertTrue(answer.param("text").startsWith("Older in data-guild: 5 posts."), answer.body());
    }

    @Test
    void postMenuOptionsPostedBefore_holdingTheWords_readAsTheSameChoices() {
        String root = "#01JD0000000000000000000006";
        assertEquals(Optional.of(new PostMenu.Choice("thread", root, null)), PostMenu.Choice.read("thread " + root));
        assertEquals(Optional.of(new PostMenu.Choice("reply", root, null)), PostMenu.Choice.read("reply " + root));
        assertEquals(Optional.of(new PostMenu.Choice("react", root + "/01JD0000000000000000000007", "thumbsup")),
                PostMenu.Choice.read("react " + root + "/01JD0000000000000000000007 thumbsup"));
        PostMenu.Choice typed = new PostMenu.Choice("react", root, "thumbsup");
        assertEquals(Optional.of(typed), PostMenu.Choice.read(typed.value()));
        assertTrue(typed.value().length() <= 150, "an option's value holds at most 150 characters");
        assertEquals(Optional.empty(), PostMenu.Choice.read("{not json"));
    }

    @Test
    void lastPage_hasNoMoreButton() {
        say("create data-guild Data people");
        say("post data-guild Only one");

        List<?> blocks = BlockKitReply.render(say("feed data-guild"), FakeSlackApi.TEAM_ID, Catalogue.ENGLISH).blocks();

        assertTrue(blocks.stream().noneMatch(ActionsBlock.class::isInstance));
    }

    @Test
    void homeOpened_showsTheFirstPostsOfMyFeed_andWhereTheRestAre() throws Exception {
        say("create data-guild Data people");
        for (int i = 0; i < 7; i++) {
            say("post data-guild Tip " + i);
        }

        send(slack.homeOpened("U0BOB", Instant.now()));

        String home = String.valueOf(slackApi.calls("views.publish").getLast().json("view"));
        assertTrue(home.contains("Latest in your communities") && home.contains("Tip 6") && home.contains("Tip 2"), home);
        assertTrue(!home.contains("Tip 1") && home.contains("feed` in any channel"), home);
    }

    private Reply say(String text) {
        return ciment.handle(new Caller(new ChatAccount(Platform.SLACK, FakeSlackApi.TEAM_ID, "U0BOB"),
                () -> Introduction.named("Bob"), "r" + ++requests, START.plusSeconds(requests)), text);
    }

    private void send(ciment.devkit.slack.SlashCommands.Signed signed) throws Exception {
        BoltRequests.ok(app, signed);
    }

    /** A community of 25 posts: its feed's first page, which has a next one. */
    private Reply.Feed firstOfTwentyFivePosts() {
        say("create data-guild Data people");
        for (int i = 0; i < 25; i++) {
            say("post data-guild Tip " + i);
        }
        return (Reply.Feed) say("feed data-guild");
    }
}
