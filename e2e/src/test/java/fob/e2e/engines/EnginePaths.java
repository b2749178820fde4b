package fob.e2e.engines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import fob.e2e.support.AccountItem;
import fob.e2e.support.Axe;
import fob.e2e.support.BackupFlows;
import fob.e2e.support.Engine;
import fob.e2e.support.Fixtures;
import fob.e2e.support.FobPage;
import fob.e2e.support.FobServerProcess;
import fob.e2e.support.GroupFlows;
import fob.e2e.support.ImportFlows;
import fob.e2e.support.LockFlows;
import fob.e2e.support.RowMenuFlows;
import fob.e2e.support.StoredVaultProbe;
import fob.link.OtpAuthLink;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The paths a person takes, in an engine other than Chromium, on the real server jar: one server per engine, a new
 * profile per path. TOTP and Steam codes are compared with the JVM's at the same moment: what is claimed here is
 * that the engine runs the compiled client as the JVM runs its source (the codes themselves are checked against
 * the RFCs' vectors in the client's tests); the HOTP codes are RFC 4226's own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class EnginePaths {
    /** RFC 4226, appendix D: the secret "12345678901234567890" and its codes for counters 0 and 1. */
    static final String RFC4226_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
    static final String DENO = "otpauth://totp/Deno:Mason?secret=4SJHB4GSD43FZBAI7C2HLRJGPQ&issuer=Deno";
    static final String SPDX = "otpauth://totp/SPDX:ann?secret=JBSWY3DPEHPK3PXP&issuer=SPDX";
    static final String WWE = "otpauth://hotp/WWE:Mason?secret=5VAML3X35THCEBVRLV24CGBKOY&issuer=WWE&counter=3";
    /** How long a wait lasts: a cold engine's first load, or Argon2id, on a 2-core machine. */
    static final Duration PATIENCE = Duration.ofSeconds(30);
    static final String STORAGE_WARNING = "This browser may delete your accounts";
    static final String STEAM = "otpauth://totp/Steam:gaben?secret=7LE6KFKH6DXDDY2QNFCKLQ6ZZWXGN4KF&issuer=Steam"
            + "&encoder=steam";

    protected FobServerProcess server;
    protected Engine engine;
    protected FobPage page;

    protected abstract Engine startEngine() throws Exception;

    @BeforeAll
    void startServer() throws Exception {
        server = FobServerProcess.start();
    }

    @AfterAll
    void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    /** On a failure, what the page said then, before the browser is closed. */
    @RegisterExtension
    final AfterTestExecutionCallback describeOnFailure = context -> context.getExecutionException().ifPresent(e -> {
        try {
            System.err.println(context.getDisplayName() + " in " + engine.name() + " failed at "
                    + engine.driver().getCurrentUrl() + ": " + page.describe());
        } catch (RuntimeException unreadable) {
            System.err.println(context.getDisplayName() + ": the page could not be read: " + unreadable);
        }
    });

    @BeforeEach
    void startBrowser() throws Exception {
        engine = startEngine();
        page = new FobPage(engine.driver(), server.url(), PATIENCE);
    }

    @AfterEach
    void stopBrowser() throws Exception {
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    void addByLinkAndByTypingShowsCodesOfEveryKindAndKeepsThemAcrossAReload() throws Exception {
        page.open();
        OtpAuthLink totp = OtpAuthLink.parse("otpauth://totp/Deno:Mason?secret=4SJHB4GSD43FZBAI7C2HLRJGPQ"
                + "&issuer=Deno&algorithm=SHA256&digits=8");
        page.addLink(totp.format(), false);
        page.addLink(STEAM, false);
        page.addLink("otpauth://hotp/RFC:4226?secret=" + RFC4226_SECRET + "&issuer=RFC&counter=0", false);

        page.button("Add account").click();
        WebElement dialog = page.dialog("Add account");
        page.fill(dialog, "textbox", "Issuer", "Typed");
        page.fill(dialog, "textbox", "Account name", "ann@example.com");
        page.fill(dialog, "textbox", "Secret key", "jbsw y3dp ehpk 3pxp");
        new Select(page.byRole(dialog, "combobox", "Algorithm")).selectByValue("SHA512");
        page.button(dialog, "Save").click();
        page.waitFor(() -> page.accounts().size() == 4);

        assertShown(totp);
        page.account("Steam").assertShowsCodeOf(OtpAuthLink.parse(STEAM).parameters());
        assertEquals("755224", page.account("RFC").code(), "RFC 4226's code for counter 0");
        page.account("Typed").assertShowsCodeOf(OtpAuthLink.parse(
                "otpauth://totp/x?secret=JBSWY3DPEHPK3PXP&algorithm=SHA512").parameters());
        page.account("RFC").button("Next code").click();
        page.waitFor(() -> page.account("RFC").code().equals("287082"));

        page.reload();
        assertEquals(List.of("Deno", "Steam", "RFC", "Typed"), page.issuers());
        assertShown(totp);
        assertEquals("287082", page.account("RFC").code(), "the counter was kept");
    }

    @Test
    void opensWithTheServerStoppedOnceTheServiceWorkerIsInstalled() throws Exception {
        OtpAuthLink deno = OtpAuthLink.parse(DENO);
        try (FobServerProcess own = FobServerProcess.start()) {
            page = new FobPage(engine.driver(), own.url(), PATIENCE).open();
            page.addLink(DENO, false);
            page.waitFor(() -> Boolean.TRUE.equals(
                    page.js("return !!navigator.serviceWorker.controller;")));
            URI startUrl = own.manifestStartUrl();
            own.stop();

            page.reloadThroughServiceWorker();
            assertShown(deno);
            // Where the installed app opens: the manifest's start_url.
            engine.driver().get(startUrl.toString());
            page.waitUntilReady();
            assertShown(deno);
            assertEquals(1, page.accounts().size());
            assertEquals(startUrl.toString(), engine.driver().getCurrentUrl());
        }
    }

    /** What Settings says of this engine's storage: each engine answers navigator.storage differently. */
    protected abstract String storageKept();

    /** The warning's ways out in this engine: "Turn on Cloud backup" only where the browser has passkeys. */
    protected abstract List<String> waysOut();

    @Test
    void anAccountWithoutCloudBackupBringsTheStorageWarningWithTheWaysOut() throws Exception {
        page.open();
        page.waitForMark("fob-storage-warning-decided");
        assertFalse(page.isPresent(page.driver(), "region", STORAGE_WARNING), "an empty vault is not warned about");
        page.addLink(DENO, false);
        WebElement warning = page.byRole("region", STORAGE_WARNING);
        List<String> offered = new ArrayList<>();
        for (String wayOut : List.of("Turn on Cloud backup", "Install Fob", "Export")) {
            if (page.isPresent(warning, "button", wayOut)) {
                offered.add(wayOut);
            }
        }
        assertEquals(waysOut(), offered);
        page.button(warning, "Export").click();
        page.button(page.dialog("Export"), "Close").click();
        assertEquals(storageKept(), page.driver().findElement(By.id("storage-kept")).getDomProperty("textContent"));

        page.button(page.byRole("region", STORAGE_WARNING), "Dismiss storage warning").click();
        page.waitFor(() -> !page.isPresent(page.driver(), "region", STORAGE_WARNING));
        StoredVaultProbe stored = new StoredVaultProbe(page);
        page.waitFor(() -> String.valueOf(stored.preferences()).contains("\"storageWarningDismissed\":true"));
        page.reload();
        page.waitForMark("fob-storage-warning-decided");
        assertFalse(page.isPresent(page.driver(), "region", STORAGE_WARNING), "dismissed on this device");
    }

    @Test
    void theAppLockWithAPasswordLocksAndUnlocksWithItOnly() throws Exception {
        page.open();
        page.addLink(DENO, false);
        // Setting the password derives its key with Argon2id in the worker.
        LockFlows.setPassword(page, "correct horse battery");
        BackupFlows.closeSettings(page);

        engine.driver().navigate().refresh();
        LockFlows.waitUntilLocked(page);
        assertFalse(page.js("return document.documentElement.outerHTML;").toString().contains("Deno"),
                "nothing of the vault is in the page");
        LockFlows.unlockWithPassword(page, "wrong password!");
        page.waitFor(() -> !page.alerts().isEmpty());
        assertFalse(page.isPresent(page.driver(), "button", "Add account") && page.button("Add account").isEnabled(),
                "a wrong password opens nothing");
        LockFlows.unlock(page, "correct horse battery");
        assertShown(OtpAuthLink.parse(DENO));
    }

    @Test
    void anEncryptedAegisFileImportsAndAnEncryptedExportOpensAgain() throws Exception {
        page.open();
        WebElement dialog = ImportFlows.open(page);
        ImportFlows.previewWithPassword(page, dialog, Fixtures.path("aegis-importers/aegis_encrypted.json"), "test");
        page.waitFor(() -> ImportFlows.verdicts(page, dialog).size() == 7);
        page.button(dialog, "Import selected").click();
        page.waitFor(() -> page.accounts().size() == 7);
        for (String link : Fixtures.accountLinks().subList(0, 7)) {
            assertShown(OtpAuthLink.parse(link));
        }

        // What the page hands the browser to save; where the browser then puts it is the browser's business.
        page.js("window.fobSaved = []; var create = URL.createObjectURL;"
                + "URL.createObjectURL = function (blob) { blob.text().then(function (t) { window.fobSaved.push(t); });"
                + "  return create.call(URL, blob); };");
        page.button(BackupFlows.openSettings(page), "Export").click();
        WebElement export = page.dialog("Export");
        page.fill(export, "password", "Password", "correct horse battery");
        page.fill(export, "password", "Repeat password", "correct horse battery");
        page.button(export, "Export").click();
        String exported = page.waitFor(
                () -> (String) page.js("return window.fobSaved.length ? window.fobSaved[0] : null;"));
        assertFalse(exported.contains("4SJHB4GSD43FZBAI7C2HLRJGPQ") || exported.contains("Deno"), "it is encrypted");
        Path file = Files.createTempFile("fob-export", ".json");
        file.toFile().deleteOnExit();
        Files.writeString(file, exported);

        page.button(export, "Close").click();
        // Opened again by the page, in this engine: every account is already in Fob.
        WebElement again = ImportFlows.open(page);
        ImportFlows.previewWithPassword(page, again, file, "correct horse battery");
        page.waitFor(() -> ImportFlows.verdicts(page, again).size() == 7);
        assertEquals(Collections.nCopies(7, "Already in Fob"), ImportFlows.verdicts(page, again));
    }

    @Test
    void groupsFilterTheList() {
        page.open();
        page.addLink(DENO, false);
        page.addLink(SPDX, false);
        GroupFlows.newGroup(page, "Work");
        GroupFlows.putInGroups(page, "SPDX", "Work");
        GroupFlows.showGroup(page, "Work");
        page.waitFor(() -> page.issuers().equals(List.of("SPDX")));
        GroupFlows.showGroup(page, "All");
        page.waitFor(() -> page.issuers().equals(List.of("Deno", "SPDX")));
        page.reload();
        assertEquals(List.of("All", "Work"), GroupFlows.filters(page));
    }

    @Test
    void theLanguageChosenInSettingsIsShownAndKept() {
        page.open();
        page.button("Settings").click();
        new Select(page.byRole(page.dialog("Settings"), "combobox", "Language")).selectByValue("de");
        page.waitFor(() -> "de".equals(page.js("return document.documentElement.lang;")));
        page.waitUntilReady();
        page.button("Konto hinzufügen");
        page.reload();
        assertEquals("de", page.js("return document.documentElement.lang;"));
        page.button("Einstellungen").click();
        assertEquals("Deutsch", new Select(page.byRole(page.dialog("Einstellungen"), "combobox", "Sprache"))
                .getFirstSelectedOption().getText());
    }

    @Test
    void aRowsMenuWorksByKeyboardAlone() {
        page.open();
        page.addLink(WWE, false);
        WebElement more = page.account("WWE").button("More actions");
        page.js("arguments[0].focus();", more);
        page.press(Keys.ENTER);
        WebElement menu = page.byRole("menu", "More actions");
        assertEquals("Next code", page.focused().getText(), "Enter opens the menu on its first item");
        RowMenuFlows.arrowsGoRound(page);
        page.press(Keys.ESCAPE);
        page.waitFor(() -> !menu.isDisplayed());
        assertEquals(more, page.focused(), "Escape gives the focus back to the menu's button");

        page.press(Keys.ENTER);
        page.waitFor(() -> "Next code".equals(page.focused().getText()));
        String before = page.account("WWE").code();
        page.press(Keys.ENTER);
        page.waitFor(() -> !page.account("WWE").code().equals(before));
    }

    @Test
    void axeFindsNoViolations() throws Exception {
        page.open();
        page.addLink(DENO, false);
        page.addLink(WWE, false);
        assertEquals("", Axe.violations(page), "the list, in " + engine.name());
        BackupFlows.openSettings(page);
        assertEquals("", Axe.violations(page), "Settings, in " + engine.name());
    }

    private void assertShown(OtpAuthLink link) {
        AccountItem item = page.account(link.issuer());
        assertEquals(link.name(), item.name());
        item.assertShowsCodeOf(link.parameters());
    }
}
