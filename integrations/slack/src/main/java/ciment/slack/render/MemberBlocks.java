package ciment.slack.render;

import static ciment.slack.render.BlockKitReply.joinWithin;
import static ciment.slack.render.BlockKitReply.markdown;

import ciment.core.i18n.Catalogue;
import ciment.core.reply.Reply;
import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import java.util.ArrayList;
import java.util.List;

/** members &lt;slug&gt;: a community's members for its stewards, each with the chat tools they are on. */
final class MemberBlocks {
    /** Room in a section (3,000 characters) for the names, with the header beside them. */
    private static final int LIST_MAX = 2800;

    private MemberBlocks() {
    }

    static List<LayoutBlock> members(Reply.Members members, Catalogue words) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(markdown(words.say("slack.members.heading", members.community(), members.total())));
        List<String> lines = members.members().stream().map(member -> line(member, words)).toList();
        blocks.add(markdown(joinWithin(lines, "\n", LIST_MAX, words)));
        if (members.unnamed() > 0) {
            blocks.add(ContextBlock.builder().elements(List.<com.slack.api.model.block.ContextBlockElement>of(
                    MarkdownTextObject.builder().text(words.say("slack.members.more", members.unnamed())).build())).build());
        }
        return blocks;
    }

    /** "• *Ada* · steward · Slack and Teams". */
    private static String line(Reply.Members.Member member, Catalogue words) {
        return "• *" + Mentions.name(member.person().displayName()) + "*"
                + (member.steward() ? " · " + words.say("slack.member.steward") : "")
                + " · " + words.say(member.toolsMessage());
    }
}
