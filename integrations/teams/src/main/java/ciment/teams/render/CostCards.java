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

import ciment.core.i18n.Catalogue;
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
     * finance, the prices' date and source, "estimated" when units were computed, and links.
     */
    static Attachment costs(Reply.Costs costs) {
        return attachment(CardFit.list(costs.communities().size(), room -> {
            ObjectNode card = card(costs.summary());
            ArrayNode body = card.withArray("body");
            body.add(heading("Costs for " + costs.month() + (costs.estimated() ? " (estimated)" : "") + ": "
                    + Reply.Costs.dollars(costs.total())));
            if (costs.communities().isEmpty() && costs.platform().isEmpty()) {
                body.add(text(costs.summary()));
            }
            costs.communities().stream().limit(room.items()).forEach(line -> body.add(fact(Catalogue.ENGLISH, line.name(),
                    run(line.line().substring(line.name().length() + 2)))));
            notShown(body, costs.communities().size() - room.items(), AdaptiveCards.Hidden.COMMUNITIES, Catalogue.ENGLISH);
            costs.platform().ifPresent(line -> body.add(fact(Catalogue.ENGLISH, "platform",
                    run(line.line().substring(line.name().length() + 2) + " (what no community caused)"))));
            body.add(subtle(costs.footnote()));
            ArrayNode actions = JSON.arrayNode();
            costs.chartUrl().ifPresent(url -> actions.add(openUrl("Chart", url)));
            costs.csvUrl().ifPresent(url -> actions.add(openUrl("CSV (FOCUS)", url)));
            if (!actions.isEmpty()) {
                card.set("actions", actions);
            }
            return card;
        }));
    }
}
