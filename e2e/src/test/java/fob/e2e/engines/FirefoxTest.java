package fob.e2e.engines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import fob.e2e.support.BackupFlows;
import fob.e2e.support.Engine;
import fob.e2e.support.FirefoxEsr;
import fob.e2e.support.LockFlows;
import fob.link.OtpAuthLink;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

/**
 * The paths in Debian's Firefox ESR, and App lock with a passkey: Marionette offers WebDriver's virtual
 * authenticator, whose passkeys have PRF.
 */
class FirefoxTest extends EnginePaths {
    @Override
    protected Engine startEngine() throws Exception {
        return FirefoxEsr.start();
    }

    private FirefoxEsr firefox() {
        return (FirefoxEsr) engine;
    }

    /** navigator.storage.persisted() is false: Firefox keeps a site's storage only once the person allows it. */
    /** Firefox has passkeys, so Cloud backup is a way out. */
    @Override
    protected List<String> waysOut() {
        return List.of("Turn on Cloud backup", "Install Fob", "Export");
    }

    @Override
    protected String storageKept() {
        return "Not promised";
    }

    /**
     * Cloud backup and Begin recovery cannot run here: Firefox ESR 153's virtual authenticator answers a sign-in that
     * asks for PRF with authenticator data that carries the hmac-secret extension's output but not the flag that
     * says extension data follows (ED, 0x80), which webauthn4j rightly refuses to parse. (Registration passes; the
     * sign-in for PRF that follows it does not.) They run in Chromium. What runs here is what a person meets when a
     * passkey's answer is refused: the page says why, in words, and nothing changes.
     */
    @Test
    void aPasskeyAnswerTheServerRefusesLeavesBackupOffAndSaysWhy() throws Exception {
        firefox().addVirtualAuthenticator();
        page.open();
        page.addLink(DENO, false);
        WebElement settings = BackupFlows.openSettings(page);
        page.fill(settings, "textbox", "Recovery account name", "Mason");
        page.button(settings, "Create recovery account").click();
        page.waitFor(() -> page.describe().contains("Cloud backup was not turned on. The passkey response is"
                + " malformed: it does not parse as a sign-in"));
        assertFalse(page.byRole(settings, "switch", "Cloud backup").isSelected(), "backup stays off");
        page.reload();
        page.account("Deno").assertShowsCodeOf(OtpAuthLink.parse(DENO).parameters());
        assertEquals(1, page.accounts().size());
    }

    @Test
    void theAppLockWithAPasskey() throws Exception {
        firefox().addVirtualAuthenticator();
        page.open();
        page.addLink(DENO, false);
        page.button("Set up App lock").click();
        page.button(page.dialog("Settings"), "Lock with passkey").click();
        page.waitFor(() -> page.toast().equals("Fob now locks with your passkey."));

        engine.driver().navigate().refresh();
        LockFlows.waitUntilLocked(page);
        assertFalse(page.js("return document.documentElement.outerHTML;").toString().contains("Deno"),
                "nothing of the vault is in the page");
        page.button("Unlock").click();
        page.waitFor(() -> page.button("Add account").isEnabled());
        page.account("Deno").assertShowsCodeOf(OtpAuthLink.parse(DENO).parameters());
    }
}
