package ciment.teams.render;

import static ciment.teams.render.AdaptiveCards.JSON;
import static ciment.teams.render.AdaptiveCards.attachment;
import static ciment.teams.render.AdaptiveCards.card;
import static ciment.teams.render.AdaptiveCards.container;
import static ciment.teams.render.AdaptiveCards.heading;
import static ciment.teams.render.AdaptiveCards.subtle;
import static ciment.teams.render.CardText.bold;

import ciment.core.i18n.Catalogue;
import ciment.core.model.Aggregate;
import ciment.core.reply.Insights;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.schema.Attachment;

/**
 * insights &lt;slug&gt;: a container per week, its figures in a FactSet (name, then value in all and per tool).
 * Facts hold only Ciment's own words and numbers: nothing typed by anyone.
 */
final class InsightCards {
    private InsightCards() {
    }

    static Attachment insights(Insights insights, Catalogue words) {
        ObjectNode card = card(insights.summary(words));
        ArrayNode body = card.withArray("body");
        body.add(heading(words.say("insights.title", insights.community())));
        for (Insights.Week week : insights.weeks()) {
            ArrayNode items = container(body);
            items.add(CardText.block(bold(words.say(week.title()))));
            ObjectNode facts = items.addObject();
            facts.put("type", "FactSet");
            ArrayNode list = facts.putArray("facts");
            for (Insights.Line line : week.lines()) {
                list.add(JSON.objectNode().put("title", words.say(line.label()))
                        .put("value", words.say(line.value())));
            }
        }
        body.add(subtle(words.say("insights.note", Aggregate.SMALLEST_SHOWN)));
        body.add(subtle(words.say(insights.readMessage())));
        return attachment(card);
    }
}
