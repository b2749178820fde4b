package fob.e2e.support;

import java.util.Set;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/** One listitem of the list "Accounts": issuer, account name, the code shown, and its buttons. */
public final class AccountItem {
    private static final String COPY_CODE = "Copy code";
    /** What the row keeps in its "More actions" menu. */
    private static final Set<String> MENU_ITEMS = Set.of("Edit", "Delete", "Move up", "Move down", "Next code",
            "Finish setup");

    private final FobPage page;
    private final WebElement item;

    AccountItem(FobPage page, WebElement item) {
        this.page = page;
        this.item = item;
    }

    public WebElement element() {
        return item;
    }

    /**
     * The issuer, as the row's markup holds it. Not the rendered text: WebKitGTK's WebDriver gives "" for the
     * issuer and name of a row on screen (their accessible name keeps them; seen with WebKitGTK 2.50.6).
     */
    public String issuer() {
        return item.findElement(By.className("issuer")).getDomProperty("textContent").trim();
    }

    public String name() {
        return item.findElement(By.className("name")).getDomProperty("textContent").trim();
    }

    /**
     * The code as shown, without the space in the middle. The row is scrolled into view first: the page works out
     * codes only for rows on screen.
     */
    public String code() {
        page.js("arguments[0].scrollIntoView({block: 'center'});", item);
        return page.waitFor(() -> {
            String code = item.findElement(By.className("code")).getText().replace(" ", "");
            return code.isEmpty() ? null : code;
        });
    }

    /**
     * Asserts that the code shown equals {@code otp}'s code computed on the JVM at the same moment; a read that
     * straddles a change of code is read again.
     */
    public void assertShowsCodeOf(fob.otp.OtpParameters otp) {
        for (int attempt = 0; attempt < 5; attempt++) {
            long before = System.currentTimeMillis();
            String shown = code();
            long after = System.currentTimeMillis();
            if (otp.stepAt(before) == otp.stepAt(after)) {
                org.junit.jupiter.api.Assertions.assertEquals(otp.codeAt(before), shown, issuer());
                return;
            }
        }
        throw new AssertionError("could not read a stable code for " + issuer());
    }

    public String text() {
        return item.getText();
    }

    /**
     * The row's button ("Copy code", "More actions"), or the item of that name in its "More actions" menu, which is
     * opened for it; the row is scrolled into view first, as a person would scroll to it.
     */
    public WebElement button(String name) {
        page.js("arguments[0].scrollIntoView({block: 'center'});", item);
        if (MENU_ITEMS.contains(name)) {
            return menuItem(name);
        }
        if (COPY_CODE.equals(name)) {
            return page.waitFor(() -> codeButton());
        }
        return page.button(item, name);
    }

    /** The code's button, whose name is "Copy code" and the digits it shows (Label in Name); null before it has one. */
    private WebElement codeButton() {
        for (WebElement button : item.findElements(By.tagName("button"))) {
            String name = button.getAccessibleName().trim();
            if (button.isDisplayed() && (name.equals(COPY_CODE) || name.startsWith(COPY_CODE + " "))) {
                return button;
            }
        }
        return null;
    }

    /** The item of the row's "More actions" menu, opening the menu when it is closed. */
    public WebElement menuItem(String name) {
        WebElement more = page.button(item, "More actions");
        if (!"true".equals(more.getDomAttribute("aria-expanded"))) {
            more.click();
        }
        return page.byRole(page.byRole("menu", "More actions"), "menuitem", name);
    }

    /** Whether the row offers this button, or this item in its menu (which is opened to look, and closed again). */
    public boolean hasButton(String name) {
        if (COPY_CODE.equals(name)) {
            return codeButton() != null;
        }
        if (!MENU_ITEMS.contains(name)) {
            return page.isPresent(item, "button", name);
        }
        page.js("arguments[0].scrollIntoView({block: 'center'});", item);
        page.button(item, "More actions").click();
        WebElement menu = page.byRole("menu", "More actions");
        boolean present = page.isPresent(menu, "menuitem", name);
        page.driver().switchTo().activeElement().sendKeys(Keys.ESCAPE);
        page.waitFor(() -> !menu.isDisplayed());
        return present;
    }
}
