package ciment.bench;

import java.util.List;

/** Durations in milliseconds, summarised. */
record Percentiles(int count, double p50, double p99, double max) {

    static Percentiles ofNanos(List<Long> nanos) {
        double[] millis = nanos.stream().mapToDouble(n -> n / 1e6).sorted().toArray();
        return new Percentiles(millis.length, at(millis, 0.50), at(millis, 0.99), millis[millis.length - 1]);
    }

    static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return at(sorted, 0.5);
    }

    /** Nearest-rank percentile. */
    private static double at(double[] sorted, double fraction) {
        int rank = (int) Math.ceil(fraction * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    @Override
    public String toString() {
        return String.format("p50 %.1f ms, p99 %.1f ms (max %.1f, n=%d)", p50, p99, max, count);
    }

    static String rangeOf(List<Double> seconds) {
        double[] sorted = seconds.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return String.format("%.2f–%.2f", sorted[0], sorted[sorted.length - 1]);
    }
}
