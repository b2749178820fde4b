package fob.e2e.engines;

import fob.e2e.support.BackupFlows;
import fob.e2e.support.Engine;
import fob.e2e.support.LockFlows;
import fob.e2e.support.WebKitGtk;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The paths in Debian's WebKitGTK, the engine of every browser on iPhone and of Safari on the Mac. The passkey paths
 * cannot run here: WebKitGTK 2.50's MiniBrowser has no {@code PublicKeyCredential}, and its WebKitWebDriver answers
 * the virtual-authenticator commands with "unknown command"; they run in Chromium and Firefox. What runs here instead
 * is what a person meets in a browser without passkeys: the page says so, in words.
 */
class WebKitTest extends EnginePaths {
    @Override
    protected Engine startEngine() throws Exception {
        return WebKitGtk.start();
    }

    /** WebKitGTK 2.50 has no navigator.storage: the page cannot ask, and does not count on it. */
    /** No passkeys here, so no Cloud backup: "Turn on Cloud backup" would lead nowhere. */
    @Override
    protected List<String> waysOut() {
        return List.of("Install Fob", "Export");
    }

    @Override
    protected String storageKept() {
        return "Cannot tell";
    }

    @Test
    void withoutPasskeysThePageSaysSoWhereOneIsNeeded() {
        page.open();
        page.addLink(DENO, false);
        WebElement settings = BackupFlows.openSettings(page);
        page.fill(settings, "textbox", "Recovery account name", "Mason");
        page.button(settings, "Create recovery account").click();
        page.waitFor(() -> shows("This browser cannot use passkeys here"));

        LockFlows.openAppLock(page);
        page.button(settings, "Lock with passkey").click();
        page.waitFor(() -> shows(
                "This browser cannot use passkeys here. Choose a lock password."));
    }

    /** Whether an element on screen says this (by its markup: see AccountItem.issuer on WebKit's rendered text). */
    private boolean shows(String words) {
        return page.driver().findElements(By.xpath("//*[contains(text(), '" + words + "')]")).stream()
                .anyMatch(WebElement::isDisplayed);
    }
}
