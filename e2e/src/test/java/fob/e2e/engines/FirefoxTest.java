package fob.e2e.engines;

import static org.junit.jupiter.api.Assertions.assertFalse;

import fob.e2e.support.BackupFlows;
import fob.e2e.support.Engine;
import fob.e2e.support.FirefoxEsr;
import fob.e2e.support.FobPage;
import fob.e2e.support.LockFlows;
import fob.link.OtpAuthLink;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

/**
 * The paths in Debian's Firefox ESR, and the passkey paths, which its driver can run: Marionette offers WebDriver's
 * virtual authenticator, with PRF.
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
    @Override
    protected String storageKept() {
        return "Not promised";
    }

    @Test
    void cloudBackupWithAPasskeyAndBeginRecoveryInAnotherProfile() throws Exception {
        firefox().addVirtualAuthenticator();
        page.open();
        page.addLink(DENO, false);
        String code = BackupFlows.createRecoveryAccount(page, "Mason");

        try (FirefoxEsr other = FirefoxEsr.start()) {
            other.addVirtualAuthenticator();
            other.addPasskey(firefox().passkeys().get(0));
            FobPage second = new FobPage(other.driver(), server.url()).open();
            WebElement dialog = BackupFlows.beginRecovery(second);
            System.out.println("DEBUG recovery: " + second.waitFor(Duration.ofSeconds(30), () -> {
                String text = (String) second.js("return document.body.innerText;");
                return text.contains("Recovery code") || BackupFlows.status(second).startsWith("Backup up to date")
                        ? text : null;
            }));
            second.fill(dialog, "textbox", "Recovery code", code);
            second.button(dialog, "Restore").click();
            BackupFlows.waitForStatus(second, "Backup up to date");
            second.account("Deno").assertShowsCodeOf(OtpAuthLink.parse(DENO).parameters());
        }
    }

    @Test
    void theAppLockWithAPasskey() throws Exception {
        firefox().addVirtualAuthenticator();
        page.open();
        page.addLink(DENO, false);
        page.button("Set up App lock").click();
        page.button(page.dialog("Settings"), "Lock with passkey").click();
        page.waitFor(Duration.ofSeconds(30), () -> page.toast().equals("Fob now locks with your passkey."));

        engine.driver().navigate().refresh();
        LockFlows.waitUntilLocked(page);
        assertFalse(page.js("return document.documentElement.outerHTML;").toString().contains("Deno"),
                "nothing of the vault is in the page");
        page.button("Unlock").click();
        page.waitFor(Duration.ofSeconds(30), () -> page.button("Add account").isEnabled());
        page.account("Deno").assertShowsCodeOf(OtpAuthLink.parse(DENO).parameters());
    }
}
