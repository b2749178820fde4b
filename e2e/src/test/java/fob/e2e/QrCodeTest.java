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

    /** A PNG of a QR code holding {@code text}, with a white margin, as a screenshot of one would be. */
    static byte[] qrPng(String text) throws Exception {
        com.google.zxing.common.BitMatrix matrix = new com.google.zxing.qrcode.QRCodeWriter()
                .encode(text, com.google.zxing.BarcodeFormat.QR_CODE, 300, 300);
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(matrix.getWidth(), matrix.getHeight(),
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < matrix.getHeight(); y++) {
            for (int x = 0; x < matrix.getWidth(); x++) {
                image.setRGB(x, y, matrix.get(x, y) ? 0x000000 : 0xffffff);
            }
        }
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "png", png);
        return png.toByteArray();
    }

    /** Hands the page an image the way a paste or a drop does: in the event's DataTransfer. */
    private void deliver(String eventType, byte[] png) {
        page.js("var bytes = Uint8Array.from(atob(arguments[1]), function (c) { return c.charCodeAt(0); });"
                + " var data = new DataTransfer();"
                + " data.items.add(new File([bytes], 'code.png', {type: 'image/png'}));"
                + " var dialog = document.querySelector('dialog[open]');"
                + " var event = arguments[0] === 'paste'"
                + "  ? new ClipboardEvent('paste', {clipboardData: data, bubbles: true, cancelable: true})"
                + "  : new DragEvent('drop', {dataTransfer: data, bubbles: true, cancelable: true});"
                + " dialog.dispatchEvent(event);", eventType, java.util.Base64.getEncoder().encodeToString(png));
    }

    @Test
    void aPastedOrDroppedImageAddsItsAccount() throws Exception {
        page.open();
        page.button("Add account").click();
        page.dialog("Add account");
        deliver("paste", qrPng("otpauth://totp/Pasted:ann?secret=JBSWY3DPEHPK3PXP&issuer=Pasted"));
        page.waitFor(() -> page.accounts().size() == 1);
        assertEquals("Pasted", page.accounts().get(0).issuer());

        page.button("Add account").click();
        page.dialog("Add account");
        deliver("drop", qrPng("otpauth://hotp/Dropped:bob?secret=4SJHB4GSD43FZBAI7C2HLRJGPQ&issuer=Dropped&counter=4"));
        page.waitFor(() -> page.accounts().size() == 2);
        assertEquals("Dropped", page.accounts().get(1).issuer());
        assertTrue(page.accounts().get(1).hasButton("Next code"));
    }
}
