package fob.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fob.e2e.support.AccountItem;
import fob.e2e.support.BackupFlows;
import fob.e2e.support.BrowserTest;
import fob.e2e.support.Chromium;
import fob.e2e.support.FobPage;
import fob.e2e.support.VirtualAuthenticator;
import fob.link.OtpAuthLink;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** Backup and recovery through the page, with the real server and virtual passkeys (docs/formats.md, issue 4). */
class BackupRecoveryTest extends BrowserTest {
    static final String DENO = "otpauth://totp/Deno:Mason?secret=4SJHB4GSD43FZBAI7C2HLRJGPQ&issuer=Deno";
    static final String SPDX =
            "otpauth://totp/SPDX:James?secret=5OM4WOOGPLQEF6UGN3CPEOOLWU&issuer=SPDX&algorithm=SHA256&digits=7&period=20";
    static final String WWE = "otpauth://hotp/WWE:Mason?secret=5VAML3X35THCEBVRLV24CGBKOY&issuer=WWE&algorithm=SHA512"
            + "&digits=8&counter=10300";
    static final String BOEING = "otpauth://steam/Boeing:Sophia?secret=JRZCL47CMXVOQMNPZR2F7J4RGI&issuer=Boeing";
    static final String CONTOSO = "otpauth://totp/Contoso:ann@contoso.com?secret=KUVJJOM753IHTNDSZVCNKL7GII&issuer=Contoso";

    private List<String> issuers() {
        List<String> issuers = new ArrayList<>();
        for (AccountItem item : page.accounts()) {
            issuers.add(item.issuer());
        }
        return issuers;
    }

    private void assertCodes(String... links) throws Exception {
        for (String link : links) {
            OtpAuthLink parsed = OtpAuthLink.parse(link);
            page.account(parsed.issuer()).assertShowsCodeOf(parsed.parameters());
        }
    }

    /** (a) Back up, lose the browser's data, recover with the passkey: same accounts, order and codes. */
    @Test
    void recoveryWithThePasskeyBringsEverythingBack() throws Exception {
        VirtualAuthenticator.add(browser, true);
        page.open();
        page.addLink(DENO, false);
        page.addLink(SPDX, false);
        page.addLink(WWE, false);
        page.addLink(BOEING, false);
        page.addLink(CONTOSO, true);
        page.account("WWE").button("Next code").click();
        String wweCode = OtpAuthLink.parse(WWE).parameters().nextCounter().codeAt(0);
        page.waitFor(() -> page.account("WWE").code().equals(wweCode));

        BackupFlows.createRecoveryAccount(page, "Ann");
        BackupFlows.closeSettings(page);
        List<String> order = issuers();

        BackupFlows.wipe(browser, server);
        page.open();
        assertEquals(List.of(), issuers(), "the browser forgot everything");
        WebElement dialog = BackupFlows.beginRecovery(page);
        page.waitFor(() -> page.accounts().size() == 5);
        assertEquals(order, issuers());
        assertCodes(DENO, SPDX, BOEING);
        assertEquals(wweCode, page.account("WWE").code(), "the HOTP counter came back");
        assertTrue(page.toast().contains("Restored 5 accounts"), page.toast());
        assertFalse(dialog.isDisplayed());

        AccountItem contoso = page.account("Contoso");
        assertTrue(contoso.text().contains("Action required"), contoso.text());
        contoso.button("Finish setup").click();
        WebElement finish = page.dialog("Finish setup");
        page.fill(finish, "textbox", "otpauth link", CONTOSO);
        page.button(finish, "Add from link").click();
        page.waitFor(() -> !page.account("Contoso").text().contains("Action required"));
        assertCodes(CONTOSO);
        assertEquals(order, issuers());
        BackupFlows.waitForStatus(page, "Backup up to date");
        assertEquals(List.of(), consoleProblems());
    }

    /** (b) Another browser with the passkey copied (no PRF): the recovery code opens the backup. */
    @Test
    void aPasskeyWithoutPrfRestoresThroughTheRecoveryCode() throws Exception {
        VirtualAuthenticator original = VirtualAuthenticator.add(browser, true);
        page.open();
        page.addLink(DENO, false);
        page.addLink(SPDX, false);
        String code = BackupFlows.createRecoveryAccount(page, "Bo");
        List<Map<String, Object>> credentials = original.credentials();
        assertEquals(1, credentials.size());

        try (Chromium other = Chromium.start()) {
            VirtualAuthenticator.add(other, true).addCredential(credentials.get(0));
            FobPage second = new FobPage(other.driver(), server.url()).open();
            WebElement dialog;
            {
                FobPage saved = page;
                page = second;
                dialog = BackupFlows.beginRecovery(second);
                page = saved;
            }
            WebElement codeField = second.byRole(dialog, "textbox", "Recovery code");
            assertTrue(second.driver().findElement(By.id("recovery-code-why")).getText().contains("recovery code"));

            codeField.sendKeys("0000-0000-0000-0000-0000-0000-0000-0000");
            second.button(dialog, "Restore").click();
            second.waitFor(() -> second.errorFor(codeField).contains("does not open this backup"));
            assertEquals(0, second.accounts().size(), "a wrong code changes nothing");

            codeField.clear();
            codeField.sendKeys(code.toLowerCase().replace("-", " "));
            second.button(dialog, "Restore").click();
            second.waitFor(() -> second.accounts().size() == 2);
            OtpAuthLink.parse(DENO);
            second.account("Deno").assertShowsCodeOf(OtpAuthLink.parse(DENO).parameters());
            second.account("SPDX").assertShowsCodeOf(OtpAuthLink.parse(SPDX).parameters());
        }
    }

    /** (c) Restoring into a browser that has accounts: refused with a reason, then Merge adds what is missing. */
    @Test
    void restoringOverExistingAccountsOffersOnlyMerge() throws Exception {
        VirtualAuthenticator.add(browser, true);
        page.open();
        page.addLink(DENO, false);
        page.addLink(SPDX, false);
        BackupFlows.createRecoveryAccount(page, "Cy");
        BackupFlows.closeSettings(page);

        BackupFlows.wipe(browser, server);
        page.open();
        page.addLink(BOEING, false);
        page.addLink("otpauth://totp/Deno:Mason%20(here)?secret=4SJHB4GSD43FZBAI7C2HLRJGPQ&issuer=Deno", false);
        WebElement settings = BackupFlows.openSettings(page);
        page.button(settings, "Sign in with passkey").click();
        WebElement recovery = page.dialog("Recover accounts");
        String explanation = page.driver().findElement(By.id("recovery-merge-text")).getText();
        assertTrue(explanation.contains("already has 2 accounts"), explanation);
        page.button(recovery, "Cancel").click();
        assertEquals(List.of("Boeing", "Deno"), issuers(), "nothing was replaced");

        // Turning backup on again signs in again and meets the same backup.
        page.byRole(page.dialog("Settings"), "switch", "Cloud backup").click();
        recovery = page.dialog("Recover accounts");
        page.button(recovery, "Merge").click();
        page.waitFor(() -> page.accounts().size() == 3);
        assertEquals(List.of("Boeing", "Deno", "SPDX"), issuers());
        assertEquals("Mason (here)", page.account("Deno").name(), "the local account was not overwritten");
        BackupFlows.waitForStatus(page, "Backup up to date");
    }

    /** (d) A change made offline waits, with the status saying so, and goes up once back online. */
    @Test
    void anEditOfflineIsUploadedBackOnline() throws Exception {
        VirtualAuthenticator.add(browser, true);
        page.open();
        page.addLink(DENO, false);
        BackupFlows.createRecoveryAccount(page, "Dee");
        BackupFlows.closeSettings(page);

        browser.cdp("Network.enable", Map.of());
        browser.cdp("Network.emulateNetworkConditions", Map.of("offline", true, "latency", 0,
                "downloadThroughput", -1, "uploadThroughput", -1));
        page.account("Deno").button("Edit").click();
        WebElement edit = page.dialog("Edit account");
        page.fill(edit, "textbox", "Issuer", "Deno offline");
        page.button(edit, "Save").click();
        BackupFlows.waitForStatus(page, "Backup out of date");
        String detail = (String) page.js("return document.getElementById('backup-detail').textContent;");
        assertTrue(detail.contains("cannot be reached"), detail);
        assertTrue(page.driver().findElement(By.id("settings-button")).getAttribute("class").contains("attention"));

        browser.cdp("Network.emulateNetworkConditions", Map.of("offline", false, "latency", 0,
                "downloadThroughput", -1, "uploadThroughput", -1));
        BackupFlows.waitForStatus(page, "Backup up to date");
        BackupFlows.wipe(browser, server);
        page.open();
        BackupFlows.beginRecovery(page);
        page.waitFor(() -> page.accounts().size() == 1);
        assertEquals("Deno offline", page.accounts().get(0).issuer());
    }

    /** (e) Two browsers on one recovery account write at once: both end with the union. */
    @Test
    void twoDevicesWritingAtOnceBothEndWithEverything() throws Exception {
        VirtualAuthenticator original = VirtualAuthenticator.add(browser, true);
        page.open();
        page.addLink(DENO, false);
        String code = BackupFlows.createRecoveryAccount(page, "Eve");
        BackupFlows.closeSettings(page);

        try (Chromium other = Chromium.start()) {
            VirtualAuthenticator.add(other, true).addCredential(original.credentials().get(0));
            FobPage second = new FobPage(other.driver(), server.url()).open();
            second.button("Begin recovery").click();
            WebElement dialog = second.dialog("Recover accounts");
            second.button(dialog, "Sign in with passkey").click();
            second.fill(dialog, "textbox", "Recovery code", code);
            second.button(dialog, "Restore").click();
            second.waitFor(() -> second.accounts().size() == 1);

            // Both add an account, close together (live sync may bring the first to the second meanwhile).
            page.addLink(SPDX, false);
            second.addLink(BOEING, false);
            BackupFlows.waitForStatus(page, "Backup up to date");
            BackupFlows.waitForStatus(second, "Backup up to date");
            page.reload();
            second.reload();
            page.waitFor(() -> page.accounts().size() == 3);
            second.waitFor(() -> second.accounts().size() == 3);
            List<String> here = issuers();
            List<String> there = new ArrayList<>();
            second.accounts().forEach(item -> there.add(item.issuer()));
            assertEquals(List.of("Boeing", "Deno", "SPDX"), here.stream().sorted().toList());
            assertEquals(List.of("Boeing", "Deno", "SPDX"), there.stream().sorted().toList());
        }
    }

    /** (f) Turning backup off with "Delete backup for all devices" deletes it: a later recovery says there is none. */
    @Test
    void aDeletedBackupIsGone() throws Exception {
        VirtualAuthenticator.add(browser, true);
        page.open();
        page.addLink(DENO, false);
        BackupFlows.createRecoveryAccount(page, "Fay");
        page.byRole(page.dialog("Settings"), "switch", "Cloud backup").click();
        page.button(page.dialog("Turn off Cloud backup?"), "Delete backup for all devices").click();
        WebElement confirm = page.dialog("Delete backup for all devices?");
        assertTrue(confirm.getText().contains("every earlier version of it will be deleted from the server, for every"
                + " device"), confirm.getText());
        page.button(confirm, "Delete backup for all devices").click();
        BackupFlows.waitForStatus(page, "Not backed up");
        assertEquals(List.of("Deno"), issuers(), "the local accounts stay");
        BackupFlows.closeSettings(page);

        BackupFlows.wipe(browser, server);
        page.open();
        WebElement dialog = BackupFlows.beginRecovery(page);
        page.waitFor(() -> page.driver().findElement(By.id("recovery-error")).getText()
                .contains("There is no backup for this recovery account"));
        assertEquals(0, page.accounts().size());
    }

    /** (h) An earlier version restored from the history becomes the newest. */
    @Test
    void anEarlierVersionCanBeRestored() throws Exception {
        VirtualAuthenticator.add(browser, true);
        page.open();
        page.addLink(DENO, false);
        page.addLink(SPDX, false);
        BackupFlows.createRecoveryAccount(page, "Hal");
        BackupFlows.closeSettings(page);
        page.account("SPDX").button("Delete").click();
        page.button(page.dialog("Delete account?"), "Delete").click();
        page.waitFor(() -> page.accounts().size() == 1);
        BackupFlows.waitForStatus(page, "Backup up to date");

        WebElement settings = BackupFlows.openSettings(page);
        page.button(settings, "Backup history").click();
        WebElement history = page.dialog("Backup history");
        WebElement versions = page.byRole(history, "list", "Backup versions");
        page.waitFor(() -> versions.findElements(By.tagName("li")).size() == 2);
        assertTrue(versions.findElements(By.tagName("li")).get(0).getText().contains("(current)"));
        page.button(versions.findElements(By.tagName("li")).get(1), "Restore this version").click();
        page.button(page.dialog("Restore this version?"), "Restore").click();
        page.waitFor(() -> page.accounts().size() == 2);
        assertEquals(List.of("Deno", "SPDX"), issuers());
        BackupFlows.waitForStatus(page, "Backup up to date");

        page.button(settings, "Backup history").click();
        page.waitFor(() -> page.byRole(page.dialog("Backup history"), "list", "Backup versions")
                .findElements(By.tagName("li")).size() == 3);
    }
}
