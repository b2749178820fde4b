package fob.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fob.e2e.support.BrowserTest;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A copied code leaves the clipboard when it expires, unless something else was copied since. */
class ClipboardTest extends BrowserTest {
    /** A 3-second period, so that a code expires within the test. */
    private static final String LINK = "otpauth://totp/Deno:Mason?secret=4SJHB4GSD43FZBAI7C2HLRJGPQ&issuer=Deno&period=3";

    private String clipboard() {
        return (String) page.asyncJs("var done = arguments[0]; navigator.clipboard.readText().then(done,"
                + " function (e) { done('refused: ' + e); });");
    }

    /**
     * Copies the code just after a period began: a code copied in the last moments of its period is cleared at
     * once, before the test can see it on the clipboard (this machine's clock is the browser's).
     */
    private void copyEarlyInAPeriod() {
        page.waitFor(() -> System.currentTimeMillis() % 3000 < 250);
        page.account("Deno").button("Copy code").click();
    }

    private void allowClipboard() {
        browser.cdp("Browser.grantPermissions", Map.of("origin", server.url().replaceAll("/$", ""),
                "permissions", List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
    }

    @Test
    void anExpiredCodeIsClearedFromTheClipboard() throws Exception {
        allowClipboard();
        page.open();
        page.addLink(LINK, false);
        // Copied just after a period began (see copyEarlyInAPeriod). Even so the code can turn over between the click
        // and the read, so the copied code must be one the page showed meanwhile, not necessarily the last one.
        Set<String> shown = new LinkedHashSet<>();
        page.waitFor(() -> System.currentTimeMillis() % 3000 < 250);
        shown.add(page.account("Deno").code().replace(" ", ""));
        page.account("Deno").button("Copy code").click();
        String copied = page.waitFor(() -> {
            shown.add(page.account("Deno").code().replace(" ", ""));
            String text = clipboard();
            return text.matches("\\d{6}") ? text : null;
        });
        shown.add(page.account("Deno").code().replace(" ", ""));
        assertTrue(shown.contains(copied), "copied " + copied + ", the page showed " + shown);
        page.waitFor(Duration.ofSeconds(8), () -> clipboard().isEmpty());
    }

    @Test
    void whatWasCopiedSinceStaysOnTheClipboard() throws Exception {
        allowClipboard();
        page.open();
        page.addLink(LINK, false);
        copyEarlyInAPeriod();
        page.waitFor(() -> clipboard().matches("\\d{6}"));
        page.asyncJs("var done = arguments[0]; navigator.clipboard.writeText('a note').then(done);");
        // The cleaner has looked at the clipboard once the code expired, and has done all it was going to do.
        page.waitFor(Duration.ofSeconds(8), () -> Boolean.TRUE.equals(page.js(
                "return !!window.fobClipboard && !!window.fobClipboard.settled;")));
        assertEquals("a note", clipboard());
    }
}
