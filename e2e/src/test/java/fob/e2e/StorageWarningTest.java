package fob.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fob.e2e.support.Axe;
import fob.e2e.support.BackupFlows;
import fob.e2e.support.BrowserTest;
import fob.e2e.support.StoredVaultProbe;
import fob.e2e.support.VirtualAuthenticator;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Issue 26, "No quiet eviction": while the browser has not promised to keep Fob's storage and Cloud backup is off,
 * the page says so on every load as soon as there is an account, with the ways out, until dismissed; Settings says
 * what the browser answered. Headless Chromium with a fresh profile answers {@code persisted()} false and refuses
 * {@code persist()} at once, without a prompt, so Fob asks it once beside the warning and then quietly at each load.
 */
class StorageWarningTest extends BrowserTest {
    static final String WARNING = "This browser may delete your accounts";
    private static final String DENO = "otpauth://totp/Deno:Mason?secret=4SJHB4GSD43FZBAI7C2HLRJGPQ&issuer=Deno";
    /** Counts the page's calls of persist(), from before its own script runs (CDP scripts are exempt from its CSP). */
    private static final String COUNT_PERSIST = "self.fobPersistCalls = 0; if (self.StorageManager) {"
            + " var persist = StorageManager.prototype.persist; StorageManager.prototype.persist = function () {"
            + " self.fobPersistCalls++; return persist.apply(this, arguments); }; }";

    private void countPersistCalls() {
        browser.cdp("Page.addScriptToEvaluateOnNewDocument", Map.of("source", COUNT_PERSIST));
    }

    private long persistCalls() {
        return ((Number) page.js("return self.fobPersistCalls;")).longValue();
    }

    private boolean warningShown() {
        return page.isPresent(page.driver(), "region", WARNING);
    }

    /** Settings' line, readable whether or not Settings is open; empty until the browser has answered. */
    private String storageLine() {
        return (String) page.js("var p = document.getElementById('storage-kept').parentNode; return"
                + " p.textContent.replace(/\\s+/g, ' ').trim() + ' | '"
                + " + document.getElementById('storage-kept-detail').textContent;");
    }

    /**
     * Waits until the page has decided whether to show the warning (it knows the browser's answer and Cloud backup's
     * state, which takes a call to the server), then checks that it did not: checked before, it would pass early.
     */
    private void warningStaysHidden(String why) {
        page.waitForMark("fob-storage-warning-decided");
        assertTrue(storageLine().startsWith("This browser keeps Fob's storage: Not promised"), storageLine());
        assertFalse(warningShown(), why);
    }

    @Test
    void anAccountWithoutCloudBackupIsWarnedAboutWithTheWaysOutUntilDismissed() throws Exception {
        // axe evaluates code of its own, which the page's CSP (rightly) forbids.
        browser.cdp("Page.setBypassCSP", Map.of("enabled", true));
        countPersistCalls();
        page.open();
        assertEquals(false, page.asyncJs("navigator.storage.persisted().then(arguments[0]);"),
                "a fresh profile's storage is not kept, so this test sees what a first visit sees");
        warningStaysHidden("an empty vault has nothing to lose and is not warned about");
        assertEquals(0, persistCalls(), "nothing to keep, nothing asked");

        page.addLink(DENO, false);
        WebElement warning = page.byRole("region", WARNING);
        StoredVaultProbe stored = new StoredVaultProbe(page);
        page.waitFor(() -> String.valueOf(stored.preferences()).contains("\"storagePersistQuiet\":true"));
        assertTrue(stored.preferences().contains("\"storagePersistAsked\":true"), stored.preferences());
        assertTrue(persistCalls() >= 1, "asked beside the warning, and Chromium answered at once");
        assertTrue(warning.getText().contains("this browser has not promised to keep it"), warning.getText());
        assertTrue(warning.getText().contains("Safari deletes it after seven days of use without a visit"));
        assertEquals("", Axe.violations(page));

        WebElement install = page.button(warning, "Install Fob");
        WebElement help = page.driver().findElement(By.id("storage-warning-install-help"));
        assertEquals("false", install.getAttribute("aria-expanded"));
        assertFalse(help.isDisplayed());
        install.click();
        assertEquals("true", install.getAttribute("aria-expanded"));
        assertTrue(help.getText().startsWith("Where your browser offers it, install Fob from its menu"),
                help.getText());

        page.button(warning, "Export").click();
        page.button(page.dialog("Export"), "Close").click();

        page.button(warning, "Turn on Cloud backup").click();
        WebElement settings = page.dialog("Settings");
        assertEquals("backup-switch", page.js("return document.activeElement.id;"), "the switch has the focus");
        assertEquals("This browser keeps Fob's storage: Not promised | The browser may delete it, for example when"
                + " space runs low. Cloud backup or an export keeps a copy of your accounts elsewhere.",
                storageLine());
        assertTrue(settings.getText().contains("This browser keeps Fob's storage: Not promised"));
        BackupFlows.closeSettings(page);

        page.reload();
        warning = page.byRole("region", WARNING);
        page.button(warning, "Dismiss storage warning").click();
        page.waitFor(() -> !warningShown());
        assertEquals("search", page.js("return document.activeElement.id;"), "the focus goes on, not to nowhere");
        page.waitFor(() -> String.valueOf(stored.preferences()).contains("\"storageWarningDismissed\":true"));
        page.reload();
        warningStaysHidden("dismissed on this device");
        // Chromium answered at once beside the warning, so it is asked quietly at each load, though dismissed.
        page.waitFor(() -> persistCalls() >= 1);
        assertTrue(BackupFlows.openSettings(page).getText().contains("This browser keeps Fob's storage: Not promised"),
                "Settings still says it");
    }

    @Test
    void withCloudBackupOnNoWarningShows() throws Exception {
        VirtualAuthenticator.add(browser, true);
        countPersistCalls();
        page.open();
        page.addLink(DENO, false);
        page.byRole("region", WARNING);
        BackupFlows.createRecoveryAccount(page, "Eve");
        BackupFlows.closeSettings(page);
        page.waitFor(() -> !warningShown());

        page.reload();
        BackupFlows.waitForStatus(page, "Backup up to date");
        warningStaysHidden("the accounts come back from Cloud backup");
        // Chromium answered at once beside the warning, so it is asked quietly at each load, though backed up.
        page.waitFor(() -> persistCalls() >= 1);
    }
}
