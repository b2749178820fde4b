package fob.otp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TotpTest {
    private static byte[] seed(HashAlgorithm algorithm) {
        String digits = "1234567890";
        int length = algorithm == HashAlgorithm.SHA1 ? 20 : algorithm == HashAlgorithm.SHA256 ? 32 : 64;
        return digits.repeat(7).substring(0, length).getBytes(StandardCharsets.US_ASCII);
    }

    /** RFC 6238 appendix B: 8 digits, 30-second steps, one seed per hash. */
    @ParameterizedTest
    @CsvSource({
        "59,SHA1,94287082", "59,SHA256,46119246", "59,SHA512,90693936",
        "1111111109,SHA1,07081804", "1111111109,SHA256,68084774", "1111111109,SHA512,25091201",
        "1111111111,SHA1,14050471", "1111111111,SHA256,67062674", "1111111111,SHA512,99943326",
        "1234567890,SHA1,89005924", "1234567890,SHA256,91819424", "1234567890,SHA512,93441116",
        "2000000000,SHA1,69279037", "2000000000,SHA256,90698825", "2000000000,SHA512,38618901",
        "20000000000,SHA1,65353130", "20000000000,SHA256,77737706", "20000000000,SHA512,47863826"})
    void rfc6238Vectors(long seconds, HashAlgorithm algorithm, String code) {
        assertEquals(code, Totp.code(algorithm, seed(algorithm), seconds * 1000, 30, 8));
    }

    @Test
    void stepsAndCountdownFollowThePeriod() {
        assertEquals(1, Totp.counterAt(30_000, 30));
        assertEquals(0, Totp.counterAt(29_999, 30));
        assertEquals(1, Totp.millisRemaining(29_999, 30));
        assertEquals(30_000, Totp.millisRemaining(30_000, 30));
        assertEquals(2_500, Totp.millisRemaining(47_500, 50));
        assertEquals(-1, Totp.counterAt(-1, 30), "before 1970 still floors, never truncates towards zero");
    }
}
