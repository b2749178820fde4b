package fob.otp;

/** RFC 4226: an HMAC of the counter, dynamically truncated to 31 bits. */
public final class Hotp {
    private Hotp() {
    }

    /** The 31-bit number that RFC 4226 section 5.3 derives from HMAC(secret, counter). */
    public static int truncatedValue(HashAlgorithm algorithm, byte[] secret, long counter) {
        return new OtpKey(algorithm, secret).truncatedValue(counter);
    }

    /** The decimal code, left-padded with zeros to {@code digits}. */
    public static String code(HashAlgorithm algorithm, byte[] secret, long counter, int digits) {
        return code(new OtpKey(algorithm, secret), counter, digits);
    }

    public static String code(OtpKey key, long counter, int digits) {
        int value = key.truncatedValue(counter);
        // Ints only: a long is a BigInt in TeaVM's JavaScript. A 31-bit value has at most 10 digits.
        String code = Integer.toString(digits < POWERS.length ? value % POWERS[digits] : value);
        if (code.length() == digits) {
            return code;
        }
        StringBuilder padded = new StringBuilder(digits);
        for (int i = code.length(); i < digits; i++) {
            padded.append('0');
        }
        return padded.append(code).toString();
    }

    private static final int[] POWERS = {1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000,
        1000000000};
}
