package fob.otp;

/** How a code is derived: from the time (TOTP, Steam) or from a counter (HOTP). */
public enum OtpType {
    TOTP, HOTP, STEAM;

    public boolean isTimeBased() {
        return this != HOTP;
    }

    /** The name otpauth links use for this type, in lower case. */
    public String linkName() {
        return name().toLowerCase();
    }

    /** Parses a type name ("totp", "HOTP", "steam"), or returns null. */
    public static OtpType fromName(String name) {
        switch (name.trim().toLowerCase()) {
            case "totp":
                return TOTP;
            case "hotp":
                return HOTP;
            case "steam":
                return STEAM;
            default:
                return null;
        }
    }
}
