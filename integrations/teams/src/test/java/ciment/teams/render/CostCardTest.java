package ciment.teams.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.core.i18n.Catalogue;
import ciment.core.reply.Reply;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.Serialization;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** costs as an Adaptive Card: a fact per community and the platform, the prices, and buttons to the chart and CSV. */
class CostCardTest {

    @Test
    void card_hasAFactPerCommunity_thePricesNote_andOpenUrlButtons() {
        Reply.Costs costs = new Reply.Costs(YearMonth.of(2026, 11),
                List.of(new Reply.CommunityCost("data-guild", new BigDecimal("1.23"),
                        List.of(new Reply.ServiceCost("Amazon DynamoDB", new BigDecimal("1.23"))),
                        Optional.of(new BigDecimal("1.00")))),
                Optional.of(new Reply.CommunityCost("platform", new BigDecimal("0.10"), List.of(), Optional.empty())),
                new BigDecimal("1.33"), "us-east-1/arm64/2024-11-01", List.of("https://aws.amazon.com/dynamodb/pricing/"),
                false, Optional.of("https://c.example/costs/chart.svg?month=2026-11"),
                Optional.of("https://c.example/costs?month=2026-11&format=csv"));

        Activity activity = TeamsReplies.render(costs, "tenant", Catalogue.ENGLISH);

        String card = Serialization.toStringSilent(activity.getAttachments().get(0).getContent());
        assertEquals(costs.summary(), activity.getSummary());
        String shown = ciment.devkit.teams.TeamsMarkup.readable(Serialization.objectToTree(
                activity.getAttachments().get(0).getContent()));
        assertTrue(shown.contains("**data-guild: **$1.23 (Amazon DynamoDB $1.23); budget $1.00, 123% used"), shown);
        assertTrue(shown.contains("**platform: **$0.10 (what no community caused)"), shown);
        assertTrue(card.contains("us-east-1/arm64/2024-11-01"), card);
        assertTrue(card.contains("\"type\":\"Action.OpenUrl\",\"title\":\"Chart\""), card);
        assertTrue(card.contains("format=csv"), card);
    }
}
