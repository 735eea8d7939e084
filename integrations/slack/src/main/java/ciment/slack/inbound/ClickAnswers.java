package ciment.slack.inbound;

import ciment.core.reply.Answer;
import ciment.slack.render.BlockKitReply;
import com.slack.api.bolt.context.builtin.ActionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The answer to a click on a message's button or menu: seen by the clicker alone, below the message. */
final class ClickAnswers {
    private static final Logger LOG = LoggerFactory.getLogger(ClickAnswers.class);

    private ClickAnswers() {
    }

    static void respond(ActionContext context, Answer answer, String teamId, String userId) {
        BlockKitReply.Rendered rendered = BlockKitReply.render(answer.reply(), teamId, answer.words());
        try {
            context.respond(r -> r.responseType("ephemeral").replaceOriginal(false).text(rendered.text())
                    .blocks(rendered.blocks()));
        } catch (Exception e) {
            LOG.warn("the answer to {}'s click went nowhere ({})", userId, e.toString());
        }
    }
}
