package fob.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fob.e2e.measure.Seed;
import fob.e2e.support.AccountItem;
import fob.e2e.support.BackupFlows;
import fob.e2e.support.BrowserTest;
import fob.e2e.support.VirtualAuthenticator;
import fob.link.OtpAuthLink;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * 10,000 accounts (issue 13): every one is an item of the list "Accounts", though only rows on screen are worked
 * out, and search finds the last one with its code. Issue 17: they back up, and come back on a wiped browser, on
 * the server's default settings (the backup compressed).
 */
class ManyAccountsTest extends BrowserTest {
    private static final int COUNT = 10_000;

    private long listItems() {
        return (Long) page.js("return document.querySelectorAll('ul[aria-label=\"Accounts\"] > li').length;");
    }

    @Test
    void tenThousandAccountsAreAllListItemsSearchFindsTheLastAndTheyBackUpAndRestore() throws Exception {
        List<String> links = Seed.links(COUNT);
        page.open();
        page.driver().manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        Seed.importLinks(page, links);
        page.reload();
        page.waitFor(Duration.ofSeconds(30), () -> listItems() == COUNT);
        // Only rows on screen carry a code: the others are built but not worked out.
        long withCodes = (Long) page.js("return Array.from(document.querySelectorAll('#accounts .code'))"
                + ".filter(function (c) { return c.textContent !== ''; }).length;");
        org.junit.jupiter.api.Assertions.assertTrue(withCodes > 0 && withCodes < 200, withCodes + " rows have a code");

        WebElement search = page.byRole("searchbox", "Search accounts");
        search.sendKeys("Issuer 9999");
        AccountItem last = page.waitFor(() -> {
            List<AccountItem> shown = page.unhiddenAccounts();
            return shown.size() == 1 ? shown.get(0) : null;
        });
        assertEquals("Issuer 9999", last.issuer());
        last.assertShowsCodeOf(OtpAuthLink.parse(links.get(COUNT - 1)).parameters());
        assertEquals(COUNT, listItems(), "a search hides rows; it removes none");
        search.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);

        VirtualAuthenticator.add(browser, true);
        BackupFlows.createRecoveryAccount(page, "Ten thousand");
        long size = ((Number) page.asyncJs("var done = arguments[0]; fetch('/api/backup').then(function (r) {"
                + " return r.text(); }).then(function (t) { done(t.length); });")).longValue();
        assertTrue(size < 8 << 20, "within the default limit: " + size + " bytes");
        BackupFlows.wipe(browser, server);
        page.open();
        BackupFlows.beginRecovery(page);
        page.waitFor(Duration.ofMinutes(2), () -> listItems() == COUNT);
        page.byRole("searchbox", "Search accounts").sendKeys("Issuer 9999");
        AccountItem restored = page.waitFor(() -> {
            List<AccountItem> shown = page.unhiddenAccounts();
            return shown.size() == 1 ? shown.get(0) : null;
        });
        restored.assertShowsCodeOf(OtpAuthLink.parse(links.get(COUNT - 1)).parameters());
    }
}
