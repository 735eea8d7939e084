package ciment.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.devkit.slack.FakeSlackApi;
import ciment.local.LocalStack.SlackAnswer;
import ciment.local.LocalStack.SlackUser;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 16, money, over HTTP: a deployment that shows euros (CIMENT_CURRENCY=EUR, CIMENT_USD_RATE=0.92@2026-12-01).
 * A finance person whose Slack speaks fr-FR reads the month's costs in euros, written the French way, with the
 * dated rate; an English one reads euros the English way; a steward types a budget in euros, kept in dollars; the
 * files for machines stay in dollars. (FinanceEndToEndTest: English, no currency set, dollars as before.)
 */
class CostsInEurosEndToEndTest {
    private static final String TOKEN = "e2e-euros-token";
    private static final String EURO = "\u00a0€";
    private static LocalStack stack;
    private static SlackUser camille;
    private static SlackUser fanny;
    private static SlackUser frank;

    @BeforeAll
    static void aDeploymentShowingEuros_withACommunityThatWasUsed() {
        stack = new LocalStack(Map.of(
                "CIMENT_FINANCE_TOKEN", TOKEN,
                "CIMENT_FINANCE_EMAILS", "fanny@example.com, frank@example.com, francoise@example.com",
                "CIMENT_CURRENCY", "EUR",
                "CIMENT_USD_RATE", "0.92@2026-12-01"));
        camille = stack.slackUser(new FakeSlackApi.User("U0EUR0001", "Camille", "Camille", "camille@example.com")
                .speaking("fr-FR"));
        fanny = stack.slackUser(new FakeSlackApi.User("U0EUR0002", "Fanny", "Fanny", "fanny@example.com")
                .speaking("fr-FR"));
        frank = stack.slackUser(new FakeSlackApi.User("U0EUR0003", "Frank", "Frank", "frank@example.com"));
        camille.ciment("create eur-guild Les euros");
        camille.ciment("post eur-guild Bonjour");
        camille.ciment("feed eur-guild");
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @Test
    void aFrenchFinancePerson_readsTheCostsInEuros_theFrenchWay_withTheDatedRate() {
        SlackAnswer costs = fanny.ciment("costs");

        assertEquals(200, costs.status());
        assertTrue(costs.says("Coûts de "), costs.toString());
        assertTrue(costs.says("eur-guild : ") && costs.says(",") && costs.says(EURO), costs.toString());
        assertTrue(costs.says("Montants en EUR, convertis depuis le dollar US au taux 1 USD = 0,92 EUR au 1 déc. 2026."),
                costs.toString());
        assertFalse(costs.blocks().contains("$"), costs.toString());
    }

    @Test
    void aFinancePersonWhoseTeamsIsInFrench_readsTheCostCardInEuros_inFrench() {
        LocalStack.TeamsUser francoise = stack.teamsUser("Françoise", "francoise@example.com", "user").speaking("fr-FR");

        LocalStack.TeamsAnswer costs = francoise.ciment("coûts");

        assertEquals(200, costs.status());
        assertTrue(costs.says("Coûts de "), costs.toString());
        assertTrue(costs.says("eur-guild : ") && costs.says(EURO), costs.toString());
        assertTrue(costs.says("Montants en EUR, convertis depuis le dollar US au taux 1 USD = 0,92 EUR au 1 déc. 2026."),
                costs.toString());
        assertFalse(java.util.regex.Pattern.compile("\\$\\d").matcher(costs.cards()).find(), "no amount in dollars: " + costs);
    }

    @Test
    void anEnglishFinancePerson_inTheSameDeployment_readsEuros_theEnglishWay() {
        SlackAnswer costs = frank.ciment("costs");

        assertTrue(costs.says("Costs for ") && costs.says(" in all"), costs.toString());
        assertTrue(costs.says("eur-guild: €"), costs.toString());
        assertTrue(costs.says("Amounts in EUR, converted from US dollars at 1 USD = 0.92 EUR on Dec 1, 2026."),
                costs.toString());
    }

    @Test
    void aBudgetTypedInEuros_isKeptInDollars_andShownInEuros() throws Exception {
        SlackAnswer set = camille.ciment("budget eur-guild 25");
        SlackAnswer costs = camille.ciment("costs");

        assertTrue(set.says("Le budget mensuel de eur-guild est désormais de 25,00" + EURO + ", conservé comme 27,17"
                + "\u00a0$US au taux 1 USD = 0,92 EUR au 1 déc. 2026"), set.toString());
        assertTrue(costs.says("budget 25,00" + EURO), costs.toString());
        assertTrue(camille.ciment("budget eur-guild").says("Donnez le budget mensuel en EUR"));
        HttpResponse<String> json = stack.get("/costs?format=json", "Bearer " + TOKEN);
        assertTrue(new ObjectMapper().readTree(json.body()).path("totals").has("usd"), json.body());
        HttpResponse<String> csv = stack.get("/costs?format=csv", "Bearer " + TOKEN);
        assertTrue(csv.body().contains("eur-guild") && !csv.body().contains("EUR") && !csv.body().contains("€"), csv.body());
    }
}
