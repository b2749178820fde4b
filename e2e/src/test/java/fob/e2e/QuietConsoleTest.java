package fob.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fob.e2e.support.BackupFlows;
import fob.e2e.support.BrowserTest;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Issue 17: the page logs no error and no warning on its main screens, signed out: not even a failed request
 * (unlike {@link BrowserTest#consoleProblems}, which lets the API's answers through).
 */
class QuietConsoleTest extends BrowserTest {
    private List<String> errorsAndWarnings() {
        return browser.consoleMessages().stream()
                .filter(m -> m.startsWith("SEVERE") || m.startsWith("WARNING"))
                .collect(Collectors.toList());
    }

    /** Waits until the page's question to the server (signed in?) has its answer. */
    private void sessionAsked() {
        page.waitFor(() -> Boolean.TRUE.equals(page.js("return performance.getEntriesByType('resource').some("
                + "function (r) { return r.name === location.origin + '/api/session' && r.responseEnd > 0; });")));
    }

    private void openAndClose(String button, String dialog, String close) {
        page.button(button).click();
        page.dialog(dialog);
        page.button(page.dialog(dialog), close).click();
        page.waitFor(() -> !page.isPresent(page.driver(), "dialog", dialog));
    }

    @Test
    void theEmptyPageTheListSettingsAndTheDialogsLogNothingWrong() {
        page.open();
        // The page has asked the server whether it is signed in (the answer: no).
        sessionAsked();
        assertEquals(List.of(), errorsAndWarnings(), "the empty page");

        page.addLink(BackupRecoveryTest.DENO, false);
        page.addLink(BackupRecoveryTest.WWE, false);
        page.button("Not now").click();
        openAndClose("Add account", "Add account", "Cancel");
        openAndClose("New group", "New group", "Cancel");
        page.account("WWE").button("More actions").click();
        page.byRole("menu", "More actions");
        page.driver().switchTo().activeElement().sendKeys(org.openqa.selenium.Keys.ESCAPE);
        page.account("Deno").button("Edit").click();
        page.button(page.dialog("Edit account"), "Choose icon").click();
        page.waitFor(() -> page.driver().findElement(org.openqa.selenium.By.id("icon-count")).getText()
                .contains("icons match"));
        page.button(page.dialog("Choose icon"), "Cancel").click();
        page.button(page.dialog("Edit account"), "Cancel").click();
        assertEquals(List.of(), errorsAndWarnings(), "the list and its dialogs");

        BackupFlows.openSettings(page);
        page.button(page.dialog("Settings"), "Recently deleted").click();
        page.button(page.dialog("Recently deleted"), "Close").click();
        page.button(BackupFlows.openSettings(page), "Import").click();
        page.button(page.dialog("Import"), "Cancel").click();
        page.button(BackupFlows.openSettings(page), "Export").click();
        page.button(page.dialog("Export"), "Close").click();
        BackupFlows.closeSettings(page);
        page.reload();
        sessionAsked();
        assertEquals(List.of(), errorsAndWarnings(), "Settings and its dialogs, and a reload");
    }
}
