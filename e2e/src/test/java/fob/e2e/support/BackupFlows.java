package fob.e2e.support;

import fob.backup.BackupException;
import fob.backup.Envelope;
import java.util.Map;
import org.openqa.selenium.WebElement;

/** The backup steps a person takes in the page, for the tests to reuse. */
public final class BackupFlows {
    private BackupFlows() {
    }

    /** Opens Settings, or returns it when it is open already (an import or restore leaves it open). */
    public static WebElement openSettings(FobPage page) {
        if (!page.isPresent(page.driver(), "dialog", "Settings")) {
            page.button("Settings").click();
        }
        return page.dialog("Settings");
    }

    /** Creates a recovery account from Settings, which turns backup on; returns the recovery code shown once. */
    public static String createRecoveryAccount(FobPage page, String name) {
        WebElement settings = openSettings(page);
        page.fill(settings, "textbox", "Recovery account name", name);
        page.button(settings, "Create recovery account").click();
        WebElement codeDialog = page.waitFor(() -> page.dialog("Recovery code"));
        String code = shownRecoveryCode(page);
        page.button(codeDialog, "I have saved it").click();
        waitForStatus(page, "Backup up to date");
        return code;
    }

    /** The code the dialog "Recovery code" shows, once it shows one. */
    public static String shownRecoveryCode(FobPage page) {
        return page.waitFor(() -> {
            String text = page.driver().findElement(org.openqa.selenium.By.id("recovery-code-text")).getText();
            return text.isEmpty() ? null : text;
        });
    }

    /**
     * Every version of the backup the server returns to the page's session, newest first, version number to body,
     * through the page's own fetch.
     */
    public static java.util.LinkedHashMap<Long, String> serverVersions(FobPage page) throws Exception {
        String list = (String) page.asyncJs("var done = arguments[0]; fetch('/api/backup/versions').then(function (r)"
                + " { return r.text(); }).then(done, function (e) { done('failed ' + e); });");
        com.grack.nanojson.JsonArray versions = com.grack.nanojson.JsonParser.object().from(list)
                .getArray("versions");
        java.util.LinkedHashMap<Long, String> bodies = new java.util.LinkedHashMap<>();
        for (int i = 0; i < versions.size(); i++) {
            long version = versions.getObject(i).getLong("version");
            bodies.put(version, (String) page.asyncJs("var done = arguments[1]; fetch('/api/backup/versions/'"
                    + " + arguments[0]).then(function (r) { return r.text(); }).then(done);", version));
        }
        return bodies;
    }

    /** The server's current backup, as the page's own fetch of {@code GET /api/backup} gets it. */
    public static String currentBackup(FobPage page) {
        return (String) page.asyncJs("var done = arguments[0]; fetch('/api/backup').then(function (r) {"
                + " return r.text(); }).then(done, function (e) { done('error ' + e); });");
    }

    /** Adds {@code count} accounts by link, "Account 1" to "Account n", each with a secret of its own. */
    public static void addNumberedAccounts(FobPage page, int count) {
        for (int i = 1; i <= count; i++) {
            byte[] secret = new byte[20];
            java.util.Arrays.fill(secret, (byte) (17 * i));
            page.addLink("otpauth://totp/Account%20" + i + ":person?secret=" + fob.codec.Base32.encode(secret)
                    + "&issuer=Account%20" + i, false);
        }
    }

    /** The backup status line (role status in Settings), whether or not Settings is open. */
    public static String status(FobPage page) {
        return (String) page.js("return document.getElementById('backup-status').textContent;");
    }

    /** The backup status in quotes, then its detail in brackets, for a failure's message. */
    public static String statusWithDetail(FobPage page) {
        return "\u201c" + status(page) + "\u201d ("
                + page.driver().findElement(org.openqa.selenium.By.id("backup-detail")).getAttribute("textContent") + ")";
    }

    public static void waitForStatus(FobPage page, String prefix) {
        try {
            page.waitFor(() -> status(page).startsWith(prefix) ? true : null);
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("the backup status is " + statusWithDetail(page) + ", not \u201c" + prefix
                    + "\u2026\u201d", e);
        }
    }

    public static void closeSettings(FobPage page) {
        page.button(page.dialog("Settings"), "Close").click();
    }

    /** Forgets everything this browser keeps for Fob's origin: storage, caches, service worker and cookies. */
    public static void wipe(Chromium browser, FobServerProcess server) {
        browser.cdp("Storage.clearDataForOrigin", Map.of("origin", server.url().replaceAll("/$", ""),
                "storageTypes", "all"));
    }

    /**
     * Another browser on the same recovery account: the passkey copied into its own virtual authenticator (with
     * PRF, but the copy gives other PRF outputs), the backup opened by the recovery code; returns its page at
     * {@code url}, with backup up to date.
     */
    public static FobPage restoreInAnotherBrowser(Chromium other, VirtualAuthenticator original, String url,
            String code) {
        VirtualAuthenticator.add(other, true).addCredential(original.credentials().get(0));
        FobPage second = new FobPage(other.driver(), url).open();
        WebElement dialog = beginRecovery(second);
        second.fill(dialog, "textbox", "Recovery code", code);
        second.button(dialog, "Restore").click();
        waitForStatus(second, "Backup up to date");
        return second;
    }

    /** "Begin recovery", then "Sign in with passkey", on an empty vault. */
    public static WebElement beginRecovery(FobPage page) {
        page.button("Begin recovery").click();
        WebElement dialog = page.dialog("Recover accounts");
        page.button(dialog, "Sign in with passkey").click();
        return dialog;
    }

    /**
     * Waits until the server's backup has {@code count} slots: a passkey's new slot goes up after its sign-in,
     * while the status may still say "Backup up to date" from before it.
     */
    public static void waitForSlots(FobPage page, int count) {
        page.waitFor(() -> {
            String body = (String) page.asyncJs("var done = arguments[0];"
                    + " fetch('/api/backup', {cache: 'no-store'}).then(function (r) { return r.text(); })"
                    + ".then(done, function (e) { done('error ' + e); });");
            try {
                return Envelope.parse(body).slots().size() == count;
            } catch (BackupException notABackup) {
                throw new AssertionError("the server's backup: " + body, notABackup);
            }
        });
    }
}
