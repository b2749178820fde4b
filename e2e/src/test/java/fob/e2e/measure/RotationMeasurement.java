package fob.e2e.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * "Rotate keys" with 1,000 accounts and 20 versions in the backup's history: from the confirming click to the new
 * recovery code on screen (merge with the server's copy, new key, resealed passkey slot, new code, the rotation
 * request that replaces the backup and deletes the history, this browser's vault re-encrypted), three times, the
 * history filled to 20 versions again before each. The requests the page sends are counted from the DevTools
 * Network events. The anchor is the page uploading the same backup once (a plain PUT). Part of bench/run.
 */
class RotationMeasurement {
    private static final int ACCOUNTS = 1000;
    private static final int VERSIONS = 20;
    private static final int RUNS = 3;


    /** Writes the current backup again until the server keeps {@link #VERSIONS} versions; the time of one write. */
    private static double fillHistory(FobPage page) {
        return ((Number) page.asyncJs("var done = arguments[arguments.length - 1], versions = arguments[0];"
                + " var one = 0; function put(left) { if (left === 0) { done(one); return; }"
                + "  fetch('/api/backup', {cache: 'no-store'}).then(function (r) {"
                + "   return r.text().then(function (body) { var t0 = performance.now();"
                + "    return fetch('/api/backup', {method: 'PUT', body: body, headers: {'X-Fob-Request': '1',"
                + "     'If-Match': r.headers.get('ETag')}}).then(function () { one = performance.now() - t0; }); }); })"
                + "  .then(function () { put(left - 1); }); }"
                + " fetch('/api/backup/versions').then(function (r) { return r.json(); })"
                + " .then(function (j) { put(versions - j.versions.length); });", VERSIONS)).doubleValue();
    }

    private static long versions(FobPage page) {
        return ((Number) page.asyncJs("var done = arguments[0]; fetch('/api/backup/versions')"
                + ".then(function (r) { return r.json(); }).then(function (j) { done(j.versions.length); });"))
                .longValue();
    }

    @Test
    void rotationTime() throws Exception {
        try (FobServerProcess server = FobServerProcess.start("--history=" + (VERSIONS + 5));
                Chromium browser = Chromium.startRecordingTraffic()) {
            VirtualAuthenticator.add(browser, true);
            FobPage page = new FobPage(browser.driver(), server.url()).open();
            BackupFlows.createRecoveryAccount(page, "Rotation");
            BackupFlows.closeSettings(page);
            BackupCodec codec = new BackupCodec(new BouncyCastleAead());
            byte[] vaultKey = codec.newVaultKey();
            byte[] code = codec.newRecoveryCode();
            String envelope = codec.seal(vaultKey, List.of(codec.recoveryCodeSlot(vaultKey, code)),
                    new BackupPayload(1, System.currentTimeMillis(), Seed.vault(ACCOUNTS)).toBytes()).toJson();
            assertEquals(200L, page.asyncJs("var body = arguments[0], done = arguments[1];"
                    + " fetch('/api/backup').then(function (r) { return fetch('/api/backup', {method: 'PUT', body: body,"
                    + "  headers: {'X-Fob-Request': '1', 'If-Match': r.headers.get('ETag')}}); })"
                    + ".then(function (r) { done(r.status); });", envelope));
            BackupFlows.wipe(browser, server);
            page.open();
            WebElement dialog = BackupFlows.beginRecovery(page);
            page.fill(dialog, "textbox", "Recovery code", RecoveryCode.format(code));
            page.button(dialog, "Restore").click();
            page.waitFor(Duration.ofMinutes(2), () -> page.accounts().size() == ACCOUNTS);

            List<Double> times = new ArrayList<>();
            List<Double> uploads = new ArrayList<>();
            Map<String, Integer> requests = new TreeMap<>();
            for (int run = 0; run < RUNS; run++) {
                WebElement settings = BackupFlows.openSettings(page);
                // A fresh passkey sign-in, as the rotation needs one within 5 minutes (it also gives the passkey
                // its sealed slot); the measured rotation then asks for no passkey.
                page.button(settings, "Sign out of recovery account").click();
                page.button(settings, "Sign in with passkey").click();
                BackupFlows.waitForStatus(page, "Backup up to date");
                uploads.add(fillHistory(page));
                // The page may add one of its own meanwhile (the sign-in gives the passkey a sealed slot, which it
                // uploads): at least the history asked for.
                long history = versions(page);
                org.junit.jupiter.api.Assertions.assertTrue(history >= VERSIONS, history + " versions");
                browser.sentRequests();
                page.button(settings, "Rotate keys").click();
                page.js("window.fobT1 = 0; new MutationObserver(function () {"
                        + " if (!window.fobT1 && document.getElementById('recovery-code-text').textContent)"
                        + "  window.fobT1 = performance.now(); }).observe(document.getElementById('recovery-code-text'),"
                        + " {childList: true, characterData: true, subtree: true});"
                        + " document.getElementById('confirm-yes').addEventListener('click', function () {"
                        + "  window.fobT0 = performance.now(); }, {capture: true, once: true});");
                page.button(page.dialog("Rotate keys?"), "Rotate keys").click();
                page.waitFor(Duration.ofMinutes(2), () -> ((Number) page.js("return window.fobT1;")).doubleValue() > 0);
                times.add(((Number) page.js("return window.fobT1 - window.fobT0;")).doubleValue());
                page.button(page.dialog("Recovery code"), "I have saved it").click();
                BackupFlows.waitForStatus(page, "Backup up to date");
                requests.clear();
                for (String request : browser.sentRequests()) {
                    String[] parts = request.split(" ", 3);
                    requests.merge(parts[0] + " " + parts[1].replace(server.url(), "/"), 1, Integer::sum);
                }
                assertEquals(1, versions(page), "the rotation left only the new version");
                assertTrue(requests.keySet().stream().anyMatch(r -> r.contains("/api/backup/rotation")), "" + requests);
            }
            Bench.report("rotation." + ACCOUNTS, Bench.median(times), "ms", Bench.median(uploads), "\"Rotate keys\""
                    + " with " + ACCOUNTS + " accounts and " + VERSIONS + " versions (" + envelope.length() + " bytes),"
                    + " from the confirming click to the new code on screen " + Bench.runs(times) + "; requests of the"
                    + " last run: " + requests + "; anchor: one plain upload of the same backup");
        }
    }
}
