package fob.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fob.e2e.support.AccountItem;
import fob.e2e.support.BrowserTest;
import fob.e2e.support.Fixtures;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

/** Adding accounts from QR code images: the fixtures' photographed export, and a code that holds no account. */
class QrCodeTest extends BrowserTest {
    @Test
    void aPhotographedGoogleExportAddsItsAccounts() throws Exception {
        page.open();
        page.button("Add account").click();
        WebElement dialog = page.dialog("Add account");
        page.byRole(dialog, "file", "QR code image")
                .sendKeys(Fixtures.path("google-migration/example_export.png").toString());
        page.waitFor(() -> page.accounts().size() == 3);
        List<String> names = page.accounts().stream().map(a -> a.issuer() + "/" + a.name()).collect(Collectors.toList());
        assertEquals(List.of("Test1/test1@example1.com", "Test2/test2@example2.com", "Test3/test3@example3.com"), names);
        for (AccountItem item : page.accounts()) {
            assertTrue(item.code().matches("\\d{6}"), item.code());
        }
        assertTrue(page.toast().contains("Added 3 accounts"), page.toast());
    }

    @Test
    void aQrCodeThatIsNotAnAccountGetsAClearMessage() throws Exception {
        page.open();
        page.button("Add account").click();
        WebElement dialog = page.dialog("Add account");
        WebElement input = page.byRole(dialog, "file", "QR code image");
        input.sendKeys(Fixtures.path("google-migration/qr_but_without_otp.png").toString());
        page.waitFor(() -> page.errorFor(input).contains("This QR code does not hold an account"));
        assertTrue(page.errorFor(input).contains("NOT A otpauth-migration:// URL"), page.errorFor(input));
        assertEquals(0, page.accounts().size());

        // A file that is no image at all.
        input.sendKeys(Fixtures.path("aegis-importers/plain.txt").toString());
        page.waitFor(() -> page.errorFor(input).contains("not an image"));
        assertEquals(0, page.accounts().size());
        assertEquals(List.of(), consoleProblems());
    }
}
