package fob.e2e.support;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** One listitem of the list "Accounts": issuer, account name, the code shown, and its buttons. */
public final class AccountItem {
    private final FobPage page;
    private final WebElement item;

    AccountItem(FobPage page, WebElement item) {
        this.page = page;
        this.item = item;
    }

    public WebElement element() {
        return item;
    }

    public String issuer() {
        return item.findElement(By.className("issuer")).getText();
    }

    public String name() {
        return item.findElement(By.className("name")).getText();
    }

    /** The code as shown, without the space in the middle. */
    public String code() {
        return item.findElement(By.className("code")).getText().replace(" ", "");
    }

    public String text() {
        return item.getText();
    }

    public WebElement button(String name) {
        return page.button(item, name);
    }

    public boolean hasButton(String name) {
        return page.isPresent(item, "button", name);
    }
}
