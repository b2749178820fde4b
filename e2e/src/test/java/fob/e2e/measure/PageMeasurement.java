package fob.e2e.measure;

import static org.junit.jupiter.api.Assertions.assertTrue;

import fob.e2e.support.Chromium;
import fob.e2e.support.FobPage;
import fob.e2e.support.FobServerProcess;
import fob.e2e.support.Fixtures;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Prints the time from navigation to the first code on screen (the page's "fob-first-code" mark), cold (a new
 * profile: nothing cached) and warm (the service worker answers), with the eight fixture accounts. Not part of
 * the test run; run it with:
 * {@code mvn -B verify -DskipTests && mvn -B -pl e2e test -Dtest=PageMeasurement -Dsurefire.failIfNoSpecifiedTests=false}
 */
class PageMeasurement {
    private static final int RUNS = 7;

    private static double firstCode(FobPage page) {
        Object mark = page.js("var m = performance.getEntriesByName('fob-first-code');"
                + " return m.length ? m[0].startTime : -1;");
        double millis = ((Number) mark).doubleValue();
        assertTrue(millis > 0, "the page marked its first code");
        return millis;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    @Test
    void timeToFirstCode() throws Exception {
        List<Double> cold = new ArrayList<>();
        List<Double> warm = new ArrayList<>();
        try (FobServerProcess server = FobServerProcess.start()) {
            for (int run = 0; run < RUNS; run++) {
                try (Chromium browser = Chromium.start()) {
                    FobPage page = new FobPage(browser.driver(), server.url());
                    page.open();
                    for (String link : Fixtures.accountLinks()) {
                        page.addLink(link, false);
                    }
                    page.waitFor(() -> Boolean.TRUE.equals(page.js("return !!navigator.serviceWorker.controller;")));
                    // Cold: the first load of a fresh profile is the one above; measure a fresh navigation with the
                    // HTTP cache and the service worker's caches cleared, then a warm one.
                    page.js("return caches.keys().then(function (k) { return Promise.all(k.map(function (n) {"
                            + " return caches.delete(n); })); });");
                    browser.cdp("Network.enable", java.util.Map.of());
                    browser.cdp("Network.clearBrowserCache", java.util.Map.of());
                    browser.cdp("Network.setCacheDisabled", java.util.Map.of("cacheDisabled", true));
                    page.js("return navigator.serviceWorker.getRegistration().then(function (r) { return r.unregister(); });");
                    browser.driver().get(server.url());
                    page.waitUntilReady();
                    cold.add(firstCode(page));
                    browser.cdp("Network.setCacheDisabled", java.util.Map.of("cacheDisabled", false));
                    page.waitFor(() -> Boolean.TRUE.equals(page.js("return !!navigator.serviceWorker.controller;")));
                    browser.driver().get(server.url());
                    page.waitUntilReady();
                    warm.add(firstCode(page));
                }
            }
        }
        System.out.printf("first code on screen, 8 accounts, median of %d: cold %.0f ms, warm %.0f ms%n", RUNS,
                median(cold), median(warm));
        System.out.println("cold runs: " + cold + "\nwarm runs: " + warm);
    }
}
