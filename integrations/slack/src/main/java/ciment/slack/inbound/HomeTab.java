package ciment.slack.inbound;

import ciment.core.Ciment;
import ciment.core.command.ConversationVerbs;
import ciment.core.model.Caller;
import ciment.core.model.Refusal;
import ciment.core.reply.Answer;
import ciment.core.reply.Home;
import ciment.core.reply.Reply;
import ciment.slack.render.BlockKitReply;
import ciment.slack.render.HomeView;
import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.handler.BoltEventHandler;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.views.ViewsPublishResponse;
import com.slack.api.model.event.AppHomeOpenedEvent;
import com.slack.api.model.view.View;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Home tab: drawn (views.publish) each time the person opens it, and again after a click in it. The
 * view is published before the event is acknowledged: on Lambda nothing runs after the answer. The first
 * opening of either tab also has Ciment introduce itself.
 */
record HomeTab(Supplier<Ciment> ciment, SlackCallers callers) implements BoltEventHandler<AppHomeOpenedEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(HomeTab.class);

    @Override
    public Response apply(EventsApiPayload<AppHomeOpenedEvent> payload, EventContext context) {
        AppHomeOpenedEvent event = payload.getEvent();
        // The Messages and About tabs are Slack's own; a retried delivery draws the same Home again.
        boolean home = event != null && "home".equals(event.getTab());
        if ((home || (event != null && "messages".equals(event.getTab()))) && context.getBotToken() != null) {
            Caller caller = callers.caller(payload.getTeamId(), payload.getEnterpriseId(), event.getUser(), null,
                    payload.getEventId(), callers.at(payload.getEventTime()), null);
            if (home) {
                publish(context.client(), caller, event.getUser(), null);
            }
            introduce(caller);
        }
        return context.ack();
    }

    /**
     * The first time a person opens Ciment's home (either tab), Ciment introduces itself in its Messages tab
     * (a notice: chat.postMessage to the user, by the delivery function), in their language; the mark on their
     * identity link keeps it to once, retried events included. A failure is logged: the Home still answers.
     */
    private void introduce(Caller caller) {
        try {
            ciment.get().introduceTo(caller, BlockKitReply.COMMAND + " ");
        } catch (RuntimeException e) {
            LOG.warn("the introduction to {} in {} failed ({})", caller.account().userId(), caller.account().workspace(),
                    e.toString());
        }
    }

    /**
     * Draws the person's Home, with {@code answer} (what their last click did) on top; a failure is logged,
     * the request still acknowledged (Slack would only send it again).
     */
    void publish(MethodsClient client, Caller caller, String userId, Reply answer) {
        View view = view(caller, answer);
        try {
            ViewsPublishResponse published = client.viewsPublish(r -> r.userId(userId).view(view));
            if (!published.isOk()) {
                LOG.warn("views.publish for {} answered {} {}", userId, published.getError(),
                        published.getResponseMetadata());
            }
        } catch (Exception e) {
            LOG.warn("views.publish for {} failed ({})", userId, e.toString());
        }
    }

    private View view(Caller caller, Reply answer) {
        try {
            Home home = ciment.get().home(caller);
            // After home(): a person met just now is known, with the language Slack gave for them.
            Answer feed = ciment.get().answer(caller, new ConversationVerbs.Feed(Optional.empty()));
            return HomeView.of(home, answer, caller.account().workspace(),
                    feed.reply() instanceof Reply.Feed f ? f : null, feed.words());
        } catch (Refusal refusal) {
            return HomeView.unavailable(callers.words(ciment, caller).say(refusal.message()));
        } catch (RuntimeException e) {
            LOG.error("the Home of {} in {} failed", caller.account().userId(), caller.account().workspace(), e);
            return HomeView.unavailable(callers.words(ciment, caller).say(SlackCallers.tryAgain("slack.tryAgain.home")));
        }
    }
}
