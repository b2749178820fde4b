package fob.e2e.measure;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One figure of the benchmark harness (bench/run), as a line that bench/Report.java collects:
 * {@code BENCH <tab> name <tab> value <tab> unit <tab> anchor or - <tab> what it is}. The anchor is what the
 * figure is compared against in the same run; the ratio is value / anchor.
 */
final class Bench {
    private Bench() {
    }

    static void report(String name, double value, String unit, Double anchor, String description) {
        System.out.println(String.format(Locale.ROOT, "BENCH\t%s\t%.3f\t%s\t%s\t%s", name, value, unit,
                anchor == null ? "-" : String.format(Locale.ROOT, "%.3f", anchor), description));
    }

    /** The runs, rounded for reading: "[200, 194, 199]". */
    static String runs(List<Double> values) {
        StringBuilder text = new StringBuilder("[");
        for (double value : values) {
            text.append(text.length() > 1 ? ", " : "").append(String.format(Locale.ROOT, value < 10 ? "%.2f" : "%.0f",
                    value));
        }
        return text.append(']').toString();
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }
}
