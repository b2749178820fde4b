package fob.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fob.e2e.support.AccountItem;
import fob.e2e.support.BrowserTest;
import fob.e2e.support.Fixtures;
import fob.link.OtpAuthLink;
import fob.otp.OtpParameters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

class AccountsTest extends BrowserTest {
    private List<String> addFixtureAccounts() throws Exception {
        page.open();
        List<String> links = Fixtures.accountLinks();
        for (String link : links) {
            page.addLink(link, false);
        }
        return links;
    }

    @Test
    void theEightFixtureAccountsShowTheJvmsCodesAndSurviveAReload() throws Exception {
        List<String> links = addFixtureAccounts();
        List<AccountItem> items = page.accounts();
        assertEquals(8, items.size());
        List<String> order = new ArrayList<>();
        for (int i = 0; i < links.size(); i++) {
            OtpAuthLink link = OtpAuthLink.parse(links.get(i));
            AccountItem item = items.get(i);
            assertEquals(link.issuer(), item.issuer());
            assertEquals(link.name(), item.name());
            item.assertShowsCodeOf(link.parameters());
            order.add(item.issuer());
        }

        page.reload();
        List<String> after = new ArrayList<>();
        for (AccountItem item : page.accounts()) {
            after.add(item.issuer());
        }
        assertEquals(order, after);
        for (int i = 0; i < links.size(); i++) {
            page.accounts().get(i).assertShowsCodeOf(OtpAuthLink.parse(links.get(i)).parameters());
        }
        assertEquals(List.of(), consoleProblems());
    }

    @Test
    void nextCodeAdvancesAnHotpCounterAndKeepsIt() throws Exception {
        page.open();
        OtpAuthLink wwe = OtpAuthLink.parse(
                "otpauth://hotp/WWE:Mason?secret=5VAML3X35THCEBVRLV24CGBKOY&issuer=WWE&algorithm=SHA512&digits=8&counter=10300");
        page.addLink(wwe.format(), false);
        AccountItem item = page.account("WWE");
        assertEquals(wwe.parameters().codeAt(0), item.code());
        assertFalse(item.hasButton("Copy code") && !item.hasButton("Next code"), "HOTP accounts have Next code");

        item.button("Next code").click();
        String next = wwe.parameters().nextCounter().codeAt(0);
        page.waitFor(() -> page.account("WWE").code().equals(next));
        page.account("WWE").button("Next code").click();
        String third = wwe.parameters().nextCounter().nextCounter().codeAt(0);
        page.waitFor(() -> page.account("WWE").code().equals(third));

        page.reload();
        assertEquals(third, page.account("WWE").code(), "the counter was saved");
        page.account("WWE").button("Edit").click();
        assertEquals("10302", page.byRole(page.dialog("Edit account"), "textbox", "Counter").getAttribute("value"));
    }

    @Test
    void editDeleteAndReorderAreSaved() throws Exception {
        addFixtureAccounts();
        // Edit: a new issuer and note; the codes stay.
        page.account("SPDX").button("Edit").click();
        WebElement dialog = page.dialog("Edit account");
        page.fill(dialog, "textbox", "Issuer", "SPDX Foundation");
        page.button(dialog, "Save").click();
        page.waitFor(() -> page.account("SPDX Foundation") != null);

        // Delete asks first; Cancel keeps the account, Delete removes it.
        page.account("Airbnb").button("Delete").click();
        page.button(page.dialog("Delete account?"), "Cancel").click();
        assertEquals(8, page.accounts().size());
        page.account("Airbnb").button("Delete").click();
        page.button(page.dialog("Delete account?"), "Delete").click();
        page.waitFor(() -> page.accounts().size() == 7);

        // Reorder: Battle.net (last) up twice, Deno (first) down once.
        assertEquals("true", page.account("Battle.net").button("Move down").getDomAttribute("aria-disabled"),
                "the last cannot move down");
        assertEquals("true", page.account("Deno").button("Move up").getDomAttribute("aria-disabled"),
                "the first cannot move up");
        page.account("Battle.net").button("Move up").click();
        page.waitFor(() -> page.accounts().get(5).issuer().equals("Battle.net"));
        page.account("Battle.net").button("Move up").click();
        page.waitFor(() -> page.accounts().get(4).issuer().equals("Battle.net"));
        page.account("Deno").button("Move down").click();
        page.waitFor(() -> page.accounts().get(1).issuer().equals("Deno"));

        List<String> expected = List.of("SPDX Foundation", "Deno", "Issuu", "Air Canada", "Battle.net", "WWE", "Boeing");
        assertEquals(expected, issuers());
        page.reload();
        assertEquals(expected, issuers());
        OtpAuthLink spdx = OtpAuthLink.parse(Fixtures.accountLinks().get(1));
        page.account("SPDX Foundation").assertShowsCodeOf(spdx.parameters());
    }

    private List<String> issuers() {
        List<String> issuers = new ArrayList<>();
        for (AccountItem item : page.accounts()) {
            issuers.add(item.issuer());
        }
        return issuers;
    }

    @Test
    void namesAreShownAsTextNeverAsHtml() throws Exception {
        page.open();
        page.js("window.fobAlerted = false; window.alert = function () { window.fobAlerted = true; };");
        String html = "<img src=x onerror=alert(1)>";
        page.addLink("otpauth://totp/" + enc(html) + ":" + enc("<b>bold</b>") + "?secret=JBSWY3DPEHPK3PXP&issuer="
                + enc(html), false);
        AccountItem item = page.account(html);
        assertEquals("<b>bold</b>", item.name());
        assertTrue(item.element().findElements(By.tagName("img")).isEmpty());
        assertTrue(item.element().findElements(By.tagName("b")).isEmpty());
        assertEquals(Boolean.FALSE, page.js("return window.fobAlerted;"));
        page.reload();
        assertEquals(html, page.accounts().get(0).issuer());
        assertEquals(0L, page.js("return document.querySelectorAll('#accounts img').length;"));
    }

    private static String enc(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Test
    void manualEntryExplainsEachMistakeNextToItsField() throws Exception {
        page.open();
        page.button("Add account").click();
        WebElement dialog = page.dialog("Add account");
        page.fill(dialog, "textbox", "Issuer", "Example");
        page.fill(dialog, "textbox", "Account name", "ann@example.com");
        page.fill(dialog, "textbox", "Secret key", "JBSW Y3DP 1HPK");
        page.fill(dialog, "textbox", "Digits", "9");
        page.button(dialog, "Save").click();

        WebElement secret = page.byRole(dialog, "textbox", "Secret key");
        WebElement digits = page.byRole(dialog, "textbox", "Digits");
        page.waitFor(() -> page.errorFor(secret).contains("'1' is not a base32 character"));
        assertTrue(page.errorFor(digits).contains("Digits must be from 6 to 8"), page.errorFor(digits));
        assertEquals("true", secret.getAttribute("aria-invalid"));
        assertEquals("", page.errorFor(page.byRole(dialog, "textbox", "Issuer")));
        assertEquals(0, page.accounts().size(), "nothing was added");

        // HOTP shows Counter instead of Period; a bad counter is named too.
        new org.openqa.selenium.support.ui.Select(page.byRole(dialog, "combobox", "Type")).selectByValue("hotp");
        assertFalse(page.isPresent(dialog, "textbox", "Period"));
        page.fill(dialog, "textbox", "Counter", "-1");
        page.fill(dialog, "textbox", "Secret key", "jbsw y3dp ehpk 3pxp");
        page.fill(dialog, "textbox", "Digits", "8");
        page.button(dialog, "Save").click();
        WebElement counter = page.byRole(dialog, "textbox", "Counter");
        page.waitFor(() -> page.errorFor(counter).contains("counter"));

        page.fill(dialog, "textbox", "Counter", "7");
        new org.openqa.selenium.support.ui.Select(page.byRole(dialog, "combobox", "Algorithm")).selectByValue("SHA256");
        page.byRole(dialog, "checkbox", "Work or school account").click();
        page.button(dialog, "Save").click();
        AccountItem item = page.account("Example");
        OtpParameters expected = OtpAuthLink.parse(
                "otpauth://hotp/x?secret=JBSWY3DPEHPK3PXP&algorithm=SHA256&digits=8&counter=7").parameters();
        assertEquals(expected.codeAt(0), item.code());
        assertTrue(item.text().contains("Work or school"), item.text());
    }

    @Test
    void aMalformedLinkIsRefusedWithAReasonAndAddsNothing() throws Exception {
        page.open();
        page.button("Add account").click();
        WebElement dialog = page.dialog("Add account");
        WebElement link = page.byRole(dialog, "textbox", "otpauth link");
        link.sendKeys("otpauth://totp/Example:ann?secret=JBSWY3DPEHPK3PXP&digits=12");
        page.button(dialog, "Add from link").click();
        page.waitFor(() -> page.errorFor(link).contains("Digits must be from 6 to 8 (it is 12)"));
        assertEquals(0, page.accounts().size());

        link.clear();
        link.sendKeys("otpauth://totp/Example:ann?secret=JBSWY3DPEHPK3PXP");
        page.button(dialog, "Add from link").click();
        page.waitFor(() -> page.accounts().size() == 1);
        // The same account again is refused, not duplicated.
        page.button("Add account").click();
        WebElement again = page.byRole(page.dialog("Add account"), "textbox", "otpauth link");
        again.sendKeys("otpauth://totp/Other:bob?secret=jbsw%20y3dp%20ehpk%203pxp");
        page.button(page.dialog("Add account"), "Add from link").click();
        page.waitFor(() -> page.errorFor(again).contains("Already in Fob: Other (bob)"));
        assertEquals(1, page.accounts().size());
    }

    @Test
    void searchCopyAndTheCountdown() throws Exception {
        addFixtureAccounts();
        page.byRole("searchbox", "Search accounts").sendKeys("mason");
        page.waitFor(() -> page.accounts().size() == 2);
        assertEquals(List.of("Deno", "WWE"), issuers());
        page.byRole("searchbox", "Search accounts").clear();
        page.byRole("searchbox", "Search accounts").sendKeys("zzz");
        page.waitFor(() -> page.accounts().isEmpty());
        assertTrue(page.driver().findElement(By.id("no-match")).isDisplayed());
        WebElement search = page.byRole("searchbox", "Search accounts");
        search.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"),
                org.openqa.selenium.Keys.BACK_SPACE);
        page.waitFor(() -> page.accounts().size() == 8);

        // The countdown follows each account's own period: SPDX has 20 s, Airbnb 50 s.
        long now = System.currentTimeMillis();
        int spdx = Integer.parseInt(page.account("SPDX").element().findElement(By.className("seconds")).getText()
                .replace(" s", ""));
        int airbnb = Integer.parseInt(page.account("Airbnb").element().findElement(By.className("seconds")).getText()
                .replace(" s", ""));
        assertTrue(spdx >= 1 && spdx <= 20, "SPDX countdown " + spdx);
        assertTrue(airbnb >= 1 && airbnb <= 50, "Airbnb countdown " + airbnb);
        assertTrue(Math.abs(spdx - (20 - (now / 1000) % 20)) <= 2, "SPDX " + spdx + " at " + now);
        assertTrue(Math.abs(airbnb - (50 - (now / 1000) % 50)) <= 2, "Airbnb " + airbnb + " at " + now);

        browser.cdp("Browser.grantPermissions", Map.of("origin", server.url().replaceAll("/$", ""),
                "permissions", List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
        AccountItem deno = page.account("Deno");
        OtpParameters denoOtp = OtpAuthLink.parse(Fixtures.accountLinks().get(0)).parameters();
        for (int attempt = 0; attempt < 3; attempt++) {
            long before = System.currentTimeMillis();
            deno.button("Copy code").click();
            page.waitFor(() -> page.toast().contains("copied"));
            String copied = (String) page.asyncJs("var done = arguments[0];"
                    + " navigator.clipboard.readText().then(done, function (e) { done('error: ' + e); });");
            long after = System.currentTimeMillis();
            if (denoOtp.stepAt(before) == denoOtp.stepAt(after)) {
                assertEquals(denoOtp.codeAt(before), copied);
                return;
            }
        }
        throw new AssertionError("no stable moment to compare the copied code");
    }
}
