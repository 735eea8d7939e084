package ciment.slack.inbound;

import ciment.core.Ciment;
import ciment.core.i18n.Catalogue;
import ciment.core.model.Caller;
import ciment.core.reply.Answer;
import ciment.slack.outbound.SlackIntroductions;
import ciment.slack.render.BlockKitReply;
import ciment.slack.render.Mrkdwn;
import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.handler.builtin.SlashCommandHandler;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /ciment <words>}: the words go to Ciment, and its reply comes back in the acknowledgement
 * itself, only to the person who asked, in the conversation where they asked. All the work is done
 * before the ack: on Lambda nothing runs once the answer is returned.
 */
public final class CimentSlashCommand implements SlashCommandHandler {
    private static final Logger LOG = LoggerFactory.getLogger(CimentSlashCommand.class);

    private final Supplier<Ciment> ciment;
    private final SlackCallers callers;

    /** @param deployment the deployment's language, for a failure before the person's is known */
    public CimentSlashCommand(Supplier<Ciment> ciment, SlackIntroductions introductions, Clock clock,
            Catalogue deployment) {
        this.ciment = ciment;
        this.callers = new SlackCallers(introductions, clock, deployment);
    }

    @Override
    public Response apply(SlashCommandRequest request, SlashCommandContext context) {
        SlashCommandPayload payload = request.getPayload();
        // When Slack says it sent the request: a request delivered twice then has one time, hence one post id.
        Answer answer = answer(payload, callers.sentAt(request.getHeaders()));
        BlockKitReply.Rendered rendered = BlockKitReply.render(answer.reply(), payload.getTeamId(), answer.words());
        return context.ack(response -> response.responseType("ephemeral").text(rendered.text()).blocks(rendered.blocks()));
    }

    private Answer answer(SlashCommandPayload payload, Instant sentAt) {
        Caller caller = null;
        try {
            // The trigger id and Slack's signed timestamp name this request: the same request never posts twice.
            // @mentions arrive as <@U123|ada>, which unescaping leaves whole: core reads one person token.
            // A later answer (a steward's approval, say) goes back to the channel where they asked.
            caller = callers.caller(payload.getTeamId(), payload.getEnterpriseId(), payload.getUserId(),
                    payload.getUserName(), payload.getTriggerId(), sentAt, payload.getChannelId(),
                    payload.getChannelName());
            return ciment.get().answer(caller, Mrkdwn.typed(payload.getText()));
        } catch (RuntimeException e) {
            LOG.error("/ciment from {} in {} failed", payload.getUserId(), payload.getTeamId(), e);
            return callers.tryAgain(ciment, caller, "slack.tryAgain.command");
        }
    }
}
