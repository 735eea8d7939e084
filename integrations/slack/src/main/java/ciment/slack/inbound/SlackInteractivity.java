package ciment.slack.inbound;

import ciment.core.Ciment;
import ciment.core.i18n.Catalogue;
import ciment.slack.outbound.BotClient;
import ciment.slack.outbound.SlackIntroductions;
import ciment.slack.render.AnnouncementBlocks;
import ciment.slack.render.CommunityButtons;
import ciment.slack.render.CreateCommunityModal;
import ciment.slack.render.ReplyModal;
import ciment.slack.render.SaveModal;
import com.slack.api.bolt.App;
import com.slack.api.model.event.AppHomeOpenedEvent;
import com.slack.api.model.event.MessageChangedEvent;
import com.slack.api.model.event.MessageDeletedEvent;
import com.slack.api.model.event.MessageEvent;
import com.slack.api.model.event.MessageFileShareEvent;
import com.slack.api.model.event.MessageThreadBroadcastEvent;
import com.slack.api.model.event.ReactionAddedEvent;
import com.slack.api.model.event.ReactionRemovedEvent;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * Everything of Ciment's Slack app besides the slash command: the Home tab (app_home_opened), the
 * Join/Leave/Approve/Decline buttons, the Create-community modal from the global shortcut
 * {@value CreateCommunityModal#CALLBACK_ID} or the Home's button, each post's menu and the Reply modal,
 * reactions and thread replies on Ciment's messages about a post, and the message shortcut
 * {@value SaveModal#CALLBACK_ID}.
 */
public final class SlackInteractivity {
    private SlackInteractivity() {
    }

    /**
     * @param web        the Web API client of each request's workspace, with a short call timeout
     * @param deployment the deployment's language, for whom Ciment cannot place
     */
    public static void register(App app, Supplier<Ciment> ciment, SlackIntroductions introductions, BotClient web,
            Clock clock, Catalogue deployment) {
        SlackCallers callers = new SlackCallers(introductions, clock, deployment);
        HomeTab home = new HomeTab(ciment, callers);
        CreateCommunity create = new CreateCommunity(ciment, callers, home);
        app.event(AppHomeOpenedEvent.class, home);
        app.blockAction(CommunityButtons.COMMANDS, new CommunityButtonClicks(ciment, callers, home));
        app.blockAction(CommunityButtons.CREATE, create::fromHome);
        app.globalShortcut(CreateCommunityModal.CALLBACK_ID, create::shortcut);
        app.viewSubmission(CreateCommunityModal.CALLBACK_ID, create::submitted);

        PostClicks posts = new PostClicks(ciment, callers, home);
        app.blockAction(PostClicks.ACTIONS, posts::clicked);
        app.viewSubmission(ReplyModal.CALLBACK_ID, posts::submitted);
        ConversationEvents events = new ConversationEvents(ciment, callers, web);
        app.event(ReactionAddedEvent.class, events::reactionAdded);
        app.event(ReactionRemovedEvent.class, events::reactionRemoved);
        app.event(MessageEvent.class, events::message);
        // Two message subtypes are people writing too; the others (joins, bots, topics ...) are acked and let be.
        app.event(MessageThreadBroadcastEvent.class, events::threadBroadcast);
        app.event(MessageFileShareEvent.class, events::fileShare);
        app.event(MessageChangedEvent.class, events::messageChanged);
        app.event(MessageDeletedEvent.class, events::messageDeleted);
        AnnouncementClicks announcements = new AnnouncementClicks(ciment, callers);
        app.blockAction(AnnouncementBlocks.GOT_IT, announcements::gotIt);
        app.blockAction(AnnouncementBlocks.ANNOUNCE, announcements::announce);
        app.viewSubmission(AnnouncementBlocks.CALLBACK_ID, announcements::submitted);
        SaveToCommunity save = new SaveToCommunity(ciment, callers, web);
        app.messageShortcut(SaveModal.CALLBACK_ID, save::shortcut);
        app.viewSubmission(SaveModal.CALLBACK_ID, save::submitted);
    }
}
