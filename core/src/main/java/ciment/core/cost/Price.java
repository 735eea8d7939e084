package ciment.core.cost;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One list price: {@code usd} for every {@code per} units of the meter's reported unit (0.20 per 1000000
 * requests), as read at {@code source} on {@code read}, applying from {@code effective}.
 *
 * @param architecture "arm64", "x86_64", or "any" when the architecture does not change the price
 */
public record Price(Meter meter, String architecture, LocalDate effective, BigDecimal usd, BigDecimal per,
                    String source, LocalDate read) {

    public Price {
        if (usd.signum() < 0 || per.signum() <= 0) {
            throw new IllegalArgumentException("A price is zero or more dollars per a positive number of units.");
        }
        try {
            usd.divide(per);
        } catch (ArithmeticException endless) {
            throw new IllegalArgumentException("A price per " + per.toPlainString()
                    + " units has no exact unit price: price per a power of ten.");
        }
    }

    /** The price of one reported unit (FOCUS ListUnitPrice), exact. */
    public BigDecimal unitPrice() {
        return usd.divide(per);
    }

    /** "$0.20 per 1000000 Requests", "$0.0000133334 per GB-Seconds", "free (Calls)": for people to read. */
    public String describe() {
        if (usd.signum() == 0) {
            return "free (" + meter.unit() + ")";
        }
        String basis = per.compareTo(BigDecimal.ONE) == 0 ? "" : Money.plain(per) + " ";
        return "$" + usd.toPlainString() + " per " + basis + meter.unit();
    }

    /** The list cost of a quantity in the reported unit, exact. */
    public BigDecimal costOf(BigDecimal quantity) {
        return quantity.multiply(unitPrice());
    }
}
