package fob.otp;

/** The HMAC hash of an OTP account ({@link OtpKey} computes it with BouncyCastle: TeaVM has no javax.crypto). */
public enum HashAlgorithm {
    SHA1, SHA256, SHA512;

    /** Parses the name an otpauth link or export uses ("SHA1", "sha-256", ...), or returns null. */
    public static HashAlgorithm fromName(String name) {
        // The vault's own spelling first: toUpperCase is slow in TeaVM's JavaScript, and the page reads one per account.
        switch (name) {
            case "SHA1":
                return SHA1;
            case "SHA256":
                return SHA256;
            case "SHA512":
                return SHA512;
            default:
                break;
        }
        switch (name.trim().toUpperCase().replace("-", "")) {
            case "SHA1":
                return SHA1;
            case "SHA256":
                return SHA256;
            case "SHA512":
                return SHA512;
            default:
                return null;
        }
    }
}
