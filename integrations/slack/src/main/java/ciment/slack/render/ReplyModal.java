package ciment.slack.render;

import static ciment.slack.render.CommunityButtons.plain;

import ciment.core.i18n.Catalogue;
import ciment.core.model.Text;
import ciment.core.reply.Reply;
import com.slack.api.model.block.InputBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.PlainTextInputElement;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewClose;
import com.slack.api.model.view.ViewState;
import com.slack.api.model.view.ViewSubmit;
import com.slack.api.model.view.ViewTitle;
import java.util.List;
import java.util.Map;

/**
 * The Reply modal: one multiline input. Its private_metadata is the thread's first post and the
 * conversation the reply came from ("#ROOT C123", or "#ROOT" alone from the Home tab), so the submission
 * needs nothing else.
 */
public final class ReplyModal {
    public static final String CALLBACK_ID = "ciment_reply";
    public static final String TEXT = "reply_text";

    private ReplyModal() {
    }

    /** Where the reply goes, as the modal carries it. */
    public record Target(String root, String channel) {
        String metadata() {
            return channel == null ? root : root + " " + channel;
        }

        public static Target parse(String metadata) {
            String[] parts = metadata == null ? new String[0] : metadata.strip().split(" ", 2);
            return new Target(parts.length > 0 ? parts[0] : "", parts.length > 1 && !parts[1].isBlank() ? parts[1] : null);
        }
    }

    public static View form(Target target, Catalogue words) {
        return View.builder().type("modal").callbackId(CALLBACK_ID).privateMetadata(target.metadata())
                .title(title(words.say("slack.reply.title")))
                .submit(ViewSubmit.builder().type("plain_text").text(words.say("slack.reply.submit")).build())
                .close(ViewClose.builder().type("plain_text").text(words.say("slack.cancel")).build())
                .blocks(List.of(InputBlock.builder().blockId(TEXT).label(plain(words.say("slack.reply.label", target.root())))
                        .element(PlainTextInputElement.builder().actionId(TEXT).multiline(true).maxLength(Text.POST_MAX)
                                .build()).build()))
                .build();
    }

    /** What the modal shows once the reply is made. */
    public static View done(String sentence, Catalogue words) {
        return closable(words.say("slack.reply.title"), List.of(BlockKitReply.section(":white_check_mark: ",
                Mrkdwn.escape(sentence))), words);
    }

    /** A thread in a modal (Open thread in the Home tab, which has no message to answer under): its answer's blocks. */
    public static View thread(Reply thread, String teamId, Catalogue words) {
        return closable(words.say("slack.thread.title"), BlockKitReply.render(thread, teamId, words).blocks(), words);
    }

    private static View closable(String title, List<LayoutBlock> blocks, Catalogue words) {
        return View.builder().type("modal").title(title(title))
                .close(ViewClose.builder().type("plain_text").text(words.say("slack.close")).build()).blocks(blocks).build();
    }

    public static String text(ViewState state) {
        Map<String, Map<String, ViewState.Value>> values = state == null || state.getValues() == null ? Map.of()
                : state.getValues();
        Map<String, ViewState.Value> block = values.getOrDefault(TEXT, Map.of());
        ViewState.Value value = block.get(TEXT);
        return value == null || value.getValue() == null ? "" : value.getValue().strip();
    }

    public static ViewTitle title(String text) {
        return ViewTitle.builder().type("plain_text").text(text).emoji(true).build();
    }
}
