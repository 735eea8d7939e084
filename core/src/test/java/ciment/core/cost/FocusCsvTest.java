package ciment.core.cost;

import static ciment.core.cost.CostReportTest.ARM;
import static ciment.core.cost.CostReportTest.NAMES;
import static ciment.core.cost.CostReportTest.NOVEMBER;
import static ciment.core.cost.CostReportTest.day;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FocusCsvTest {

    /** RFC 4180 records: fields split on commas outside quotes, doubled quotes read as one. */
    static List<List<String>> read(String csv) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' && csv.charAt(i + 1) == '\n') {
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                record = new ArrayList<>();
                i++;
            } else {
                field.append(c);
            }
        }
        assertTrue(record.isEmpty() && field.isEmpty(), "the last record ends with CRLF");
        return records;
    }

    @Test
    void header_isTheFocusColumns_inOrder() {
        String csv = FocusCsv.write(CostReport.of(NOVEMBER, List.of(), ARM, NAMES, false));
        assertEquals("BillingPeriodStart,BillingPeriodEnd,ChargePeriodStart,ChargePeriodEnd,ServiceName,ConsumedQuantity,"
                + "ConsumedUnit,ListUnitPrice,ListCost,BilledCost,Tags\r\n", csv);
    }

    @Test
    void oneRowPerOwnerMeterAndDay_chargedForThatDay_inUtc() {
        List<UsageDay> days = List.of(day("C1", 1, Meter.API_REQUESTS, 1000, Meter.LAMBDA_MB_MILLIS, 2048),
                day("C1", 30, Meter.API_REQUESTS, 5), day(UsageDay.PLATFORM, 2, Meter.QUEUE_REQUESTS, 3));
        List<List<String>> rows = read(FocusCsv.write(CostReport.of(NOVEMBER, days, ARM, NAMES, false)));
        assertEquals(5, rows.size());
        assertEquals(List.of("2026-11-01T00:00:00Z", "2026-12-01T00:00:00Z", "2026-11-01T00:00:00Z",
                "2026-11-02T00:00:00Z", "Amazon API Gateway", "1000", "Requests", "0.000001", "0.001", "0.001",
                "{\"ciment:community\":\"design\"}"), rows.get(1));
        assertEquals(List.of("2026-11-01T00:00:00Z", "2026-12-01T00:00:00Z", "2026-11-01T00:00:00Z",
                "2026-11-02T00:00:00Z", "AWS Lambda", "0.002", "GB-Seconds", "0.0000133334", "0.0000000266668",
                "0.0000000266668", "{\"ciment:community\":\"design\"}"), rows.get(2));
        assertEquals("2026-11-30T00:00:00Z", rows.get(3).get(2));
        assertEquals("2026-12-01T00:00:00Z", rows.get(3).get(3));
        assertEquals(List.of("Amazon Simple Queue Service", "3", "Requests"), rows.get(4).subList(4, 7));
        assertEquals("{\"ciment:community\":\"platform\"}", rows.get(4).get(10));
    }

    @Test
    void listCosts_sumToTheReportsTotal_exactly_withAndWithoutAllocation() {
        List<UsageDay> days = new ArrayList<>(CostReportTest.designMonth());
        days.addAll(CostReportTest.threeCommunitiesAndPlatform());
        for (boolean allocate : new boolean[] {false, true}) {
            CostReport report = CostReport.of(NOVEMBER, days, ARM, NAMES, allocate);
            List<List<String>> rows = read(FocusCsv.write(report));
            BigDecimal listCost = BigDecimal.ZERO;
            for (List<String> row : rows.subList(1, rows.size())) {
                assertEquals(row.get(8), row.get(9), "billed cost is list cost");
                listCost = listCost.add(new BigDecimal(row.get(8)));
            }
            assertEquals(0, report.total().compareTo(listCost), allocate + ": " + listCost);
        }
    }

    @Test
    void allocatedPlatformUsage_isEachCommunitysOwnRow_taggedAsAllocated() {
        CostReport report = CostReport.of(NOVEMBER, CostReportTest.threeCommunitiesAndPlatform(), ARM, NAMES, true);
        List<List<String>> rows = read(FocusCsv.write(report));
        List<List<String>> shares = rows.stream().filter(r -> r.get(10).contains("ciment:allocated")).toList();
        assertEquals(4, shares.size()); // two platform meters × two communities with a cost
        assertTrue(rows.stream().noneMatch(r -> r.get(10).contains("\"platform\"}") && !r.get(10).contains("allocated")));
        List<String> designQueue = shares.stream().filter(r -> r.get(10).contains("design") && r.get(4).contains("Queue"))
                .findFirst().orElseThrow();
        assertEquals(0, new BigDecimal("625000").compareTo(new BigDecimal(designQueue.get(5)))); // a quarter of 2.5 M
        assertEquals(0, new BigDecimal("0.25").compareTo(new BigDecimal(designQueue.get(8))));
        assertEquals("{\"ciment:community\":\"design\",\"ciment:allocated\":\"platform\"}", designQueue.get(10));
    }

    @Test
    void aSlugWithCommasAndQuotes_isQuotedSoTheRowKeepsItsColumns() {
        CostReport report = CostReport.of(NOVEMBER, List.of(day("C1", 3, Meter.API_REQUESTS, 1)), ARM,
                Map.of("C1", "a,b \"c\""), false);
        String csv = FocusCsv.write(report);
        assertTrue(csv.contains(",\"{\"\"ciment:community\"\":\"\"a,b \\\"\"c\\\"\"\"\"}\"\r\n"), csv);
        List<List<String>> rows = read(csv);
        assertEquals(11, rows.get(1).size());
        assertEquals("{\"ciment:community\":\"a,b \\\"c\\\"\"}", rows.get(1).get(10));
    }

    @Test
    void storedBytes_keepTheirFullPrecision() {
        CostReport report = CostReport.of(NOVEMBER, List.of(day("C1", 3, Meter.DYNAMODB_STORED_BYTES, 1L << 30)), ARM, NAMES, false);
        List<String> row = read(FocusCsv.write(report)).get(1);
        assertEquals("GB-Mo", row.get(6));
        assertEquals("0.03333333333333333333333333333333333", row.get(5)); // one GiB for one day of thirty
    }
}
