package ciment.core.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class MeterTest {

    @Test
    void lambdaMegabyteMilliseconds_areReportedAsGigabyteSeconds_exactly() {
        // 128 MB for 250 ms = 32000 MB-ms = 0.03125 GB-s
        assertEquals(0, new BigDecimal("0.03125").compareTo(
                Meter.LAMBDA_MB_MILLIS.reported(new BigDecimal(32_000), YearMonth.of(2026, 11))));
        assertEquals(0, BigDecimal.ONE.compareTo(
                Meter.LAMBDA_MB_MILLIS.reported(new BigDecimal(1_024_000), YearMonth.of(2026, 11))));
    }

    @Test
    void aMonthOfDailyStoredBytes_addsUpToGigabyteMonths() {
        YearMonth november = YearMonth.of(2026, 11);
        BigDecimal gib = BigDecimal.valueOf(1L << 30);
        BigDecimal month = BigDecimal.ZERO;
        for (int day = 1; day <= november.lengthOfMonth(); day++) {
            month = month.add(Meter.DYNAMODB_STORED_BYTES.reported(gib.multiply(BigDecimal.TEN), november));
        }
        assertEquals(0, BigDecimal.TEN.compareTo(month.round(new MathContext(30))), month.toPlainString());
        // a February day is a 28th of a month
        assertEquals(0, new BigDecimal("0.5").compareTo(
                Meter.DYNAMODB_STORED_BYTES.reported(gib.multiply(BigDecimal.valueOf(14)), YearMonth.of(2026, 2))));
    }

    @Test
    void countedMeters_areReportedAsCounted() {
        assertEquals(new BigDecimal("7"), Meter.API_REQUESTS.reported(new BigDecimal("7"), YearMonth.of(2026, 11)));
        assertEquals(new BigDecimal("0.5"), Meter.DYNAMODB_READ_UNITS.reported(new BigDecimal("0.5"), YearMonth.of(2026, 11)));
    }

    @Test
    void keys_readBack_andAnUnknownKeyIsOneSentence() {
        for (Meter meter : Meter.values()) {
            assertEquals(meter, Meter.ofKey(meter.key()));
        }
        assertEquals("\"gpu\" is no meter: the meters are api, lreq, lmbms, rru, wru, bytes, strq, sqs, slack, teams.",
                assertThrows(IllegalArgumentException.class, () -> Meter.ofKey("gpu")).getMessage());
    }
}
