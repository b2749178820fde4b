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
}
