package fob.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fob.e2e.support.AccountItem;
import fob.e2e.support.BackupFlows;
import fob.e2e.support.BrowserTest;
import fob.e2e.support.FobPage;
import fob.e2e.support.LockFlows;
import fob.e2e.support.StoredVaultProbe;
import fob.e2e.support.VirtualAuthenticator;
import fob.link.OtpAuthLink;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;

/**
 * App lock (issue 13): with a password or a passkey, a locked page shows nothing of the vault and the stored record
 * does not open with the device key alone; a wrong password changes nothing; idle time and "Lock now" lock every
 * tab; "Reset Fob" and Begin recovery bring the accounts back.
 */
class AppLockTest extends BrowserTest {
    private static final String DENO = "otpauth://totp/Deno:Mason?secret=4SJHB4GSD43FZBAI7C2HLRJGPQ&issuer=Deno";
    private static final String SPDX =
            "otpauth://totp/SPDX:James?secret=5OM4WOOGPLQEF6UGN3CPEOOLWU&issuer=SPDX&algorithm=SHA256&digits=7&period=20";
    private static final String PASSWORD = "a lock password for tests";
    /** Any run of digits as Fob shows codes ("123 456", "1234 567"). */
    private static final Pattern CODE = Pattern.compile("\\d{3,4} ?\\d{3}");

    private static List<String> issuers(FobPage tab) {
        return tab.accounts().stream().map(AccountItem::issuer).collect(Collectors.toList());
    }

    /** What the page holds, text and markup: none of it may name an account or show a code while locked. */
    private static void assertShowsNothingOfTheVault(FobPage tab) {
        String text = (String) tab.js("return document.body.innerText;");
        String markup = (String) tab.js("return document.documentElement.outerHTML;");
        for (String secret : new String[] {"Deno", "Mason", "SPDX", "James"}) {
            assertFalse(text.contains(secret) || markup.contains(secret), secret + " shows on the lock screen");
        }
        assertFalse(CODE.matcher(text).find(), "a code shows on the lock screen: " + text);
        assertEquals(0L, tab.js("return document.querySelectorAll('#accounts > li').length;"),
                "the list holds no item, so not even the count of accounts shows");
    }

    @Test
    void aPasswordLockShowsNothingUntilTheRightPasswordAndTheRecordNeedsIt() throws Exception {
        page.open();
        page.addLink(DENO, false);
        page.addLink(SPDX, false);
        StoredVaultProbe probe = new StoredVaultProbe(page);
        assertEquals(List.of("wrappedKey"), probe.fieldsTheDeviceKeyAloneOpens(),
                "without a lock, the device key opens the wrapped vault key (the probe works)");

        WebElement settings = LockFlows.setPassword(page, PASSWORD);
        assertTrue(page.byRole(settings, "switch", "App lock").isSelected());
        assertEquals(List.of(), probe.fieldsTheDeviceKeyAloneOpens(),
                "with a lock, nothing in the record opens with the device key alone");
        String record = probe.vaultRecord();
        assertTrue(record.contains("\"format\":2") && !record.contains("wrappedKey\":["), record);

        page.driver().navigate().refresh();
        LockFlows.waitUntilLocked(page);
        assertShowsNothingOfTheVault(page);
        assertFalse(page.isPresent(page.driver(), "button", "Unlock"), "no passkey was set");

        LockFlows.unlockWithPassword(page, "not the lock password");
        page.waitFor(Duration.ofSeconds(30), () -> page.alerts().contains(
                "That is not the lock password. Fob stays locked; nothing was changed."));
        assertShowsNothingOfTheVault(page);
        assertEquals(record, probe.vaultRecord(), "a wrong password changes nothing stored");

        LockFlows.unlock(page, PASSWORD);
        assertEquals(List.of("Deno", "SPDX"), issuers(page));
        page.account("Deno").assertShowsCodeOf(OtpAuthLink.parse(DENO).parameters());
        page.account("SPDX").assertShowsCodeOf(OtpAuthLink.parse(SPDX).parameters());

        // A change while unlocked is stored locked too; turning the lock off asks for the password again.
        page.addLink("otpauth://totp/Third:x?secret=JBSWY3DPEHPK3PXP&issuer=Third", false);
        assertEquals(List.of(), probe.fieldsTheDeviceKeyAloneOpens());
        settings = BackupFlows.openSettings(page);
        page.byRole(settings, "switch", "App lock").click();
        WebElement off = page.dialog("Turn off App lock?");
        page.fill(off, "password", "Lock password", "wrong password!");
        page.button(off, "Turn off with password").click();
        page.waitFor(Duration.ofSeconds(30), () -> page.alerts().contains(
                "That is not the lock password. App lock stays on."));
        assertEquals(List.of(), probe.fieldsTheDeviceKeyAloneOpens());
        page.fill(off, "password", "Lock password", PASSWORD);
        page.button(off, "Turn off with password").click();
        page.waitFor(Duration.ofSeconds(30), () -> page.toast().equals("App lock is off."));
        assertFalse(page.byRole(settings, "switch", "App lock").isSelected());
        assertEquals(List.of("wrappedKey"), probe.fieldsTheDeviceKeyAloneOpens());
        page.reload();
        assertEquals(List.of("Deno", "SPDX", "Third"), issuers(page));
    }

    @Test
    void aPasskeyLockUnlocksOfflineWithTheServerStopped() throws Exception {
        VirtualAuthenticator.add(browser, true);
        try (fob.e2e.support.FobServerProcess own = fob.e2e.support.FobServerProcess.start()) {
            FobPage offline = new FobPage(browser.driver(), own.url()).open();
            assertFalse(offline.isPresent(offline.driver(), "button", "Set up App lock"), "offered after an account");
            offline.addLink(DENO, false);
            // The offer after the first account opens Settings at App lock.
            offline.button("Set up App lock").click();
            WebElement settings = offline.dialog("Settings");
            assertTrue(offline.byRole(settings, "switch", "App lock").isSelected());
            offline.button(settings, "Lock with passkey").click();
            offline.waitFor(() -> offline.toast().equals("Fob now locks with your passkey."));
            offline.waitFor(() -> Boolean.TRUE.equals(offline.js("return !!navigator.serviceWorker.controller;")));
            own.stop();

            offline.driver().navigate().refresh();
            LockFlows.waitUntilLocked(offline);
            assertShowsNothingOfTheVault(offline);
            assertFalse(offline.isPresent(offline.driver(), "password", "Lock password"), "no password was set");
            assertEquals(List.of(), new StoredVaultProbe(offline).fieldsTheDeviceKeyAloneOpens());
            offline.button("Unlock").click();
            offline.waitFor(() -> offline.button("Add account").isEnabled());
            offline.account("Deno").assertShowsCodeOf(OtpAuthLink.parse(DENO).parameters());
        }
    }

    @Test
    void idleTimeAndLockNowLockEveryTab() throws Exception {
        page.open();
        page.addLink(DENO, false);
        LockFlows.setPassword(page, PASSWORD);
        BackupFlows.closeSettings(page);
        String first = browser.driver().getWindowHandle();
        browser.driver().switchTo().newWindow(WindowType.TAB);
        FobPage second = new FobPage(browser.driver(), server.url());
        second.driver().get(server.url());
        LockFlows.waitUntilLocked(second);
        LockFlows.unlock(second, PASSWORD);
        String secondTab = browser.driver().getWindowHandle();

        // Idle: the test hook shortens "Lock after" in the first tab; it locks, and so does the second.
        browser.driver().switchTo().window(first);
        page.js("self.fobTestIdleLockMillis = 1500;");
        LockFlows.waitUntilLocked(page);
        assertShowsNothingOfTheVault(page);
        browser.driver().switchTo().window(secondTab);
        LockFlows.waitUntilLocked(second);
        assertShowsNothingOfTheVault(second);

        // "Lock now" in the second tab locks the first.
        LockFlows.unlock(second, PASSWORD);
        browser.driver().switchTo().window(first);
        LockFlows.unlock(page, PASSWORD);
        assertEquals(List.of("Deno"), issuers(page));
        browser.driver().switchTo().window(secondTab);
        second.button("Lock now").click();
        LockFlows.waitUntilLocked(second);
        browser.driver().switchTo().window(first);
        LockFlows.waitUntilLocked(page);
        assertShowsNothingOfTheVault(page);
    }

    @Test
    void resetFobThenBeginRecoveryBringsTheAccountsBack() throws Exception {
        VirtualAuthenticator.add(browser, true);
        page.open();
        page.addLink(DENO, false);
        page.addLink(SPDX, false);
        BackupFlows.createRecoveryAccount(page, "Locked Larry");
        LockFlows.setPassword(page, PASSWORD);
        page.driver().navigate().refresh();
        LockFlows.waitUntilLocked(page);
        assertTrue(((String) page.js("return document.getElementById('lock-backup-status').innerText;"))
                .startsWith("Cloud backup: Locked."));

        page.button("Reset Fob").click();
        WebElement reset = page.dialog("Reset Fob?");
        page.fill(reset, "textbox", "Type \"reset\" to confirm", "rest");
        page.button(reset, "Reset Fob").click();
        page.waitFor(() -> page.errorFor(page.byRole(reset, "textbox", "Type \"reset\" to confirm"))
                .equals("Type \"reset\" to confirm. Nothing was changed."));
        page.fill(reset, "textbox", "Type \"reset\" to confirm", "reset");
        page.button(reset, "Reset Fob").click();

        page.waitUntilReady();
        assertEquals(List.of(), page.accounts());
        BackupFlows.beginRecovery(page);
        page.waitFor(() -> page.accounts().size() == 2);
        assertEquals(List.of("Deno", "SPDX"), issuers(page));
        assertFalse(page.isPresent(page.driver(), "button", "Lock now"), "the lock was this browser's; it is gone");
    }
}
