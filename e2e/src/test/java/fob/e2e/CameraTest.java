package fob.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import fob.e2e.support.BrowserTest;
import fob.link.OtpAuthLink;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

/**
 * "Scan QR code" with a camera: Chromium's fake camera plays a video of a QR code, as a phone's camera would
 * see one on another screen.
 */
class CameraTest extends BrowserTest {
    private static final String LINK =
            "otpauth://totp/Airbnb:Elijah?secret=7ELGJSGXNCCTV3O6LKJWYFV2RA&issuer=Airbnb&algorithm=SHA512&digits=8&period=50";
    private static final Path VIDEO = writeVideo();

    /** A few frames of 640x480 YUV 4:2:0 video showing the link's QR code on a grey background. */
    private static Path writeVideo() {
        try {
            int width = 640;
            int height = 480;
            BitMatrix qr = new QRCodeWriter().encode(LINK, BarcodeFormat.QR_CODE, 360, 360);
            byte[] luma = new byte[width * height];
            Arrays.fill(luma, (byte) 170);
            int left = (width - qr.getWidth()) / 2;
            int top = (height - qr.getHeight()) / 2;
            for (int y = 0; y < qr.getHeight(); y++) {
                for (int x = 0; x < qr.getWidth(); x++) {
                    luma[(top + y) * width + left + x] = qr.get(x, y) ? (byte) 16 : (byte) 235;
                }
            }
            byte[] chroma = new byte[width * height / 4];
            Arrays.fill(chroma, (byte) 128);
            Path video = Files.createTempFile("fob-camera", ".y4m");
            try (OutputStream out = Files.newOutputStream(video)) {
                out.write(("YUV4MPEG2 W" + width + " H" + height + " F10:1 Ip A1:1 C420jpeg\n")
                        .getBytes(StandardCharsets.US_ASCII));
                for (int frame = 0; frame < 10; frame++) {
                    out.write("FRAME\n".getBytes(StandardCharsets.US_ASCII));
                    out.write(luma);
                    out.write(chroma);
                    out.write(chroma);
                }
            }
            return video;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (com.google.zxing.WriterException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    protected String[] browserArguments() {
        return new String[] {"--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream",
            "--use-file-for-fake-video-capture=" + VIDEO};
    }

    @AfterAll
    void deleteVideo() throws IOException {
        Files.deleteIfExists(VIDEO);
    }

    @Test
    void scanningWithTheCameraAddsTheAccount() throws Exception {
        page.open();
        page.button("Add account").click();
        WebElement dialog = page.dialog("Add account");
        page.button(dialog, "Scan QR code").click();
        page.waitFor(() -> page.accounts().size() == 1);
        var otp = OtpAuthLink.parse(LINK).parameters();
        page.account("Airbnb").assertShowsCodeOf(otp);
        assertEquals("Elijah", page.account("Airbnb").name());
        assertEquals(Boolean.FALSE, page.js("return !!document.getElementById('qr-video').srcObject;"),
                "the camera is released once the code is read");
    }
}
