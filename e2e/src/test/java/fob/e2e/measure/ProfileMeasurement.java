package fob.e2e.measure;

import fob.e2e.support.Chromium;
import fob.e2e.support.FobPage;
import fob.e2e.support.FobServerProcess;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A CPU profile of a cold load with 1,000 accounts (-Dfob.bench.accounts for another size), from navigation to the
 * page's "fob-first-code" mark: prints the functions with the most self time, and the page's own marks. Not part of
 * bench/run: run it by hand, on a build with names kept (mvn install -DskipTests -Dteavm.minifying=false), then
 * mvn -pl e2e test -Dtest=ProfileMeasurement -Dfuzz.skip=true.
 */
class ProfileMeasurement {
    @Test
    @SuppressWarnings("unchecked")
    void coldLoadProfile() throws Exception {
        int count = Integer.getInteger("fob.bench.accounts", 1000);
        try (FobServerProcess server = FobServerProcess.start(); Chromium browser = Chromium.start()) {
            FobPage page = new FobPage(browser.driver(), server.url()).open();
            Seed.importLinks(page, Seed.links(count));
            page.js("return navigator.serviceWorker.getRegistration().then(function (r) { return r && r.unregister(); });");
            browser.cdp("Network.enable", Map.of());
            browser.cdp("Network.setCacheDisabled", Map.of("cacheDisabled", true));
            browser.cdp("Profiler.enable", Map.of());
            browser.cdp("Profiler.setSamplingInterval", Map.of("interval", 100));
            browser.driver().get(server.url() + "healthz");
            browser.cdp("Profiler.start", Map.of());
            browser.driver().get(server.url());
            page.waitFor(() -> ((Number) page.js("return performance.getEntriesByName('fob-first-code').length;"))
                    .intValue() > 0);
            Map<String, Object> profile = (Map<String, Object>) browser.cdp("Profiler.stop", Map.of()).get("profile");
            List<Map<String, Object>> nodes = (List<Map<String, Object>>) profile.get("nodes");
            List<Number> samples = (List<Number>) profile.get("samples");
            List<Number> deltas = (List<Number>) profile.get("timeDeltas");
            Map<Long, String> names = new HashMap<>();
            for (Map<String, Object> node : nodes) {
                Map<String, Object> frame = (Map<String, Object>) node.get("callFrame");
                String url = String.valueOf(frame.get("url"));
                String name = String.valueOf(frame.get("functionName"));
                names.put(((Number) node.get("id")).longValue(), (name.isEmpty() ? "(anonymous)" : name)
                        + (url.isEmpty() ? "" : " " + url.substring(url.lastIndexOf('/') + 1)));
            }
            Map<String, Double> self = new HashMap<>();
            double total = 0;
            for (int i = 0; i < samples.size(); i++) {
                double micros = i + 1 < deltas.size() ? deltas.get(i + 1).doubleValue() : 0;
                self.merge(names.get(samples.get(i).longValue()), micros / 1000, Double::sum);
                total += micros / 1000;
            }
            List<Map.Entry<String, Double>> top = new ArrayList<>(self.entrySet());
            top.sort((a, b) -> Double.compare(b.getValue(), a.getValue()));
            StringBuilder report = new StringBuilder("Cold load with " + count + " accounts, "
                    + String.format("%.0f", total) + " ms sampled; self time:\n");
            for (Map.Entry<String, Double> entry : top.subList(0, Math.min(15, top.size()))) {
                report.append(String.format("  %7.1f ms  %s%n", entry.getValue(), entry.getKey()));
            }
            report.append("Marks: ").append(page.js("return performance.getEntriesByType('mark').map(function (m) {"
                    + " return m.name + ' ' + Math.round(m.startTime); }).join(', ');"));
            System.out.println(report);
        }
    }
}
