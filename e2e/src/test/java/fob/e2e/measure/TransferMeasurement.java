package fob.e2e.measure;

import fob.e2e.support.BackupFlows;
import fob.e2e.support.Chromium;
import fob.e2e.support.FobPage;
import fob.e2e.support.FobServerProcess;
import fob.e2e.support.Fixtures;
import fob.link.OtpAuthLink;
import fob.otp.HashAlgorithm;
import fob.otp.OtpParameters;
import fob.otp.OtpType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

/**
 * Prints, in the browser: the time to import the encrypted Aegis fixture (from "Preview" with its password to
 * the preview on screen: scrypt n=32768 in the Wasm worker, decryption, parsing), and the time to export 1,000
 * accounts encrypted (from "Export" to the file offered: Argon2id m=64 MiB t=3 p=1 in the worker, then
 * encryption). Medians of 5. Not part of the test run; run it with:
 * {@code mvn -B verify -DskipTests && mvn -B -pl e2e test -Dtest=TransferMeasurement -Dsurefire.failIfNoSpecifiedTests=false}
 */
class TransferMeasurement {
    private static final int RUNS = 5;

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }

    @Test
    void importAndExportTimes() throws Exception {
        List<Double> imports = new ArrayList<>();
        List<Double> exports = new ArrayList<>();
        Path downloads = Files.createTempDirectory("fob-measure-downloads");
        try (FobServerProcess server = FobServerProcess.start(); Chromium browser = Chromium.start()) {
            browser.downloadsTo(downloads);
            FobPage page = new FobPage(browser.driver(), server.url()).open();
            for (int run = 0; run < RUNS; run++) {
                page.button("Settings").click();
                page.button(page.dialog("Settings"), "Import").click();
                WebElement dialog = page.dialog("Import");
                page.byRole(dialog, "file", "File to import").sendKeys(
                        Fixtures.path("aegis-importers/aegis_encrypted.json").toString());
                page.button(dialog, "Preview").click();
                page.fill(dialog, "password", "Password", "test");
                page.js("performance.clearMarks('fob-import-previewed');"
                        + " document.getElementById('import-preview').addEventListener('click', function () {"
                        + "  window.fobT0 = performance.now(); }, {capture: true, once: true});");
                page.button(dialog, "Preview").click();
                page.waitFor(() -> ((Number) page.js("return performance.getEntriesByName('fob-import-previewed')"
                        + ".length;")).intValue() == 1);
                imports.add(((Number) page.js("return performance.getEntriesByName('fob-import-previewed')[0]"
                        + ".startTime - window.fobT0;")).doubleValue());
                page.button(dialog, "Cancel").click();
                BackupFlows.closeSettings(page);
            }

            StringBuilder links = new StringBuilder();
            SecureRandom random = new SecureRandom();
            for (int i = 0; i < 1000; i++) {
                byte[] secret = new byte[20];
                random.nextBytes(secret);
                links.append(new OtpAuthLink("Issuer " + i, "user" + i, OtpParameters.of(OtpType.TOTP,
                        HashAlgorithm.SHA1, 6, 30, 0, secret)).format()).append('\n');
            }
            page.button("Settings").click();
            page.button(page.dialog("Settings"), "Import").click();
            WebElement dialog = page.dialog("Import");
            page.js("var t = document.getElementById('import-text'); t.value = arguments[0];"
                    + " t.dispatchEvent(new Event('input'));", links.toString());
            page.button(dialog, "Preview").click();
            page.button(dialog, "Import selected").click();
            page.waitFor(() -> page.accounts().size() == 1000);

            for (int run = 0; run < RUNS; run++) {
                WebElement settings = BackupFlows.openSettings(page);
                page.button(settings, "Export").click();
                WebElement export = page.dialog("Export");
                page.fill(export, "password", "Password", "correct horse battery");
                page.fill(export, "password", "Repeat password", "correct horse battery");
                page.js("performance.clearMarks('fob-export-saved');"
                        + " document.getElementById('export-run').addEventListener('click', function () {"
                        + "  window.fobT0 = performance.now(); }, {capture: true, once: true});");
                page.button(export, "Export").click();
                page.waitFor(() -> ((Number) page.js("return performance.getEntriesByName('fob-export-saved')"
                        + ".length;")).intValue() == 1);
                exports.add(((Number) page.js("return performance.getEntriesByName('fob-export-saved')[0].startTime"
                        + " - window.fobT0;")).doubleValue());
                page.button(export, "Close").click();
                BackupFlows.closeSettings(page);
            }
        } finally {
            try (Stream<Path> files = Files.list(downloads)) {
                files.forEach(f -> f.toFile().delete());
            }
        }
        System.out.printf("Import of the encrypted Aegis fixture (7 accounts, scrypt n=32768): median %.0f ms %s%n",
                median(imports), imports);
        System.out.printf("Encrypted export of 1,000 accounts (Argon2id 64 MiB, t=3, p=1): median %.0f ms %s%n",
                median(exports), exports);
    }
}
