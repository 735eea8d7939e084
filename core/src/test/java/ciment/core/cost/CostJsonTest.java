package ciment.core.cost;

import static ciment.core.cost.CostReportTest.ARM;
import static ciment.core.cost.CostReportTest.NAMES;
import static ciment.core.cost.CostReportTest.NOVEMBER;
import static ciment.core.cost.CostReportTest.day;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CostJsonTest {

    /** A strict little JSON reader (objects, arrays, strings, numbers as BigDecimal, booleans) for the tests. */
    static final class Reader {
        private final String text;
        private int at;

        Reader(String text) {
            this.text = text;
        }

        static Object read(String text) {
            Reader reader = new Reader(text);
            Object value = reader.value();
            if (reader.at != text.length()) {
                throw new IllegalStateException("trailing text at " + reader.at);
            }
            return value;
        }

        private Object value() {
            char c = text.charAt(at);
            if (c == '{') {
                Map<String, Object> object = new LinkedHashMap<>();
                at++;
                if (text.charAt(at) == '}') {
                    at++;
                    return object;
                }
                do {
                    String key = string();
                    expect(':');
                    object.put(key, value());
                } while (text.charAt(at++) == ',');
                check(text.charAt(at - 1) == '}');
                return object;
            }
            if (c == '[') {
                List<Object> array = new ArrayList<>();
                at++;
                if (text.charAt(at) == ']') {
                    at++;
                    return array;
                }
                do {
                    array.add(value());
                } while (text.charAt(at++) == ',');
                check(text.charAt(at - 1) == ']');
                return array;
            }
            if (c == '"') {
                return string();
            }
            if (text.startsWith("true", at) || text.startsWith("false", at)) {
                at += text.startsWith("true", at) ? 4 : 5;
                return text.charAt(at - 1) == 'e' && text.startsWith("true", at - 4);
            }
            int start = at;
            while (at < text.length() && "-0123456789.".indexOf(text.charAt(at)) >= 0) {
                at++;
            }
            check(at > start);
            return new BigDecimal(text.substring(start, at));
        }

        private String string() {
            expect('"');
            StringBuilder out = new StringBuilder();
            while (text.charAt(at) != '"') {
                char c = text.charAt(at++);
                check(c >= 0x20);
                if (c == '\\') {
                    char e = text.charAt(at++);
                    switch (e) {
                        case 'n' -> out.append('\n');
                        case 't' -> out.append('\t');
                        case 'r' -> out.append('\r');
                        case 'u' -> {
                            out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                            at += 4;
                        }
                        default -> out.append(e);
                    }
                } else {
                    out.append(c);
                }
            }
            at++;
            return out.toString();
        }

        private void expect(char c) {
            check(text.charAt(at++) == c);
        }

        private void check(boolean ok) {
            if (!ok) {
                throw new IllegalStateException("not JSON at " + at + ": " + text.substring(Math.max(0, at - 20), at));
            }
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Object> array(Object value) {
        return (List<Object>) value;
    }

    @Test
    void json_holdsMonthCurrencyPriceTableLinesTotalsAndExactness() {
        List<UsageDay> days = new ArrayList<>(CostReportTest.threeCommunitiesAndPlatform());
        days.add(new UsageDay("C3", NOVEMBER.atDay(9), Map.of(Meter.DYNAMODB_WRITE_UNITS, BigDecimal.TEN), false));
        Map<String, Object> json = object(Reader.read(CostJson.write(CostReport.of(NOVEMBER, days, ARM, NAMES, false))));
        assertEquals("2026-11", json.get("month"));
        assertEquals("USD", json.get("currency"));
        assertEquals(false, json.get("exact"));
        assertEquals(false, json.get("platformAllocated"));
        Map<String, Object> table = object(json.get("priceTable"));
        assertEquals("us-east-1/arm64/2024-11-01", table.get("id"));
        assertEquals("2024-11-01", table.get("effective"));
        assertEquals("2026-11-27", table.get("read"));
        assertTrue(array(table.get("sources")).contains("https://aws.amazon.com/sqs/pricing/"));
        Map<String, Object> gbSeconds = array(table.get("prices")).stream().map(CostJsonTest::object)
                .filter(p -> p.get("meter").equals("lmbms")).findFirst().orElseThrow();
        assertEquals(new BigDecimal("0.0000133334"), gbSeconds.get("unitPrice"));
        assertEquals("https://aws.amazon.com/lambda/pricing/", gbSeconds.get("source"));
        assertEquals(Meter.values().length, array(table.get("prices")).size());

        Map<String, Object> c2api = array(json.get("lines")).stream().map(CostJsonTest::object)
                .filter(l -> l.get("community").equals("finance-ops") && l.get("meter").equals("api")).findFirst().orElseThrow();
        assertEquals(new BigDecimal("3000000"), c2api.get("consumedQuantity"));
        assertEquals("Requests", c2api.get("consumedUnit"));
        assertEquals(new BigDecimal("0.000001"), c2api.get("listUnitPrice"));
        assertEquals(new BigDecimal("3"), c2api.get("listCost"));

        Map<String, Object> totals = object(json.get("totals"));
        assertEquals(new BigDecimal("6.00"), totals.get("usd"));
        BigDecimal owners = array(totals.get("owners")).stream().map(o -> (BigDecimal) object(o).get("usd"))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(new BigDecimal("6.00"), owners);
        assertEquals(List.of("design", "finance-ops", "runners", "platform"), array(totals.get("owners")).stream()
                .map(o -> object(o).get("community")).toList());
    }

    @Test
    void json_writesNumbersWithoutExponents_andEscapesNames() {
        CostReport report = CostReport.of(NOVEMBER, List.of(day("C1", 1, Meter.LAMBDA_REQUESTS, 1)), ARM,
                Map.of("C1", "quote\" back\\ tab\t"), false);
        String json = CostJson.write(report);
        assertTrue(!json.contains("E-") && !json.contains("E+"), json);
        Map<String, Object> line = object(array(object(Reader.read(json)).get("lines")).get(0));
        assertEquals("quote\" back\\ tab\t", line.get("community"));
        assertEquals(new BigDecimal("0.0000002"), line.get("cost"));
    }
}
