package fob.e2e.support;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The import's steps as a person takes them, for the tests to reuse. */
public final class ImportFlows {
    private ImportFlows() {
    }

    /** Settings, then "Import": returns the dialog "Import". */
    public static WebElement open(FobPage page) {
        WebElement settings = BackupFlows.openSettings(page);
        page.button(settings, "Import").click();
        return page.dialog("Import");
    }

    /** The verdict of each account the preview lists ("Add", "Already in Fob", ...), in order. */
    public static List<String> verdicts(FobPage page, WebElement dialog) {
        WebElement list = page.byRole(dialog, "list", "Accounts to import");
        List<String> verdicts = new ArrayList<>();
        if (!list.isDisplayed()) {
            return verdicts; // a hidden list may still hold the last preview's items
        }
        for (WebElement item : list.findElements(By.tagName("li"))) {
            // The markup's text: WebKitGTK's WebDriver gives "" as the rendered text of these (see AccountItem.issuer).
            verdicts.add(item.findElement(By.className("verdict")).getDomProperty("textContent").trim());
        }
        return verdicts;
    }

    /** Chooses the file in "File to import". */
    public static void choose(FobPage page, WebElement dialog, Path file) {
        page.byRole(dialog, "file", "File to import").sendKeys(file.toString());
    }

    /** Chooses an encrypted file, then "Preview", its password and "Preview" again, as a person opens one. */
    public static void previewWithPassword(FobPage page, WebElement dialog, Path file, String password) {
        choose(page, dialog, file);
        page.button(dialog, "Preview").click();
        page.fill(dialog, "password", "Password", password);
        page.button(dialog, "Preview").click();
    }
}
