package ciment.slack.inbound;

import ciment.core.Ciment;
import ciment.core.command.CommunityVerbs;
import ciment.core.command.StewardVerbs;
import ciment.core.model.Caller;
import ciment.core.model.Slug;
import ciment.core.i18n.Message;
import ciment.core.reply.Answer;
import ciment.slack.render.BlockKitReply;
import ciment.slack.render.CommunityButtons;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Join, Leave, Approve and Decline clicked: the same core command as the words. A click in the Home tab
 * draws the Home again with the answer on top; a click in a message is answered through its response_url,
 * only to the person who clicked. Both before the acknowledgement: on Lambda nothing runs after it.
 */
record CommunityButtonClicks(Supplier<Ciment> ciment, SlackCallers callers, HomeTab home) implements BlockActionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(CommunityButtonClicks.class);

    @Override
    public Response apply(BlockActionRequest request, ActionContext context) {
        BlockActionPayload payload = request.getPayload();
        Caller caller = callers.ofClick(request, SlackCallers.answeredIn(payload));
        String userId = caller.account().userId();
        Answer answer = answer(caller, payload.getActions().getFirst());
        if (SlackCallers.inHome(payload)) {
            if (context.getBotToken() != null) {
                home.publish(context.client(), caller, userId, answer.reply());
            }
        } else if (payload.getResponseUrl() != null) {
            ClickAnswers.respond(context, answer, caller.account().workspace(), userId);
        }
        return context.ack();
    }

    private Answer answer(Caller caller, BlockActionPayload.Action action) {
        CommunityButtons.Value value = CommunityButtons.Value.parse(action.getValue());
        try {
            return switch (action.getActionId()) {
                case CommunityButtons.JOIN -> ciment.get().answer(caller,
                        () -> new CommunityVerbs.Join(Slug.parse(value.slug())));
                case CommunityButtons.LEAVE -> ciment.get().answer(caller,
                        () -> new CommunityVerbs.Leave(Slug.parse(value.slug())));
                case CommunityButtons.APPROVE, CommunityButtons.DECLINE -> ciment.get().answer(caller,
                        () -> new StewardVerbs.DecideRequest(Slug.parse(value.slug()), value.personId(),
                                action.getActionId().equals(CommunityButtons.APPROVE)));
                case CommunityButtons.INSIGHTS -> ciment.get().answer(caller,
                        () -> new StewardVerbs.Insights(Slug.parse(value.slug())));
                case CommunityButtons.MORE -> CommunityButtons.Page.read(action.getValue())
                        .map(page -> ciment.get().answer(caller, page))
                        .orElseGet(() -> callers.refused(ciment, caller,
                                Message.of("slack.button.stale.feed", BlockKitReply.COMMAND)));
                default -> callers.refused(ciment, caller, Message.of("slack.button.stale", BlockKitReply.COMMAND));
            };
        } catch (RuntimeException e) {
            LOG.error("{} by {} failed", action.getActionId(), caller.account().userId(), e);
            return callers.tryAgain(ciment, caller, "slack.tryAgain.click");
        }
    }
}
