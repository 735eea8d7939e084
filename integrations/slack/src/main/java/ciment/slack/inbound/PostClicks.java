package ciment.slack.inbound;

import ciment.core.Ciment;
import ciment.core.command.Command;
import ciment.core.command.ConversationVerbs;
import ciment.core.model.Caller;
import ciment.core.model.PostRef;
import ciment.core.i18n.Message;
import ciment.core.reply.Answer;
import ciment.core.reply.Reply;
import ciment.slack.render.BlockKitReply;
import ciment.slack.render.PostMenu;
import ciment.slack.render.ReplyModal;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.response.views.ViewsOpenResponse;
import com.slack.api.model.view.View;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A post's menu and buttons: Reply opens the reply modal (views.open first: the trigger id lasts 3
 * seconds), Open thread answers with the thread (through the message's response_url, or in a modal from
 * the Home tab, which has none), React adds a 👍. The modal's submission replies in the thread; a refusal
 * is said on its field and nothing is written. All before the acknowledgement.
 */
record PostClicks(Supplier<Ciment> ciment, SlackCallers callers, HomeTab home) {
    private static final Logger LOG = LoggerFactory.getLogger(PostClicks.class);
    /** The clicks {@link #clicked} answers. */
    static final Pattern ACTIONS = Pattern.compile("^(" + PostMenu.MENU + "|" + PostMenu.THREAD + "|" + PostMenu.REPLY + ")$");

    Response clicked(BlockActionRequest request, ActionContext context) {
        BlockActionPayload payload = request.getPayload();
        String channelId = SlackCallers.answeredIn(payload);
        Optional<PostMenu.Choice> choice = choice(payload.getActions().getFirst());
        Caller caller = callers.ofClick(request, channelId);
        if (choice.isPresent() && choice.get().verb().equals(PostMenu.Choice.REPLY)) {
            if (context.getBotToken() != null) {
                open(context, payload.getTriggerId(), ReplyModal.form(new ReplyModal.Target(choice.get().post(),
                        channelId), callers.words(ciment, caller)));
            }
            return context.ack();
        }
        String teamId = caller.account().workspace();
        String userId = caller.account().userId();
        Answer answer = answer(caller, choice);
        if (SlackCallers.inHome(payload)) {
            if (context.getBotToken() == null) {
                return context.ack();
            }
            if (answer.reply() instanceof Reply.Thread) {
                // A thread in a modal: its answer's blocks (at most 50, of a modal's 100).
                open(context, payload.getTriggerId(), ReplyModal.thread(answer.reply(), teamId, answer.words()));
            } else {
                home.publish(context.client(), caller, userId, answer.reply());
            }
        } else if (payload.getResponseUrl() != null) {
            ClickAnswers.respond(context, answer, teamId, userId);
        }
        return context.ack();
    }

    /** What a click chose: a menu option's choice, or a button's post with the button's verb. */
    private static Optional<PostMenu.Choice> choice(BlockActionPayload.Action action) {
        String value = action.getSelectedOption() != null ? action.getSelectedOption().getValue() : action.getValue();
        value = value == null ? "" : value.strip();
        return switch (action.getActionId()) {
            case PostMenu.THREAD -> Optional.of(new PostMenu.Choice(PostMenu.Choice.THREAD, PostMenu.rootOf(value), null));
            case PostMenu.REPLY -> Optional.of(new PostMenu.Choice(PostMenu.Choice.REPLY, PostMenu.rootOf(value), null));
            default -> PostMenu.Choice.read(value);
        };
    }

    /** The command a choice stands for, or empty for a verb this menu no longer offers. */
    private static Optional<Supplier<Command>> command(PostMenu.Choice choice) {
        return switch (choice.verb()) {
            case PostMenu.Choice.THREAD -> Optional.of(() -> new ConversationVerbs.Thread(PostRef.parse(choice.post())));
            case PostMenu.Choice.REACT -> Optional.of(() -> new ConversationVerbs.React(PostRef.parse(choice.post()),
                    choice.emoji() == null ? "" : choice.emoji(), true));
            default -> Optional.empty();
        };
    }

    private Answer answer(Caller caller, Optional<PostMenu.Choice> choice) {
        Optional<Supplier<Command>> command = choice.flatMap(PostClicks::command);
        if (command.isEmpty()) {
            return callers.refused(ciment, caller, Message.of("slack.menu.stale", BlockKitReply.COMMAND));
        }
        try {
            return ciment.get().answer(caller, command.get());
        } catch (RuntimeException e) {
            LOG.error("{} by {} failed", choice.get().verb(), caller.account().userId(), e);
            return callers.tryAgain(ciment, caller, "slack.tryAgain.click");
        }
    }

    /** Opens the modal with the click's trigger id (3 seconds); a refusal is logged, the click answered anyway. */
    static void open(ActionContext context, String triggerId, View view) {
        try {
            ViewsOpenResponse opened = context.client().viewsOpen(r -> r.triggerId(triggerId).view(view));
            if (!opened.isOk()) {
                LOG.warn("views.open answered {}", opened.getError());
            }
        } catch (Exception e) {
            LOG.warn("views.open failed ({})", e.toString());
        }
    }

    /** The Reply modal sent: the reply, or the refusal on the field. */
    Response submitted(ViewSubmissionRequest request, ViewSubmissionContext context) {
        ViewSubmissionPayload payload = request.getPayload();
        ReplyModal.Target target = ReplyModal.Target.parse(payload.getView().getPrivateMetadata());
        String text = ReplyModal.text(payload.getView().getState());
        Caller caller = callers.ofSubmission(request, target.channel());
        String userId = caller.account().userId();
        Answer replied;
        try {
            replied = ciment.get().answer(caller, () -> new ConversationVerbs.ReplyTo(PostRef.parse(target.root()), text));
        } catch (RuntimeException e) {
            LOG.error("a reply to {} by {} failed", target.root(), userId, e);
            return context.ackWithErrors(Map.of(ReplyModal.TEXT, callers.tryAgain(ciment, caller, "slack.tryAgain.reply")
                    .summary()));
        }
        if (replied.reply() instanceof Reply.Posted) {
            // "Replied #ROOT/ID in data-guild."
            return context.ackWithUpdate(ReplyModal.done(replied.summary(), replied.words()));
        }
        return context.ackWithErrors(Map.of(ReplyModal.TEXT, replied.summary()));
    }
}
