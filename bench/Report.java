import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoublePredicate;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

/**
 * Collects the BENCH lines the measurements printed (see bench/run) and the sizes of the built scripts, and
 * writes bench/results.json and docs/benchmarks.md. Run by bench/run as a single-file program:
 * {@code java bench/Report.java <logs dir> <web dir> <results.json> <benchmarks.md>}.
 */
public final class Report {
    record Figure(String name, double value, String unit, Double anchor, String description) {
        Double ratio() {
            return anchor == null || anchor == 0 ? null : value / anchor;
        }
    }

    /** A target of an issue (6, 13, 14, then 27): what it is, and whether a figure meets it. */
    record Target(String text, boolean onRatio, DoublePredicate met) {
    }

    static final Map<String, Target> TARGETS = new LinkedHashMap<>();

    static {
        TARGETS.put("argon2id.fob_worker", new Target("≤ 1.0× hash-wasm", true, r -> r <= 1.0));
        TARGETS.put("size.app_js_gzip", new Target("≤ 140 KiB (issue 27)", false, v -> v <= 140));
        TARGETS.put("page.first_code_cold_10", new Target("< 120 ms (issue 27)", false, v -> v < 120));
        TARGETS.put("page.first_code_cold_1000", new Target("< 150 ms (issue 27)", false, v -> v < 150));
        TARGETS.put("page.first_code_cold_10000", new Target("< 400 ms (issue 27)", false, v -> v < 400));
        TARGETS.put("page.first_code_warm_10000", new Target("< 250 ms (issue 27)", false, v -> v < 250));
        TARGETS.put("restore.10000", new Target("< 1 s (issue 13)", false, v -> v < 1000));
        TARGETS.put("restore_list_complete.10000", new Target("< 1,500 ms (issue 27)", false, v -> v < 1500));
        TARGETS.put("backup.10000", new Target("< 800 ms (issue 27)", false, v -> v < 800));
        TARGETS.put("page.refresh_10000", new Target("< 4 ms (issue 13)", false, v -> v < 4));
        TARGETS.put("live_sync.p99", new Target("< 2 s (issue 14)", false, v -> v < 2000));
        TARGETS.put("page.codes_1000", new Target("< 5 ms", false, v -> v < 5));
        TARGETS.put("server.sqlite.32_clients.get_rps", new Target("≥ 0.7 of /healthz (issue 27)", true,
                r -> r >= 0.7));
        TARGETS.put("server.postgresql.32_clients.get_rps", new Target("≥ 0.6 of /healthz (issue 27)", true,
                r -> r >= 0.6));
        TARGETS.put("server.sqlite.32_clients.get_p99", new Target("< 20 ms", false, v -> v < 20));
        TARGETS.put("server.sqlite.32_clients.put_rps", new Target("≥ 0.8 of the fsync bound (issue 27)", true,
                r -> r >= 0.8));
        TARGETS.put("server.postgresql.32_clients.put_rps", new Target("≥ 0.6 of the fsync bound (issue 27)", true,
                r -> r >= 0.6));
    }

    public static void main(String[] args) throws IOException {
        Path logs = Path.of(args[0]);
        Path web = Path.of(args[1]);
        Map<String, Figure> figures = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(logs)) {
            for (Path log : files.sorted().toList()) {
                for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                    int at = line.indexOf("BENCH\t");
                    if (at < 0) {
                        continue;
                    }
                    String[] f = line.substring(at).split("\t", 6);
                    figures.put(f[1], new Figure(f[1], Double.parseDouble(f[2]), f[3],
                            f[4].equals("-") ? null : Double.parseDouble(f[4]), f[5]));
                }
            }
        }
        for (String file : new String[] {"app.js", "worker.wasm", "worker-runtime.js"}) {
            byte[] bytes = Files.readAllBytes(web.resolve(file));
            String key = file.replace('.', '_').replace('-', '_');
            figures.put("size." + key + "_gzip", new Figure("size." + key + "_gzip", gzip(bytes).length / 1024.0,
                    "KiB", bytes.length / 1024.0, file + " gzipped at level 9, as the server sends it; anchor: its"
                    + " raw size"));
        }
        if (figures.size() < 10) {
            throw new IllegalStateException("only " + figures.size() + " figures in " + logs + ": did a measurement fail?");
        }
        Files.writeString(Path.of(args[2]), json(figures));
        Files.writeString(Path.of(args[3]), markdown(figures));
        System.out.println("Wrote " + args[2] + " and " + args[3] + " (" + figures.size() + " figures)");
    }

    static byte[] gzip(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out) {
            {
                def.setLevel(9);
            }
        }) {
            gzip.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static String number(Double value) {
        if (value == null) {
            return "null";
        }
        return String.format(Locale.ROOT, Math.abs(value) >= 100 ? "%.1f" : "%.3f", value);
    }

    static String json(Map<String, Figure> figures) {
        StringBuilder json = new StringBuilder("{\n");
        int i = 0;
        for (Figure f : figures.values()) {
            json.append(String.format(Locale.ROOT, "  \"%s\": {\"value\": %s, \"unit\": \"%s\", \"anchor\": %s,"
                    + " \"ratio\": %s}%s\n", f.name(), number(f.value()), f.unit(), number(f.anchor()),
                    number(f.ratio()), ++i < figures.size() ? "," : ""));
        }
        return json.append("}\n").toString();
    }

    static String markdown(Map<String, Figure> figures) throws IOException {
        StringBuilder md = new StringBuilder();
        md.append("# Benchmarks\n\n");
        md.append("Written by `bench/run` (the figures also in `bench/results.json`). Every figure was measured on"
                + " one machine, each beside its anchor: what it is compared against, in the same run as the figure"
                + " (a measurement re-run alone after a change replaces its own figures and anchors together)."
                + " The ratio is value / anchor.\n\n");
        md.append("- Date: ").append(ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_LOCAL_DATE))
                .append("\n");
        md.append("- Command: `bench/run`\n");
        md.append("- Machine: ").append(machine()).append("\n\n");

        md.append("## Targets\n\n| Figure | Value | Target | Met |\n|---|---|---|---|\n");
        for (Map.Entry<String, Target> target : TARGETS.entrySet()) {
            Figure f = figures.get(target.getKey());
            if (f == null) {
                md.append("| ").append(target.getKey()).append(" | missing | ").append(target.getValue().text())
                        .append(" | no |\n");
                continue;
            }
            Double measured = target.getValue().onRatio() ? f.ratio() : Double.valueOf(f.value());
            boolean met = measured != null && target.getValue().met().test(measured);
            md.append("| ").append(f.name()).append(" | ").append(number(f.value())).append(' ').append(f.unit())
                    .append(target.getValue().onRatio() ? " (ratio " + number(f.ratio()) + ")" : "").append(" | ")
                    .append(target.getValue().text()).append(" | ").append(met ? "yes" : "**no**").append(" |\n");
        }

        // One section per kind of figure, in the order each kind first appears (the server's come per database).
        Map<String, List<Figure>> sections = new LinkedHashMap<>();
        for (Figure f : figures.values()) {
            sections.computeIfAbsent(f.name().substring(0, f.name().indexOf('.')), k -> new ArrayList<>()).add(f);
        }
        for (Map.Entry<String, List<Figure>> section : sections.entrySet()) {
            md.append("\n## ").append(section.getKey()).append("\n\n| Figure | Value | Anchor | Ratio | What |\n"
                    + "|---|---|---|---|---|\n");
            for (Figure f : section.getValue()) {
                md.append("| ").append(f.name()).append(" | ").append(number(f.value())).append(' ').append(f.unit())
                        .append(" | ").append(f.anchor() == null ? "" : number(f.anchor())).append(" | ")
                        .append(f.ratio() == null ? "" : number(f.ratio())).append(" | ")
                        .append(f.description().replace("|", "\\|")).append(" |\n");
            }
        }
        return md.toString();
    }

    static String machine() throws IOException {
        List<String> parts = new ArrayList<>();
        String model = "unknown CPU";
        for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
            if (line.startsWith("model name")) {
                model = line.substring(line.indexOf(':') + 1).trim();
                break;
            }
        }
        parts.add(model + ", " + Runtime.getRuntime().availableProcessors() + " cores");
        for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
            if (line.startsWith("MemTotal:")) {
                parts.add(Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024 / 1024 + " GiB memory");
            }
        }
        parts.add("Linux " + Files.readString(Path.of("/proc/sys/kernel/osrelease")).trim());
        parts.add("Java " + System.getProperty("java.version"));
        parts.add(command("chromium", "--version"));
        return String.join("; ", parts);
    }

    static String command(String... command) {
        try {
            // Debian's chromium wrapper prints shell warnings on stderr; only the version is wanted.
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            return command[0] + " not found";
        }
    }
}
