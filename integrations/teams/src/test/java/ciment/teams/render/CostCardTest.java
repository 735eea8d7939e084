package ciment.teams.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.core.config.Settings;
import ciment.core.cost.ShownCurrency;
import ciment.core.i18n.Catalogue;
import ciment.core.i18n.Language;
import ciment.core.reply.Reply;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.Serialization;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** costs as an Adaptive Card: a fact per community and the platform, the prices, and buttons to the chart and CSV. */
class CostCardTest {

    private static Reply.Costs costs(ShownCurrency currency) {
        return new Reply.Costs(YearMonth.of(2026, 11),
                List.of(new Reply.CommunityCost("data-guild", new BigDecimal("1.23"),
                        List.of(new Reply.ServiceCost("Amazon DynamoDB", new BigDecimal("1.23"))),
                        Optional.of(new BigDecimal("1.00")))),
                Optional.of(new Reply.CommunityCost("platform", new BigDecimal("0.10"), List.of(), Optional.empty())),
                new BigDecimal("1.33"), "us-east-1/arm64/2024-11-01", List.of("https://aws.amazon.com/dynamodb/pricing/"),
                false, Optional.of("https://c.example/costs/chart.svg?month=2026-11"),
                Optional.of("https://c.example/costs?month=2026-11&format=csv"), currency);
    }

    @Test
    void card_hasAFactPerCommunity_thePricesNote_andOpenUrlButtons() {
        Reply.Costs costs = costs(ShownCurrency.DOLLARS);

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

    @Test
    void aFrenchReader_inADeploymentShowingEuros_seesEuros_theRateOnce_andFrenchWords() {
        Reply.Costs euros = costs(ShownCurrency.fromSettings(Settings.of(Map.of(
                "CIMENT_CURRENCY", "EUR", "CIMENT_USD_RATE", "0.92@2026-12-01"))));
        Catalogue french = Catalogue.of(Language.FRENCH).orElseThrow();

        Activity activity = TeamsReplies.render(euros, "tenant", french);

        String card = Serialization.toStringSilent(activity.getAttachments().get(0).getContent());
        String shown = ciment.devkit.teams.TeamsMarkup.readable(Serialization.objectToTree(
                activity.getAttachments().get(0).getContent()));
        // $1.33 is 1.2236 euros, $1.23 is 1.1316, $1.00 is 0.92, $0.10 is 0.092.
        assertTrue(shown.contains("Coûts de 2026-11 : 1,22\u00a0€"), shown);
        assertTrue(shown.contains("**data-guild : **1,13\u00a0€ (Amazon DynamoDB 1,13\u00a0€) ; budget 0,92\u00a0€, 123 % utilisé"),
                shown);
        assertTrue(shown.contains("**platform : **0,09\u00a0€ (ce qu’aucune communauté n’a causé)"), shown);
        String rate = "Montants en EUR, convertis depuis le dollar US au taux 1 USD = 0,92 EUR au 1 déc. 2026.";
        assertEquals(1, shown.split(java.util.regex.Pattern.quote(rate), -1).length - 1, shown);
        assertFalse(shown.contains("$"), shown);
        assertTrue(card.contains("\"title\":\"Graphique\""), card);
        assertEquals(euros.summary(french), activity.getSummary());
    }

    @Test
    void threeHundredCommunities_inFrench_inEuros_fitTeamsMessageSize() {
        Reply.Costs many = new Reply.Costs(YearMonth.of(2026, 11), java.util.stream.IntStream.range(0, 300)
                .mapToObj(i -> new Reply.CommunityCost("community-" + i, BigDecimal.ONE,
                        List.of(new Reply.ServiceCost("AWS Lambda", BigDecimal.ONE)), Optional.of(BigDecimal.TEN))).toList(),
                Optional.empty(), new BigDecimal("300"), "us-east-1/arm64/2024-11-01", List.of("https://aws.amazon.com/lambda/pricing/"),
                true, Optional.empty(), Optional.empty(), ShownCurrency.fromSettings(Settings.of(Map.of(
                        "CIMENT_CURRENCY", "EUR", "CIMENT_USD_RATE", "0.92@2026-12-01"))));

        Activity activity = TeamsReplies.render(many, "tenant", Catalogue.of(Language.FRENCH).orElseThrow());

        assertTrue(TeamsWire.bytes(activity) <= TeamsWire.LIMIT, "bytes as sent: " + TeamsWire.bytes(activity));
        assertTrue(ciment.devkit.teams.TeamsMarkup.readable(Serialization.objectToTree(activity.getAttachments().get(0)
                .getContent())).contains("0,92\u00a0€"));
    }
}
