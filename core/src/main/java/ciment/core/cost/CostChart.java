package ciment.core.cost;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A report as an SVG image: one horizontal bar per community (and the platform), stacked by service, on a
 * dollar axis, with a legend. The same report always draws the same bytes (fixed layout, colours fixed per
 * service, numbers written with a fixed format), so it can be cached and compared.
 */
public final class CostChart {
    /** Okabe-Ito colours, readable with colour blindness; one per service, in meter order. */
    private static final List<String> COLOURS = List.of("#E69F00", "#56B4E9", "#009E73", "#0072B2", "#D55E00",
            "#CC79A7", "#999999", "#F0E442");
    private static final int WIDTH = 760;
    private static final int LABEL_WIDTH = 170;
    private static final int PLOT_WIDTH = 460;
    private static final int BAR = 22;
    private static final int GAP = 12;
    private static final int TOP = 44;

    private CostChart() {
    }

    public static String svg(CostReport report) {
        List<String> owners = report.owners();
        Map<String, BigDecimal> cents = report.ownerTotals();
        List<String> services = report.services();
        BigDecimal max = BigDecimal.ZERO;
        for (String owner : owners) {
            max = max.max(report.ownerTotal(owner));
        }
        BigDecimal step = step(max);
        int ticks = max.signum() <= 0 ? 1 : max.divide(step, 0, RoundingMode.CEILING).intValueExact();
        BigDecimal axisMax = step.multiply(BigDecimal.valueOf(ticks));
        int axisY = TOP + owners.size() * (BAR + GAP);
        int legendY = axisY + 44;
        int height = legendY + services.size() * 20 + 16;
        String title = "Ciment costs of " + report.month() + " by community and service";

        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"")
                .append(height).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
                .append("\" role=\"img\" aria-labelledby=\"title desc\" font-family=\"sans-serif\" font-size=\"12\">\n");
        svg.append("<title id=\"title\">").append(escape(title)).append("</title>\n");
        svg.append("<desc id=\"desc\">").append(escape("Total " + Money.usd(report.totalCents(), report.total())
                + " at " + report.prices().id() + " list prices, US dollars"
                + (report.exact() ? "" : "; some DynamoDB units computed from item sizes") + ".")).append("</desc>\n");
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
        svg.append("<text x=\"10\" y=\"24\" font-size=\"15\" font-weight=\"bold\">").append(escape(title))
                .append("</text>\n");

        List<CostReport.Summary> summaries = report.summaries();
        for (int i = 0; i < owners.size(); i++) {
            String owner = owners.get(i);
            Map<String, String> shown = new HashMap<>();
            for (CostReport.ServiceCost cost : summaries.get(i).services()) {
                shown.put(cost.serviceName(), Money.usd(cost.cents(), cost.exact()));
            }
            int y = TOP + i * (BAR + GAP);
            svg.append("<g>\n<text x=\"").append(LABEL_WIDTH - 8).append("\" y=\"").append(y + BAR / 2 + 4)
                    .append("\" text-anchor=\"end\">").append(escape(report.nameOf(owner))).append("</text>\n");
            BigDecimal x = BigDecimal.ZERO;
            for (Map.Entry<String, BigDecimal> service : report.ownerServicesExact(owner).entrySet()) {
                if (service.getValue().signum() <= 0) {
                    continue;
                }
                svg.append("<rect x=\"").append(px(LABEL_WIDTH, x, axisMax)).append("\" y=\"").append(y)
                        .append("\" width=\"").append(px(0, service.getValue(), axisMax)).append("\" height=\"")
                        .append(BAR).append("\" fill=\"").append(colour(service.getKey())).append("\"><title>")
                        .append(escape(report.nameOf(owner) + ", " + service.getKey() + ": "
                                + shown.get(service.getKey())))
                        .append("</title></rect>\n");
                x = x.add(service.getValue());
            }
            String total = Money.usd(cents.get(owner), report.ownerTotal(owner));
            if (owner.equals(UsageDay.PLATFORM) && report.platformAllocated()) {
                total += " (shared among communities)";
            }
            svg.append("<text x=\"").append(fixed(Double.parseDouble(px(LABEL_WIDTH, x, axisMax)) + 6)).append("\" y=\"")
                    .append(y + BAR / 2 + 4).append("\">").append(escape(total)).append("</text>\n</g>\n");
        }

        svg.append("<g stroke=\"#333333\">\n<line x1=\"").append(LABEL_WIDTH).append("\" y1=\"").append(axisY - GAP / 2)
                .append("\" x2=\"").append(LABEL_WIDTH + PLOT_WIDTH).append("\" y2=\"").append(axisY - GAP / 2)
                .append("\"/>\n");
        for (int t = 0; t <= ticks; t++) {
            String x = px(LABEL_WIDTH, step.multiply(BigDecimal.valueOf(t)), axisMax);
            svg.append("<line x1=\"").append(x).append("\" y1=\"").append(axisY - GAP / 2).append("\" x2=\"").append(x)
                    .append("\" y2=\"").append(axisY).append("\"/>\n");
        }
        svg.append("</g>\n<g text-anchor=\"middle\">\n");
        int decimals = Math.max(2, step.stripTrailingZeros().scale());
        for (int t = 0; t <= ticks; t++) {
            BigDecimal value = step.multiply(BigDecimal.valueOf(t));
            svg.append("<text x=\"").append(px(LABEL_WIDTH, value, axisMax)).append("\" y=\"").append(axisY + 14)
                    .append("\">$").append(value.setScale(decimals, RoundingMode.HALF_UP).toPlainString())
                    .append("</text>\n");
        }
        svg.append("</g>\n<text x=\"").append(LABEL_WIDTH + PLOT_WIDTH / 2).append("\" y=\"").append(axisY + 30)
                .append("\" text-anchor=\"middle\">US dollars, list prices</text>\n");

        Map<String, BigDecimal> serviceCents = report.serviceTotals();
        Map<String, BigDecimal> serviceExact = report.serviceTotalsExact();
        svg.append("<g>\n");
        for (int i = 0; i < services.size(); i++) {
            String service = services.get(i);
            int y = legendY + i * 20;
            svg.append("<rect x=\"").append(LABEL_WIDTH).append("\" y=\"").append(y).append("\" width=\"14\" height=\"14\" fill=\"")
                    .append(colour(service)).append("\"/>\n<text x=\"").append(LABEL_WIDTH + 20).append("\" y=\"")
                    .append(y + 11).append("\">").append(escape(service + ": "
                            + Money.usd(serviceCents.get(service), serviceExact.get(service)))).append("</text>\n");
        }
        return svg.append("</g>\n</svg>\n").toString();
    }

    /** A round axis step (1, 2 or 5 times a power of ten) that divides the largest bar into at most 5 parts. */
    static BigDecimal step(BigDecimal max) {
        if (max.signum() <= 0) {
            return new BigDecimal("0.01");
        }
        BigDecimal rough = max.divide(BigDecimal.valueOf(5), MathContext.DECIMAL64);
        BigDecimal power = BigDecimal.ONE.scaleByPowerOfTen(rough.precision() - rough.scale() - 1);
        for (int factor : new int[] {1, 2, 5, 10}) {
            BigDecimal step = power.multiply(BigDecimal.valueOf(factor));
            if (step.compareTo(rough) >= 0) {
                return step;
            }
        }
        return power.multiply(BigDecimal.TEN);
    }

    private static String px(int origin, BigDecimal amount, BigDecimal axisMax) {
        BigDecimal share = amount.divide(axisMax, MathContext.DECIMAL64);
        return fixed(origin + share.doubleValue() * PLOT_WIDTH);
    }

    private static String fixed(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    private static String colour(String service) {
        Set<String> all = new LinkedHashSet<>();
        for (Meter meter : Meter.values()) {
            all.add(meter.serviceName());
        }
        int index = new ArrayList<>(all).indexOf(service);
        return COLOURS.get(Math.max(0, index) % COLOURS.size());
    }

    /** XML text and attribute escaping. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t') {
                        out.append(' ');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
