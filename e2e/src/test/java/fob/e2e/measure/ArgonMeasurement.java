package fob.e2e.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fob.e2e.support.Chromium;
import fob.e2e.support.FobPage;
import fob.e2e.support.FobServerProcess;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Argon2id at Fob's export setting (m=64 MiB, t=3, p=1): Fob's Wasm worker against hash-wasm (the npm package
 * that bench/run installs; its path in {@code fob.bench.hashwasm}) in the same headless Chromium, and Debian's
 * {@code argon2} command, the reference implementation in C, as the floor. Medians of 5 after a warm-up; all
 * three must give the same key.
 */
class ArgonMeasurement {
    private static final int RUNS = 5;
    private static final String PASSWORD = "correct horse battery";
    private static final String SALT = "somesaltsomesalt";

    @Test
    @SuppressWarnings("unchecked")
    void argon2id() throws Exception {
        Path hashWasm = Paths.get(System.getProperty("fob.bench.hashwasm",
                "../bench/node/node_modules/hash-wasm/dist/argon2.umd.min.js")).toAbsolutePath();
        if (!Files.exists(hashWasm)) {
            throw new IllegalStateException("hash-wasm is not at " + hashWasm + ": run bench/run");
        }
        List<Double> fob = new ArrayList<>();
        List<Double> reference = new ArrayList<>();
        String fobKey;
        String referenceKey;
        try (FobServerProcess server = FobServerProcess.start(); Chromium browser = Chromium.start()) {
            FobPage page = new FobPage(browser.driver(), server.url()).open();
            // One worker, as the page keeps one: its first call loads worker.wasm, the warm-up.
            page.js("var version = document.querySelector('meta[name=fob-version]').content;"
                    + " window.fobWorker = new Worker(self.fobPolicy.createScriptURL('/v/' + version + '/worker.js'));");
            Map<String, Object> run = null;
            for (int i = 0; i <= RUNS; i++) {
                run = (Map<String, Object>) page.asyncJs("var done = arguments[arguments.length - 1];"
                        + " var t0 = performance.now();"
                        + " fobWorker.onmessage = function (e) { var r = e.data; done({ok: r.ok, error: r.error || null,"
                        + "  millis: performance.now() - t0, hex: r.ok ? Array.from(r.result).map(function (b) {"
                        + "  return (b + 256).toString(16).substring(1); }).join('') : null}); };"
                        + " var text = new TextEncoder();"
                        + " fobWorker.postMessage({id: 1, op: 'argon2id', password: text.encode(arguments[0]),"
                        + "  salt: text.encode(arguments[1]), memoryKiB: 65536, iterations: 3, parallelism: 1,"
                        + "  length: 32});", PASSWORD, SALT);
                assertEquals(Boolean.TRUE, run.get("ok"), String.valueOf(run.get("error")));
                if (i > 0) {
                    fob.add(((Number) run.get("millis")).doubleValue());
                }
            }
            fobKey = (String) run.get("hex");

            // hash-wasm on a page of its own (a file, so Fob's CSP does not apply), in the same browser.
            Path html = Files.createTempFile("hash-wasm", ".html");
            Files.writeString(html, "<!doctype html><script src=\"" + hashWasm.toUri() + "\"></script>");
            browser.driver().get(html.toUri().toString());
            for (int i = 0; i <= RUNS; i++) {
                run = (Map<String, Object>) page.asyncJs("var done = arguments[arguments.length - 1];"
                        + " var t0 = performance.now();"
                        + " hashwasm.argon2id({password: arguments[0], salt: arguments[1], parallelism: 1,"
                        + "  iterations: 3, memorySize: 65536, hashLength: 32, outputType: 'hex'})"
                        + " .then(function (hex) { done({millis: performance.now() - t0, hex: hex}); },"
                        + "  function (e) { done({error: String(e)}); });", PASSWORD, SALT);
                assertEquals(null, run.get("error"));
                if (i > 0) {
                    reference.add(((Number) run.get("millis")).doubleValue());
                }
            }
            referenceKey = (String) run.get("hex");
            Files.delete(html);
        }
        assertEquals(referenceKey, fobKey, "Fob and hash-wasm derive the same key");

        List<Double> nativeRuns = new ArrayList<>();
        String nativeKey = null;
        for (int i = 0; i <= RUNS; i++) {
            long started = System.nanoTime();
            Process argon2 = new ProcessBuilder("argon2", SALT, "-id", "-t", "3", "-k", "65536", "-p", "1", "-l", "32",
                    "-r").redirectErrorStream(true).start();
            argon2.getOutputStream().write(PASSWORD.getBytes(StandardCharsets.UTF_8));
            argon2.getOutputStream().close();
            String output = new String(argon2.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            argon2.waitFor(60, TimeUnit.SECONDS);
            assertEquals(0, argon2.exitValue(), output);
            if (i > 0) {
                nativeRuns.add((System.nanoTime() - started) / 1e6);
            }
            nativeKey = output;
        }
        assertEquals(nativeKey, fobKey, "Fob and the reference implementation derive the same key");

        double hashWasmMedian = Bench.median(reference);
        Bench.report("argon2id.fob_worker", Bench.median(fob), "ms", hashWasmMedian,
                "Argon2id m=64 MiB t=3 p=1 in Fob's Wasm worker (anchor: hash-wasm in the same Chromium), median of "
                        + RUNS + " " + Bench.runs(fob));
        Bench.report("argon2id.hash_wasm", hashWasmMedian, "ms", null, "Argon2id m=64 MiB t=3 p=1, hash-wasm "
                + "in the same Chromium, median of " + RUNS + " " + Bench.runs(reference));
        Bench.report("argon2id.fob_vs_native", Bench.median(fob), "ms", Bench.median(nativeRuns),
                "Fob's worker against Debian's argon2 command (C, one thread, process start included), median of "
                        + RUNS + " " + Bench.runs(nativeRuns));
    }
}
