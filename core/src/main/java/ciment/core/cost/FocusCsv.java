package ciment.core.cost;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * A report as FinOps FOCUS rows, to load next to the AWS bill: one row per owner × meter × day (the charge
 * period is that day, as in the AWS bill's daily granularity), quantities and costs in full precision,
 * RFC 4180 quoting, CRLF line ends. List cost is billed cost (list prices, no discounts). Tags name the
 * community by slug, or "platform"; a community's share of the platform's usage, when the report allocates
 * it, is its own row tagged {"ciment:community":"slug","ciment:allocated":"platform"}. Free meters are
 * rows with cost 0. Days with no usage of a meter have no row.
 */
public final class FocusCsv {
    public static final List<String> COLUMNS = List.of("BillingPeriodStart", "BillingPeriodEnd", "ChargePeriodStart",
            "ChargePeriodEnd", "ServiceName", "ConsumedQuantity", "ConsumedUnit", "ListUnitPrice", "ListCost",
            "BilledCost", "Tags");
    private static final String END = "\r\n";

    private FocusCsv() {
    }

    public static String write(CostReport report) {
        StringBuilder out = new StringBuilder();
        try {
            write(report, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    public static void write(CostReport report, Appendable out) throws IOException {
        out.append(String.join(",", COLUMNS)).append(END);
        YearMonth month = report.month();
        String billingStart = instant(month.atDay(1));
        String billingEnd = instant(month.plusMonths(1).atDay(1));
        for (CostReport.Charge charge : report.charges()) {
            String cost = Money.plain(charge.cost());
            List<String> row = List.of(billingStart, billingEnd, instant(charge.day()), instant(charge.day().plusDays(1)),
                    charge.meter().serviceName(), Money.plain(charge.quantity()), charge.meter().unit(),
                    Money.plain(charge.unitPrice()), cost, cost, tags(charge));
            for (int i = 0; i < row.size(); i++) {
                out.append(i == 0 ? "" : ",").append(field(row.get(i)));
            }
            out.append(END);
        }
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
