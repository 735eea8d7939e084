package ciment.slack;

import ciment.core.service.Ciment;
import com.slack.api.bolt.App;
import com.slack.api.model.event.AppHomeOpenedEvent;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * Everything of Ciment's Slack app besides the slash command: the Home tab (app_home_opened), the
 * Join/Leave/Approve/Decline buttons, and the Create-community modal from the global shortcut
 * {@value CreateCommunityModal#CALLBACK_ID} or the Home's button.
 */
final class SlackInteractivity {
    private SlackInteractivity() {
    }

    static void register(App app, Supplier<Ciment> ciment, SlackIntroductions introductions, Clock clock) {
        SlackCallers callers = new SlackCallers(introductions, clock);
        HomeTab home = new HomeTab(ciment, callers);
        CreateCommunity create = new CreateCommunity(ciment, callers, home);
        app.event(AppHomeOpenedEvent.class, home);
        app.blockAction(CommunityButtons.COMMANDS, new CommunityButtonClicks(ciment, callers, home));
        app.blockAction(CommunityButtons.CREATE, create::fromHome);
        app.globalShortcut(CreateCommunityModal.CALLBACK_ID, create::shortcut);
        app.viewSubmission(CreateCommunityModal.CALLBACK_ID, create::submitted);
    }
}
