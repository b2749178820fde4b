package fob.e2e.measure;

import static org.junit.jupiter.api.Assertions.assertTrue;

import fob.backup.BackupPayload;
import fob.e2e.support.BackupFlows;
import fob.e2e.support.Chromium;
import fob.e2e.support.FobPage;
import fob.e2e.support.FobServerProcess;
import fob.e2e.support.VirtualAuthenticator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Backing up 10,000 accounts on the server's default settings (issue 17): the time from "Create recovery account" to
 * "Backup up to date" (a virtual passkey made, then the first backup: payload, compression, encryption, upload), beside the
 * bare upload of the same envelope by the same page; and the bytes per account of the payload before and after
 * compression. Part of bench/run.
 */
class BackupMeasurement {
    private static final int COUNT = 10_000;
    private static final int RUNS = 3;

    @Test
    void backupOfTenThousandAccounts() throws Exception {
        List<String> links = Seed.links(COUNT);
        try (FobServerProcess server = FobServerProcess.start(); Chromium browser = Chromium.start()) {
            VirtualAuthenticator.add(browser, true);
            FobPage page = new FobPage(browser.driver(), server.url()).open();
            page.driver().manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
            Seed.importLinks(page, links);
            page.js("window.fobClicked = 0; window.fobUpToDate = 0;"
                    + " document.addEventListener('click', function (e) {"
                    + "  if (!window.fobClicked && e.target.textContent === 'Create recovery account')"
                    + "   window.fobClicked = performance.now(); }, true);"
                    + " new MutationObserver(function () {"
                    + "  var text = document.getElementById('backup-status').textContent;"
                    + "  if (text === 'Backup up to date' && window.fobClicked && !window.fobUpToDate)"
                    + "   window.fobUpToDate = performance.now();"
                    + " }).observe(document.getElementById('backup-status'), {childList: true, characterData: true,"
                    + "  subtree: true});");
            BackupFlows.createRecoveryAccount(page, "Measure");
            page.waitFor(Duration.ofMinutes(1), () -> ((Number) page.js("return window.fobUpToDate;"))
                    .doubleValue() > 0);
            double firstBackup = ((Number) page.js("return window.fobUpToDate - window.fobClicked;")).doubleValue();
            String envelope = (String) page.asyncJs("var done = arguments[0]; fetch('/api/backup').then(function (r)"
                    + " { return r.text(); }).then(done);");
            List<Double> uploads = new ArrayList<>();
            List<Double> times = List.of(firstBackup);
            for (int run = 0; run < RUNS; run++) {
                // The same bytes sent again; the server refuses them, as their ETag is stale.
                uploads.add(((Number) page.asyncJs("var body = arguments[0], done = arguments[1], t0 = performance.now();"
                        + " fetch('/api/backup', {method: 'PUT', body: body, headers: {'X-Fob-Request': '1',"
                        + "  'If-Match': '\"0\"'}}).then(function (r) { return r.text(); })"
                        + ".then(function () { done(performance.now() - t0); });", envelope)).doubleValue());
            }
            int accounts = COUNT;
            long payload = new BackupPayload(1, System.currentTimeMillis(), Seed.vault(accounts)).toBytes().length;
            assertTrue(envelope.length() < payload, "compressed");
            Bench.report("backup.10000", Bench.median(times), "ms", Bench.median(uploads),
                    "The first backup of " + accounts + " accounts, from \"Create recovery account\" to \"Backup up to"
                            + " date\" (a virtual passkey made, the payload made, compressed, encrypted and uploaded, "
                            + envelope.length() + " bytes);"
                            + " anchor: the page sending the same bytes again (median of " + RUNS + ")");
            Bench.report("backup.bytes_per_account.uncompressed", payload / (double) accounts, "B", null,
                    "The payload's JSON per account, as version 3 envelopes held it (" + payload + " bytes for "
                            + accounts + " accounts made on the JVM by Seed.vault: the same issuers, random"
                            + " secrets and ids)");
            Bench.report("backup.bytes_per_account.envelope", envelope.length() / (double) accounts, "B",
                    payload * 4 / 3.0 / accounts, "The envelope the server stores, per account (compressed, then"
                            + " encrypted and base64url); anchor: the version 3 envelope's, the payload in base64url");
        }
    }
}
