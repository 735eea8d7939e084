package ciment.core.cost;

import ciment.core.config.Settings;
import ciment.core.i18n.Catalogue;
import ciment.core.i18n.Localized;
import ciment.core.i18n.Message;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;
import java.util.Optional;

/**
 * The currency amounts are shown in. Costs are computed in US dollars from AWS's prices; a deployment may show
 * them in another currency (CIMENT_CURRENCY) at a rate it sets and dates (CIMENT_USD_RATE, "0.92@2026-12-01":
 * one dollar is 0.92 of it on that day), and every converted amount says so beside it. Files for machines
 * (FOCUS CSV, JSON) stay in dollars. What a person types (a budget) is in this currency, kept in dollars at
 * the rate: when the rate changes, it is shown at the new rate (its dollars, which alerts compare, stay).
 */
public record ShownCurrency(Currency currency, BigDecimal perDollar, Optional<LocalDate> rateOf) {
    public static final String CURRENCY = "CIMENT_CURRENCY";
    public static final String RATE = "CIMENT_USD_RATE";
    public static final Currency DOLLAR = Currency.getInstance("USD");
    public static final ShownCurrency DOLLARS = new ShownCurrency(DOLLAR, BigDecimal.ONE, Optional.empty());

    /** The deployment's currency; a malformed one, or a currency without its rate, stops the function. */
    public static ShownCurrency fromSettings(Settings settings) {
        Optional<String> code = settings.get(CURRENCY);
        if (code.isEmpty() || code.get().equals(DOLLAR.getCurrencyCode())) {
            return DOLLARS;
        }
        Currency currency;
        try {
            currency = Currency.getInstance(code.get());
        } catch (IllegalArgumentException notIso) {
            throw new IllegalStateException(CURRENCY + " is " + code.get() + ": name an ISO 4217 currency, such as EUR");
        }
        String rate = settings.get(RATE).orElseThrow(() -> new IllegalStateException(CURRENCY + " is " + code.get()
                + " but " + RATE + " is not set: say how much one dollar is, and since when, such as 0.92@2026-12-01"));
        String[] parts = rate.split("@", 2);
        try {
            BigDecimal perDollar = new BigDecimal(parts[0].strip());
            if (perDollar.signum() <= 0 || parts.length < 2) {
                throw new NumberFormatException();
            }
            return new ShownCurrency(currency, perDollar, Optional.of(LocalDate.parse(parts[1].strip())));
        } catch (NumberFormatException | DateTimeParseException malformed) {
            throw new IllegalStateException(RATE + " is " + rate + ": write the rate and its day, such as 0.92@2026-12-01");
        }
    }

    /** An amount of dollars, exact, in this currency, written as the reader's language writes money ("12,34 €"). */
    public String amount(BigDecimal exactDollars, Catalogue words) {
        BigDecimal converted = exactDollars.multiply(perDollar);
        int digits = Math.max(currency.getDefaultFractionDigits(), 0);
        BigDecimal shown = converted.setScale(digits, RoundingMode.HALF_UP);
        NumberFormat format = NumberFormat.getCurrencyInstance(words.language().locale());
        format.setCurrency(currency);
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        if (shown.signum() == 0 && converted.signum() > 0) {
            return words.say("finance.amount.under", format.format(BigDecimal.ONE.movePointLeft(digits)));
        }
        return format.format(shown);
    }

    /** What a converted amount says beside it ("1 USD = 0.92 EUR on Dec 1, 2026"); empty for dollars. */
    public Optional<String> rate(Catalogue words) {
        Locale locale = words.language().locale();
        NumberFormat number = NumberFormat.getNumberInstance(locale);
        number.setMaximumFractionDigits(perDollar.scale());
        return rateOf.map(day -> words.say("finance.amount.rate", number.format(perDollar), currency.getCurrencyCode(),
                DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).format(day)));
    }

    /** Whether amounts are converted from dollars (and so shown with the rate). */
    public boolean converted() {
        return !currency.equals(DOLLAR);
    }

    /** An amount of dollars, exact, to be said in the reader's language ({@link #amount}) as a message's argument. */
    public Amount of(BigDecimal exactDollars) {
        return new Amount(this, exactDollars);
    }

    /** The amount, and when converted the rate beside it: "€23.00 (1 USD = 0.92 EUR on Dec 1, 2026)". */
    public Object rated(BigDecimal exactDollars) {
        return converted() ? Message.of("finance.amount.rated", of(exactDollars), rate()) : of(exactDollars);
    }

    /** The rate ({@link #rate(Catalogue)}) as a message's argument; nothing for dollars. */
    public Localized rate() {
        return words -> rate(words).orElse("");
    }

    /** An amount typed in this currency, in dollars: as typed when dollars, else at the rate (to 6 decimals). */
    public BigDecimal dollars(BigDecimal typed) {
        return converted() ? typed.divide(perDollar, 6, RoundingMode.HALF_UP) : typed;
    }

    /** An amount of dollars said as the reader's language writes it in this currency. */
    public record Amount(ShownCurrency currency, BigDecimal dollars) implements Localized {
        @Override
        public String in(Catalogue words) {
            return currency.amount(dollars, words);
        }
    }
}
