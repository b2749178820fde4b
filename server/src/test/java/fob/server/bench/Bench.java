package fob.server.bench;

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
}
