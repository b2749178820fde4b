package fob.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fob.e2e.support.BrowserTest;
import fob.e2e.support.RowMenuFlows;
import fob.link.OtpAuthLink;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * Issue 17: the code is the button that copies it, every other action of a row is in its one "More actions" menu
 * (a WAI-ARIA menu button that works by keyboard alone), and on a phone each row stays one line high.
 */
class AccountRowsTest extends BrowserTest {
    private static final String DENO = "otpauth://totp/Deno:Mason?secret=4SJHB4GSD43FZBAI7C2HLRJGPQ&issuer=Deno";
    private static final String WWE = "otpauth://hotp/WWE:Mason?secret=5VAML3X35THCEBVRLV24CGBKOY&issuer=WWE"
            + "&algorithm=SHA512&digits=8&counter=10300";
    private static final String SPDX = "otpauth://totp/SPDX:ann?secret=JBSWY3DPEHPK3PXP&issuer=SPDX";

    private String clipboard() {
        return (String) page.asyncJs("var done = arguments[0]; navigator.clipboard.readText().then(done,"
                + " function (e) { done('refused: ' + e); });");
    }

    @Test
    void clickingTheCodeOrPressingEnterOnItCopiesIt() throws Exception {
        browser.cdp("Browser.grantPermissions", Map.of("origin", server.url().replaceAll("/$", ""),
                "permissions", List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
        page.open();
        page.addLink(WWE, false);
        String code = OtpAuthLink.parse(WWE).parameters().codeAt(0);
        WebElement codeButton = page.account("WWE").element().findElement(By.className("code"));
        assertEquals("button", codeButton.getAriaRole());
        assertEquals("Copy code " + codeButton.getText(), codeButton.getAccessibleName(),
                "the name holds the digits the button shows (WCAG 2.5.3, Label in Name)");
        assertEquals(code, codeButton.getText().replace(" ", ""), "the button shows the code itself");

        codeButton.click();
        page.waitFor(() -> code.equals(clipboard()));
        page.waitFor(() -> page.toast().equals("Code copied."));

        page.js("navigator.clipboard.writeText('something else');");
        page.waitFor(() -> "something else".equals(clipboard()));
        page.js("arguments[0].focus();", codeButton);
        page.press(Keys.ENTER);
        page.waitFor(() -> code.equals(clipboard()));
    }

    @Test
    void eachRowHasOneMenuOfItsActionsThatWorksByKeyboardAlone() {
        page.open();
        page.addLink(DENO, false);
        page.addLink(WWE, false);
        page.addLink(SPDX, false);
        page.button("Not now").click();
        WebElement row = page.account("WWE").element();
        assertEquals(2, row.findElements(By.tagName("button")).size(), "the code and \"More actions\"");

        WebElement more = page.account("WWE").button("More actions");
        assertEquals("menu", more.getDomAttribute("aria-haspopup"));
        assertEquals("false", more.getDomAttribute("aria-expanded"));
        page.js("arguments[0].focus();", more);
        page.press(Keys.ENTER);
        WebElement menu = page.byRole("menu", "More actions");
        assertEquals("true", more.getDomAttribute("aria-expanded"));
        assertEquals(menu.getDomAttribute("id"), more.getDomAttribute("aria-controls"));
        List<String> items = menu.findElements(By.cssSelector("[role=menuitem]")).stream()
                .map(WebElement::getText).toList();
        assertEquals(List.of("Next code", "Edit", "Delete", "Move up", "Move down"), items, "an HOTP row's actions");
        assertEquals("Next code", page.focused().getText(), "Enter opens the menu on its first item");

        RowMenuFlows.arrowsGoRound(page);
        page.press(Keys.ARROW_UP);
        assertEquals("Move down", page.focused().getText());
        page.press(Keys.ESCAPE);
        page.waitFor(() -> !menu.isDisplayed());
        assertEquals(more, page.focused(), "Escape closes the menu and the focus goes back to its button");
        assertEquals("false", more.getDomAttribute("aria-expanded"));

        page.press(Keys.ARROW_UP);
        assertEquals("Move down", page.waitFor(() -> page.focused().getText()), "ArrowUp opens on the last item");
        page.press(Keys.ENTER);
        page.waitFor(() -> page.issuers().equals(List.of("Deno", "SPDX", "WWE")));
        assertFalse(menu.isDisplayed());
        WebElement movedMore = page.account("WWE").button("More actions");
        page.waitFor(() -> movedMore.equals(page.focused()));

        page.press(Keys.SPACE);
        page.waitFor(() -> "Next code".equals(page.focused().getText()));
        page.press("m");
        assertEquals("Move up", page.focused().getText(), "a letter goes to the next item starting with it");
        page.press(Keys.ARROW_DOWN);
        assertEquals("true", page.focused().getDomAttribute("aria-disabled"), "the last row cannot move down");
        page.press(Keys.ENTER);
        assertTrue(page.byRole("menu", "More actions").isDisplayed(), "a disabled item does nothing");
        page.press(Keys.HOME);
        page.press(Keys.ARROW_DOWN);
        page.press(Keys.ENTER);
        page.dialog("Edit account");
        page.button(page.dialog("Edit account"), "Cancel").click();
        page.waitFor(() -> page.account("WWE").button("More actions").equals(page.focused()));

        page.js("arguments[0].focus();", page.account("Deno").button("More actions"));
        page.press(Keys.ENTER);
        assertEquals(List.of("Edit", "Delete", "Move up", "Move down"), page.byRole("menu", "More actions")
                .findElements(By.cssSelector("[role=menuitem]")).stream().map(WebElement::getText).toList(),
                "a TOTP row has no Next code");
        page.press(Keys.TAB);
        page.waitFor(() -> !page.driver().findElement(By.id("row-menu")).isDisplayed());
    }

    @Test
    void onAPhoneEachRowStaysOneLineHigh() {
        page.driver().manage().window().setSize(new Dimension(390, 844));
        page.open();
        page.addLink(DENO, false);
        page.addLink("otpauth://totp/Microsoft:ann.marie.longname@contoso.example.com?secret=JBSWY3DPEHPK3PXP"
                + "&issuer=Microsoft", false);
        page.button("Not now").click();
        for (String issuer : List.of("Deno", "Microsoft")) {
            WebElement row = page.account(issuer).element();
            WebElement identity = row.findElement(By.className("identity"));
            int identityTop = identity.getRect().getY();
            int identityBottom = identityTop + identity.getRect().getHeight();
            for (WebElement part : List.of(row.findElement(By.className("avatar")), row.findElement(By.className("code")),
                    page.account(issuer).button("More actions"))) {
                int top = part.getRect().getY();
                int bottom = top + part.getRect().getHeight();
                assertTrue(top < identityBottom && bottom > identityTop, issuer + ": " + part.getDomAttribute("class")
                        + " is beside the names, not under them");
            }
            int rowHeight = row.getRect().getHeight();
            assertTrue(rowHeight < 100, issuer + " row is " + rowHeight + " px high");
        }
        long width = (Long) page.js("return document.documentElement.scrollWidth;");
        assertTrue(width <= 390, "nothing sticks out sideways: " + width);
    }
}
