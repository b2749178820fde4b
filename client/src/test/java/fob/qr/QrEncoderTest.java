package fob.qr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fob.testing.Fixtures;
import org.junit.jupiter.api.Test;

class QrEncoderTest {
    @Test
    void whatItDrawsTheDecoderReadsBack() throws Exception {
        for (String link : Fixtures.accountLinks()) {
            boolean[][] modules = QrEncoder.encode(link);
            int scale = 4;
            int size = modules.length * scale;
            byte[] luminance = new byte[size * size];
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    luminance[y * size + x] = modules[y / scale][x / scale] ? 0 : (byte) 255;
                }
            }
            assertEquals(link, QrDecoder.decode(luminance, size, size));
        }
    }
}
