package ciment.core.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void apportion_givesLeftoverCentsToTheLargestFractions_soTheSumIsTheRoundedSum() {
        Map<String, BigDecimal> exact = new LinkedHashMap<>();
        exact.put("a", new BigDecimal("0.334"));
        exact.put("b", new BigDecimal("0.333"));
        exact.put("c", new BigDecimal("0.333"));
        exact.put("d", new BigDecimal("0.006"));
        Map<String, BigDecimal> cents = Money.apportion(exact);
        assertEquals(Map.of("a", new BigDecimal("0.34"), "b", new BigDecimal("0.33"), "c", new BigDecimal("0.33"),
                "d", new BigDecimal("0.01")), cents); // 1.006 → 1.01: d's .006 and a's .004 win the two cents left
        assertEquals(new BigDecimal("1.01"), cents.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    @Test
    void apportion_tiesGoToTheEarlierKey() {
        Map<String, BigDecimal> exact = new LinkedHashMap<>();
        exact.put("x", new BigDecimal("0.005"));
        exact.put("y", new BigDecimal("0.005"));
        exact.put("z", new BigDecimal("0.005"));
        assertEquals(Map.of("x", new BigDecimal("0.01"), "y", new BigDecimal("0.01"), "z", new BigDecimal("0.00")),
                Money.apportion(exact)); // 0.015 → 0.02
    }

    @Test
    void numbers_areWrittenInFull() {
        assertEquals("0.0000002", Money.plain(new BigDecimal("2E-7")));
        assertEquals("3000000", Money.plain(new BigDecimal("3.0E+6")));
        assertEquals("0", Money.plain(new BigDecimal("0.000")));
        assertEquals("$1.50", Money.usd(new BigDecimal("1.5")));
        assertEquals("under $0.01", Money.usd(new BigDecimal("0.00"), new BigDecimal("0.001")));
        assertEquals("$0.00", Money.usd(new BigDecimal("0.00"), BigDecimal.ZERO));
    }
}
