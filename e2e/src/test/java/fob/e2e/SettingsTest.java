package fob.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fob.e2e.support.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WindowType;

/** Settings kept in the vault. */
class SettingsTest extends BrowserTest {
    private String shownCode() {
        return (String) page.js("return document.querySelector('#accounts .code').textContent;");
    }

    private boolean hidden() {
        return Boolean.TRUE.equals(page.js("return document.hidden;"));
    }

    @Test
    void codesCanBeHiddenWhileFobIsInTheBackground() throws Exception {
        page.open();
        page.addLink("otpauth://totp/Deno:Mason?secret=4SJHB4GSD43FZBAI7C2HLRJGPQ&issuer=Deno", false);
        page.button("Settings").click();
        page.byRole(page.dialog("Settings"), "switch", "Hide codes while Fob is in the background").click();
        page.button(page.dialog("Settings"), "Close").click();
        page.reload();

        // The hidden tab notes what it shows where another tab of the same origin can read it.
        page.js("document.addEventListener('visibilitychange', function () { setTimeout(function () {"
                + " localStorage.setItem('seen', document.hidden + ' ' + document.querySelector('#accounts .code')"
                + ".textContent); }, 200); });");
        String fob = browser.driver().getWindowHandle();
        browser.driver().switchTo().newWindow(WindowType.TAB);
        browser.driver().get(server.url() + "healthz");
        page.waitFor(() -> page.js("return localStorage.getItem('seen');") != null);
        assertEquals("true ••• •••", page.js("return localStorage.getItem('seen');"));

        browser.driver().close();
        browser.driver().switchTo().window(fob);
        browser.cdp("Page.bringToFront", java.util.Map.of());
        page.waitFor(() -> !hidden());
        page.waitFor(() -> shownCode().matches("\\d{3} \\d{3}"));
    }
}
