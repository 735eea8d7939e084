package ciment.slack.render;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import java.util.List;

/** The mrkdwn text of rendered blocks, as Slack would read it. */
public final class Shown {
    private Shown() {
    }

    public static List<String> texts(BlockKitReply.Rendered rendered) {
        // Buttons carry no text of their own to read.
        return rendered.blocks().stream().filter(block -> !(block instanceof ActionsBlock)).map(Shown::text).toList();
    }

    public static String text(LayoutBlock block) {
        if (block instanceof SectionBlock section) {
            return section.getText().getText();
        }
        return ((MarkdownTextObject) ((ContextBlock) block).getElements().getFirst()).getText();
    }

    public static String all(BlockKitReply.Rendered rendered) {
        return String.join("\n", texts(rendered));
    }
}
