package fob.qr;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.PlanarYUVLuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.common.GlobalHistogramBinarizer;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import fob.text.Text;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * Finds and reads a QR code in a grayscale image, with ZXing. Under TeaVM ZXing needs one class-library
 * patch ({@code fob.teavm.CharsetIsSupportedPatch}); on the JVM it runs as it is.
 */
public final class QrDecoder {
    private static final Map<DecodeHintType, Object> HINTS = new EnumMap<>(DecodeHintType.class);

    static {
        HINTS.put(DecodeHintType.TRY_HARDER, Boolean.TRUE);
        HINTS.put(DecodeHintType.POSSIBLE_FORMATS, Collections.singletonList(BarcodeFormat.QR_CODE));
        HINTS.put(DecodeHintType.CHARACTER_SET, "UTF-8");
    }

    private QrDecoder() {
    }

    /**
     * Reads the QR code in {@code luminance} (one byte per pixel, row by row), or throws when there is none.
     * Tries the binarizer suited to photos first, then the one suited to flat screenshots, then the image
     * inverted (light code on a dark background).
     */
    public static String decode(byte[] luminance, int width, int height) throws NoQrCodeException {
        if (width <= 0 || height <= 0 || luminance.length < width * height) {
            throw new NoQrCodeException(Text.t("The image is empty"));
        }
        LuminanceSource source = new PlanarYUVLuminanceSource(luminance, width, height, 0, 0, width, height, false);
        for (LuminanceSource candidate : new LuminanceSource[] {source, source.invert()}) {
            for (int attempt = 0; attempt < 2; attempt++) {
                BinaryBitmap bitmap = new BinaryBitmap(attempt == 0 ? new HybridBinarizer(candidate)
                        : new GlobalHistogramBinarizer(candidate));
                try {
                    return new QRCodeReader().decode(bitmap, HINTS).getText();
                } catch (ReaderException | IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
                    // ZXing signals "not here" with exceptions; try the next way of looking.
                }
            }
        }
        throw new NoQrCodeException(Text.t("No QR code was found in the image"));
    }

    /** RGBA pixels, as a canvas gives them, to luminance with the ITU-R BT.601 weights. */
    public static byte[] luminanceOfRgba(byte[] rgba, int width, int height) {
        byte[] y = new byte[width * height];
        for (int i = 0, p = 0; i < y.length; i++, p += 4) {
            int r = rgba[p] & 0xff;
            int g = rgba[p + 1] & 0xff;
            int b = rgba[p + 2] & 0xff;
            int a = rgba[p + 3] & 0xff;
            int gray = (r * 299 + g * 587 + b * 114) / 1000;
            // Transparent pixels read as white paper, as they look on the page.
            y[i] = (byte) ((gray * a + 255 * (255 - a)) / 255);
        }
        return y;
    }
}
