package ciment.slack.render;

import static ciment.slack.render.CommunityButtons.plain;

import ciment.core.i18n.Catalogue;
import ciment.core.model.Notice;
import ciment.core.model.Text;
import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.InputBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.ButtonElement;
import com.slack.api.model.block.element.PlainTextInputElement;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewClose;
import com.slack.api.model.view.ViewState;
import com.slack.api.model.view.ViewSubmit;
import java.util.List;
import java.util.Map;

/**
 * Announcements in Block Kit: the direct message each member gets (its text, Got it, Open thread), and the modal
 * the steward's Announce button on the Home ({@link CommunityButtons#stewardRow}) opens (one multiline input; its private_metadata the slug).
 * Got it's value names the announcement ({@code <community>/<day>}), never a person: the clicker is the caller.
 */
public final class AnnouncementBlocks {
    public static final String GOT_IT = "ciment_announce_ack";
    public static final String ANNOUNCE = "ciment_announce";
    public static final String CALLBACK_ID = "ciment_announce_modal";
    public static final String TEXT = "announce_text";

    private AnnouncementBlocks() {
    }

    /** An announcement told directly: its text, then Got it and Open thread, in the notice's language. */
    public static List<LayoutBlock> notice(Notice notice, String escapedText) {
        Catalogue words = notice.words();
        ButtonElement gotIt = ButtonElement.builder().text(plain(words.say("announce.gotIt"))).actionId(GOT_IT)
                .value(notice.announcement()).style("primary").build();
        ButtonElement thread = ButtonElement.builder().text(plain(words.say("slack.menu.thread")))
                .actionId(PostMenu.THREAD).value(notice.post()).build();
        return List.of(BlockKitReply.section(":mega: ", escapedText),
                ActionsBlock.builder().elements(List.of(gotIt, thread)).build());
    }

    public static View modal(String slug, Catalogue words) {
        return View.builder().type("modal").callbackId(CALLBACK_ID).privateMetadata(slug)
                .title(ReplyModal.title(words.say("announce.modal.title")))
                .submit(ViewSubmit.builder().type("plain_text").text(words.say("announce.modal.submit")).build())
                .close(ViewClose.builder().type("plain_text").text(words.say("slack.cancel")).build())
                .blocks(List.of(InputBlock.builder().blockId(TEXT).label(plain(words.say("announce.modal.label", slug)))
                        .element(PlainTextInputElement.builder().actionId(TEXT).multiline(true).maxLength(Text.POST_MAX)
                                .build()).build()))
                .build();
    }

    /** What the modal shows once the announcement is made. */
    public static View done(String sentence, Catalogue words) {
        return View.builder().type("modal").title(ReplyModal.title(words.say("announce.modal.title")))
                .close(ViewClose.builder().type("plain_text").text(words.say("slack.close")).build())
                .blocks(List.of(BlockKitReply.section(":white_check_mark: ", Mrkdwn.escape(sentence)))).build();
    }

    /** The text typed in the modal. */
    public static String text(ViewState state) {
        Map<String, Map<String, ViewState.Value>> values = state == null || state.getValues() == null ? Map.of()
                : state.getValues();
        ViewState.Value value = values.getOrDefault(TEXT, Map.of()).get(TEXT);
        return value == null || value.getValue() == null ? "" : value.getValue().strip();
    }
}
