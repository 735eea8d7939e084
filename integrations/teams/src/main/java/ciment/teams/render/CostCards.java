package ciment.teams.render;

import static ciment.teams.render.AdaptiveCards.JSON;
import static ciment.teams.render.AdaptiveCards.attachment;
import static ciment.teams.render.AdaptiveCards.card;
import static ciment.teams.render.AdaptiveCards.fact;
import static ciment.teams.render.AdaptiveCards.heading;
import static ciment.teams.render.AdaptiveCards.notShown;
import static ciment.teams.render.AdaptiveCards.openUrl;
import static ciment.teams.render.AdaptiveCards.subtle;
import static ciment.teams.render.AdaptiveCards.text;
import static ciment.teams.render.CardText.run;

import ciment.core.cost.ShownCurrency;
import ciment.core.i18n.Catalogue;
import ciment.core.reply.CostWords;
import ciment.core.reply.Reply;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.schema.Attachment;

/** A month's costs in an Adaptive Card, for finance and stewards. */
final class CostCards {
    private CostCards() {
    }

    /**
     * A month's costs: each community's cost (top services, budget and share used), the platform's line for
     * finance, the prices' date and source, "estimated" when units were computed, and links. In the reader's
     * words, amounts in the deployment's currency, converted ones with their dated rate under the heading, once.
     */
    static Attachment costs(Reply.Costs costs, Catalogue words) {
        ShownCurrency currency = costs.currency();
        return attachment(CardFit.list(costs.communities().size(), room -> {
            ObjectNode card = card(costs.summary(words));
            ArrayNode body = card.withArray("body");
            body.add(heading(words.say("finance.costs.heading", words.say("finance.costs.title", costs.month().toString()),
                    costs.estimated() ? words.say("finance.costs.estimated") : "", currency.amount(costs.total(), words))));
            CostWords.converted(currency, words).ifPresent(rate -> body.add(subtle(rate)));
            if (costs.communities().isEmpty() && costs.platform().isEmpty()) {
                body.add(text(costs.summary(words)));
            }
            costs.communities().stream().limit(room.items()).forEach(line -> body.add(fact(words, line.name(),
                    run(CostWords.detail(line, currency, words)))));
            notShown(body, costs.communities().size() - room.items(), AdaptiveCards.Hidden.COMMUNITIES, words);
            costs.platform().ifPresent(line -> body.add(fact(words, line.name(),
                    run(CostWords.detail(line, currency, words) + " " + words.say("finance.costs.platform")))));
            body.add(subtle(costs.footnote(words)));
            ArrayNode actions = JSON.arrayNode();
            costs.chartUrl().ifPresent(url -> actions.add(openUrl(words.say("finance.costs.chart"), url)));
            costs.csvUrl().ifPresent(url -> actions.add(openUrl(words.say("finance.costs.csv"), url)));
            if (!actions.isEmpty()) {
                card.set("actions", actions);
            }
            return card;
        }));
    }
}
