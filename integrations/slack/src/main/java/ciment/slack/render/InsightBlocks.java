package ciment.slack.render;

import static ciment.slack.render.BlockKitReply.markdown;

import ciment.core.i18n.Catalogue;
import ciment.core.model.Aggregate;
import ciment.core.reply.Insights;
import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.HeaderBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.block.composition.TextObject;
import java.util.ArrayList;
import java.util.List;

/** insights &lt;slug&gt;: a header, then a section per week whose fields are its figures (name, then value). */
final class InsightBlocks {
    /** A header's text is at most 150 characters. */
    private static final int HEADER_MAX = 150;

    private InsightBlocks() {
    }

    static List<LayoutBlock> insights(Insights insights, Catalogue words) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(HeaderBlock.builder().text(PlainTextObject.builder()
                .text(Mrkdwn.fit(words.say("insights.title", insights.community()), HEADER_MAX)).build()).build());
        for (Insights.Week week : insights.weeks()) {
            List<TextObject> fields = new ArrayList<>();
            // Six figures: Slack shows at most 10 fields of 2,000 characters, two columns.
            for (Insights.Line line : week.lines()) {
                fields.add(MarkdownTextObject.builder().text("*" + Mrkdwn.escape(words.say(line.label())) + "*\n"
                        + Mrkdwn.escape(words.say(line.value()))).build());
            }
            blocks.add(markdown("*" + Mrkdwn.escape(words.say(week.title())) + "*"));
            blocks.add(SectionBlock.builder().fields(fields).build());
        }
        blocks.add(ContextBlock.builder().elements(List.of(MarkdownTextObject.builder()
                .text(Mrkdwn.escape(words.say("insights.note", Aggregate.SMALLEST_SHOWN)) + "\n"
                        + Mrkdwn.escape(words.say(insights.readMessage()))).build())).build());
        return blocks;
    }
}
