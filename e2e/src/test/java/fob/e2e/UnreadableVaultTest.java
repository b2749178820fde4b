package fob.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fob.e2e.support.AccountItem;
import fob.e2e.support.BackupFlows;
import fob.e2e.support.BrowserTest;
import fob.e2e.support.FobPage;
import fob.e2e.support.StoredVaultProbe;
import fob.e2e.support.VirtualAuthenticator;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;

/**
 * A stored vault that cannot be opened (issue 16): nothing writes over it, neither a save nor another tab nor a
 * restore; the page says so and offers "Begin recovery" and "Start a new vault", both of which keep it aside.
 */
class UnreadableVaultTest extends BrowserTest {
    private static final String DENO = "otpauth://totp/Deno:Mason?secret=4SJHB4GSD43FZBAI7C2HLRJGPQ&issuer=Deno";
    private static final String SPDX =
            "otpauth://totp/SPDX:James?secret=5OM4WOOGPLQEF6UGN3CPEOOLWU&issuer=SPDX&algorithm=SHA256&digits=7&period=20";
    private static final String THIRD = "otpauth://totp/Third:x?secret=JBSWY3DPEHPK3PXP&issuer=Third";

    private static List<String> issuers(FobPage tab) {
        return tab.accounts().stream().map(AccountItem::issuer).collect(Collectors.toList());
    }

    /** Deno and SPDX stored, then the device key replaced: returns the unreadable record, every byte. */
    private String breakTheVault(FobPage tab) {
        tab.addLink(DENO, false);
        tab.addLink(SPDX, false);
        StoredVaultProbe probe = new StoredVaultProbe(tab);
        probe.replaceDeviceKeyAsIssue16Did();
        return probe.vaultRecord();
    }

    private void assertUnreadablePanel(FobPage tab) {
        String reason = tab.waitFor(() -> tab.alerts().stream()
                .filter(a -> a.startsWith("Fob's vault in this browser cannot be opened")).findFirst().orElse(null));
        assertTrue(reason.contains("Nothing was changed, and Fob will not write over it"), reason);
        assertFalse(tab.button("Add account").isEnabled(), "nothing can be added to a vault that cannot be opened");
        assertFalse(tab.button("Settings").isEnabled());
        assertTrue(tab.button("Begin recovery").isDisplayed());
        assertTrue(tab.button("Start a new vault").isDisplayed());
    }

    @Test
    void anUnreadableVaultIsExplainedAndNothingWritesOverIt() throws Exception {
        page.open();
        String first = browser.driver().getWindowHandle();
        browser.driver().switchTo().newWindow(WindowType.TAB);
        FobPage running = new FobPage(browser.driver(), server.url()).open();
        String runningTab = browser.driver().getWindowHandle();
        browser.driver().switchTo().window(first);
        String unreadable = breakTheVault(page);

        // A tab that was running before: its next save finds the vault changed, cannot open it, and refuses.
        browser.driver().switchTo().window(runningTab);
        running.waitFor(() -> running.accounts().size() == 2);
        running.button("Add account").click();
        WebElement dialog = running.dialog("Add account");
        WebElement link = running.byRole(dialog, "textbox", "otpauth link");
        link.sendKeys(THIRD);
        running.button(dialog, "Add from link").click();
        running.waitFor(() -> running.errorFor(link).contains("cannot be opened"));
        running.button(dialog, "Cancel").click();
        assertUnreadablePanel(running);
        assertEquals(List.of("Deno", "SPDX"), issuers(running), "the tab still shows what it had read");
        assertEquals(unreadable, new StoredVaultProbe(running).vaultRecord());

        // A new tab: the panel, no list, and a reload writes nothing either.
        browser.driver().switchTo().newWindow(WindowType.TAB);
        FobPage fresh = new FobPage(browser.driver(), server.url()).open();
        assertUnreadablePanel(fresh);
        assertEquals(List.of(), issuers(fresh));
        assertFalse(fresh.isPresent(fresh.driver(), "button", "Add account") && fresh.button("Add account").isEnabled());
        fresh.reload();
        assertUnreadablePanel(fresh);
        assertEquals(unreadable, new StoredVaultProbe(fresh).vaultRecord(), "the unreadable record is untouched");
        assertEquals(List.of(), consoleProblems());
    }

    @Test
    void aRecordThatLacksAFieldIsExplainedLikeAnyUnreadableOne() throws Exception {
        page.open();
        page.addLink(DENO, false);
        StoredVaultProbe probe = new StoredVaultProbe(page);
        probe.removeVaultField("wrappedKey");
        String damaged = probe.vaultRecord();

        page.reload();

        assertUnreadablePanel(page);
        assertTrue(page.alerts().stream().anyMatch(a -> a.contains("the key this browser keeps for it does not open it")),
                String.valueOf(page.alerts()));
        assertEquals(damaged, probe.vaultRecord(), "nothing was written over the record");
    }

    @Test
    void startANewVaultAfterTypingTheConfirmationKeepsTheUnreadableOneAside() throws Exception {
        page.open();
        String unreadable = breakTheVault(page);
        page.reload();
        assertUnreadablePanel(page);

        page.button("Start a new vault").click();
        WebElement dialog = page.dialog("Start a new vault?");
        WebElement confirmation = page.byRole(dialog, "textbox", "Type \"new vault\" to confirm");
        confirmation.sendKeys("new");
        page.button(dialog, "Start a new vault").click();
        page.waitFor(() -> page.errorFor(confirmation).contains("Nothing was changed"));
        assertEquals(unreadable, new StoredVaultProbe(page).vaultRecord());

        confirmation.sendKeys(" vault");
        page.button(dialog, "Start a new vault").click();
        page.waitFor(() -> page.button("Add account").isEnabled());
        assertEquals(List.of(), page.alerts());
        assertEquals(List.of(), issuers(page), "a tab that never opened the vault starts an empty one");
        assertEquals(List.of(unreadable), new StoredVaultProbe(page).setAsideVaultRecords(),
                "the unreadable record is kept aside, with its device key");
        page.addLink(THIRD, false);
        page.reload();
        assertEquals(List.of("Third"), issuers(page));
    }

    /** A tab that had read the vault before it broke still shows its accounts: they go into the new vault. */
    @Test
    void aTabThatStillShowsTheAccountsStartsTheNewVaultWithThem() throws Exception {
        page.open();
        String first = browser.driver().getWindowHandle();
        browser.driver().switchTo().newWindow(WindowType.TAB);
        FobPage other = new FobPage(browser.driver(), server.url()).open();
        String otherTab = browser.driver().getWindowHandle();
        browser.driver().switchTo().window(first);
        page.addLink(DENO, false);
        page.addLink(SPDX, false);
        browser.driver().switchTo().window(otherTab);
        other.waitFor(() -> other.accounts().size() == 2);
        browser.driver().switchTo().window(first);
        String unreadable = new StoredVaultProbe(page).vaultRecord();
        new StoredVaultProbe(page).replaceDeviceKeyAsIssue16Did();
        String broken = new StoredVaultProbe(page).vaultRecord();
        page.reload();
        assertUnreadablePanel(page);

        browser.driver().switchTo().window(otherTab);
        other.button("Add account").click();
        WebElement dialog = other.dialog("Add account");
        WebElement link = other.byRole(dialog, "textbox", "otpauth link");
        link.sendKeys(THIRD);
        other.button(dialog, "Add from link").click();
        other.waitFor(() -> other.errorFor(link).contains("cannot be opened"));
        other.button(dialog, "Cancel").click();
        assertUnreadablePanel(other);
        other.button("Start a new vault").click();
        WebElement confirm = other.dialog("Start a new vault?");
        assertTrue(confirm.getText().contains("starts with the 2 accounts this tab still shows"), confirm.getText());
        other.byRole(confirm, "textbox", "Type \"new vault\" to confirm").sendKeys("new vault");
        other.button(confirm, "Start a new vault").click();
        other.waitFor(() -> other.button("Add account").isEnabled());
        assertEquals(List.of("Deno", "SPDX"), issuers(other));
        assertNotNull(unreadable);
        assertEquals(List.of(broken), new StoredVaultProbe(other).setAsideVaultRecords());

        // The tab that showed the panel follows: it now opens the new vault.
        browser.driver().switchTo().window(first);
        page.waitFor(() -> page.button("Add account").isEnabled());
        assertEquals(List.of("Deno", "SPDX"), issuers(page));
    }

    /** "Begin recovery" from the panel restores Cloud backup into a new vault; the unreadable one stays aside. */
    @Test
    void beginRecoveryRestoresIntoANewVaultAndKeepsTheUnreadableOneAside() throws Exception {
        VirtualAuthenticator.add(browser, true);
        page.open();
        page.addLink(THIRD, false);
        page.addLink(DENO, false);
        page.addLink(SPDX, false);
        BackupFlows.createRecoveryAccount(page, "Ann");
        BackupFlows.closeSettings(page);
        StoredVaultProbe probe = new StoredVaultProbe(page);
        probe.replaceDeviceKeyAsIssue16Did();
        String unreadable = probe.vaultRecord();
        page.reload();
        assertUnreadablePanel(page);

        page.button("Begin recovery").click();
        WebElement dialog = page.dialog("Recover accounts");
        page.button(dialog, "Sign in with passkey").click();
        page.waitFor(() -> page.button("Add account").isEnabled());
        assertEquals(List.of("Third", "Deno", "SPDX"), issuers(page), "the backup's accounts, in its order");
        assertEquals(List.of(unreadable), new StoredVaultProbe(page).setAsideVaultRecords());
        BackupFlows.waitForStatus(page, "Backup up to date");
        page.reload();
        assertEquals(List.of("Third", "Deno", "SPDX"), issuers(page));
        assertEquals(List.of(), page.alerts());
    }
}
