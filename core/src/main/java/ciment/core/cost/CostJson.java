package ciment.core.cost;

import ciment.core.json.JsonText;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A report as JSON for finance tools: month, currency, price table (id, dates, each price with its source),
 * the per-owner per-meter lines in full precision, the totals in cents (which add up to the total), and
 * whether every unit was reported exactly. Numbers are JSON numbers written in full, never in exponent form.
 */
public final class CostJson {

    private CostJson() {
    }

    public static String write(CostReport report) {
        PriceTable table = report.prices();
        StringBuilder json = new StringBuilder("{");
        field(json, "month", string(report.month().toString())).append(',');
        field(json, "currency", string("USD")).append(',');
        field(json, "exact", String.valueOf(report.exact())).append(',');
        field(json, "platformAllocated", String.valueOf(report.platformAllocated())).append(',');
        json.append("\"priceTable\":{");
        field(json, "id", string(table.id())).append(',');
        field(json, "region", string(table.region())).append(',');
        field(json, "architecture", string(table.architecture())).append(',');
        field(json, "effective", string(table.effective().toString())).append(',');
        field(json, "read", string(table.read().toString())).append(',');
        json.append("\"sources\":[");
        join(json, table.sources().stream().map(CostJson::string).toList());
        json.append("],\"prices\":[");
        join(json, table.prices().stream().map(CostJson::price).toList());
        json.append("]},\"lines\":[");
        join(json, report.lines().stream().map(CostJson::line).toList());
        json.append("],\"totals\":{\"owners\":[");
        Map<String, BigDecimal> owners = report.ownerTotals();
        join(json, owners.entrySet().stream().map(e -> "{\"owner\":" + string(e.getKey()) + ",\"community\":"
                + string(report.nameOf(e.getKey())) + ",\"usd\":" + e.getValue().toPlainString() + "}").toList());
        json.append("],\"services\":[");
        join(json, report.serviceTotals().entrySet().stream().map(e -> "{\"serviceName\":" + string(e.getKey())
                + ",\"usd\":" + e.getValue().toPlainString() + "}").toList());
        json.append("],");
        field(json, "usd", report.totalCents().toPlainString()).append(',');
        field(json, "exactUsd", Money.plain(report.total()));
        return json.append("}}").toString();
    }

    private static String price(Price price) {
        return "{\"meter\":" + string(price.meter().key()) + ",\"serviceName\":" + string(price.meter().serviceName())
                + ",\"unit\":" + string(price.meter().unit()) + ",\"architecture\":" + string(price.architecture())
                + ",\"usd\":" + Money.plain(price.usd()) + ",\"per\":" + Money.plain(price.per())
                + ",\"unitPrice\":" + Money.plain(price.unitPrice()) + ",\"effective\":"
                + string(price.effective().toString()) + ",\"read\":" + string(price.read().toString())
                + ",\"source\":" + string(price.source()) + "}";
    }

    private static String line(CostReport.Line line) {
        return "{\"owner\":" + string(line.owner()) + ",\"community\":" + string(line.name())
                + ",\"meter\":" + string(line.meter().key()) + ",\"serviceName\":" + string(line.meter().serviceName())
                + ",\"consumedQuantity\":" + Money.plain(line.quantity()) + ",\"consumedUnit\":"
                + string(line.meter().unit()) + ",\"listUnitPrice\":" + Money.plain(line.unitPrice())
                + ",\"listCost\":" + Money.plain(line.listCost()) + ",\"allocated\":" + Money.plain(line.allocated())
                + ",\"cost\":" + Money.plain(line.cost()) + "}";
    }

    private static StringBuilder field(StringBuilder json, String name, String value) {
        return json.append(string(name)).append(':').append(value);
    }

    private static void join(StringBuilder json, List<String> values) {
        json.append(String.join(",", values));
    }

    /** A JSON string: quotes, backslashes and control characters escaped. */
    static String string(String value) {
        return JsonText.quoted(value);
    }
}
