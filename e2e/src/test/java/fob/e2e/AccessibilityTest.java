package fob.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fob.e2e.support.Axe;
import fob.e2e.support.BackupFlows;
import fob.e2e.support.BrowserTest;
import fob.e2e.support.FobPage;
import fob.e2e.support.LockFlows;
import fob.e2e.support.VirtualAuthenticator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

/**
 * Issue 15: axe-core finds no violation on any screen or dialog, unlocked and locked, in the light and the dark
 * colour scheme.
 */
class AccessibilityTest extends BrowserTest {
    private final Map<String, String> found = new LinkedHashMap<>();

    private void audit(String screen) throws Exception {
        String violations = Axe.violations(page);
        if (!violations.isEmpty()) {
            found.put(screen, violations);
        }
    }

    private void closeDialog(String name, String closeButton) {
        page.button(page.dialog(name), closeButton).click();
        page.waitFor(() -> !page.isPresent(page.driver(), "dialog", name));
    }

    @Test
    void inTheLightColourScheme() throws Exception {
        everyScreenAndDialogPassesTheAudit("light");
    }

    @Test
    void inTheDarkColourScheme() throws Exception {
        everyScreenAndDialogPassesTheAudit("dark");
    }

    private void everyScreenAndDialogPassesTheAudit(String scheme) throws Exception {
        // axe evaluates code of its own, which the page's CSP (rightly) forbids.
        browser.cdp("Page.setBypassCSP", Map.of("enabled", true));
        browser.cdp("Emulation.setEmulatedMedia", Map.of("features",
                List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
        VirtualAuthenticator.add(browser, true);
        page.open();
        assertEquals(scheme.equals("dark"), page.js("return matchMedia('(prefers-color-scheme: dark)').matches;"),
                "the page sees the " + scheme + " colour scheme");
        // The audit can fail: a button without a name is found.
        page.js("var b = document.createElement('button'); b.id = 'nameless'; document.querySelector('main')"
                + ".appendChild(b);");
        org.junit.jupiter.api.Assertions.assertTrue(Axe.violations(page).contains("button-name"),
                "axe-core runs and reports");
        page.js("document.getElementById('nameless').remove();");
        audit("the empty list");
        page.button("Begin recovery").click();
        page.dialog("Recover accounts");
        audit("Recover accounts");
        closeDialog("Recover accounts", "Cancel");

        page.addLink(BackupRecoveryTest.DENO, false);
        page.addLink(BackupRecoveryTest.WWE, false);
        page.addLink(BackupRecoveryTest.BOEING, false);
        page.addLink(BackupRecoveryTest.CONTOSO, true);
        audit("the list, with the App lock offer");
        page.button("Not now").click();

        page.button("Add account").click();
        page.dialog("Add account");
        audit("Add account");
        closeDialog("Add account", "Cancel");

        page.button("New group").click();
        page.dialog("New group");
        audit("New group");
        closeDialog("New group", "Cancel");
        assertEquals(page.button("New group"), page.driver().switchTo().activeElement(),
                "focus returns to the button that opened the dialog");
        page.button("New group").sendKeys(org.openqa.selenium.Keys.ENTER);
        page.dialog("New group");
        page.fill(page.dialog("New group"), "textbox", "Group name", "Work");
        page.button(page.dialog("New group"), "Save group").click();
        page.waitFor(() -> !page.isPresent(page.driver(), "dialog", "New group"));
        page.button(page.byRole("list", "Groups"), "Work").click();
        audit("the list, filtered by a group");
        page.button(page.byRole("list", "Groups"), "All").click();

        page.account("Deno").button("More actions").click();
        page.byRole("menu", "More actions");
        audit("a row's menu \"More actions\"");
        page.account("Deno").button("Edit").click();
        page.dialog("Edit account");
        audit("Edit account");
        page.button(page.dialog("Edit account"), "Choose icon").click();
        page.dialog("Choose icon");
        page.waitFor(() -> page.driver().findElement(org.openqa.selenium.By.id("icon-count")).getText()
                .contains("icons match"));
        audit("Choose icon");
        closeDialog("Choose icon", "Cancel");
        closeDialog("Edit account", "Cancel");
        assertEquals(page.account("Deno").button("More actions"), page.driver().switchTo().activeElement(),
                "focus returns to the menu button whose item opened the dialog");

        page.account("Deno").button("Delete").click();
        page.dialog("Delete account?");
        audit("Delete account?");
        page.button(page.dialog("Delete account?"), "Delete").click();
        page.waitFor(() -> page.accounts().size() == 3);

        WebElement settings = BackupFlows.openSettings(page);
        audit("Settings, signed out");
        page.button(settings, "Recently deleted").click();
        page.dialog("Recently deleted");
        audit("Recently deleted");
        closeDialog("Recently deleted", "Close");

        page.button(BackupFlows.openSettings(page), "Import").click();
        page.dialog("Import");
        audit("Import");
        closeDialog("Import", "Cancel");
        page.button(BackupFlows.openSettings(page), "Export").click();
        page.dialog("Export");
        audit("Export");
        closeDialog("Export", "Close");

        page.fill(BackupFlows.openSettings(page), "textbox", "Recovery account name", "Ada");
        page.button(page.dialog("Settings"), "Create recovery account").click();
        page.waitFor(() -> page.dialog("Recovery code"));
        page.waitFor(() -> !page.driver().findElement(org.openqa.selenium.By.id("recovery-code-text")).getText()
                .isEmpty());
        audit("Recovery code");
        page.button(page.dialog("Recovery code"), "I have saved it").click();
        BackupFlows.waitForStatus(page, "Backup up to date");
        audit("Settings, signed in");
        page.button(page.dialog("Settings"), "Backup history").click();
        page.dialog("Backup history");
        audit("Backup history");
        closeDialog("Backup history", "Close");
        page.button(BackupFlows.openSettings(page), "Activity").click();
        page.dialog("Activity");
        audit("Activity");
        closeDialog("Activity", "Close");

        LockFlows.setPasswordWithBackupOn(page, "correct horse battery");
        audit("Settings, with App lock");
        BackupFlows.closeSettings(page);
        page.driver().navigate().refresh();
        LockFlows.waitUntilLocked(page);
        audit("the lock screen");

        List<String> lines = new ArrayList<>();
        found.forEach((screen, violations) -> lines.add(screen + ":\n" + violations));
        assertEquals("", String.join("\n", lines), "axe-core's violations (" + scheme + " colour scheme)");
    }
}
