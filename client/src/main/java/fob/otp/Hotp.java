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
        String code = Integer.toString((int) (value % POWERS[digits]));
        StringBuilder padded = new StringBuilder(digits);
        for (int i = code.length(); i < digits; i++) {
            padded.append('0');
        }
        return padded.append(code).toString();
    }

    private static final long[] POWERS = {1L, 10L, 100L, 1000L, 10000L, 100000L, 1000000L, 10000000L,
        100000000L, 1000000000L, 10000000000L};
}
