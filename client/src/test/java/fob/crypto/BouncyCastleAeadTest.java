package fob.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class BouncyCastleAeadTest {
    /** RFC 5869 appendix A.1. */
    @Test
    void hkdfMatchesRfc5869() {
        HexFormat hex = HexFormat.of();
        byte[] okm = new BouncyCastleAead().hkdf(hex.parseHex("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b"),
                hex.parseHex("000102030405060708090a0b0c"), hex.parseHex("f0f1f2f3f4f5f6f7f8f9"), 42);
        assertEquals("3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865", hex.formatHex(okm));
    }

    /** The GCM test vector of McGrew and Viega (test case 14: AES-256, zero key, zero nonce, one zero block). */
    @Test
    void aesGcmMatchesTheGcmSpecification() throws Exception {
        HexFormat hex = HexFormat.of();
        byte[] sealed = new BouncyCastleAead().seal(new byte[32], new byte[12], new byte[0], new byte[16]);
        assertEquals("cea7403d4d606b6e074ec5d3baf39d18" + "d0d1c8a799996bf0265b98b5d48ab919", hex.formatHex(sealed));
        assertArrayEquals(new byte[16], new BouncyCastleAead().open(new byte[32], new byte[12], new byte[0], sealed));
    }


    @Test
    void aChangedTagOrTheWrongKeyDoesNotOpen() throws Exception {
        BouncyCastleAead aead = new BouncyCastleAead();
        byte[] sealed = aead.seal(new byte[32], new byte[12], new byte[] {1}, new byte[16]);
        byte[] changed = sealed.clone();
        changed[changed.length - 1] ^= 1;
        assertThrows(DecryptionException.class, () -> aead.open(new byte[32], new byte[12], new byte[] {1}, changed));
        byte[] otherKey = new byte[32];
        otherKey[0] = 1;
        assertThrows(DecryptionException.class, () -> aead.open(otherKey, new byte[12], new byte[] {1}, sealed));
        assertThrows(DecryptionException.class, () -> aead.open(new byte[32], new byte[12], new byte[] {2}, sealed),
                "other associated data");
    }
}
