package fob.qr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fob.imports.GoogleMigration;
import fob.imports.ImportEntry;
import fob.testing.Fixtures;
import java.awt.image.BufferedImage;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class QrDecoderTest {
    /** Decodes an image file the way the page does: RGBA pixels, then luminance. */
    static String decode(String fixture) throws Exception {
        BufferedImage image = ImageIO.read(Fixtures.path(fixture).toFile());
        int width = image.getWidth();
        int height = image.getHeight();
        byte[] rgba = new byte[width * height * 4];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int argb = image.getRGB(x, y);
                int p = (y * width + x) * 4;
                rgba[p] = (byte) (argb >> 16);
                rgba[p + 1] = (byte) (argb >> 8);
                rgba[p + 2] = (byte) argb;
                rgba[p + 3] = (byte) (argb >>> 24);
            }
        }
        return QrDecoder.decode(QrDecoder.luminanceOfRgba(rgba, width, height), width, height);
    }

    @Test
    void readsThePhotographedGoogleExport() throws Exception {
        String text = decode("google-migration/example_export.png");
        assertTrue(GoogleMigration.isMigrationLink(text), text);
        List<ImportEntry> entries = GoogleMigration.parse(text);
        assertFalse(entries.isEmpty());
        assertTrue(entries.stream().allMatch(ImportEntry::usable));
    }

    @Test
    void readsAQrCodeThatIsNotAnOtpLink() throws Exception {
        String text = decode("google-migration/qr_but_without_otp.png");
        assertFalse(text.startsWith("otpauth"), text);
    }

    @Test
    void saysSoWhenThereIsNoCode() {
        byte[] gray = new byte[64 * 64];
        assertThrows(NoQrCodeException.class, () -> QrDecoder.decode(gray, 64, 64));
        assertThrows(NoQrCodeException.class, () -> QrDecoder.decode(gray, 0, 0));
    }

    @Test
    void transparentPixelsAreWhite() {
        byte[] y = QrDecoder.luminanceOfRgba(new byte[] {0, 0, 0, 0, 0, 0, 0, (byte) 255}, 2, 1);
        assertEquals(-1, y[0]);
        assertEquals(0, y[1]);
    }
}
