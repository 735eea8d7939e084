package ciment.core.cost;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Dollar amounts: exact until shown, then cents that add up. */
public final class Money {
    private static final BigDecimal CENT = new BigDecimal("0.01");

    private Money() {
    }

    /** An exact amount rounded to the cent (half up), for showing one amount alone. */
    public static BigDecimal cents(BigDecimal exact) {
        return exact.setScale(2, RoundingMode.HALF_UP);
    }

    /**
     * Exact amounts rounded to cents that sum to the rounded sum of the amounts (largest remainder: each
     * is rounded down, and the cents left over go to the largest fractions, ties to the earlier key).
     * Amounts are zero or more.
     */
    static <K> Map<K, BigDecimal> apportion(Map<K, BigDecimal> exact) {
        BigDecimal sum = BigDecimal.ZERO;
        Map<K, BigDecimal> floors = new LinkedHashMap<>();
        for (Map.Entry<K, BigDecimal> e : exact.entrySet()) {
            sum = sum.add(e.getValue());
            floors.put(e.getKey(), e.getValue().setScale(2, RoundingMode.FLOOR));
        }
        BigDecimal floored = BigDecimal.ZERO;
        for (BigDecimal floor : floors.values()) {
            floored = floored.add(floor);
        }
        int left = cents(sum).subtract(floored).divide(CENT).intValueExact();
        List<K> byFraction = new ArrayList<>(exact.keySet());
        byFraction.sort(Comparator.comparing((K k) -> exact.get(k).subtract(floors.get(k))).reversed());
        for (int i = 0; i < left && i < byFraction.size(); i++) {
            K key = byFraction.get(i);
            floors.put(key, floors.get(key).add(CENT));
        }
        return floors;
    }

    /** "$12.34"; "under $0.01" for a cost that is more than nothing but rounds to nothing. */
    public static String usd(BigDecimal cents, BigDecimal exact) {
        if (cents.signum() == 0 && exact.signum() > 0) {
            return "under $0.01";
        }
        return "$" + cents.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    /** "$12.34" for an amount in cents. */
    public static String usd(BigDecimal cents) {
        return "$" + cents.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    /** A number written in full without exponent or trailing zeros ("0.0000002", "3", "0"). */
    public static String plain(BigDecimal number) {
        return number.signum() == 0 ? "0" : number.stripTrailingZeros().toPlainString();
    }
}
