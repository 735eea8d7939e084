package ciment.slack;

import static ciment.slack.render.Shown.all;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.core.config.Settings;
import ciment.core.cost.ShownCurrency;
import ciment.core.i18n.Catalogue;
import ciment.core.i18n.Language;
import ciment.core.reply.Reply;
import ciment.slack.render.BlockKitReply;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** costs in Block Kit: a line per community, the platform's, prices and links, within Slack's 50 blocks. */
class CostBlocksTest {

    private static Reply.CommunityCost line(String name, String cost, Optional<BigDecimal> budget) {
        return new Reply.CommunityCost(name, new BigDecimal(cost),
                List.of(new Reply.ServiceCost("AWS Lambda", new BigDecimal(cost))), budget);
    }

    private static Reply.Costs costs(List<Reply.CommunityCost> lines, boolean links) {
        return new Reply.Costs(YearMonth.of(2026, 11), lines, Optional.of(line("platform", "0.40", Optional.empty())),
                new BigDecimal("1.63"), "us-east-1/arm64/2024-11-01", List.of("https://aws.amazon.com/lambda/pricing/"),
                true, links ? Optional.of("https://c.example/costs/chart.svg?month=2026-11") : Optional.empty(),
                links ? Optional.of("https://c.example/costs?month=2026-11&format=csv") : Optional.empty());
    }

    @Test
    void eachCommunity_itsBudgetShare_thePlatform_pricesAndLinks_areShown() {
        String shown = all(BlockKitReply.render(costs(List.of(line("data-guild", "1.23",
                Optional.of(new BigDecimal("10")))), true), "T1", Catalogue.ENGLISH));

        assertTrue(shown.contains("*Costs for 2026-11* (estimated): $1.63 in all"), shown);
        assertTrue(shown.contains("data-guild: $1.23 (AWS Lambda $1.23); budget $10.00, 12% used"), shown);
        assertTrue(shown.contains("platform: $0.40"), shown);
        assertTrue(shown.contains("us-east-1/arm64/2024-11-01") && shown.contains("Estimated"), shown);
        assertTrue(shown.contains("<https://c.example/costs/chart.svg?month=2026-11|Chart>"), shown);
    }

    @Test
    void eightyCommunities_fitIn50Blocks_andNoLinksWhenThereAreNone() {
        List<Reply.CommunityCost> many = IntStream.range(0, 80)
                .mapToObj(i -> line("community-" + i, "0.01", Optional.empty())).toList();

        BlockKitReply.Rendered rendered = BlockKitReply.render(costs(many, false), "T1", Catalogue.ENGLISH);

        assertTrue(rendered.blocks().size() <= BlockKitReply.MAX_BLOCKS);
        assertTrue(all(rendered).contains("more communities not shown"), all(rendered));
        assertFalse(all(rendered).contains("|Chart>"));
    }

    @Test
    void aFrenchReader_inADeploymentShowingEuros_seesEuros_theRateOnce_andFrenchWords() {
        Reply.Costs base = costs(List.of(line("data-guild", "1.23", Optional.of(new BigDecimal("10")))), true);
        Reply.Costs euros = new Reply.Costs(base.month(), base.communities(), base.platform(), base.total(), base.prices(),
                base.sources(), base.estimated(), base.chartUrl(), base.csvUrl(), ShownCurrency.fromSettings(Settings.of(
                        Map.of("CIMENT_CURRENCY", "EUR", "CIMENT_USD_RATE", "0.92@2026-12-01"))));

        BlockKitReply.Rendered rendered = BlockKitReply.render(euros, "T1", Catalogue.of(Language.FRENCH).orElseThrow());

        String shown = all(rendered);
        // $1.63 is 1.4996 euros, $1.23 is 1.1316, $10 is 9.20, $0.40 is 0.368.
        assertTrue(shown.contains("*Coûts de 2026-11* (estimation) : 1,50\u00a0€ au total"), shown);
        assertTrue(shown.contains("data-guild : 1,13\u00a0€ (AWS Lambda 1,13\u00a0€) ; budget 9,20\u00a0€, 12 % utilisé"), shown);
        assertTrue(shown.contains("platform : 0,37\u00a0€ (AWS Lambda 0,37\u00a0€) _(ce qu’aucune communauté n’a causé)_"), shown);
        assertTrue(shown.contains("<https://c.example/costs/chart.svg?month=2026-11|Graphique>"), shown);
        String rate = "Montants en EUR, convertis depuis le dollar US au taux 1 USD = 0,92 EUR au 1 déc. 2026.";
        assertEquals(1, shown.split(java.util.regex.Pattern.quote(rate), -1).length - 1, shown);
        assertFalse(shown.contains("$"), shown);
        assertTrue(rendered.text().startsWith("Coûts de 2026-11 (estimation) : 1,50\u00a0€ (1 USD = 0,92 EUR au 1 déc. 2026)"
                + " au total"), rendered.text());
    }

    @Test
    void eightyCommunities_inFrench_inEuros_withTheRateLine_fitIn50Blocks() {
        List<Reply.CommunityCost> many = IntStream.range(0, 80)
                .mapToObj(i -> line("community-" + i, "0.01", Optional.empty())).toList();
        Reply.Costs base = costs(many, true);
        Reply.Costs euros = new Reply.Costs(base.month(), many, base.platform(), base.total(), base.prices(), base.sources(),
                base.estimated(), base.chartUrl(), base.csvUrl(), ShownCurrency.fromSettings(Settings.of(
                        Map.of("CIMENT_CURRENCY", "EUR", "CIMENT_USD_RATE", "0.92@2026-12-01"))));

        BlockKitReply.Rendered rendered = BlockKitReply.render(euros, "T1", Catalogue.of(Language.FRENCH).orElseThrow());

        assertTrue(rendered.blocks().size() <= BlockKitReply.MAX_BLOCKS);
        assertTrue(all(rendered).contains("1 USD = 0,92 EUR"), all(rendered));
    }
}
