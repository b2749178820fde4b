package fob.e2e.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The page as a person (and a screen reader) sees it: controls found by role and accessible name, the names
 * the issues fix. CSS is used only to list the candidates for a role.
 */
public final class FobPage {
    private static final Map<String, String> CANDIDATES = Map.ofEntries(
            Map.entry("button", "button, [role=button]"),
            Map.entry("textbox", "input[type=text], input:not([type]), textarea, [role=textbox]"),
            Map.entry("searchbox", "input[type=search]"),
            Map.entry("combobox", "select"),
            Map.entry("checkbox", "input[type=checkbox]:not([role=switch])"),
            Map.entry("switch", "[role=switch]"),
            Map.entry("dialog", "dialog[open]"),
            Map.entry("list", "ul, ol"),
            Map.entry("listitem", "li"),
            Map.entry("heading", "h1, h2, h3"),
            Map.entry("file", "input[type=file]"),
            Map.entry("radio", "input[type=radio]"),
            Map.entry("password", "input[type=password]"),
            Map.entry("alert", "[role=alert]"),
            Map.entry("region", "section[aria-labelledby], section[aria-label], [role=region]"),
            Map.entry("group", "fieldset, [role=group]"),
            Map.entry("menu", "[role=menu]"),
            Map.entry("menuitem", "[role=menuitem]"));

    private final WebDriver driver;
    private final String url;
    private final Duration patience;

    public FobPage(WebDriver driver, String url) {
        this(driver, url, Duration.ofSeconds(10));
    }

    /** A page whose waits last up to {@code patience} (a cold engine on a 2-core machine needs more than 10 s). */
    public FobPage(WebDriver driver, String url, Duration patience) {
        this.driver = driver;
        this.url = url;
        this.patience = patience;
    }

    public WebDriver driver() {
        return driver;
    }

    /** Opens Fob and waits until it has read its vault. */
    public FobPage open() {
        driver.get(url);
        return waitUntilReady();
    }

    public FobPage reload() {
        driver.navigate().refresh();
        return waitUntilReady();
    }

    /**
     * Reloads as the reload button does, through the service worker. Firefox's WebDriver refresh is a hard reload
     * that bypasses the service worker (seen with Firefox ESR 153), so the reload is the page's own.
     */
    public FobPage reloadThroughServiceWorker() {
        js("window.fobBeforeReload = true; setTimeout(function () { location.reload(); });");
        waitFor(() -> !Boolean.TRUE.equals(js("return window.fobBeforeReload === true;")));
        return waitUntilReady();
    }

    /** The element that has the keyboard focus. */
    public WebElement focused() {
        return driver.switchTo().activeElement();
    }

    /** Presses a key where the focus is, as a person at the keyboard does. */
    public void press(CharSequence key) {
        new org.openqa.selenium.interactions.Actions(driver).sendKeys(key).perform();
    }

    /** Waits until the page has set the performance mark {@code name} (it marks what it has decided or done). */
    public void waitForMark(String name) {
        waitFor(() -> ((Number) js("return performance.getEntriesByName(arguments[0]).length;", name)).intValue() > 0);
    }

    /** The page has opened its vault (in whichever language it speaks), or says why it cannot. */
    public FobPage waitUntilReady() {
        waitFor(() -> driver.findElement(By.id("add-button")).isEnabled() || !alerts().isEmpty());
        return this;
    }

    public Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    public Object asyncJs(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeAsyncScript(script, args);
    }

    /** The browser's clock {@code millis} from now, for {@link #clickAt}. */
    public double browserTimeIn(long millis) {
        return ((Number) js("return Date.now() + arguments[0];", millis)).doubleValue();
    }

    /**
     * Clicks {@code element} from a timer in the page at the browser time {@code at}: tabs given the same time
     * click together, closer than WebDriver could switch between them (their timers must not be throttled).
     */
    public void clickAt(WebElement element, double at) {
        js("var button = arguments[0]; setTimeout(function () { button.click(); }, arguments[1] - Date.now());",
                element, at);
    }

    public WebElement button(String name) {
        return byRole(driver, "button", name);
    }

    public WebElement button(SearchContext scope, String name) {
        return byRole(scope, "button", name);
    }

    public WebElement byRole(String role, String name) {
        return byRole(driver, role, name);
    }

    /** The control, scrolled to the middle of the window so that the sticky header never covers it. */
    public WebElement byRole(SearchContext scope, String role, String name) {
        WebElement element = waitFor(() -> find(scope, role, name));
        js("arguments[0].scrollIntoView({block: 'center'});", element);
        return element;
    }

    public WebElement dialog(String name) {
        return byRole("dialog", name);
    }

    public boolean isPresent(SearchContext scope, String role, String name) {
        try {
            find(scope, role, name);
            return true;
        } catch (NoSuchElementException e) {
            return false;
        }
    }

    public void fill(SearchContext scope, String role, String name, String text) {
        WebElement field = byRole(scope, role, name);
        field.clear();
        field.sendKeys(text);
    }

    /** The issuers of the accounts the list shows, in its order. */
    public List<String> issuers() {
        List<String> issuers = new ArrayList<>();
        for (AccountItem item : accounts()) {
            issuers.add(item.issuer());
        }
        return issuers;
    }

    /**
     * The list "Accounts", one entry per visible account. A list the page re-renders while it is read (after a save,
     * say) is read again, until one read sees a single rendering.
     */
    public List<AccountItem> accounts() {
        return waitFor(() -> {
            // By its label rather than its computed name: it has to be readable behind an open modal dialog too.
            WebElement list = driver.findElement(By.cssSelector("ul#accounts"));
            List<AccountItem> items = new ArrayList<>();
            for (WebElement item : list.findElements(By.cssSelector(":scope > li"))) {
                if (item.isDisplayed()) {
                    items.add(new AccountItem(this, item));
                }
            }
            return items;
        });
    }

    /**
     * The items of "Accounts" that a search leaves shown, found by one script: for lists of thousands, where asking
     * WebDriver about each item would take minutes.
     */
    @SuppressWarnings("unchecked")
    public List<AccountItem> unhiddenAccounts() {
        List<WebElement> items = (List<WebElement>) js("return Array.from(document.querySelectorAll("
                + "\"ul#accounts > li\")).filter(function (li) { return !li.hidden; });");
        List<AccountItem> accounts = new ArrayList<>();
        for (WebElement item : items) {
            accounts.add(new AccountItem(this, item));
        }
        return accounts;
    }

    public AccountItem account(String issuer) {
        return waitFor(() -> {
            for (AccountItem item : accounts()) {
                if (item.issuer().equals(issuer)) {
                    return item;
                }
            }
            throw new NoSuchElementException("no account " + issuer);
        });
    }

    /** Adds an account from its otpauth link, through "Add account", and waits for it to appear. */
    public void addLink(String link, boolean workOrSchool) {
        int before = accounts().size();
        button("Add account").click();
        WebElement dialog = dialog("Add account");
        if (workOrSchool) {
            byRole(dialog, "checkbox", "Work or school account").click();
        }
        fill(dialog, "textbox", "otpauth link", link);
        button(dialog, "Add from link").click();
        // At least: live sync may bring another device's account in meanwhile.
        waitFor(() -> accounts().size() >= before + 1);
    }

    public List<String> alerts() {
        List<String> texts = new ArrayList<>();
        for (WebElement alert : driver.findElements(By.cssSelector("[role=alert]"))) {
            if (alert.isDisplayed()) {
                texts.add(alert.getText());
            }
        }
        return texts;
    }

    /** What the page says at the moment: alerts, the last toast and every error shown next to a field, for failure messages. */
    public String describe() {
        return "alerts " + alerts() + ", toast '" + toast() + "', field errors " + js("return Array.from("
                + "document.querySelectorAll('.field-error')).filter(function (e) { return !e.hidden; })"
                + ".map(function (e) { return e.id + ': ' + e.textContent; });");
    }

    /** The short message the page last announced ("Code copied.", "Added ..."). */
    public String toast() {
        return driver.findElement(By.id("toast")).getAttribute("textContent");
    }

    /** The error shown next to a field (the element its aria-describedby names first). */
    public String errorFor(WebElement field) {
        String describedBy = field.getAttribute("aria-describedby");
        WebElement error = driver.findElement(By.id(describedBy.split(" ")[0]));
        return error.isDisplayed() ? error.getText() : "";
    }

    private static WebElement find(SearchContext scope, String role, String name) {
        String css = CANDIDATES.get(role);
        if (css == null) {
            throw new IllegalArgumentException("no candidates known for role " + role);
        }
        for (WebElement element : scope.findElements(By.cssSelector(css))) {
            try {
                // An empty list has no size, and file inputs are often styled away: both still count.
                boolean mayBeSizeless = role.equals("file") || role.equals("list");
                if (!mayBeSizeless && !element.isDisplayed()) {
                    continue;
                }
                // File and password inputs have no ARIA role of their own; a dialog's is found by its CSS.
                boolean roleless = role.equals("file") || role.equals("dialog") || role.equals("password");
                if (!roleless && !role.equals(element.getAriaRole()) && !isWebKitGtkSelect(role, element)) {
                    continue;
                }
                String accessibleName = element.getAccessibleName().trim();
                // WebKitGTK names a file input by its label and then its button's text ("... Choose File").
                if (name.equals(accessibleName) || role.equals("file") && accessibleName.startsWith(name + " ")) {
                    return element;
                }
            } catch (StaleElementReferenceException e) {
                // The page re-rendered under us: look again on the next poll.
            } catch (WebDriverException e) {
                if (!isDetachedNode(e)) {
                    throw e;
                }
            }
        }
        throw new NoSuchElementException("no " + role + " named '" + name + "'");
    }

    /**
     * A {@code select} is a combobox (HTML-AAM), but WebKitGTK's WebDriver reports the role of its accessibility
     * object, a GTK popup button: "button".
     */
    private static boolean isWebKitGtkSelect(String role, WebElement element) {
        return role.equals("combobox") && element.getTagName().equals("select")
                && "button".equals(element.getAriaRole());
    }

    /** Polls, for up to the page's patience, until the condition holds (true, or non-null without an exception). */
    public <T> T waitFor(java.util.function.Supplier<T> condition) {
        return waitFor(patience, condition);
    }

    public <T> T waitFor(Duration timeout, java.util.function.Supplier<T> condition) {
        return new WebDriverWait(driver, timeout, Duration.ofMillis(50))
                .ignoring(NoSuchElementException.class)
                .ignoring(StaleElementReferenceException.class)
                .until(d -> {
                    try {
                        T value = condition.get();
                        return Boolean.FALSE.equals(value) ? null : value;
                    } catch (WebDriverException e) {
                        if (isDetachedNode(e)) {
                            return null;
                        }
                        throw e;
                    }
                });
    }

    /**
     * ChromeDriver reports an element the page removed during a command as an "unknown error" whose inspector
     * message says the node does not belong to the document, not as a stale element (SeleniumHQ/selenium#15401):
     * it is the same staleness, so a poll looks again. WebKitGTK's WebKitWebDriver answers a command on a node of a
     * page that a reload is replacing with an "unknown error" that has no message at all (2.50.6).
     */
    static boolean isDetachedNode(WebDriverException e) {
        if (e instanceof StaleElementReferenceException) {
            return true;
        }
        if (e.getClass() == WebDriverException.class && (e.getRawMessage() == null || e.getRawMessage().isBlank())) {
            return true;
        }
        String message = e.getMessage();
        return message != null && (message.contains("does not belong to the document")
                || message.contains("No node with given id found"));
    }
}
