package ciment.core.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.core.config.Settings;
import ciment.core.cost.ShownCurrency;
import ciment.core.i18n.Catalogue;
import ciment.core.i18n.Language;
import ciment.core.model.Refusal;
import ciment.core.model.Slug;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The amount of budget: dollars as before by default; in a deployment showing euros, euros kept in dollars. */
class BudgetAmountTest {
    private static final Slug GUILD = Slug.parse("data-guild");
    private static final ShownCurrency DOLLARS = ShownCurrency.DOLLARS;
    private static final ShownCurrency EUROS = ShownCurrency.fromSettings(Settings.of(Map.of(
            "CIMENT_CURRENCY", "EUR", "CIMENT_USD_RATE", "0.92@2026-12-01")));
    private static final Catalogue FRENCH = Catalogue.of(Language.FRENCH).orElseThrow();

    private static Refusal refused(String typed, ShownCurrency shown) {
        return assertThrows(Refusal.class, () -> BudgetAmount.dollars(GUILD, typed, shown), typed);
    }

    @Test
    void budget_readsDollars_withCents_aDollarSign_orThousands() {
        assertEquals(new BigDecimal("25.00"), BudgetAmount.dollars(GUILD, "25", DOLLARS));
        assertEquals(new BigDecimal("12.50"), BudgetAmount.dollars(GUILD, "12.5", DOLLARS));
        assertEquals(new BigDecimal("12.50"), BudgetAmount.dollars(GUILD, "$12.50", DOLLARS));
        assertEquals(new BigDecimal("1000.00"), BudgetAmount.dollars(GUILD, "1,000", DOLLARS));
    }

    @Test
    void budget_zeroNegativeTooLargeOrNotANumber_isRefused() {
        for (String amount : new String[] {"0", "0.00", "-1", "1000000.01", "12.345", "ten", "1e3", "25 dollars"}) {
            refused(amount, DOLLARS);
        }
        Refusal missing = refused("", DOLLARS);
        assertTrue(missing.sentence().startsWith("Say the monthly budget in dollars"), missing.sentence());
        assertEquals("A monthly budget is at most $1,000,000: check the amount, for example “budget data-guild 25”.",
                refused("1000000.01", DOLLARS).sentence());
    }

    @Test
    void budget_typedInEuros_isKeptInDollars_atTheRate() {
        // 25 euros at 0.92 euro per dollar: 27.173913 dollars, which show again as 25,00 €.
        BigDecimal dollars = BudgetAmount.dollars(GUILD, "25", EUROS);

        assertEquals(new BigDecimal("27.173913"), dollars);
        assertEquals("25,00\u00a0€", EUROS.amount(dollars, FRENCH));
    }

    @Test
    void budget_refusals_nameTheShownCurrency_notDollars() {
        Refusal missing = refused("", EUROS);
        Refusal dollarSign = refused("$25", EUROS);
        Refusal zero = refused("0", EUROS);
        Refusal tooMuch = refused("1000000", EUROS); // 1,086,956 dollars

        assertEquals("Say the monthly budget in EUR: budget data-guild <amount>, for example “budget data-guild 25”.",
                missing.sentence());
        assertEquals("« $25 » n’est pas un montant en EUR : écrivez-le comme 25 ou 12.50, par exemple « budget data-guild 25 ».",
                FRENCH.say(dollarSign.message()));
        assertEquals("Un budget est supérieur à 0,00\u00a0€ : écrivez-le comme 25 ou 12.50, par exemple « budget data-guild 25 ».",
                FRENCH.say(zero.message()));
        assertEquals("A monthly budget is at most €920,000.00: check the amount, for example “budget data-guild 25”.",
                tooMuch.sentence());
        assertEquals(new BigDecimal("999999.782609"), BudgetAmount.dollars(GUILD, "919,999.80", EUROS));
    }
}
