package fob.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fob.codec.Base32;
import fob.e2e.support.BrowserTest;
import fob.e2e.support.Chromium;
import fob.e2e.support.FobPage;
import fob.otp.HashAlgorithm;
import fob.otp.Hotp;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;

/** The vault in the browser's storage: it survives restarts, and a failed write changes nothing. */
class StorageTest extends BrowserTest {
    private static final String DENO = "otpauth://totp/Deno:Mason?secret=4SJHB4GSD43FZBAI7C2HLRJGPQ&issuer=Deno";
    private static final String SPDX =
            "otpauth://totp/SPDX:James?secret=5OM4WOOGPLQEF6UGN3CPEOOLWU&issuer=SPDX&algorithm=SHA256&digits=7&period=20";

    private List<String> issuers() {
        return page.accounts().stream().map(a -> a.issuer()).collect(Collectors.toList());
    }

    @Test
    void theVaultSurvivesABrowserRestart() throws Exception {
        page.open();
        page.addLink(DENO, false);
        page.addLink(SPDX, true);
        browser = browser.restart();
        page = new FobPage(browser.driver(), server.url()).open();
        assertEquals(List.of("Deno", "SPDX"), issuers());
        assertTrue(page.account("SPDX").text().contains("Work or school"));
    }

    /**
     * A full disk, for real: Chromium enforces a storage quota when a database is first written, so with the
     * origin's quota cut to one byte the first save fails.
     */
    @Test
    void aFullDiskIsExplainedAndNothingIsHalfSaved() throws Exception {
        String origin = server.url().replaceAll("/$", "");
        Map<String, Object> quota = new HashMap<>();
        quota.put("origin", origin);
        quota.put("quotaSize", 1);
        browser.cdp("Storage.overrideQuotaForOrigin", quota);
        page.open();
        WebElement link = startAdding(DENO);
        page.waitFor(() -> page.errorFor(link).contains("no room left"));
        page.button(page.dialog("Add account"), "Cancel").click();
        assertEquals(List.of(), issuers());
        page.reload();
        assertEquals(List.of(), issuers());

        browser.cdp("Storage.overrideQuotaForOrigin", Map.of("origin", origin));
        page.addLink(DENO, false);
        page.reload();
        assertEquals(List.of("Deno"), issuers());
    }

    /**
     * A write refused by the disk once the database exists. Chromium enforces no quota there (measured: writes
     * to an existing database succeed under a one-byte quota), so the test makes IndexedDB's put refuse as a
     * full disk does. The page must say so and keep showing, and keep storing, the vault as it was.
     */
    @Test
    void aWriteThatFailsLeavesTheVaultAsItWas() throws Exception {
        page.open();
        page.addLink(DENO, false);
        page.js("IDBObjectStore.prototype.put = function () {"
                + " throw new DOMException('The disk is full', 'QuotaExceededError'); };");

        WebElement link = startAdding(SPDX);
        page.waitFor(() -> page.errorFor(link).contains("no room left"));
        page.button(page.dialog("Add account"), "Cancel").click();
        assertEquals(List.of("Deno"), issuers(), "the page shows only what was saved");

        page.account("Deno").button("Delete").click();
        page.button(page.dialog("Delete account?"), "Delete").click();
        page.waitFor(() -> page.toast().contains("no room left"));
        assertEquals(List.of("Deno"), issuers());

        page.reload();
        assertEquals(List.of("Deno"), issuers(), "the stored vault is the one before the failed writes");
        page.addLink(SPDX, false);
        page.reload();
        assertEquals(List.of("Deno", "SPDX"), issuers());
    }

    /**
     * The page reads its vault with the browser's JSON.parse (BrowserJson): names with quotes, backslashes and
     * characters outside the BMP, and the largest counter a vault holds, come back exactly after a reload.
     */
    @Test
    void whatTheVaultHoldsComesBackExactly() throws Exception {
        page.open();
        String issuer = "Caf\u00e9 \"Quoted\" \\ \u2713 \ud83d\udd11";
        String name = "m\u00fcller@example.com";
        page.addLink("otpauth://hotp/" + encode(issuer) + ":" + encode(name) + "?secret=4SJHB4GSD43FZBAI7C2HLRJGPQ"
                + "&issuer=" + encode(issuer) + "&counter=9007199254740991", false);
        String expected = Hotp.code(HashAlgorithm.SHA1, Base32.decode(
                "4SJHB4GSD43FZBAI7C2HLRJGPQ"), 9_007_199_254_740_991L, 6);
        assertEquals(expected, page.account(issuer).code().replace(" ", ""));
        page.reload();
        assertEquals(List.of(), page.alerts());
        assertEquals(List.of(issuer), issuers());
        assertEquals(name, page.account(issuer).name());
        assertEquals(expected, page.account(issuer).code().replace(" ", ""));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /**
     * The tab is closed while its vault write is still open: the write's transaction is held open (a chain of
     * requests on it) and the tab closed from the browser. The next tab must read the vault as it was.
     */
    @Test
    void aTabClosedInTheMiddleOfAWriteLeavesTheVaultReadable() throws Exception {
        page.open();
        page.addLink(DENO, false);
        page.js("var put = IDBObjectStore.prototype.put; IDBObjectStore.prototype.put = function () {"
                + " var store = this, request = put.apply(this, arguments); window.fobWriting = true;"
                + " var hold = function () { store.count().onsuccess = hold; }; hold(); return request; };");
        startAdding(SPDX);
        page.waitFor(() -> Boolean.TRUE.equals(page.js("return window.fobWriting === true;")));

        String closing = browser.driver().getWindowHandle();
        browser.driver().switchTo().newWindow(WindowType.TAB);
        String next = browser.driver().getWindowHandle();
        browser.driver().switchTo().window(closing).close();
        browser.driver().switchTo().window(next);

        page.open();
        assertEquals(List.of(), page.alerts(), "the vault reads without a problem");
        assertEquals(List.of("Deno"), issuers(), "the write that never finished left the vault as it was");
        page.addLink(SPDX, false);
        page.reload();
        assertEquals(List.of("Deno", "SPDX"), issuers());
    }

    private WebElement startAdding(String linkText) {
        page.button("Add account").click();
        WebElement dialog = page.dialog("Add account");
        WebElement link = page.byRole(dialog, "textbox", "otpauth link");
        link.sendKeys(linkText);
        page.button(dialog, "Add from link").click();
        return link;
    }

    @Test
    void twoTabsSeeEachOthersChangesAndLoseNone() throws Exception {
        page.open();
        page.addLink(DENO, false);
        String first = browser.driver().getWindowHandle();
        browser.driver().switchTo().newWindow(org.openqa.selenium.WindowType.TAB);
        FobPage second = new FobPage(browser.driver(), server.url()).open();
        second.addLink(SPDX, false);

        browser.driver().switchTo().window(first);
        page.waitFor(() -> page.accounts().size() == 2);
        page.addLink("otpauth://totp/Third:x?secret=JBSWY3DPEHPK3PXP", false);
        page.reload();
        assertEquals(List.of("Deno", "SPDX", "Third"), issuers());
    }

    /**
     * Issue 16: two tabs on a browser that has never opened Fob, the first account added in one and the second
     * in the other. Each tab had made a device key of its own; the second tab's first save used to write its
     * key over the one that wraps the stored vault key, and every account was lost.
     */
    @Test
    void twoTabsOnANewBrowserKeepEveryAccount() throws Exception {
        page.open();
        String first = browser.driver().getWindowHandle();
        browser.driver().switchTo().newWindow(WindowType.TAB);
        FobPage second = new FobPage(browser.driver(), server.url()).open();
        String secondTab = browser.driver().getWindowHandle();

        browser.driver().switchTo().window(first);
        page.addLink(DENO, false);
        browser.driver().switchTo().window(secondTab);
        second.waitFor(() -> second.accounts().size() == 1);
        second.addLink(SPDX, false);

        browser.driver().switchTo().newWindow(WindowType.TAB);
        FobPage third = new FobPage(browser.driver(), server.url()).open();
        assertEquals(List.of(), third.alerts(), "a new tab reads the vault");
        assertEquals(List.of("Deno", "SPDX"), third.accounts().stream().map(a -> a.issuer())
                .collect(Collectors.toList()));
    }
}
