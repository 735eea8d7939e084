package ciment.core.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.core.config.Settings;
import ciment.core.i18n.Catalogue;
import ciment.core.i18n.Language;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Amounts computed in dollars, shown in the deployment's currency, written as the reader's language writes money. */
class ShownCurrencyTest {
    private static final Catalogue FRENCH = Catalogue.of(Language.FRENCH).orElseThrow();
    private static final ShownCurrency EUROS = ShownCurrency.fromSettings(Settings.of(Map.of(
            "CIMENT_CURRENCY", "EUR", "CIMENT_USD_RATE", "0.92@2026-12-01")));

    @Test
    void dollars_inEnglish_areWrittenAsBefore_withCentsAndTheDollarSign() {
        assertEquals("$12.34", ShownCurrency.DOLLARS.amount(new BigDecimal("12.3449"), Catalogue.ENGLISH));
        assertEquals("under $0.01", ShownCurrency.DOLLARS.amount(new BigDecimal("0.0004"), Catalogue.ENGLISH));
        assertEquals("$0.00", ShownCurrency.DOLLARS.amount(BigDecimal.ZERO, Catalogue.ENGLISH));
        assertEquals(Optional.empty(), ShownCurrency.DOLLARS.rate(Catalogue.ENGLISH));
    }

    @Test
    void euros_inFrench_areConvertedAtTheDatedRate_andWrittenTheFrenchWay() {
        // 1341.90 dollars at 0.92 is 1234.548 euros: "1 234,55 €" with French spaces (narrow no-break, no-break).
        assertEquals("1\u202f234,55\u00a0€", EUROS.amount(new BigDecimal("1341.90"), FRENCH));
        assertEquals("moins de 0,01\u00a0€", EUROS.amount(new BigDecimal("0.001"), FRENCH));
        assertEquals(Optional.of("1 USD = 0,92 EUR au 1 déc. 2026"), EUROS.rate(FRENCH));
        assertEquals(Optional.of("1 USD = 0.92 EUR on Dec 1, 2026"), EUROS.rate(Catalogue.ENGLISH));
    }

    @Test
    void aCurrencyWithoutItsRate_orAMalformedOne_stopsTheFunction() {
        IllegalStateException noRate = assertThrows(IllegalStateException.class,
                () -> ShownCurrency.fromSettings(Settings.of(Map.of("CIMENT_CURRENCY", "EUR"))));
        assertTrue(noRate.getMessage().contains("CIMENT_USD_RATE is not set"), noRate.getMessage());
        assertThrows(IllegalStateException.class, () -> ShownCurrency.fromSettings(Settings.of(Map.of(
                "CIMENT_CURRENCY", "EURO", "CIMENT_USD_RATE", "0.92@2026-12-01"))));
        assertThrows(IllegalStateException.class, () -> ShownCurrency.fromSettings(Settings.of(Map.of(
                "CIMENT_CURRENCY", "EUR", "CIMENT_USD_RATE", "0.92"))));
        assertThrows(IllegalStateException.class, () -> ShownCurrency.fromSettings(Settings.of(Map.of(
                "CIMENT_CURRENCY", "EUR", "CIMENT_USD_RATE", "-1@2026-12-01"))));
        assertEquals(ShownCurrency.DOLLARS, ShownCurrency.fromSettings(Settings.of(Map.of())));
    }
}
