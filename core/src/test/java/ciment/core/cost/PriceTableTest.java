package ciment.core.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.core.config.Settings;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PriceTableTest {
    private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);

    private static BigDecimal perUnit(String usd, long per) {
        return new BigDecimal(usd).divide(BigDecimal.valueOf(per));
    }

    private static void assertSame(BigDecimal expected, BigDecimal actual) {
        assertEquals(0, expected.compareTo(actual), () -> expected + " expected, was " + actual);
    }

    @Test
    void usEast1_arm64_hasTheListPricesOfEachMeter() {
        PriceTable table = PriceTable.select("us-east-1", "arm64", NOVEMBER);
        assertSame(perUnit("0.20", 1_000_000), table.unitPrice(Meter.LAMBDA_REQUESTS));
        assertSame(new BigDecimal("0.0000133334"), table.unitPrice(Meter.LAMBDA_MB_MILLIS));
        assertSame(perUnit("0.625", 1_000_000), table.unitPrice(Meter.DYNAMODB_WRITE_UNITS));
        assertSame(perUnit("0.125", 1_000_000), table.unitPrice(Meter.DYNAMODB_READ_UNITS));
        assertSame(new BigDecimal("0.25"), table.unitPrice(Meter.DYNAMODB_STORED_BYTES));
        assertSame(perUnit("1.00", 1_000_000), table.unitPrice(Meter.API_REQUESTS));
        assertSame(perUnit("0.40", 1_000_000), table.unitPrice(Meter.QUEUE_REQUESTS));
        assertSame(BigDecimal.ZERO, table.unitPrice(Meter.STREAM_REQUESTS));
        assertSame(BigDecimal.ZERO, table.unitPrice(Meter.SLACK_CALLS));
        assertSame(BigDecimal.ZERO, table.unitPrice(Meter.TEAMS_CALLS));
        assertEquals(Meter.values().length, table.prices().size());
    }

    @Test
    void usEast1_x86_pricesGbSecondsHigherThanArm() {
        PriceTable table = PriceTable.select("us-east-1", "x86_64", NOVEMBER);
        assertSame(new BigDecimal("0.0000166667"), table.unitPrice(Meter.LAMBDA_MB_MILLIS));
        assertEquals("x86_64", table.price(Meter.LAMBDA_MB_MILLIS).architecture());
        assertEquals("any", table.price(Meter.LAMBDA_REQUESTS).architecture());
    }

    @Test
    void everyPrice_namesItsSourceAndTheDayItWasRead() {
        PriceTable table = PriceTable.select("us-east-1", "arm64", NOVEMBER);
        assertEquals("https://aws.amazon.com/lambda/pricing/", table.price(Meter.LAMBDA_MB_MILLIS).source());
        assertEquals("https://aws.amazon.com/dynamodb/pricing/on-demand/", table.price(Meter.DYNAMODB_WRITE_UNITS).source());
        assertEquals("https://aws.amazon.com/api-gateway/pricing/", table.price(Meter.API_REQUESTS).source());
        assertEquals("https://aws.amazon.com/sqs/pricing/", table.price(Meter.QUEUE_REQUESTS).source());
        for (Price price : table.prices()) {
            assertEquals(LocalDate.of(2026, 11, 27), price.read(), price.meter().key());
        }
        assertEquals("us-east-1/arm64/2024-11-01", table.id());
        assertEquals(new BigDecimal("1000000"), table.price(Meter.LAMBDA_REQUESTS).per());
    }

    @Test
    void prices_describeThemselvesForPeople() {
        PriceTable table = PriceTable.select("us-east-1", "arm64", NOVEMBER);
        assertEquals("$0.20 per 1000000 Requests", table.price(Meter.LAMBDA_REQUESTS).describe());
        assertEquals("$0.0000133334 per GB-Seconds", table.price(Meter.LAMBDA_MB_MILLIS).describe());
        assertEquals("$0.25 per GB-Mo", table.price(Meter.DYNAMODB_STORED_BYTES).describe());
        assertEquals("free (Calls)", table.price(Meter.SLACK_CALLS).describe());
    }

    @Test
    void unknownRegion_isRefusedWithOneSentenceNamingTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PriceTable.select("eu-west-9", "arm64", NOVEMBER));
        assertEquals("There is no price table for region \"eu-west-9\": Ciment has tables for us-east-1.", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PriceTable.select("../etc", "arm64", NOVEMBER));
    }

    @Test
    void unknownArchitecture_isRefusedWithOneSentence() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PriceTable.select("us-east-1", "sparc", NOVEMBER));
        assertEquals("\"sparc\" is no Lambda architecture: choose arm64 or x86_64.", e.getMessage());
    }

    @Test
    void monthBeforeTheTable_isRefused_ratherThanPricedAtLaterPrices() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PriceTable.select("us-east-1", "arm64", YearMonth.of(2024, 10)));
        assertTrue(e.getMessage().endsWith("in effect on 2024-10-01."), e.getMessage());
    }

    @Test
    void settings_default_toArm64InTheFunctionsRegion_elseUsEast1() {
        assertEquals("us-east-1/arm64/2024-11-01", PriceTable.fromSettings(Settings.of(Map.of()), NOVEMBER).id());
        assertEquals("us-east-1", PriceTable.fromSettings(Settings.of(Map.of("AWS_REGION", "us-east-1")), NOVEMBER).region());
        PriceTable x86 = PriceTable.fromSettings(Settings.of(Map.of("CIMENT_ARCHITECTURE", "x86_64")), NOVEMBER);
        assertEquals("x86_64", x86.architecture());
    }

    @Test
    void settings_pricesRegion_winsOverTheFunctionsRegion() {
        Settings settings = Settings.of(Map.of("AWS_REGION", "eu-west-3", "CIMENT_PRICES_REGION", "us-east-1"));
        assertEquals("us-east-1", PriceTable.fromSettings(settings, NOVEMBER).region());
        assertThrows(IllegalArgumentException.class,
                () -> PriceTable.fromSettings(Settings.of(Map.of("AWS_REGION", "eu-west-3")), NOVEMBER));
    }

    private static final String DATED = """
            # a table with a price change in March
            api    any     2026-01-01  1.00          1000000  2026-11-27  https://example.test/api
            api    any     2026-03-01  0.90          1000000  2026-11-27  https://example.test/api
            lreq   any     2026-01-01  0.20          1000000  2026-11-27  https://example.test/lambda
            lmbms  any     2026-01-01  0.0000166667  1        2026-11-27  https://example.test/lambda
            lmbms  arm64   2026-01-01  0.0000133334  1        2026-11-27  https://example.test/lambda
            rru    any     2026-01-01  0.125         1000000  2026-11-27  https://example.test/ddb
            wru    any     2026-01-01  0.625         1000000  2026-11-27  https://example.test/ddb
            bytes  any     2026-01-01  0.25          1        2026-11-27  https://example.test/ddb
            strq   any     2026-01-01  0             1        2026-11-27  https://example.test/ddb
            sqs    any     2026-01-01  0.40          1000000  2026-11-27  https://example.test/sqs
            slack  any     2026-01-01  0             1        2026-11-27  https://example.test/slack
            teams  any     2026-01-01  0             1        2026-11-27  https://example.test/teams
            """;

    @Test
    void aPriceChange_appliesFromItsMonth_andEarlierMonthsKeepTheOldPrice() {
        PriceTable february = PriceTable.parse("test-1", "x86_64", YearMonth.of(2026, 2), DATED);
        PriceTable march = PriceTable.parse("test-1", "x86_64", YearMonth.of(2026, 3), DATED);
        assertSame(perUnit("1.00", 1_000_000), february.unitPrice(Meter.API_REQUESTS));
        assertSame(perUnit("0.90", 1_000_000), march.unitPrice(Meter.API_REQUESTS));
        assertEquals("test-1/x86_64/2026-01-01", february.id());
        assertEquals("test-1/x86_64/2026-03-01", march.id());
    }

    @Test
    void anArchitecturesOwnLine_winsOverTheLineForAny() {
        PriceTable arm = PriceTable.parse("test-1", "arm64", YearMonth.of(2026, 2), DATED);
        PriceTable x86 = PriceTable.parse("test-1", "x86_64", YearMonth.of(2026, 2), DATED);
        assertSame(new BigDecimal("0.0000133334"), arm.unitPrice(Meter.LAMBDA_MB_MILLIS));
        assertSame(new BigDecimal("0.0000166667"), x86.unitPrice(Meter.LAMBDA_MB_MILLIS));
    }

    @Test
    void aTableMissingAMeter_isRefusedNamingTheMeter() {
        String noTeams = DATED.lines().filter(line -> !line.startsWith("teams")).reduce("", (a, b) -> a + b + "\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PriceTable.parse("test-1", "arm64", YearMonth.of(2026, 2), noTeams));
        assertEquals("The test-1 price table has no arm64 price for teams in effect on 2026-02-01.", e.getMessage());
    }

    @Test
    void aMalformedLine_isRefusedNamingItsLineNumber() {
        assertEquals("Line 2 of the test-1 price table does not read \"meter architecture effective usd per read source\".",
                assertThrows(IllegalArgumentException.class, () -> PriceTable.parse("test-1", "arm64", NOVEMBER,
                        "# header\napi any 2026-01-01 1.00\n")).getMessage());
        assertEquals("Line 1 of the test-1 price table has a number or date that does not read.",
                assertThrows(IllegalArgumentException.class, () -> PriceTable.parse("test-1", "arm64", NOVEMBER,
                        "api any 2026-01-01 one 1000000 2026-11-27 https://x\n")).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PriceTable.parse("test-1", "arm64", NOVEMBER,
                "cpu any 2026-01-01 1 1 2026-11-27 https://x\n")).getMessage().contains("\"cpu\" is no meter"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PriceTable.parse("test-1", "arm64", NOVEMBER,
                "api any 2026-01-01 1 3 2026-11-27 https://x\n")).getMessage().contains("no exact unit price"));
    }
}
