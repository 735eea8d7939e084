package ciment.core.service;

import ciment.core.cost.ShownCurrency;
import ciment.core.i18n.Message;
import ciment.core.model.Refusal;
import ciment.core.model.Slug;
import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * The amount of {@code budget <slug> <amount>}, read in the currency the deployment shows (its refusals name
 * it), and kept in dollars at the deployment's rate: read here, by the use case, because the words alone do not
 * know the currency.
 */
final class BudgetAmount {
    /** A budget above this many dollars is a typing slip rather than a community's month of AWS usage. */
    static final BigDecimal MAX_DOLLARS = new BigDecimal("1000000");
    /** 25, 12.5, 12.50, 1,000 or 1,000.00, at most two decimals; $25 too when the currency is the dollar. */
    private static final Pattern AMOUNT = Pattern.compile("(\\d{1,3}(,\\d{3})+|\\d+)(\\.\\d{1,2})?");

    private BudgetAmount() {
    }

    /** The budget typed, in dollars; a refusal, with an example, when it is missing, malformed, 0 or too much. */
    static BigDecimal dollars(Slug slug, String typed, ShownCurrency shown) {
        String example = "budget " + slug + " 25";
        String code = shown.currency().getCurrencyCode();
        if (typed.isEmpty()) {
            throw new Refusal(shown.converted() ? Message.of("finance.budget.noAmount", slug.value(), example, code)
                    : Message.of("core.budget.noAmount", slug.value(), example));
        }
        String number = shown.converted() ? typed : typed.replaceFirst("^\\$", "");
        if (!AMOUNT.matcher(number).matches()) {
            throw new Refusal(shown.converted()
                    ? Message.of("finance.budget.notAmount", Message.verbatim(typed), example, code)
                    : Message.of("core.budget.notAmount", Message.verbatim(typed), example));
        }
        BigDecimal amount = new BigDecimal(number.replace(",", "")).setScale(2);
        if (amount.signum() <= 0) {
            throw new Refusal(shown.converted()
                    ? Message.of("finance.budget.notPositive", example, shown.of(BigDecimal.ZERO))
                    : Message.of("core.budget.notPositive", example));
        }
        BigDecimal dollars = shown.dollars(amount);
        if (dollars.compareTo(MAX_DOLLARS) > 0) {
            throw new Refusal(shown.converted()
                    ? Message.of("finance.budget.tooMuch", example, shown.of(MAX_DOLLARS))
                    : Message.of("core.budget.tooMuch", example));
        }
        return dollars;
    }
}
