package fob.e2e.measure;

import fob.e2e.support.BackupFlows;
import fob.e2e.support.Chromium;
import fob.e2e.support.FobPage;
import fob.e2e.support.FobServerProcess;
import fob.e2e.support.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

/**
 * Measures, in the browser: the time to import the encrypted Aegis fixture (from "Preview" with its password to
 * the preview on screen: scrypt n=32768 in the Wasm worker, decryption, parsing), and the time to export 1,000
 * accounts encrypted (from "Export" to the file offered: Argon2id m=64 MiB t=3 p=1 in the worker, then
 * encryption). Medians of 5. Part of bench/run.
 */
class TransferMeasurement {
    private static final int RUNS = 5;

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

            Seed.importLinks(page, Seed.links(1000));

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
        Bench.report("import.aegis_encrypted", Bench.median(imports), "ms", null, "Import of the encrypted Aegis"
                + " fixture (7 accounts, scrypt n=32768) to its preview, median of " + RUNS + " " + Bench.runs(imports));
        Bench.report("export.encrypted_1000", Bench.median(exports), "ms", null, "Encrypted export of 1,000"
                + " accounts (Argon2id 64 MiB t=3 p=1), median of " + RUNS + " " + Bench.runs(exports));
    }
}
