package fob.e2e.measure;

import fob.backup.BackupCodec;
import fob.backup.BackupPayload;
import fob.backup.RecoveryCode;
import fob.crypto.BouncyCastleAead;
import fob.e2e.support.BackupFlows;
import fob.e2e.support.Chromium;
import fob.e2e.support.FobPage;
import fob.e2e.support.FobServerProcess;
import fob.e2e.support.VirtualAuthenticator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

/**
 * CPU profiles: a cold load with 1,000 accounts (-Dfob.bench.accounts for another size), from navigation to the
 * page's "fob-first-code" mark, and a restore (restoreProfile): each prints the functions with the most self
 * time, and the page's own marks. Not part of
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
            System.out.println(summary((Map<String, Object>) browser.cdp("Profiler.stop", Map.of()).get("profile"),
                    page, "Cold load with " + count + " accounts"));
        }
    }

    /**
     * A CPU profile of a restore of 10,000 accounts with the passkey alone (-Dfob.restore.accounts for another
     * size), from "Sign in with passkey" in "Recover accounts" to the first code on screen (with
     * -Dfob.bench.untilListComplete=true, until every account is an item of the list), set up as
     * RestoreMeasurement sets up its runs; sampled every millisecond, as finer sampling slows the restore down.
     */
    @Test
    @SuppressWarnings("unchecked")
    void restoreProfile() throws Exception {
        int count = Integer.getInteger("fob.restore.accounts", 10000);
        try (FobServerProcess server = FobServerProcess.start("--backup-max-bytes=" + (32 << 20));
                Chromium browser = Chromium.start()) {
            VirtualAuthenticator.add(browser, true);
            FobPage page = new FobPage(browser.driver(), server.url()).open();
            BackupFlows.createRecoveryAccount(page, "Profile");
            BackupFlows.closeSettings(page);
            BackupCodec codec = new BackupCodec(new BouncyCastleAead());
            byte[] vaultKey = codec.newVaultKey();
            byte[] code = codec.newRecoveryCode();
            String envelope = codec.seal(vaultKey, List.of(codec.recoveryCodeSlot(vaultKey, code)),
                    new BackupPayload(1, System.currentTimeMillis(), Seed.vault(count)).toBytes()).toJson();
            page.asyncJs("var body = arguments[0], done = arguments[1];"
                    + " fetch('/api/backup').then(function (r) { return fetch('/api/backup', {method: 'PUT', body: body,"
                    + "  headers: {'X-Fob-Request': '1', 'If-Match': r.headers.get('ETag')}}); })"
                    + ".then(function (r) { done(r.status); });", envelope);
            BackupFlows.wipe(browser, server);
            page.open();
            WebElement dialog = BackupFlows.beginRecovery(page);
            page.fill(dialog, "textbox", "Recovery code", RecoveryCode.format(code));
            page.button(dialog, "Restore").click();
            page.waitFor(Duration.ofMinutes(2), () -> ((Number) page.js(
                    "return document.getElementById('accounts').childElementCount;")).intValue() == count);
            WebElement settings = BackupFlows.openSettings(page);
            page.button(settings, "Sign out of recovery account").click();
            page.button(settings, "Sign in with passkey").click();
            BackupFlows.waitForStatus(page, "Backup up to date");
            BackupFlows.waitForSlots(page, 2);
            BackupFlows.wipe(browser, server);
            page.open();
            page.js("window.fobT1 = 0; new MutationObserver(function () {"
                    + " var c = document.querySelector('#accounts .code');"
                    + " if (!window.fobT1 && c && c.textContent) { window.fobT1 = performance.now();"
                    + "  performance.mark('fob-restored-code'); } })"
                    + ".observe(document.getElementById('accounts'), {childList: true, subtree: true, characterData: true});"
                    + " document.getElementById('recovery-sign-in').addEventListener('click', function () {"
                    + "  performance.mark('fob-restore-click'); }, true);");
            browser.cdp("Profiler.enable", Map.of());
            browser.cdp("Profiler.setSamplingInterval", Map.of("interval", 1000));
            browser.cdp("Profiler.start", Map.of());
            BackupFlows.beginRecovery(page);
            page.waitFor(Duration.ofMinutes(2), () -> ((Number) page.js("return window.fobT1;")).doubleValue() > 0);
            if (Boolean.getBoolean("fob.bench.untilListComplete")) {
                page.waitFor(Duration.ofMinutes(2), () -> ((Number) page.js(
                        "return document.getElementById('accounts').childElementCount;")).intValue() == count);
            }
            System.out.println(summary((Map<String, Object>) browser.cdp("Profiler.stop", Map.of()).get("profile"),
                    page, "Restore of " + count + " accounts with the passkey"));
        }
    }

    /**
     * A CPU profile of the first backup of 10,000 accounts (-Dfob.bench.accounts for another size), from "Create
     * recovery account" to "Backup up to date", set up as BackupMeasurement sets up its run.
     */
    @Test
    @SuppressWarnings("unchecked")
    void firstBackupProfile() throws Exception {
        int count = Integer.getInteger("fob.bench.accounts", 10000);
        try (FobServerProcess server = FobServerProcess.start(); Chromium browser = Chromium.start()) {
            VirtualAuthenticator.add(browser, true);
            FobPage page = new FobPage(browser.driver(), server.url()).open();
            page.driver().manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
            Seed.importLinks(page, Seed.links(count));
            page.js("document.addEventListener('click', function (e) {"
                    + " if (e.target.textContent === 'Create recovery account') performance.mark('fob-create-click');"
                    + " }, true);");
            browser.cdp("Profiler.enable", Map.of());
            browser.cdp("Profiler.setSamplingInterval", Map.of("interval", 1000));
            browser.cdp("Profiler.start", Map.of());
            BackupFlows.createRecoveryAccount(page, "Profile");
            System.out.println(summary((Map<String, Object>) browser.cdp("Profiler.stop", Map.of()).get("profile"),
                    page, "First backup of " + count + " accounts"));
        }
    }

    @SuppressWarnings("unchecked")
    private static String summary(Map<String, Object> profile, FobPage page, String title) throws Exception {
        String file = System.getProperty("fob.bench.profileFile");
        if (file != null) {
            // The whole profile, for reading call paths outside this summary (Chrome's DevTools open it too).
            java.nio.file.Files.writeString(java.nio.file.Path.of(file),
                    new org.openqa.selenium.json.Json().toJson(profile));
        }
        {
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
            Map<Long, Long> parents = new HashMap<>();
            for (Map<String, Object> node : nodes) {
                for (Object child : (List<Object>) node.getOrDefault("children", List.of())) {
                    parents.put(((Number) child).longValue(), ((Number) node.get("id")).longValue());
                }
            }
            Map<String, Double> self = new HashMap<>();
            Map<String, Double> inclusive = new HashMap<>();
            double total = 0;
            for (int i = 0; i < samples.size(); i++) {
                double micros = i + 1 < deltas.size() ? deltas.get(i + 1).doubleValue() : 0;
                self.merge(names.get(samples.get(i).longValue()), micros / 1000, Double::sum);
                java.util.Set<String> onStack = new java.util.HashSet<>();
                for (Long id = samples.get(i).longValue(); id != null; id = parents.get(id)) {
                    onStack.add(names.get(id));
                }
                for (String name : onStack) {
                    inclusive.merge(name, micros / 1000, Double::sum);
                }
                total += micros / 1000;
            }
            List<Map.Entry<String, Double>> top = new ArrayList<>(self.entrySet());
            top.sort((a, b) -> Double.compare(b.getValue(), a.getValue()));
            StringBuilder report = new StringBuilder(title + ", " + String.format("%.0f", total)
                    + " ms sampled; self time:\n");
            for (Map.Entry<String, Double> entry : top.subList(0, Math.min(15, top.size()))) {
                report.append(String.format("  %7.1f ms  %s%n", entry.getValue(), entry.getKey()));
            }
            List<Map.Entry<String, Double>> callers = new ArrayList<>(inclusive.entrySet());
            callers.sort((a, b) -> Double.compare(b.getValue(), a.getValue()));
            report.append("Total time (self and callees):\n");
            for (Map.Entry<String, Double> entry : callers.subList(0, Math.min(60, callers.size()))) {
                report.append(String.format("  %7.1f ms  %s%n", entry.getValue(), entry.getKey()));
            }
            report.append("Marks: ").append(page.js("return performance.getEntriesByType('mark').map(function (m) {"
                    + " return m.name + ' ' + Math.round(m.startTime); }).join(', ');"));
            return report.toString();
        }
    }
}
