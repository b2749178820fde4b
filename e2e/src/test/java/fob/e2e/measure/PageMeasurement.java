package fob.e2e.measure;

import static org.junit.jupiter.api.Assertions.assertTrue;

import fob.e2e.support.Chromium;
import fob.e2e.support.FobPage;
import fob.e2e.support.FobServerProcess;
import fob.link.InvalidLinkException;
import fob.link.OtpAuthLink;
import fob.otp.OtpParameters;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The page, with 10, 1,000 and 10,000 accounts: the time from navigation to the first code on screen (the page's
 * "fob-first-code" mark), cold (HTTP cache and service worker cleared) and warm (the service worker answers),
 * against a one-line HTML file with a code in it and the same mark (a file: no network, no script to load),
 * in the same browser: the floor for any page; and the time
 * one refresh takes to compute the codes of the rows on screen (the page's "fob-codes" measure), the whole refresh
 * of a new period ("fob-refresh", codes and the page's text), or a refresh that only moves the countdowns,
 * against the same Java computing as many codes on the JVM. Medians of 5 browsers each.
 */
class PageMeasurement {
    private static final int RUNS = 5;

    private static double mark(FobPage page, String name) {
        page.waitFor(() -> ((Number) page.js("return performance.getEntriesByName(arguments[0]).length;", name))
                .intValue() > 0);
        double millis = ((Number) page.js("return performance.getEntriesByName(arguments[0])[0].startTime;", name))
                .doubleValue();
        assertTrue(millis > 0, name);
        return millis;
    }

    /** The duration of the named measure and how many codes it computed. */
    @SuppressWarnings("unchecked")
    private static double[] measure(FobPage page, String name) {
        Map<String, Object> entry = (Map<String, Object>) page.js("var e = performance.getEntriesByName(arguments[0]);"
                + " return e.length ? {duration: e[0].duration, codes: e[0].detail} : null;", name);
        return entry == null ? null : new double[] {((Number) entry.get("duration")).doubleValue(),
            ((Number) entry.get("codes")).doubleValue()};
    }

    /** The next record of the named measure, waited for by a PerformanceObserver in the page. */
    @SuppressWarnings("unchecked")
    private static double[] nextMeasure(FobPage page, String name) {
        Map<String, Object> entry = (Map<String, Object>) page.asyncJs("var name = arguments[0], done = arguments[1];"
                + " var observer = new PerformanceObserver(function (list) { var e = list.getEntriesByName(name);"
                + " if (e.length) { observer.disconnect(); done({duration: e[0].duration, codes: e[0].detail}); } });"
                + " observer.observe({type: 'measure'});", name);
        return new double[] {((Number) entry.get("duration")).doubleValue(),
            ((Number) entry.get("codes")).doubleValue()};
    }

    @Test
    void thePage() throws Exception {
        Path blank = Files.createTempFile("blank", ".html");
        // The floor: a page whose only work is a code already in its HTML, marked as Fob marks its first code.
        Files.writeString(blank, "<!doctype html><title>floor</title><p>123 456</p>"
                + "<script>performance.mark('fob-first-code')</script>");
        List<Double> floor = new ArrayList<>();
        try (FobServerProcess server = FobServerProcess.start()) {
            // -Dfob.bench.accounts=1000 measures one size alone, while working on it.
            for (String size : System.getProperty("fob.bench.accounts", "10,1000,10000").split(",")) {
                int count = Integer.parseInt(size.trim());
                List<String> links = Seed.links(count);
                List<Double> cold = new ArrayList<>();
                List<Double> warm = new ArrayList<>();
                List<Double> codes = new ArrayList<>();
                List<Double> refreshes = new ArrayList<>();
                List<Double> computedCounts = new ArrayList<>();
                List<Double> firstCodes = new ArrayList<>();
                List<Double> countdowns = new ArrayList<>();
                for (int run = 0; run < RUNS; run++) {
                    try (Chromium browser = Chromium.start()) {
                        browser.driver().get(blank.toUri().toString());
                        FobPage page = new FobPage(browser.driver(), server.url());
                        floor.add(mark(page, "fob-first-code"));
                        page.open();
                        Seed.importLinks(page, links);
                        page.waitFor(() -> Boolean.TRUE.equals(page.js("return !!navigator.serviceWorker.controller;")));

                        page.js("return caches.keys().then(function (k) { return Promise.all(k.map(function (n) {"
                                + " return caches.delete(n); })); });");
                        browser.cdp("Network.enable", Map.of());
                        browser.cdp("Network.clearBrowserCache", Map.of());
                        browser.cdp("Network.setCacheDisabled", Map.of("cacheDisabled", true));
                        page.js("return navigator.serviceWorker.getRegistration().then(function (r) {"
                                + " return r.unregister(); });");
                        browser.driver().get(server.url());
                        page.waitUntilReady();
                        cold.add(mark(page, "fob-first-code"));
                        double[] first = measure(page, "fob-codes");
                        assertTrue(first[1] > 0 && first[1] <= Math.min(count, 12), "the first refresh computed the"
                                + " first screenful's codes, not more: " + first[1]);
                        firstCodes.add(first[0]);
                        // The next period's refresh, with the page's code warm: what every 30 s costs.
                        // Waited for in the page, not by polling it: polling's garbage would land in the measure.
                        browser.driver().manage().timeouts().scriptTimeout(Duration.ofSeconds(45));
                        double[] next = nextMeasure(page, "fob-codes");
                        assertTrue(next[1] > 0 && next[1] < 200, "a new period's refresh computed the codes on"
                                + " screen only: " + next[1]);
                        codes.add(next[0]);
                        computedCounts.add(next[1]);
                        // The same tick's whole refresh (recorded right after its codes).
                        refreshes.add(measure(page, "fob-refresh")[0]);
                        // A refresh a second later only moves the countdowns (unless a period just ended).
                        countdowns.add(page.waitFor(() -> {
                            double[] last = measure(page, "fob-refresh");
                            return last != null && last[1] == 0 ? last : null;
                        })[0]);

                        browser.cdp("Network.setCacheDisabled", Map.of("cacheDisabled", false));
                        page.waitFor(() -> Boolean.TRUE.equals(page.js("return !!navigator.serviceWorker.controller;")));
                        browser.driver().get(server.url());
                        page.waitUntilReady();
                        warm.add(mark(page, "fob-first-code"));
                    }
                }
                Bench.report("page.first_code_cold_" + count, Bench.median(cold), "ms", Bench.median(floor),
                        "Navigation to the first code on screen, " + count + " accounts, cold (no HTTP cache, no"
                                + " service worker); anchor: a one-line HTML file with a code in it, its first script run " + Bench.runs(cold));
                Bench.report("page.first_code_warm_" + count, Bench.median(warm), "ms", Bench.median(floor),
                        "The same, warm (the service worker answers) " + Bench.runs(warm));
                int onScreen = (int) Bench.median(computedCounts);
                double jvm = jvmMillisForAllCodes(links.subList(0, Math.min(onScreen, links.size())));
                Bench.report("page.codes_" + count, Bench.median(codes), "ms", jvm, "A new period's refresh,"
                        + " computing the " + onScreen + " codes of the rows on screen (of " + count + "; before"
                        + " writing them into the page); anchor: the same Java computing as many on the JVM "
                        + Bench.runs(codes));
                Bench.report("page.refresh_" + count, Bench.median(refreshes), "ms", jvm, "The whole refresh of a"
                        + " new period with " + count + " accounts: the codes on screen and the page's text "
                        + Bench.runs(refreshes));
                Bench.report("page.codes_first_" + count, Bench.median(firstCodes), "ms", jvm, "The first refresh"
                        + " after loading (the code not yet warm) " + Bench.runs(firstCodes));
                Bench.report("page.countdowns_" + count, Bench.median(countdowns), "ms", null,
                        "One refresh that only moves the " + count + " countdowns " + Bench.runs(countdowns));
            }
        } finally {
            Files.delete(blank);
        }
    }

    /** The median time for HotSpot to compute every code of the links, after a warm-up. */
    private static double jvmMillisForAllCodes(List<String> links) throws InvalidLinkException {
        List<OtpParameters> accounts = new ArrayList<>();
        for (String link : links) {
            accounts.add(OtpAuthLink.parse(link).parameters());
        }
        List<Double> times = new ArrayList<>();
        int sink = 0;
        for (int run = 0; run < 200; run++) {
            long started = System.nanoTime();
            long now = System.currentTimeMillis();
            for (OtpParameters otp : accounts) {
                sink += otp.codeAt(now).charAt(0);
            }
            if (run >= 100) {
                times.add((System.nanoTime() - started) / 1e6);
            }
        }
        assertTrue(sink > 0);
        return Bench.median(times);
    }
}
