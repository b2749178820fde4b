package fob.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fob.e2e.support.BackupFlows;
import fob.e2e.support.BrowserTest;
import fob.e2e.support.VirtualAuthenticator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** Issue 15: "Sort by" in Settings (Manual, Issuer, Account name, Recently used), kept in the vault and the backup. */
class SortingTest extends BrowserTest {
    private static final String ZULIP = "otpauth://totp/Zulip:ann?secret=4SJHB4GSD43FZBAI7C2HLRJGPQ&issuer=Zulip";
    private static final String AMAZON = "otpauth://totp/Amazon:zoe?secret=5OM4WOOGPLQEF6UGN3CPEOOLWU&issuer=Amazon";
    private static final String MASTODON = "otpauth://totp/Mastodon:bob?secret=7ELGJSGXNCCTV3O6LKJWYFV2RA"
            + "&issuer=Mastodon";

    private Select sortBy() {
        return new Select(page.byRole(BackupFlows.openSettings(page), "combobox", "Sort by"));
    }

    private void sortBy(String choice) {
        sortBy().selectByVisibleText(choice);
        BackupFlows.closeSettings(page);
    }

    @Test
    void eachOrderAndMovesOnlyInTheManualOne() throws Exception {
        page.open();
        page.addLink(ZULIP, false);
        page.addLink(AMAZON, false);
        page.addLink(MASTODON, false);
        List<String> choices = new ArrayList<>();
        for (WebElement option : sortBy().getOptions()) {
            choices.add(option.getText().trim());
        }
        assertEquals(List.of("Manual", "Issuer", "Account name", "Recently used"), choices);
        assertEquals("Manual", sortBy().getFirstSelectedOption().getText().trim());
        BackupFlows.closeSettings(page);
        assertEquals(List.of("Zulip", "Amazon", "Mastodon"), page.issuers());
        assertTrue(page.account("Amazon").hasButton("Move up"));

        sortBy("Issuer");
        page.waitFor(() -> page.issuers().equals(List.of("Amazon", "Mastodon", "Zulip")));
        assertFalse(page.account("Amazon").hasButton("Move up"), "a sorted list has no order of one's own to change");
        sortBy("Account name");
        page.waitFor(() -> page.issuers().equals(List.of("Zulip", "Mastodon", "Amazon")));

        sortBy("Recently used");
        browser.cdp("Browser.grantPermissions", Map.of("origin", server.url().replaceAll("/$", ""),
                "permissions", List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
        page.account("Mastodon").button("Copy code").click();
        page.waitFor(() -> page.issuers().equals(List.of("Mastodon", "Zulip", "Amazon")));
        page.account("Amazon").button("Copy code").click();
        page.waitFor(() -> page.issuers().equals(List.of("Amazon", "Mastodon", "Zulip")));
        page.reload();
        assertEquals(List.of("Amazon", "Mastodon", "Zulip"), page.issuers(), "the choice and the times are kept");

        sortBy("Manual");
        page.waitFor(() -> page.issuers().equals(List.of("Zulip", "Amazon", "Mastodon")));
        assertEquals(List.of(), consoleProblems());
    }

    /**
     * Drag and drop in the manual order. Chromium does not let WebDriver drive an HTML drag, so the test dispatches
     * the events a drag makes, with a DataTransfer, as the browser would.
     */
    @Test
    void aDragReordersAndTheOrderIsKeptAcrossAReloadAndARestore() {
        VirtualAuthenticator.add(browser, true);
        page.open();
        page.addLink(ZULIP, false);
        page.addLink(AMAZON, false);
        page.addLink(MASTODON, false);
        BackupFlows.createRecoveryAccount(page, "Dragging Dee");
        BackupFlows.closeSettings(page);
        page.js("window.fobUploaded = false; new MutationObserver(function () {"
                + " if (document.getElementById('backup-status').textContent === 'Backing up') window.fobUploading = true;"
                + " else if (window.fobUploading) window.fobUploaded = true;"
                + "}).observe(document.getElementById('backup-status'), {childList: true, characterData: true,"
                + " subtree: true});");
        page.js("var rows = document.querySelectorAll('#accounts li.account'); var from = rows[2], to = rows[0];"
                + " var data = new DataTransfer();"
                + " function fire(target, type) { target.dispatchEvent(new DragEvent(type, {bubbles: true,"
                + " cancelable: true, dataTransfer: data})); }"
                + " fire(from, 'dragstart'); fire(to, 'dragenter'); fire(to, 'dragover'); fire(to, 'drop');"
                + " fire(from, 'dragend');");
        page.waitFor(() -> page.issuers().equals(List.of("Mastodon", "Zulip", "Amazon")));
        // The new order is backed up before the browser is wiped.
        page.waitFor(() -> Boolean.TRUE.equals(page.js("return window.fobUploaded;")));
        BackupFlows.waitForStatus(page, "Backup up to date");
        page.reload();
        assertEquals(List.of("Mastodon", "Zulip", "Amazon"), page.issuers());
        BackupFlows.wipe(browser, server);
        page.open();
        BackupFlows.beginRecovery(page);
        page.waitFor(() -> page.accounts().size() == 3);
        assertEquals(List.of("Mastodon", "Zulip", "Amazon"), page.issuers(), "the restored order");
        assertEquals("true", page.account("Zulip").element().getDomAttribute("draggable"));
        sortBy("Issuer");
        page.waitFor(() -> page.issuers().equals(List.of("Amazon", "Mastodon", "Zulip")));
        assertEquals(null, page.account("Zulip").element().getDomAttribute("draggable"),
                "a sorted list cannot be dragged into another order");
    }

    @Test
    void aRestoreOnAWipedBrowserBringsTheOrderBack() {
        VirtualAuthenticator.add(browser, true);
        page.open();
        page.addLink(ZULIP, false);
        page.addLink(AMAZON, false);
        sortBy().selectByVisibleText("Issuer");
        BackupFlows.createRecoveryAccount(page, "Sorted Sam");
        BackupFlows.closeSettings(page);
        page.waitFor(() -> page.issuers().equals(List.of("Amazon", "Zulip")));

        BackupFlows.wipe(browser, server);
        page.open();
        BackupFlows.beginRecovery(page);
        page.waitFor(() -> page.accounts().size() == 2);
        assertEquals(List.of("Amazon", "Zulip"), page.issuers());
        assertEquals("Issuer", sortBy().getFirstSelectedOption().getText().trim());
    }
}
