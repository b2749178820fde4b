package fob.e2e.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

/**
 * The time from the passkey prompt ("Sign in with passkey" in "Recover accounts") to the codes on screen (and
 * until every account is a list item),
 * restoring 10, 100, 1,000 and 10,000 accounts: sign-in ceremony, download, PRF unwrap, decrypt, store,
 * render. The backups are made on the JVM, restored once with their recovery code (which gives the passkey
 * its slot at the next sign-in), then restored with the passkey alone, three times each. The anchor is the
 * bare download of the same backup by the same page, the floor under any restore. Part of bench/run.
 */
class RestoreMeasurement {
    private static final int RUNS = 3;


    private static int shown(FobPage page) {
        return ((Number) page.js("return document.getElementById('accounts').childElementCount;")).intValue();
    }

    private static int replaceBackupWith(FobPage page, String body) {
        return ((Number) page.asyncJs("var body = arguments[0], done = arguments[1];"
                + " fetch('/api/backup').then(function (r) { return fetch('/api/backup', {method: 'PUT', body: body,"
                + "  headers: {'X-Fob-Request': '1', 'If-Match': r.headers.get('ETag')}}); })"
                + ".then(function (r) { done(r.status); });", body)).intValue();
    }

    @Test
    void restoreTimes() throws Exception {
        try (FobServerProcess server = FobServerProcess.start("--backup-max-bytes=" + (32 << 20))) {
            for (int count : new int[] {10, 100, 1000, 10000}) {
                try (Chromium browser = Chromium.start()) {
                    VirtualAuthenticator.add(browser, true);
                    FobPage page = new FobPage(browser.driver(), server.url()).open();
                    BackupFlows.createRecoveryAccount(page, "Measure " + count);
                    BackupFlows.closeSettings(page);

                    BackupCodec codec = new BackupCodec(new BouncyCastleAead());
                    byte[] vaultKey = codec.newVaultKey();
                    byte[] code = codec.newRecoveryCode();
                    String envelope = codec.seal(vaultKey, List.of(codec.recoveryCodeSlot(vaultKey, code)),
                            new BackupPayload(1, System.currentTimeMillis(), Seed.vault(count)).toBytes()).toJson();
                    assertEquals(200, replaceBackupWith(page, envelope));

                    BackupFlows.wipe(browser, server);
                    page.open();
                    WebElement dialog = BackupFlows.beginRecovery(page);
                    page.fill(dialog, "textbox", "Recovery code", RecoveryCode.format(code));
                    page.button(dialog, "Restore").click();
                    page.waitFor(Duration.ofMinutes(2), () -> shown(page) == count);
                    // Signing in again with the passkey gives it a slot of its own.
                    WebElement settings = BackupFlows.openSettings(page);
                    page.button(settings, "Sign out of recovery account").click();
                    page.button(settings, "Sign in with passkey").click();
                    BackupFlows.waitForStatus(page, "Backup up to date");
                    BackupFlows.waitForSlots(page, 2);
                    BackupFlows.closeSettings(page);

                    List<Double> times = new ArrayList<>();
                    List<Double> complete = new ArrayList<>();
                    for (int run = 0; run < RUNS; run++) {
                        BackupFlows.wipe(browser, server);
                        page.open();
                        // T1: the first screenful's codes on screen; T2: every account a list item.
                        page.js("window.fobT0 = 0; window.fobT1 = 0; window.fobT2 = 0;"
                                + " document.getElementById('recovery-sign-in').addEventListener('click', function () {"
                                + "  window.fobT0 = performance.now(); }, true);"
                                + " new MutationObserver(function () {"
                                + "  var list = document.getElementById('accounts'), code = list.querySelector('.code');"
                                + "  if (!window.fobT1 && code && code.textContent) window.fobT1 = performance.now();"
                                + "  if (!window.fobT2 && list.childElementCount === arguments[0]) window.fobT2 = performance.now();"
                                + " }.bind(null, " + count + "))"
                                + " .observe(document.getElementById('accounts'), {childList: true, subtree: true,"
                                + "  characterData: true});");
                        BackupFlows.beginRecovery(page);
                        page.waitFor(Duration.ofMinutes(2), () -> ((Number) page.js("return window.fobT2;")).doubleValue() > 0
                                && ((Number) page.js("return window.fobT1;")).doubleValue() > 0);
                        times.add(((Number) page.js("return window.fobT1 - window.fobT0;")).doubleValue());
                        complete.add(((Number) page.js("return window.fobT2 - window.fobT0;")).doubleValue());
                    }
                    List<Double> downloads = new ArrayList<>();
                    for (int run = 0; run < RUNS; run++) {
                        downloads.add(((Number) page.asyncJs("var done = arguments[0], t0 = performance.now();"
                                + " fetch('/api/backup', {cache: 'no-store'}).then(function (r) { return r.arrayBuffer(); })"
                                + ".then(function () { done(performance.now() - t0); });")).doubleValue());
                    }
                    Bench.report("restore." + count, Bench.median(times), "ms", Bench.median(downloads),
                            "From the passkey prompt to the codes on screen, restoring " + count + " accounts ("
                                    + envelope.length() + " bytes); anchor: the page downloading the same backup "
                                    + Bench.runs(times));
                    Bench.report("restore_list_complete." + count, Bench.median(complete), "ms",
                            Bench.median(downloads), "The same, until all " + count + " accounts are items of the"
                                    + " list (built in chunks after the first screenful) " + Bench.runs(complete));
                }
            }
        }
    }
}
