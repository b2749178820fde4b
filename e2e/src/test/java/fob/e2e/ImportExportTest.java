package fob.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fob.e2e.support.AccountItem;
import fob.e2e.support.BackupFlows;
import fob.e2e.support.BrowserTest;
import fob.e2e.support.Chromium;
import fob.e2e.support.FobPage;
import fob.e2e.support.Fixtures;
import fob.e2e.support.ImportFlows;
import fob.link.OtpAuthLink;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** Moving in and out: imports previewed and all-or-nothing, and exports that round-trip. */
class ImportExportTest extends BrowserTest {
    private List<String> issuers() {
        List<String> issuers = new ArrayList<>();
        for (AccountItem item : page.accounts()) {
            issuers.add(item.issuer());
        }
        return issuers;
    }

    private String importError() {
        return page.driver().findElement(By.id("import-error")).getText();
    }

    @Test
    void anEncryptedAegisVaultImportsWithItsPasswordAndOnlyOnce() throws Exception {
        page.open();
        WebElement dialog = ImportFlows.open(page);
        ImportFlows.choose(page, dialog, Fixtures.path("aegis-importers/aegis_encrypted.json"));
        page.button(dialog, "Preview").click();
        WebElement password = page.byRole(dialog, "password", "Password");
        password.sendKeys("wrong");
        page.button(dialog, "Preview").click();
        page.waitFor(() -> importError().contains("The password is wrong"));
        assertEquals(0, page.accounts().size());

        password.clear();
        password.sendKeys("test");
        long started = System.currentTimeMillis();
        page.button(dialog, "Preview").click();
        page.waitFor(() -> ImportFlows.verdicts(page, dialog).size() == 7);
        System.out.println("Aegis encrypted fixture, Preview with its password to preview shown: "
                + (System.currentTimeMillis() - started) + " ms (" + page.driver().findElement(By.id("import-summary"))
                .getText() + ")");
        assertEquals(List.of("Add", "Add", "Add", "Add", "Add", "Add", "Add"), ImportFlows.verdicts(page, dialog));
        page.button(dialog, "Import selected").click();
        page.waitFor(() -> page.accounts().size() == 7);
        assertEquals(List.of("Deno", "SPDX", "Airbnb", "Issuu", "Air Canada", "WWE", "Boeing"), issuers());
        for (String link : Fixtures.accountLinks().subList(0, 7)) {
            OtpAuthLink parsed = OtpAuthLink.parse(link);
            page.account(parsed.issuer()).assertShowsCodeOf(parsed.parameters());
        }

        WebElement again = ImportFlows.open(page);
        ImportFlows.previewWithPassword(page, again, Fixtures.path("aegis-importers/aegis_encrypted.json"), "test");
        page.waitFor(() -> ImportFlows.verdicts(page, again).size() == 7);
        assertTrue(ImportFlows.verdicts(page, again).stream().allMatch(v -> v.equals("Already in Fob")), ImportFlows.verdicts(page, again).toString());
        assertFalse(page.isPresent(again, "button", "Import selected"), "nothing to import the second time");
        assertEquals(7, page.accounts().size());
        assertEquals(List.of(), consoleProblems());
    }

    @Test
    void aGoogleTransferQrImageImportsItsAccounts() throws Exception {
        page.open();
        WebElement dialog = ImportFlows.open(page);
        page.byRole(dialog, "file", "QR code image").sendKeys(Fixtures.path("google-migration/example_export.png")
                .toString());
        page.waitFor(() -> page.byRole(dialog, "textbox", "Text to import").getAttribute("value")
                .startsWith("otpauth-migration://"));
        page.button(dialog, "Preview").click();
        page.waitFor(() -> ImportFlows.verdicts(page, dialog).size() == 3);
        List<WebElement> boxes = page.byRole(dialog, "list", "Accounts to import").findElements(By.tagName("input"));
        boxes.get(1).click();
        page.button(dialog, "Import selected").click();
        page.waitFor(() -> page.accounts().size() == 2);
        assertEquals(List.of("Test1", "Test3"), issuers(), "only what was chosen");
    }

    @Test
    void anEncrypted2fasBackupImports() throws Exception {
        page.open();
        WebElement dialog = ImportFlows.open(page);
        ImportFlows.previewWithPassword(page, dialog, Fixtures.path("aegis-importers/2fas_authenticator_encrypted_v4.2fas"), "test");
        page.waitFor(() -> ImportFlows.verdicts(page, dialog).size() == 5);
        page.button(dialog, "Import selected").click();
        page.waitFor(() -> page.accounts().size() == 5);
        OtpAuthLink wwe = OtpAuthLink.parse(Fixtures.accountLinks().get(5));
        assertEquals(wwe.parameters().codeAt(0), page.account("WWE").code());
    }

    @Test
    void damagedAndForeignFilesAreRefusedAndChangeNothing() throws Exception {
        page.open();
        page.addLink(Fixtures.accountLinks().get(0), false);
        Path dir = Files.createTempDirectory("fob-bad-files");
        byte[] aegis = Files.readAllBytes(Fixtures.path("aegis-importers/aegis_plain.json"));
        Files.write(dir.resolve("truncated.json"), java.util.Arrays.copyOf(aegis, aegis.length / 2));
        Files.write(dir.resolve("foreign.json"), "{\"some\": \"other app\"}".getBytes());
        Files.copy(Fixtures.path("google-migration/example_export.png"), dir.resolve("photo.json"));
        byte[] encrypted = Files.readAllBytes(Fixtures.path("aegis-importers/aegis_encrypted.json"));
        String damaged = new String(encrypted).replace("\"db\": \"", "\"db\": \"AAAA");
        Files.writeString(dir.resolve("corrupt.json"), damaged);
        String[][] cases = {{"truncated.json", "cut short"}, {"foreign.json", "does not recognise this JSON"},
            {"photo.json", "not text"}, {"corrupt.json", "does not decrypt"}};
        for (String[] bad : cases) {
            WebElement dialog = ImportFlows.open(page);
            ImportFlows.choose(page, dialog, dir.resolve(bad[0]));
            page.button(dialog, "Preview").click();
            if (bad[0].equals("corrupt.json")) {
                page.fill(dialog, "password", "Password", "test");
                page.button(dialog, "Preview").click();
            }
            page.waitFor(() -> importError().contains(bad[1]) ? true : null);
            page.button(dialog, "Cancel").click();
            BackupFlows.closeSettings(page);
            assertEquals(1, page.accounts().size(), bad[0] + " changed nothing");
        }
        try (Stream<Path> files = Files.list(dir)) {
            files.forEach(f -> f.toFile().delete());
        }
    }

    @Test
    void anEncryptedExportRoundTripsAndPlainAndQrExportsHoldTheLinks() throws Exception {
        Path downloads = Files.createTempDirectory("fob-downloads");
        browser.downloadsTo(downloads);
        page.open();
        for (String link : Fixtures.accountLinks()) {
            page.addLink(link, link.contains("Battle.net"));
        }
        page.account("SPDX").button("Edit").click();
        WebElement edit = page.dialog("Edit account");
        page.byRole(edit, "textbox", "Note").sendKeys("recovery codes in the safe");
        page.button(edit, "Save").click();
        // Read again if the list re-renders meanwhile (the save above re-renders it).
        List<String> before = page.waitFor(() -> {
            List<String> rows = new ArrayList<>();
            for (AccountItem item : page.accounts()) {
                rows.add(item.text());
            }
            return rows;
        });

        WebElement settings = BackupFlows.openSettings(page);
        page.button(settings, "Export").click();
        WebElement export = page.dialog("Export");
        page.fill(export, "password", "Password", "correct horse battery");
        page.fill(export, "password", "Repeat password", "correct horse battery");
        long started = System.currentTimeMillis();
        page.button(export, "Export").click();
        Path file = page.waitFor(() -> {
            try (Stream<Path> files = Files.list(downloads)) {
                return files.filter(f -> f.getFileName().toString().startsWith("fob-export-")
                        && f.toString().endsWith(".json")).findFirst().orElse(null);
            } catch (java.io.IOException e) {
                return null;
            }
        });
        System.out.println("Encrypted export of 8 accounts: " + (System.currentTimeMillis() - started) + " ms");
        String exported = Files.readString(file);
        assertFalse(exported.contains("4SJHB4GSD43FZBAI7C2HLRJGPQ") || exported.contains("Deno"), "it is encrypted");
        // docs/formats.md, "Encrypted export files": one password slot, Argon2id at 64 MiB, 3 passes, 1 lane, a
        // 16-byte salt.
        List<fob.backup.Slot> slots = fob.backup.Envelope.parse(exported).slots();
        assertEquals(1, slots.size());
        fob.backup.PasswordSlot password = (fob.backup.PasswordSlot) slots.get(0);
        assertEquals(65536, password.memoryKiB());
        assertEquals(3, password.iterations());
        assertEquals(1, password.parallelism());
        assertEquals(16, password.salt().length);

        page.byRole(export, "radio", "Plain links").click();
        assertTrue(page.driver().findElement(By.id("export-warning")).isDisplayed());
        page.button(export, "Export").click();
        Path links = page.waitFor(() -> {
            try (Stream<Path> files = Files.list(downloads)) {
                return files.filter(f -> f.getFileName().toString().startsWith("fob-links-")).findFirst().orElse(null);
            } catch (java.io.IOException e) {
                return null;
            }
        });
        List<String> lines = Files.readAllLines(links);
        assertEquals(8, lines.size());
        for (int i = 0; i < 8; i++) {
            assertEquals(OtpAuthLink.parse(Fixtures.accountLinks().get(i)).parameters(),
                    OtpAuthLink.parse(lines.get(i)).parameters());
        }

        page.byRole(export, "radio", "QR codes").click();
        page.button(export, "Export").click();
        WebElement codes = page.byRole(export, "list", "QR codes");
        page.waitFor(() -> codes.findElements(By.tagName("canvas")).size() == 8);
        String png = (String) page.js("return arguments[0].toDataURL('image/png');",
                codes.findElements(By.tagName("canvas")).get(6));
        var image = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(png.substring(png.indexOf(',') + 1))));
        byte[] luminance = new byte[image.getWidth() * image.getHeight()];
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                luminance[y * image.getWidth() + x] = (byte) (image.getRGB(x, y) & 0xff);
            }
        }
        String decoded = fob.qr.QrDecoder.decode(luminance, image.getWidth(), image.getHeight());
        assertEquals(OtpAuthLink.parse(Fixtures.accountLinks().get(6)).parameters(),
                OtpAuthLink.parse(decoded).parameters());
        page.button(export, "Close").click();

        try (Chromium other = Chromium.start()) {
            FobPage fresh = new FobPage(other.driver(), server.url()).open();
            fresh.button("Settings").click();
            fresh.button(fresh.dialog("Settings"), "Import").click();
            WebElement dialog = fresh.dialog("Import");
            fresh.byRole(dialog, "file", "File to import").sendKeys(file.toString());
            fresh.button(dialog, "Preview").click();
            fresh.fill(dialog, "password", "Password", "correct horse battery");
            fresh.button(dialog, "Preview").click();
            fresh.waitFor(() -> fresh.button(dialog, "Import selected"));
            fresh.button(dialog, "Import selected").click();
            fresh.waitFor(() -> fresh.accounts().size() == 8);
            List<String> after = new ArrayList<>();
            for (AccountItem item : fresh.accounts()) {
                after.add(item.text());
            }
            assertEquals(strip(before), strip(after), "the same accounts, names, kinds and order");
            fresh.account("SPDX").button("Edit").click();
            assertEquals("recovery codes in the safe", fresh.byRole(fresh.dialog("Edit account"), "textbox", "Note")
                    .getAttribute("value"));
        }
        try (Stream<Path> files = Files.list(downloads)) {
            files.forEach(f -> f.toFile().delete());
        }
    }

    /** The rows without their codes and countdowns, which move with time. */
    private static List<String> strip(List<String> rows) {
        List<String> stripped = new ArrayList<>();
        for (String row : rows) {
            // The next code shows only in a period's last 10 seconds: it is no part of what an export carries.
            stripped.add(row.replaceAll("next [^\\n]*\\n", "").replaceAll("[0-9A-Z]{3,4} ?[0-9A-Z]{3,4}\\n", "").replaceAll("\\d+ s\\n", "")
                    .replaceAll("[23456789BCDFGHJKMNPQRTVWXY]{5}\\n", ""));
        }
        return stripped;
    }
}
