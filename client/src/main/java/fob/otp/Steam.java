package fob.otp;

/**
 * Steam Guard codes: TOTP's truncated value, written in base 26 with Steam's alphabet of 5 symbols, least
 * significant first, as Steam's mobile app and every compatible authenticator compute them.
 */
public final class Steam {
    public static final int DIGITS = 5;
    private static final String ALPHABET = "23456789BCDFGHJKMNPQRTVWXY";

    private Steam() {
    }

    public static String code(HashAlgorithm algorithm, byte[] secret, long epochMillis, int periodSeconds) {
        return code(new OtpKey(algorithm, secret), epochMillis, periodSeconds);
    }

    public static String code(OtpKey key, long epochMillis, int periodSeconds) {
        return codeAtCounter(key, Totp.counterAt(epochMillis, periodSeconds));
    }

    /** The code of the {@code counter}th period since the Unix epoch. */
    public static String codeAtCounter(OtpKey key, long counter) {
        int value = key.truncatedValue(counter);
        StringBuilder code = new StringBuilder(DIGITS);
        for (int i = 0; i < DIGITS; i++) {
            code.append(ALPHABET.charAt(value % ALPHABET.length()));
            value /= ALPHABET.length();
        }
        return code.toString();
    }
}
