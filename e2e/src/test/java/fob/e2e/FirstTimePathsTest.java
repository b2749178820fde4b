package fob.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fob.e2e.support.AccountItem;
import fob.e2e.support.BackupFlows;
import fob.e2e.support.BrowserTest;
import fob.e2e.support.Chromium;
import fob.e2e.support.Fixtures;
import fob.e2e.support.FobPage;
import fob.e2e.support.VirtualAuthenticator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;

/**
 * The first accounts of a browser that has never opened Fob, reaching it by every path other than "Add from
 * link", in two tabs at once (issue 16's audit): by import, by QR code image, by restore from Cloud backup.
 * Each ends with a new tab that opens the vault and holds every account once.
 */
class FirstTimePathsTest extends BrowserTest {
    private static final String DENO = "otpauth://totp/Deno:Mason?secret=4SJHB4GSD43FZBAI7C2HLRJGPQ&issuer=Deno";
    private static final String SPDX =
            "otpauth://totp/SPDX:James?secret=5OM4WOOGPLQEF6UGN3CPEOOLWU&issuer=SPDX&algorithm=SHA256&digits=7&period=20";
    private static final String BOEING = "otpauth://steam/Boeing:Sophia?secret=JRZCL47CMXVOQMNPZR2F7J4RGI&issuer=Boeing";
    private static final String THIRD = "otpauth://totp/Third:x?secret=KUVJJOM753IHTNDSZVCNKL7GII&issuer=Third";

    @Override
    protected String[] browserArguments() {
        return Chromium.UNTHROTTLED;
    }

    private static List<String> issuers(FobPage tab) {
        return tab.accounts().stream().map(AccountItem::issuer).sorted().collect(Collectors.toList());
    }

    /** Opens a second tab on a fresh origin; both tabs are open before anything is stored. */
    private String[] twoFreshTabs() {
        page.open();
        String first = browser.driver().getWindowHandle();
        browser.driver().switchTo().newWindow(WindowType.TAB);
        page.open();
        return new String[] {first, browser.driver().getWindowHandle()};
    }

    private void switchTo(String tab) {
        browser.driver().switchTo().window(tab);
    }

    private List<String> inANewTab() {
        browser.driver().switchTo().newWindow(WindowType.TAB);
        page.open();
        assertEquals(List.of(), page.alerts(), "a new tab opens the vault");
        return issuers(page);
    }

    private WebElement previewImport(String text) {
        page.button("Settings").click();
        page.button(page.dialog("Settings"), "Import").click();
        WebElement dialog = page.dialog("Import");
        page.fill(dialog, "textbox", "Text to import", text);
        page.button(dialog, "Preview").click();
        return page.button(dialog, "Import selected");
    }

    @Test
    void theFirstAccountsByImportInTwoTabsAtOnce() throws Exception {
        String[] tabs = twoFreshTabs();
        switchTo(tabs[0]);
        WebElement first = previewImport(DENO + "\n" + SPDX);
        switchTo(tabs[1]);
        WebElement second = previewImport(BOEING + "\n" + THIRD);
        double at = page.browserTimeIn(500);
        page.clickAt(second, at);
        switchTo(tabs[0]);
        page.clickAt(first, at);
        for (String tab : tabs) {
            switchTo(tab);
            page.waitFor(() -> page.accounts().size() == 4);
        }
        assertEquals(List.of("Boeing", "Deno", "SPDX", "Third"), inANewTab());
    }

    @Test
    void theFirstAccountsByQrCodeInTwoTabsAtOnce() throws Exception {
        Path image = Files.createTempFile("fob-qr", ".png");
        Files.write(image, QrCodeTest.qrPng(THIRD));
        try {
            String[] tabs = twoFreshTabs();
            List<WebElement> inputs = new ArrayList<>();
            for (String tab : tabs) {
                switchTo(tab);
                page.button("Add account").click();
                inputs.add(page.byRole(page.dialog("Add account"), "file", "QR code image"));
            }
            // Choosing the file adds its accounts: the two tabs read and store theirs at the same time.
            switchTo(tabs[0]);
            inputs.get(0).sendKeys(Fixtures.path("google-migration/example_export.png").toString());
            switchTo(tabs[1]);
            inputs.get(1).sendKeys(image.toString());
            for (String tab : tabs) {
                switchTo(tab);
                page.waitFor(() -> page.accounts().size() == 4);
            }
            assertEquals(List.of("Test1", "Test2", "Test3", "Third"), inANewTab());
        } finally {
            Files.delete(image);
        }
    }

    /**
     * A backup made in another browser, restored in two fresh tabs at once. Each tab has its own virtual passkey
     * (DevTools adds one per tab) holding a copy of the credential, which yields no PRF: both open the backup
     * with the recovery code, and their Restore buttons are clicked together. The second copy's signature counter
     * starts higher, as the server refuses a counter that goes backwards.
     */
    @Test
    void theFirstAccountsByRestoreInTwoTabsAtOnce() throws Exception {
        String code;
        Map<String, Object> credential;
        try (Chromium original = Chromium.start()) {
            VirtualAuthenticator passkey = VirtualAuthenticator.add(original, true);
            FobPage there = new FobPage(original.driver(), server.url()).open();
            there.addLink(DENO, false);
            there.addLink(SPDX, false);
            code = BackupFlows.createRecoveryAccount(there, "Fay");
            credential = passkey.credentials().get(0);
        }

        String[] tabs = twoFreshTabs();
        List<WebElement> restoreButtons = new ArrayList<>();
        int copy = 0;
        for (String tab : tabs) {
            switchTo(tab);
            Map<String, Object> copied = new java.util.HashMap<>(credential);
            copied.put("signCount", ((Number) credential.get("signCount")).intValue() + 1000 * copy++);
            VirtualAuthenticator.add(browser, true).addCredential(copied);
            WebElement dialog = BackupFlows.beginRecovery(page);
            page.byRole(dialog, "textbox", "Recovery code").sendKeys(code);
            restoreButtons.add(page.button(dialog, "Restore"));
        }
        double at = page.browserTimeIn(500);
        page.clickAt(restoreButtons.get(1), at);
        switchTo(tabs[0]);
        page.clickAt(restoreButtons.get(0), at);
        for (String tab : tabs) {
            switchTo(tab);
            page.waitFor(() -> page.accounts().size() == 2);
        }
        assertEquals(List.of("Deno", "SPDX"), inANewTab(), "restored once, whichever tab stored first");
        BackupFlows.waitForStatus(page, "Backup up to date");
    }
}
