package ciment.core.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ciment.core.cost.Meter;
import ciment.core.cost.PriceTable;
import ciment.core.cost.UsageDay;
import ciment.core.testing.InMemoryRepositories;
import ciment.core.testing.InMemoryUsage;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CostPagesTest {
    private final InMemoryUsage usage = new InMemoryUsage()
            .add("c1", LocalDate.of(2026, 11, 2), Meter.API_REQUESTS, 1_000_000)
            .add("c1", LocalDate.of(2026, 11, 3), Meter.API_REQUESTS, 1_000_000)
            .add(UsageDay.PLATFORM, LocalDate.of(2026, 11, 2), Meter.QUEUE_REQUESTS, 1_000_000);
    private final CostPages pages = new CostPages(usage, InMemoryRepositories.create().communities(),
            month -> PriceTable.select("us-east-1", "arm64", month),
            Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC));

    @Test
    void json_byDefault_forTheCurrentMonth() {
        CostPages.Page page = pages.get("/costs", Map.of());

        assertEquals(200, page.status());
        assertEquals("application/json", page.contentType());
        assertTrue(page.body().startsWith("{\"month\":\"2026-11\""), page.body());
    }

    @Test
    void csv_inFocusColumns() {
        CostPages.Page page = pages.get("/costs", Map.of("month", "2026-11", "format", "csv"));

        assertEquals(200, page.status());
        assertTrue(page.body().startsWith("BillingPeriodStart,BillingPeriodEnd"), page.body());
    }

    @Test
    void csv_byMonth_hasOneRowPerOwnerAndMeter_forTheWholeMonth() {
        String daily = pages.get("/costs", Map.of("month", "2026-11", "format", "csv")).body();
        String monthly = pages.get("/costs", Map.of("month", "2026-11", "format", "csv", "granularity", "month")).body();

        List<String> rows = monthly.lines().skip(1).toList();
        assertEquals(2, rows.size(), monthly);
        assertTrue(rows.stream().allMatch(r -> r.contains(",2026-11-01T00:00:00Z,2026-12-01T00:00:00Z,")), monthly);
        assertEquals(3, daily.lines().skip(1).count(), daily);
        assertTrue(rows.stream().anyMatch(r -> r.contains(",2000000,Requests,")), monthly);
    }

    @Test
    void granularity_onJsonOrUnknown_isA400() {
        assertEquals(400, pages.get("/costs", Map.of("granularity", "month")).status());
        assertEquals(400, pages.get("/costs", Map.of("format", "csv", "granularity", "hour")).status());
    }

    @Test
    void chart_isSvg_andAllocationIsAccepted() {
        CostPages.Page page = pages.get("/costs/chart.svg", Map.of("month", "2026-11", "allocate", "platform"));

        assertEquals(200, page.status());
        assertEquals("image/svg+xml", page.contentType());
        assertTrue(page.body().contains("<svg"), page.body());
    }

    @Test
    void badMonthFormatOrParameter_isA400_withOneSentence() {
        for (Map<String, String> query : java.util.List.of(Map.of("month", "2026-13"), Map.of("month", "nov"),
                Map.of("format", "xml"), Map.of("allocate", "people"), Map.of("person", "ada"))) {
            CostPages.Page page = pages.get("/costs", query);
            assertEquals(400, page.status(), query.toString());
            assertTrue(page.body().strip().endsWith("."), page.body());
            assertEquals(1, page.body().strip().lines().count());
        }
        assertEquals(400, pages.get("/costs/chart.svg", Map.of("format", "csv")).status());
    }
}
