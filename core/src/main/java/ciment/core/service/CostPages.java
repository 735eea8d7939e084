package ciment.core.service;

import ciment.core.cost.CostChart;
import ciment.core.cost.CostJson;
import ciment.core.cost.CostReport;
import ciment.core.cost.FocusCsv;
import ciment.core.cost.PriceTable;
import ciment.core.model.Community;
import ciment.core.port.Communities;
import ciment.core.port.Usage;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The finance routes' answers, before any HTTP: {@code GET /costs?month=YYYY-MM&format=json|csv} (a CSV takes
 * {@code granularity=day|month}) and {@code GET /costs/chart.svg?month=YYYY-MM}, each with {@code allocate=platform} to share the platform's cost
 * among communities. Who may ask is settled before (IAM in AWS, the runner's bearer token locally). Per
 * community, never per person. A bad parameter is a 400 with one sentence, and nothing is read.
 */
public record CostPages(Usage usage, Communities communities, Function<YearMonth, PriceTable> prices, Clock clock) {
    static final String COSTS = "/costs";
    static final String CHART = "/costs/chart.svg";
    private static final Set<String> KNOWN = Set.of("month", "format", "allocate", "granularity");

    /** An answer: status, content type and body. */
    public record Page(int status, String contentType, String body) {
        static Page text(int status, String sentence) {
            return new Page(status, "text/plain; charset=utf-8", sentence + "\n");
        }
    }

    /** The answer to a GET of {@code path} with these query parameters. */
    public Page get(String path, Map<String, String> query) {
        boolean chart = CHART.equals(path);
        if (!chart && !COSTS.equals(path)) {
            return Page.text(404, "Nothing is served on " + path + ": the finance routes are /costs and /costs/chart.svg.");
        }
        for (String name : query.keySet()) {
            if (!KNOWN.contains(name)) {
                return Page.text(400, "“" + name + "” is no parameter of " + path + ": use month=YYYY-MM"
                        + (chart ? "" : ", format=json or csv") + " and allocate=platform.");
            }
        }
        YearMonth month;
        String monthText = query.getOrDefault("month", "");
        if (monthText.isEmpty()) {
            month = YearMonth.now(clock.withZone(ZoneOffset.UTC));
        } else if (monthText.matches("\\d{4}-(0[1-9]|1[0-2])")) {
            month = YearMonth.parse(monthText);
        } else {
            return Page.text(400, "The month reads as YYYY-MM, for example month=2026-11.");
        }
        String format = query.getOrDefault("format", "json");
        if (chart ? query.containsKey("format") : !format.equals("json") && !format.equals("csv")) {
            return Page.text(400, chart ? "The chart is an SVG image and takes no format: leave format out."
                    : "The format is json or csv, for example format=csv.");
        }
        String allocate = query.getOrDefault("allocate", "");
        if (!allocate.isEmpty() && !allocate.equals("platform")) {
            return Page.text(400, "allocate takes one value, platform: allocate=platform shares the platform's cost"
                    + " among communities in proportion to their use.");
        }
        String granularity = query.getOrDefault("granularity", "day");
        boolean csv = !chart && format.equals("csv");
        if (query.containsKey("granularity") && (!csv || !granularity.equals("day") && !granularity.equals("month"))) {
            return Page.text(400, "granularity is for format=csv and takes day (a row per day, the default) or month"
                    + " (a row per month, for a large deployment).");
        }
        Map<String, String> names = new HashMap<>();
        for (Community community : communities.catalog()) {
            names.put(community.id(), community.slug().value());
        }
        CostReport report = CostReport.of(month, usage.month(month), prices.apply(month), names, !allocate.isEmpty());
        if (chart) {
            return new Page(200, "image/svg+xml", CostChart.svg(report));
        }
        return format.equals("csv")
                ? new Page(200, "text/csv; charset=utf-8", FocusCsv.write(report,
                        granularity.equals("month") ? FocusCsv.Granularity.MONTH : FocusCsv.Granularity.DAY))
                : new Page(200, "application/json", CostJson.write(report));
    }
}
