package ciment.slack.render;

import static ciment.slack.render.BlockKitReply.MAX_SECTION_TEXT;
import static ciment.slack.render.BlockKitReply.markdown;
import static ciment.slack.render.BlockKitReply.section;
import static ciment.slack.render.BlockKitReply.withinBlockLimit;

import ciment.core.i18n.Catalogue;
import ciment.core.reply.CostWords;
import ciment.core.reply.Reply;
import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import java.util.ArrayList;
import java.util.List;

/** A month's costs in Block Kit, in the reader's words, amounts in the deployment's currency. */
final class CostBlocks {
    private CostBlocks() {
    }

    /**
     * One section per community (cost, top services, budget and share used), the platform's line for finance,
     * then the prices' date and source, "estimated" when units were computed, and links. Converted amounts have
     * their dated rate just under the heading, once.
     */
    static List<LayoutBlock> costs(Reply.Costs costs, Catalogue words) {
        List<LayoutBlock> blocks = new ArrayList<>();
        String title = "*" + Mrkdwn.escape(words.say("finance.costs.title", costs.month().toString())) + "*";
        String estimated = costs.estimated() ? Mrkdwn.escape(words.say("finance.costs.estimated")) : "";
        blocks.add(markdown(words.say("finance.costs.heading.inAll", title, estimated,
                Mrkdwn.escape(costs.currency().amount(costs.total(), words)))));
        CostWords.converted(costs.currency(), words).ifPresent(rate -> blocks.add(context(rate)));
        costs.communities().forEach(line -> blocks.add(section("• ", Mrkdwn.escape(costs.line(line, words)))));
        costs.platform().ifPresent(line -> blocks.add(section("• ", Mrkdwn.escape(costs.line(line, words))
                + " _" + Mrkdwn.escape(words.say("finance.costs.platform")) + "_")));
        if (costs.communities().isEmpty() && costs.platform().isEmpty()) {
            blocks.add(section("", Mrkdwn.escape(costs.summary(words))));
        }
        blocks.add(context(costs.footnote(words)));
        List<String> links = new ArrayList<>();
        costs.chartUrl().ifPresent(url -> links.add("<" + url + "|" + Mrkdwn.escape(words.say("finance.costs.chart")) + ">"));
        costs.csvUrl().ifPresent(url -> links.add("<" + url + "|" + Mrkdwn.escape(words.say("finance.costs.csv")) + ">"));
        if (!links.isEmpty()) {
            blocks.add(markdown(String.join(" · ", links)));
        }
        return withinBlockLimit(blocks, "slack.hidden.communities", words);
    }

    private static LayoutBlock context(String sentence) {
        return ContextBlock.builder().elements(List.of(MarkdownTextObject.builder()
                .text(Mrkdwn.fit(Mrkdwn.escape(sentence), MAX_SECTION_TEXT)).build())).build();
    }
}
