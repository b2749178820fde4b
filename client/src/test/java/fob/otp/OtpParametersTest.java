package fob.otp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class OtpParametersTest {
    private static final byte[] KEY = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};

    @Test
    void refusesWhatNoServiceUses() {
        assertEquals(InvalidOtpException.Field.DIGITS, assertThrows(InvalidOtpException.class,
                () -> OtpParameters.of(OtpType.TOTP, HashAlgorithm.SHA1, 5, 30, 0, KEY)).field());
        assertEquals(InvalidOtpException.Field.DIGITS, assertThrows(InvalidOtpException.class,
                () -> OtpParameters.of(OtpType.HOTP, HashAlgorithm.SHA1, 9, 30, 0, KEY)).field());
        assertEquals(InvalidOtpException.Field.PERIOD, assertThrows(InvalidOtpException.class,
                () -> OtpParameters.of(OtpType.TOTP, HashAlgorithm.SHA1, 6, 0, 0, KEY)).field());
        assertEquals(InvalidOtpException.Field.COUNTER, assertThrows(InvalidOtpException.class,
                () -> OtpParameters.of(OtpType.HOTP, HashAlgorithm.SHA1, 6, 30, -1, KEY)).field());
        assertEquals(InvalidOtpException.Field.SECRET, assertThrows(InvalidOtpException.class,
                () -> OtpParameters.of(OtpType.TOTP, HashAlgorithm.SHA1, 6, 30, 0, new byte[0])).field());
        assertEquals(InvalidOtpException.Field.SECRET, assertThrows(InvalidOtpException.class,
                () -> OtpParameters.of(OtpType.TOTP, HashAlgorithm.SHA1, 6, 30, 0, new byte[257])).field());
    }

    @Test
    void aTimeBasedCodeIsGoodUntilItsPeriodEndsAnHotpCodeForThirtySeconds() throws InvalidOtpException {
        OtpParameters totp = OtpParameters.of(OtpType.TOTP, HashAlgorithm.SHA1, 6, 60, 0, KEY);
        assertEquals(60_000, totp.millisValidAt(120_000));
        assertEquals(1, totp.millisValidAt(179_999));
        assertEquals(15_500, OtpParameters.of(OtpType.STEAM, HashAlgorithm.SHA1, 5, 30, 0, KEY)
                .millisValidAt(14_500));
        OtpParameters hotp = OtpParameters.of(OtpType.HOTP, HashAlgorithm.SHA1, 6, 30, 7, KEY);
        assertEquals(30_000, hotp.millisValidAt(0));
        assertEquals(30_000, hotp.millisValidAt(179_999), "the same grace whenever it is copied");
    }

    @Test
    void steamAlwaysHasFiveCharacters() throws InvalidOtpException {
        assertEquals(5, OtpParameters.of(OtpType.STEAM, HashAlgorithm.SHA1, 6, 30, 0, KEY).digits());
    }

    @Test
    void neverPrintsTheSecret() throws InvalidOtpException {
        String text = OtpParameters.of(OtpType.TOTP, HashAlgorithm.SHA1, 6, 30, 0, KEY).toString();
        assertFalse(text.contains("AEBAGBAFAYDQQCIK"), text);
    }

    @Test
    void theSecretCannotBeChangedFromOutside() throws InvalidOtpException {
        byte[] key = KEY.clone();
        OtpParameters p = OtpParameters.of(OtpType.TOTP, HashAlgorithm.SHA1, 6, 30, 0, key);
        key[0] = 99;
        p.secret()[1] = 99;
        assertEquals(1, p.secret()[0]);
        assertEquals(2, p.secret()[1]);
    }

    @Test
    void aKeyReusedForManyCodesGivesWhatAFreshKeyGives() throws Exception {
        byte[] secret = "12345678901234567890123456789012".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        for (HashAlgorithm algorithm : HashAlgorithm.values()) {
            OtpParameters totp = OtpParameters.of(OtpType.TOTP, algorithm, 8, 30, 0, secret);
            OtpParameters steam = OtpParameters.of(OtpType.STEAM, algorithm, 5, 30, 0, secret);
            for (long t = 59_000; t < 59_000 + 200 * 30_000L; t += 30_000) {
                assertEquals(Totp.code(algorithm, secret, t, 30, 8), totp.codeAt(t));
                assertEquals(Steam.code(algorithm, secret, t, 30), steam.codeAt(t));
            }
            // Twice the same step: the key's state is reset after each code.
            assertEquals(totp.codeAt(59_000), totp.codeAt(59_000));
        }
        // RFC 6238's SHA-1 vector at T=59 through the reused key.
        OtpParameters rfc = OtpParameters.of(OtpType.TOTP, HashAlgorithm.SHA1, 8, 30, 0,
                "12345678901234567890".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        rfc.codeAt(1_111_111_109_000L);
        assertEquals("94287082", rfc.codeAt(59_000));
    }
}
