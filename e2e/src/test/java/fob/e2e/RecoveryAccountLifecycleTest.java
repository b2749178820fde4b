package fob.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fob.e2e.support.BackupFlows;
import fob.e2e.support.BrowserTest;
import fob.e2e.support.Chromium;
import fob.e2e.support.FobPage;
import fob.e2e.support.FobServerProcess;
import fob.e2e.support.VirtualAuthenticator;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** Issue 14 in the page: deleting the recovery account, and a server quota explained in the backup status. */
class RecoveryAccountLifecycleTest extends BrowserTest {
    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final String DENO = "otpauth://totp/Deno:Mason?secret=4SJHB4GSD43FZBAI7C2HLRJGPQ&issuer=Deno";

    private static String detail(FobPage page) {
        return (String) page.js("return document.getElementById('backup-detail').textContent;");
    }

    /** Whether GET /api/session says signed in (it answers 200 either way). */
    private static boolean signedIn(FobPage page) {
        return (Boolean) page.asyncJs("var done = arguments[0]; fetch('/api/session').then(function (r) {"
                + " return r.json(); }).then(function (b) { done(b.signedIn === true); });");
    }

    @Test
    void deletingTheRecoveryAccountNeedsTheWordKeepsTheAccountsHereAndNothingRestoresFromIt() throws Exception {
        VirtualAuthenticator passkey = VirtualAuthenticator.add(browser, true);
        page.open();
        page.addLink(DENO, false);
        BackupFlows.createRecoveryAccount(page, "Zed");

        WebElement settings = BackupFlows.openSettings(page);
        page.button(settings, "Delete recovery account").click();
        WebElement dialog = page.dialog("Delete recovery account?");
        page.fill(dialog, "textbox", "Type \"delete\" to confirm", "remove");
        page.button(dialog, "Delete recovery account").click();
        page.waitFor(() -> dialog.findElement(By.id("delete-account-error")).isDisplayed() ? true : null);
        assertTrue(signedIn(page), "a wrong word changes nothing");

        page.fill(dialog, "textbox", "Type \"delete\" to confirm", "delete");
        page.button(dialog, "Delete recovery account").click();
        page.waitFor(() -> page.toast().startsWith("Recovery account deleted") ? true : null);
        BackupFlows.waitForStatus(page, "Not backed up");
        assertEquals(1, page.accounts().size(), "the accounts stay in this browser");
        assertFalse(signedIn(page));

        try (Chromium other = Chromium.start()) {
            VirtualAuthenticator.add(other, true).addCredential(passkey.credentials().get(0));
            FobPage fresh = new FobPage(other.driver(), server.url()).open();
            WebElement recover = BackupFlows.beginRecovery(fresh);
            fresh.waitFor(() -> recover.getText().contains("not registered") ? true : null);
            assertEquals(0, fresh.accounts().size());
        }
    }

    /**
     * Opens the page, backs Deno up to a new recovery account, then adds accounts (at most {@code most}) until the
     * server refuses the backup; returns how many were added.
     */
    private int addAccountsUntilTheBackupIsRefused(FobPage here, String name, int most) {
        VirtualAuthenticator.add(browser, true);
        here.open();
        here.addLink(DENO, false);
        BackupFlows.createRecoveryAccount(here, name);
        BackupFlows.closeSettings(here);
        int added = 0;
        while (added < most && !BackupFlows.status(here).startsWith("Backup out of date")) {
            // A secret of its own for each: Fob keeps no two accounts with one secret.
            String secret = "JBSWY3DPEHPK3P" + BASE32.charAt(added / 32) + BASE32.charAt(added % 32);
            here.addLink("otpauth://totp/Service%20" + added + ":" + name.toLowerCase() + "@example.com?secret="
                    + secret + "&issuer=Service%20" + added, false);
            added++;
            here.waitFor(Duration.ofSeconds(10), () -> BackupFlows.status(here).startsWith("Backing up")
                    ? null : true);
        }
        BackupFlows.waitForStatus(here, "Backup out of date");
        return added;
    }

    @Test
    void aFullServerIsExplainedInWordsAndNothingIsLostHere() throws Exception {
        // Every version counts against the total, so a few writes fill 20,000 bytes.
        try (FobServerProcess small = FobServerProcess.start("--storage-max-bytes=20000")) {
            FobPage here = new FobPage(browser.driver(), small.url());
            int added = addAccountsUntilTheBackupIsRefused(here, "Quinn", 30);
            String why = detail(here);
            assertTrue(why.contains("This server has no room for more backups"), why);
            assertEquals(1 + added, here.accounts().size(), "every account stays here");
        }
    }

    /** Issue 17: a backup larger than the server takes says both sizes in words, and nothing is lost here. */
    @Test
    void aBackupTooLargeForTheServerIsExplainedInWords() throws Exception {
        // Backups are compressed (issue 17), and these accounts differ little: a small limit, and up to 80 of them.
        try (FobServerProcess small = FobServerProcess.start("--backup-max-bytes=3000")) {
            FobPage here = new FobPage(browser.driver(), small.url());
            int added = addAccountsUntilTheBackupIsRefused(here, "Rita", 80);
            String why = detail(here);
            assertTrue(why.matches("This backup is \\d+ KB, more than the 3 KB that Fob's server accepts\\. Your"
                    + " accounts here are safe\\..*"), why);
            assertEquals(1 + added, here.accounts().size(), "every account stays here");
        }
    }

    /** Issue 17: an import that would make the backup larger than the server takes says so before it is applied. */
    @Test
    void anImportTooLargeToBackUpWarnsBeforeItIsApplied() throws Exception {
        try (FobServerProcess small = FobServerProcess.start("--backup-max-bytes=3000")) {
            VirtualAuthenticator.add(browser, true);
            FobPage here = new FobPage(browser.driver(), small.url()).open();
            here.addLink(DENO, false);
            BackupFlows.createRecoveryAccount(here, "Ivo");
            WebElement settings = BackupFlows.openSettings(here);
            here.button(settings, "Import").click();
            WebElement dialog = here.dialog("Import");
            here.fill(dialog, "textbox", "Text to import", String.join("\n",
                    fob.e2e.measure.Seed.links(5)));
            here.button(dialog, "Preview").click();
            here.waitFor(() -> here.isPresent(dialog, "button", "Import selected"));
            assertFalse(here.driver().findElement(By.id("import-too-large")).isDisplayed(), "five fit");

            here.fill(dialog, "textbox", "Text to import", String.join("\n",
                    fob.e2e.measure.Seed.links(80)));
            here.button(dialog, "Preview").click();
            String warning = here.waitFor(() -> {
                WebElement alert = here.driver().findElement(By.id("import-too-large"));
                return alert.isDisplayed() ? alert.getText() : null;
            });
            assertTrue(warning.matches("With these accounts the backup would be \\d+ KB, more than the 3 KB that Fob's"
                    + " server accepts: .*"), warning);
            assertEquals(1, here.accounts().size(), "nothing is imported before the person chooses to");
            BackupFlows.waitForStatus(here, "Backup up to date");
        }
    }

    @Test
    void tooManyNewRecoveryAccountsFromOneNetworkIsExplainedInWords() throws Exception {
        try (FobServerProcess strict = FobServerProcess.start("--accounts-per-hour=1")) {
            VirtualAuthenticator.add(browser, true);
            FobPage here = new FobPage(browser.driver(), strict.url()).open();
            BackupFlows.createRecoveryAccount(here, "First");
            WebElement settings = BackupFlows.openSettings(here);
            here.button(settings, "Sign out of recovery account").click();
            here.fill(settings, "textbox", "Recovery account name", "Second");
            here.button(settings, "Create recovery account").click();
            String error = here.waitFor(() -> {
                WebElement alert = here.driver().findElement(By.id("backup-error"));
                return alert.isDisplayed() ? alert.getText() : null;
            });
            assertTrue(error.contains("Too many new recovery accounts from this network; try again in"), error);
        }
    }
}
