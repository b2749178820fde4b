package fob.qr;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import fob.text.Text;
import java.util.EnumMap;
import java.util.Map;

/** Draws text as a QR code (ZXing): the modules, row by row, with a quiet zone of 4 around them. */
public final class QrEncoder {
    private QrEncoder() {
    }

    /** Each module dark (true) or light; the array is square. */
    public static boolean[][] encode(String text) {
        Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
        hints.put(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M);
        hints.put(EncodeHintType.MARGIN, 4);
        hints.put(EncodeHintType.CHARACTER_SET, "UTF-8");
        BitMatrix matrix;
        try {
            // Size 1: ZXing picks the smallest size that holds the code, one pixel per module.
            matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 1, 1, hints);
        } catch (WriterException e) {
            throw new IllegalArgumentException(Text.t("The text is too long for a QR code"), e);
        }
        boolean[][] modules = new boolean[matrix.getHeight()][matrix.getWidth()];
        for (int y = 0; y < matrix.getHeight(); y++) {
            for (int x = 0; x < matrix.getWidth(); x++) {
                modules[y][x] = matrix.get(x, y);
            }
        }
        return modules;
    }
}
