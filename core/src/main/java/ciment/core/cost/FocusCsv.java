package ciment.core.cost;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A report as FinOps FOCUS rows, to load next to the AWS bill: one row per owner × meter × day (the charge
 * period is that day, as in the AWS bill's daily granularity), quantities and costs in full precision,
 * RFC 4180 quoting, CRLF line ends. List cost is billed cost (list prices, no discounts). Tags name the
 * community by slug, or "platform"; a community's share of the platform's usage, when the report allocates
 * it, is its own row tagged {"ciment:community":"slug","ciment:allocated":"platform"}. Free meters are
 * rows with cost 0. Days with no usage of a meter have no row.
 */
public final class FocusCsv {
    static final List<String> COLUMNS = List.of("BillingPeriodStart", "BillingPeriodEnd", "ChargePeriodStart",
            "ChargePeriodEnd", "ServiceName", "ConsumedQuantity", "ConsumedUnit", "ListUnitPrice", "ListCost",
            "BilledCost", "Tags");
    private static final String END = "\r\n";

    private FocusCsv() {
    }

    /** How long a row's charge period is: a day (as the AWS bill's daily granularity) or the whole month. */
    public enum Granularity { DAY, MONTH }

    public static String write(CostReport report) {
        return write(report, Granularity.DAY);
    }

    /**
     * @param granularity MONTH sums each owner's days into one row per meter (and per allocated share): about
     *                    a thirtieth of the rows, for a deployment whose daily file outgrows an HTTP answer
     */
    public static String write(CostReport report, Granularity granularity) {
        StringBuilder out = new StringBuilder();
        try {
            write(report, granularity, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    public static void write(CostReport report, Appendable out) throws IOException {
        write(report, Granularity.DAY, out);
    }

    public static void write(CostReport report, Granularity granularity, Appendable out) throws IOException {
        out.append(String.join(",", COLUMNS)).append(END);
        YearMonth month = report.month();
        String billingStart = instant(month.atDay(1));
        String billingEnd = instant(month.plusMonths(1).atDay(1));
        List<CostReport.Charge> charges = granularity == Granularity.DAY ? report.charges() : monthly(report);
        for (CostReport.Charge charge : charges) {
            String cost = Money.plain(charge.cost());
            LocalDate end = granularity == Granularity.DAY ? charge.day().plusDays(1) : month.plusMonths(1).atDay(1);
            List<String> row = List.of(billingStart, billingEnd, instant(charge.day()), instant(end),
                    charge.meter().serviceName(), Money.plain(charge.quantity()), charge.meter().unit(),
                    Money.plain(charge.unitPrice()), cost, cost, tags(charge));
            for (int i = 0; i < row.size(); i++) {
                out.append(i == 0 ? "" : ",").append(field(row.get(i)));
            }
            out.append(END);
        }
    }

    /** The days' charges summed per owner, meter and allocated share, dated the month's first day. */
    private static List<CostReport.Charge> monthly(CostReport report) {
        Map<List<Object>, CostReport.Charge> sums = new LinkedHashMap<>();
        LocalDate first = report.month().atDay(1);
        for (CostReport.Charge c : report.charges()) {
            sums.merge(List.of(c.owner(), c.meter(), c.allocated()),
                    new CostReport.Charge(c.owner(), c.name(), first, c.meter(), c.quantity(), c.unitPrice(), c.cost(),
                            c.allocated()),
                    (a, b) -> new CostReport.Charge(a.owner(), a.name(), first, a.meter(), a.quantity().add(b.quantity()),
                            a.unitPrice(), a.cost().add(b.cost()), a.allocated()));
        }
        return List.copyOf(sums.values());
    }

    private static String tags(CostReport.Charge charge) {
        String tags = "{\"ciment:community\":" + CostJson.string(charge.name());
        return tags + (charge.allocated() ? ",\"ciment:allocated\":\"platform\"}" : "}");
    }

    /** ISO-8601 UTC at midnight: 2026-11-01T00:00:00Z. */
    static String instant(LocalDate day) {
        return day + "T00:00:00Z";
    }

    /** RFC 4180: quoted, quotes doubled, when it holds a comma, quote or line break. */
    static String field(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return "\"" + value.replace("\"", "\"\"") + "\"";
    }
}
