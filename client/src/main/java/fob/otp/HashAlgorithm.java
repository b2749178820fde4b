package fob.otp;

/** The HMAC hash of an OTP account ({@link OtpKey} computes it: TeaVM has no javax.crypto). */
public enum HashAlgorithm {
    SHA1, SHA256, SHA512;

    private static final HashAlgorithm[] ALL = values();

    /** Parses the name an otpauth link or export uses ("SHA1", "sha-256", ...), or returns null. */
    public static HashAlgorithm fromName(String name) {
        // The vault's own spelling first: toUpperCase is slow in TeaVM's JavaScript, and the page reads one per account.
        HashAlgorithm exact = named(name);
        return exact != null ? exact : named(name.trim().toUpperCase().replace("-", ""));
    }

    private static HashAlgorithm named(String name) {
        for (HashAlgorithm algorithm : ALL) {
            if (algorithm.name().equals(name)) {
                return algorithm;
            }
        }
        return null;
    }
}
