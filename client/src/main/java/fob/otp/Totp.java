package fob.otp;

/** RFC 6238: HOTP over the number of periods since the Unix epoch. */
public final class Totp {
    private Totp() {
    }

    public static long counterAt(long epochMillis, int periodSeconds) {
        return Math.floorDiv(epochMillis, periodSeconds * 1000L);
    }

    public static String code(HashAlgorithm algorithm, byte[] secret, long epochMillis, int periodSeconds, int digits) {
        return Hotp.code(algorithm, secret, counterAt(epochMillis, periodSeconds), digits);
    }

    /** Milliseconds until the code at {@code epochMillis} changes. */
    public static long millisRemaining(long epochMillis, int periodSeconds) {
        long period = periodSeconds * 1000L;
        return period - Math.floorMod(epochMillis, period);
    }
}
