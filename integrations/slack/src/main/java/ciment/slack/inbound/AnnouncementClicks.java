package ciment.slack.inbound;

import ciment.core.Ciment;
import ciment.core.command.AnnounceVerbs;
import ciment.core.model.Caller;
import ciment.core.model.Slug;
import ciment.core.reply.Answer;
import ciment.core.reply.Reply;
import ciment.slack.render.AnnouncementBlocks;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Announcements clicked: Got it under one (acknowledged by the person who clicked, whatever the button's value
 * says besides the announcement, answered only to them through the message's response_url), and the steward's
 * Announce button on the Home, which opens the modal (views.open first: the trigger id lasts 3 seconds) whose
 * submission announces, or says the refusal on its field and writes nothing. All before the acknowledgement.
 */
record AnnouncementClicks(Supplier<Ciment> ciment, SlackCallers callers) {
    private static final Logger LOG = LoggerFactory.getLogger(AnnouncementClicks.class);

    Response gotIt(BlockActionRequest request, ActionContext context) {
        BlockActionPayload payload = request.getPayload();
        Caller caller = callers.ofClick(request, SlackCallers.answeredIn(payload));
        String announcement = payload.getActions().getFirst().getValue();
        Answer answer;
        try {
            answer = ciment.get().answer(caller, () -> new AnnounceVerbs.Acknowledge(announcement));
        } catch (RuntimeException e) {
            LOG.error("Got it by {} failed", caller.account().userId(), e);
            answer = callers.tryAgain(ciment, caller, "slack.tryAgain.click");
        }
        if (payload.getResponseUrl() != null) {
            ClickAnswers.respond(context, answer, caller.account().workspace(), caller.account().userId());
        }
        return context.ack();
    }

    Response announce(BlockActionRequest request, ActionContext context) {
        BlockActionPayload payload = request.getPayload();
        Caller caller = callers.ofClick(request, SlackCallers.answeredIn(payload));
        if (context.getBotToken() != null) {
            PostClicks.open(context, payload.getTriggerId(), AnnouncementBlocks.modal(
                    payload.getActions().getFirst().getValue(), callers.words(ciment, caller)));
        }
        return context.ack();
    }

    /** The modal sent: announced (the modal says so), or the refusal on its field. */
    Response submitted(ViewSubmissionRequest request, ViewSubmissionContext context) {
        ViewSubmissionPayload payload = request.getPayload();
        String slug = payload.getView().getPrivateMetadata();
        String text = AnnouncementBlocks.text(payload.getView().getState());
        Caller caller = callers.ofSubmission(request, null);
        Answer answer;
        try {
            answer = ciment.get().answer(caller, () -> new AnnounceVerbs.Announce(Slug.parse(slug), text));
        } catch (RuntimeException e) {
            LOG.error("an announcement to {} by {} failed", slug, caller.account().userId(), e);
            return context.ackWithErrors(Map.of(AnnouncementBlocks.TEXT,
                    callers.tryAgain(ciment, caller, "slack.tryAgain.click").summary()));
        }
        if (answer.reply() instanceof Reply.Refused) {
            return context.ackWithErrors(Map.of(AnnouncementBlocks.TEXT, answer.summary()));
        }
        return context.ackWithUpdate(AnnouncementBlocks.done(answer.summary(), answer.words()));
    }
}
