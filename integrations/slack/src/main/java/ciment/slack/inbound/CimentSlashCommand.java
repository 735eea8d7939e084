package ciment.slack.inbound;

import ciment.core.Ciment;
import ciment.core.model.Caller;
import ciment.core.model.ChatAccount;
import ciment.core.model.Platform;
import ciment.core.model.Recipient;
import ciment.core.reply.Reply;
import ciment.slack.auth.SlackSignatureCheck;
import ciment.slack.outbound.SlackDirectory;
import ciment.slack.outbound.SlackIntroductions;
import ciment.slack.outbound.SlackOrigin;
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
    static final String TRY_AGAIN = "Ciment could not answer just now: please send the same command again in a minute.";

    private final Supplier<Ciment> ciment;
    private final SlackIntroductions introductions;
    private final Clock clock;

    public CimentSlashCommand(Supplier<Ciment> ciment, SlackIntroductions introductions, Clock clock) {
        this.ciment = ciment;
        this.introductions = introductions;
        this.clock = clock;
    }

    @Override
    public Response apply(SlashCommandRequest request, SlashCommandContext context) {
        SlashCommandPayload payload = request.getPayload();
        BlockKitReply.Rendered answer = BlockKitReply.render(answer(payload, sentAt(request)), payload.getTeamId());
        return context.ack(response -> response.responseType("ephemeral").text(answer.text()).blocks(answer.blocks()));
    }

    private Reply answer(SlashCommandPayload payload, Instant sentAt) {
        try {
            // The trigger id and Slack's signed timestamp name this request: the same request never posts twice.
            // @mentions arrive as <@U123|ada>, which unescaping leaves whole: core reads one person token.
            SlackIntroductions.ForCommand lookups = introductions.forCommand(
                    new SlackOrigin(payload.getTeamId(), payload.getEnterpriseId()));
            ChatAccount sender = new ChatAccount(Platform.SLACK, payload.getTeamId(), payload.getUserId());
            // A later answer (a steward's approval, say) goes back to the channel where they asked.
            Caller caller = new Caller(sender, () -> lookups.sender(payload.getUserId(), payload.getUserName()),
                    payload.getTriggerId(), sentAt, new SlackDirectory(lookups),
                    new Recipient(sender, payload.getChannelId(), null),
                    SlackCallers.channelOf(payload.getTeamId(), payload.getChannelId(), payload.getChannelName()));
            return ciment.get().handle(caller, Mrkdwn.typed(payload.getText()));
        } catch (RuntimeException e) {
            LOG.error("/ciment from {} in {} failed", payload.getUserId(), payload.getTeamId(), e);
            return new Reply.Refused(TRY_AGAIN);
        }
    }

    /**
     * When Slack says it sent the request (X-Slack-Request-Timestamp, already checked to be within five
     * minutes of now): a request delivered twice then has one time, hence one post id.
     */
    private Instant sentAt(SlashCommandRequest request) {
        String timestamp = request.getHeaders() == null ? null
                : request.getHeaders().getFirstValue(SlackSignatureCheck.TIMESTAMP_HEADER);
        if (timestamp != null && !timestamp.isEmpty() && timestamp.length() <= 12 && timestamp.chars().allMatch(Character::isDigit)) {
            return Instant.ofEpochSecond(Long.parseLong(timestamp));
        }
        return clock.instant();
    }
}
